"""Requirement: the wheel installs into a fresh venv and imports with no Swift toolchain in sight
(PATH and LD_LIBRARY_PATH scrubbed of it), and its shared object needs no Swift runtime or
Foundation library."""

import glob
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from conftest import KARATE, ROOT


def built_wheel():
    explicit = os.environ.get("INFLUENCEKIT_WHEEL")
    if explicit:
        return explicit
    wheels = sorted(glob.glob(os.path.join(ROOT, "python", "dist", "influencekit-*.whl")), key=os.path.getmtime)
    return wheels[-1] if wheels else None


@pytest.fixture(scope="module")
def wheel():
    path = built_wheel()
    if path is None:
        pytest.skip("no wheel in python/dist (run `make python`)")
    return path


def scrubbed_environment():
    """PATH without any directory holding swift, no LD_LIBRARY_PATH, no Swift variables."""
    directories = [d for d in os.environ.get("PATH", "").split(os.pathsep) if d and not os.path.exists(os.path.join(d, "swift"))]
    environment = {"PATH": os.pathsep.join(directories) or "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"),
                   "LANG": "C.UTF-8"}
    return environment


def test_wheel_name_and_contents(wheel):
    name = os.path.basename(wheel)
    assert name.startswith("influencekit-0.3.0-py3-none-") and ("linux_x86_64" in name or "manylinux" in name)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "influencekit/libinfluencekit.so" in names and "influencekit/graph.py" in names
    assert "influencekit/py.typed" in names and "influencekit/invite.py" in names
    assert "influencekit-0.3.0.dist-info/RECORD" in names and "influencekit-0.3.0.dist-info/WHEEL" in names


def test_fresh_venv_install_and_import_without_swift(wheel, tmp_path):
    venv = tmp_path / "fresh"
    # A venv of its own, without pip (this interpreter's pip installs into it: --python).
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", python, "install", "--no-index", "--no-deps", "-q",
                              "--disable-pip-version-check", wheel], capture_output=True, text=True)
    assert install.returncode == 0, install.stderr
    environment = scrubbed_environment()
    assert shutil.which("swift", path=environment["PATH"]) is None
    code = f"""
import os, shutil, influencekit as ik
assert shutil.which("swift") is None and "LD_LIBRARY_PATH" not in os.environ
assert ik.library_path.startswith({str(venv)!r}), ik.library_path
g = ik.Graph.from_file({KARATE!r}, undirected=True)
r = g.seeds(2, seed=1, threads=2)
print(ik.library_version, list(r.seeds), g.nodes)
"""
    completed = subprocess.run([python, "-c", code], env=environment, cwd=str(tmp_path), capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    version, *rest = completed.stdout.split()
    assert version == "0.3.0" and rest[-1] == "34"
    # The installed shared object loads no Swift runtime and no Foundation.
    installed = glob.glob(str(venv / "lib" / "python*" / "site-packages" / "influencekit" / "libinfluencekit.so"))
    assert installed
    if shutil.which("readelf"):
        dynamic = subprocess.run(["readelf", "-d", installed[0]], capture_output=True, text=True, check=True).stdout
        needed = [line.split("[")[1].rstrip("]") for line in dynamic.splitlines() if "(NEEDED)" in line]
        assert needed and not [n for n in needed if "swift" in n.lower() or "foundation" in n.lower() or "dispatch" in n.lower()], needed
    if shutil.which("ldd"):
        resolved = subprocess.run(["ldd", installed[0]], env=environment, capture_output=True, text=True).stdout
        assert "not found" not in resolved, resolved
        assert "swift" not in resolved.lower(), resolved
