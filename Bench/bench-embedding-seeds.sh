#!/usr/bin/env bash
# Embedding seeds beside every baseline (issue 23): `infmax compare` on nethept and email-Enron
# (../shared/graphs), IC weighted cascade, k = 1, 10, 50, algorithms degree, pagerank, opim-c and
# embedding, 10,000 Monte Carlo runs on the same worlds for every algorithm, seed 1, 2 threads;
# then `infmax seeds --algorithm embedding --k 50 --json` for the record's note (whether the
# learned seeds or degree's won the check on fresh RR sets).
# Usage: bash Bench/bench-embedding-seeds.sh [BINARY] [OUT.md]   (env: GRAPHS, THREADS, RUNS)
# Writes the Markdown tables to OUT (default Bench/results/embedding-seeds-DATE.md).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/infmax}
OUT=${2:-Bench/results/embedding-seeds-$(date -u +%Y-%m-%d).md}
GRAPHS=${GRAPHS:-../shared/graphs}
THREADS=${THREADS:-2}
RUNS=${RUNS:-10000}
[ -x "$BIN" ] || { echo "error: $BIN not found (run make release, or pass the binary)" >&2; exit 1; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
for g in nethept.txt email-Enron.txt.gz; do
  [ -f "$GRAPHS/$g" ] || { echo "error: $GRAPHS/$g not found (the shared graphs)" >&2; exit 1; }
  echo "== $g" >&2
  "$BIN" compare "$GRAPHS/$g" --k 1,10,50 --algorithms degree,pagerank,opim-c,embedding --runs "$RUNS" \
    --threads "$THREADS" --seed 1 --json --quiet > "$TMP/compare-$g.json"
  "$BIN" seeds "$GRAPHS/$g" --k 50 --algorithm embedding --threads "$THREADS" --seed 1 --json --quiet > "$TMP/seeds-$g.json"
done
python3 - "$TMP" "$OUT" "$THREADS" "$RUNS" <<'PY'
import json, sys, os
tmp, out, threads, runs = sys.argv[1:5]
names = {'degree': 'degree', 'pagerank': 'PageRank', 'opim-c': 'OPIM-C', 'embedding': 'embedding'}
L = [f'# Embedding seeds beside the baselines', '',
     f'`Bench/bench-embedding-seeds.sh`: `infmax compare GRAPH --k 1,10,50 --algorithms degree,pagerank,opim-c,embedding '
     f'--runs {runs} --threads {threads} --seed 1` (IC, weighted cascade; every algorithm on the same Monte Carlo worlds, '
     f'mean ± standard error), load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end of the run '
     '(selection times are wall times on a shared machine: compare them within a row only).', '']
for g, title in [('nethept.txt', 'nethept'), ('email-Enron.txt.gz', 'email-Enron')]:
    r = json.load(open(f'{tmp}/compare-{g}.json'))
    s = json.load(open(f'{tmp}/seeds-{g}.json'))
    L += [f'### {title}', '', '| algorithm | k = 1 | k = 10 | k = 50 | selection time (k = 1 / 10 / 50) |', '| --- | --- | --- | --- | --- |']
    for a in ['degree', 'pagerank', 'opim-c', 'embedding']:
        rows = sorted((x for x in r['rows'] if x['algorithm'] == a), key=lambda x: x['k'])
        cells = ' | '.join(f"{x['spread']['estimate']:.1f} ± {x['spread']['standardError']:.1f}" for x in rows)
        times = ' / '.join(f"{x['selectionSeconds']:.2f} s" for x in rows)
        L.append(f'| {names[a]} | {cells} | {times} |')
    L += ['', f"`infmax seeds --algorithm embedding --k 50` record note: {s.get('note', '(none)')}", '']
open(out, 'w').write('\n'.join(L) + '\n')
print('\n'.join(L))
PY
