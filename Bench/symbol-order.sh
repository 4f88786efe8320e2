#!/usr/bin/env bash
# Writes Sources/infmax/symbol-order.txt: every function `infmax` executes in typical runs
# (--version, seeds k = 50 on the three reference graphs, simulate), in first-call order, as
# recorded by valgrind's callgrind on a copy of the release binary without debug information
# (valgrind 3.19 cannot read Swift's DWARF 5). Bench/build-release.sh hands the list to lld, which
# lays those functions out together. Rerun after large code changes; a stale list only costs
# resident memory, never correctness.
# usage: Bench/symbol-order.sh   (needs valgrind; environment: GRAPHS_DIR)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
graphs="${GRAPHS_DIR:-$root/../shared/graphs}"
command -v valgrind >/dev/null || { echo "symbol-order: valgrind is missing (apt-get install -y valgrind)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/Bench/build-release.sh" >&2
strip --strip-debug -o "$work/infmax" "$root/.build/release/infmax"
run() { valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/cg.$1" "$work/infmax" "${@:2}" > /dev/null 2>> "$work/log"; }
run version --version
i=0
for g in nethept.txt email-Enron.txt.gz soc-Slashdot0902.txt.gz; do
  i=$((i + 1))
  run "seeds$i" seeds "$graphs/$g" --k 50 --threads 2 --quiet
  run "simulate$i" simulate "$graphs/$g" --seeds 0,1,2 --runs 256 --threads 2 --quiet
done
python3 - "$work" "$root/Sources/infmax/symbol-order.txt" <<'PY'
import glob, os, re, sys
work, out = sys.argv[1], sys.argv[2]
names, seen = [], set()
for path in sorted(glob.glob(os.path.join(work, "cg.*")), key=os.path.getmtime):
    ids = {}
    for line in open(path, errors="replace"):
        m = re.match(r"^c?fn=\((\d+)\)(?: (.*))?$", line.rstrip("\n"))
        if not m:
            continue
        if m.group(2):
            ids[m.group(1)] = m.group(2)
        name = re.sub(r"'\d+$", "", ids.get(m.group(1), ""))
        if name and not name.startswith("0x") and name not in seen:
            seen.add(name)
            names.append(name)
with open(out, "w") as f:
    f.write("\n".join(names) + "\n")
print(f"{out}: {len(names)} functions", file=sys.stderr)
PY
