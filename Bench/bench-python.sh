#!/usr/bin/env bash
# Seed selection from Python, side by side in one run: influencekit (the wheel `make python`
# builds) against networkx with a pure-Python CELF greedy on Monte Carlo spread, IC with
# weighted-cascade probabilities, on the bundled karate club (k = 5) and on a 1,000-node power-law
# graph (k = 5). Both seed sets are scored by the same Monte Carlo estimator. CSV rows on stdout
# (Bench/README.md), progress on stderr.
#
# usage: Bench/bench-python.sh [MC_RUNS]     (Monte Carlo runs per CELF evaluation, default 500)
#   environment: INFMAX, the infmax that generates the power-law graph (default .build/release/infmax)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
mc_runs="${1:-500}"

wheel=$(ls -t "$root"/python/dist/influencekit-*.whl 2>/dev/null | head -1 || true)
if [ -z "$wheel" ]; then
  echo "== make python" >&2
  make -C "$root" python >&2
  wheel=$(ls -t "$root"/python/dist/influencekit-*.whl | head -1)
fi
py=$(bash "$here/peers/venv.sh" networkx numpy)
echo "== installing $(basename "$wheel") into $here/.venv" >&2
"$py" -m pip install -q --no-index --no-deps --force-reinstall "$wheel" >&2

mkdir -p "$here/work"
power_law="$here/work/power-law-1k.txt"
if [ ! -f "$power_law" ]; then
  infmax="${INFMAX:-$root/.build/release/infmax}"
  [ -x "$infmax" ] || "$root/Bench/build-release.sh" >&2
  "$infmax" generate power-law --nodes 1000 --arcs 5000 --seed 5 --edge-list "$power_law" >&2
fi

echo "== karate" >&2
"$py" "$here/peers/python_greedy.py" "$root/Graphs/karate.txt" 5 "$mc_runs" --undirected --name karate
echo "== power-law 1k" >&2
"$py" "$here/peers/python_greedy.py" "$power_law" 5 "$mc_runs" --name power-law-1k | tail -n +2
