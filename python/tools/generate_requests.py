#!/usr/bin/env python3
"""Writes python/src/influencekit/_requests.py: every field of the library's request types (name,
Python keyword, type, documentation with its default), read from their Swift declarations, so
that the package's keywords and ``help()`` follow the library's requests exactly.

usage: python3 python/tools/generate_requests.py [--check]
  --check: exit 1 (and say which use case differs) when the committed module is not current.
"""

import os
import pprint
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCES = {
    "seeds": "Sources/InfluenceKit/UseCases/Seeds/SeedsRequest.swift",
    "simulate": "Sources/InfluenceKit/UseCases/Simulate/SimulateRequest.swift",
    "compare": "Sources/InfluenceKit/UseCases/Compare/CompareRequest.swift",
    "cim": "Sources/InfluenceKit/UseCases/CIM/CIMRequest.swift",
    "closed": "Sources/InfluenceKit/UseCases/Closed/ClosedRequest.swift",
    "recommend": "Sources/InfluenceKit/UseCases/Recommend/RecommendRequest.swift",
    "embed": "Sources/GraphInfomax/UseCases/EmbedRequest.swift",
    "probe": "Sources/GraphInfomax/UseCases/ProbeRequest.swift",
}
TARGET = os.path.join(ROOT, "python", "src", "influencekit", "_requests.py")


def snake(name):
    """The Python keyword of a request field: normalizeLT -> normalize_lt, topC -> top_c."""
    name = name.replace("LT", "Lt")
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def python_type(swift):
    optional = swift.endswith("?")
    base = swift.rstrip("?")
    mapping = {"Int": "int", "UInt64": "int", "Double": "float", "Bool": "bool", "String": "str",
               "[String]": "Sequence[str]", "[Int]": "Sequence[int]", "[Double]": "Sequence[float]",
               "[SelectionAlgorithm]": "Sequence[str]", "EmbeddingSelectionParameters": "Mapping[str, Any]",
               "ActiveParticipantSetReference": "Mapping[str, Any]"}
    text = mapping.get(base, "str")  # enums and schemes are spelled as strings
    return text, optional


def fields(path):
    """(field, Swift type, doc) of the request struct's stored `public var`s, in order."""
    out, doc, inside = [], [], False
    for line in open(os.path.join(ROOT, path), encoding="utf-8"):
        stripped = line.strip()
        if re.match(r"public struct \w+Request\b", stripped):
            inside = True
        if stripped.startswith("///"):
            doc.append(stripped[3:].strip())
            continue
        match = re.match(r"    public var (\w+): ([^={]+?)\s*$", line.rstrip("\n"))
        if inside and match:
            out.append((match.group(1), match.group(2).strip(), " ".join(doc)))
        doc = []
        if inside and line.startswith("}"):
            break
    return out


def table():
    result = {}
    for use_case, path in SOURCES.items():
        rows = []
        for name, swift, doc in fields(path):
            text, optional = python_type(swift)
            required = "Required" in doc
            rows.append((name, snake(name), text, optional, required, doc))
        result[use_case] = rows
    return result


def render():
    body = pprint.pformat(table(), width=110, sort_dicts=False)
    return (
        '"""The library\'s request fields, per use case: (field, keyword, type, nullable, required, doc).\n\n'
        "Generated from the Swift request types by python/tools/generate_requests.py; do not edit.\n"
        '"""\n\nFIELDS = ' + body + "\n"
    )


def main():
    text = render()
    if "--check" in sys.argv:
        current = open(TARGET, encoding="utf-8").read() if os.path.exists(TARGET) else ""
        if current != text:
            print(f"{TARGET} is not current (run python3 python/tools/generate_requests.py)", file=sys.stderr)
            return 1
        return 0
    with open(TARGET, "w", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
