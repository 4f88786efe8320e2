#!/usr/bin/env python3
"""Fails when a public symbol of InfluenceKit has no doc comment.

Reads the symbol graph that `make docs` extracts (SCRATCH/*/extracted-symbols/*/InfluenceKit/
InfluenceKit*.symbols.json: the module's own file and its extensions of other modules' types) and
lists every symbol with public or open access, declared in Sources/InfluenceKit/, whose doc comment
is missing or blank, as FILE:LINE: KIND NAME. Symbols without a source location (members that the
compiler synthesises, such as Codable's or Equatable's, and protocol defaults inherited from the
standard library) are not ours to document and are skipped.

usage: check-doc-comments.py SCRATCH [--list]
  exit 0 when every public symbol is documented, 1 when some are not, 2 when no symbol graph is found.
  --list prints the undocumented symbols without failing (for a count).
"""
import glob
import json
import os
import sys


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    list_only = "--list" in sys.argv[1:]
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    scratch = args[0]
    directories = glob.glob(os.path.join(scratch, "*", "extracted-symbols", "*", "InfluenceKit"))
    if not directories:
        print(f"error: no InfluenceKit symbol graph under {scratch} (run make docs first)", file=sys.stderr)
        return 2
    # The most recently written directory: the one this checkout's build just extracted.
    directory = max(directories, key=os.path.getmtime)
    files = sorted(glob.glob(os.path.join(directory, "InfluenceKit*.symbols.json")))
    if not files:
        print(f"error: no InfluenceKit*.symbols.json in {directory}", file=sys.stderr)
        return 2

    total = 0
    missing = []
    seen = set()
    for path in files:
        with open(path, encoding="utf-8") as handle:
            graph = json.load(handle)
        for symbol in graph.get("symbols", []):
            if symbol.get("accessLevel") not in ("public", "open"):
                continue
            location = symbol.get("location")
            if not location or "/Sources/InfluenceKit/" not in location.get("uri", ""):
                continue
            key = symbol["identifier"]["precise"]
            if key in seen:
                continue
            seen.add(key)
            total += 1
            lines = (symbol.get("docComment") or {}).get("lines", [])
            if not any(line.get("text", "").strip() for line in lines):
                file = location["uri"].split("/Sources/", 1)[1]
                line = location["position"]["line"] + 1
                kind = symbol["kind"]["identifier"].removeprefix("swift.")
                missing.append((file, line, kind, ".".join(symbol["pathComponents"])))

    for file, line, kind, name in sorted(missing):
        print(f"Sources/{file}:{line}: {kind} {name} has no doc comment", file=sys.stderr)
    documented = total - len(missing)
    print(f"doc comments: {documented} of {total} public symbols of InfluenceKit documented, {len(missing)} missing",
          file=sys.stderr)
    return 0 if list_only or not missing else 1


if __name__ == "__main__":
    sys.exit(main())
