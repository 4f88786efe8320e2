"""PEP 517 build backend of the influencekit package.

The package is pure Python plus one prebuilt shared object, ``libinfluencekit.so`` (the Swift
engine behind its C interface, built by ``make python`` with the Swift runtime linked in). This
backend packs ``src/influencekit`` into a wheel tagged for the platform the shared object was
built on (``py3-none-linux_x86_64``: the package loads the library with ctypes, so any Python 3
works). It needs nothing from a package index.
"""

import base64
import hashlib
import os
import sysconfig
import tarfile
import zipfile

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_PACKAGE = os.path.join(_ROOT, "src", "influencekit")
_LIBRARY = "libinfluencekit.so"


def _project():
    """Name and version from pyproject.toml."""
    path = os.path.join(_ROOT, "pyproject.toml")
    if tomllib is not None:
        with open(path, "rb") as f:
            project = tomllib.load(f)["project"]
        return project["name"], project["version"], project.get("description", "")
    name = version = description = ""
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.partition("=")
            key, value = key.strip(), value.strip().strip('"')
            if key == "name" and not name:
                name = value
            elif key == "version" and not version:
                version = value
            elif key == "description" and not description:
                description = value
    return name, version, description


def _platform_tag():
    return sysconfig.get_platform().replace("-", "_").replace(".", "_")


def _metadata(name, version, description):
    readme_path = os.path.join(_ROOT, "README.md")
    with open(readme_path, encoding="utf-8") as f:
        readme = f.read()
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {name}\n"
        f"Version: {version}\n"
        f"Summary: {description}\n"
        "Requires-Python: >=3.9\n"
        "License: MIT\n"
        "Provides-Extra: arrays\n"
        'Requires-Dist: numpy>=1.21; extra == "arrays"\n'
        "Provides-Extra: pandas\n"
        'Requires-Dist: numpy>=1.21; extra == "pandas"\n'
        'Requires-Dist: pandas>=1.3; extra == "pandas"\n'
        "Provides-Extra: networkx\n"
        'Requires-Dist: numpy>=1.21; extra == "networkx"\n'
        'Requires-Dist: networkx; extra == "networkx"\n'
        "Provides-Extra: igraph\n"
        'Requires-Dist: numpy>=1.21; extra == "igraph"\n'
        'Requires-Dist: python-igraph; extra == "igraph"\n'
        "Description-Content-Type: text/markdown\n"
        "\n" + readme
    )


def _record_line(path, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def _package_files():
    """(archive path, bytes) of the package, sorted, caches left out."""
    files = []
    for directory, subdirectories, names in os.walk(_PACKAGE):
        subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, os.path.dirname(_PACKAGE)).replace(os.sep, "/")
            with open(path, "rb") as f:
                files.append((relative, f.read()))
    return files


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    """Writes influencekit-VERSION-py3-none-PLATFORM.whl into wheel_directory."""
    if not os.path.isfile(os.path.join(_PACKAGE, _LIBRARY)):
        raise RuntimeError(
            f"{os.path.join(_PACKAGE, _LIBRARY)} is missing (expected the shared object that "
            "`make python` builds and copies there; run `make python` from the repository root)"
        )
    name, version, description = _project()
    tag = f"py3-none-{_platform_tag()}"
    dist_info = f"{name}-{version}.dist-info"
    wheel_name = f"{name}-{version}-{tag}.whl"
    entries = _package_files()
    entries.append((f"{dist_info}/METADATA", _metadata(name, version, description).encode()))
    entries.append(
        (
            f"{dist_info}/WHEEL",
            (
                "Wheel-Version: 1.0\n"
                "Generator: influencekit_build\n"
                "Root-Is-Purelib: false\n"
                f"Tag: {tag}\n"
            ).encode(),
        )
    )
    entries.append((f"{dist_info}/top_level.txt", f"{name}\n".encode()))
    record = "\n".join(_record_line(path, data) for path, data in entries)
    record += f"\n{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))
    os.makedirs(wheel_directory, exist_ok=True)
    target = os.path.join(wheel_directory, wheel_name)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, data in entries:
            info = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            executable = path.endswith(".so")
            info.external_attr = (0o755 if executable else 0o644) << 16
            archive.writestr(info, data)
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    """A source archive of the Python layer (the shared object is built from the repository)."""
    name, version, _ = _project()
    base = f"{name}-{version}"
    os.makedirs(sdist_directory, exist_ok=True)
    target = os.path.join(sdist_directory, f"{base}.tar.gz")
    with tarfile.open(target, "w:gz") as archive:
        for relative in ("pyproject.toml", "README.md", "build_backend", "src"):
            archive.add(
                os.path.join(_ROOT, relative),
                arcname=f"{base}/{relative}",
                filter=lambda info: None if "__pycache__" in info.name or info.name.endswith(".so") else info,
            )
    return os.path.basename(target)


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []
