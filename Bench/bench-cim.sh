#!/usr/bin/env bash
# Capacity-constrained IM side by side (issue 10): email-Enron with the 5% AP set of
# ../shared/graphs/cim (the published code's figures are in its README) and soc-Slashdot0902 with a
# 5% AP set chosen the same way; k ∈ {2, 5, 10}, ε = 0.1, IC weighted cascade on the full graph.
# For each row: selection time (load excluded), RR sets, peak memory and a 10,000-run Monte Carlo
# spread on P (the graph without the APs) for rr-opim+ (default, with refinement), rr-opim+ with
# the paper's rule (--precision 0), rr-opim+ --compat --precision 0 (the published code's
# behaviour), rr-opim, mg-opim, the degree and PageRank baselines, and OPIM-C on P with k·|A|
# seeds ignoring the constraint (an upper reference); and the cost estimate of rr-greedy and
# mg-greedy with 10,000-run Monte Carlo gains.
#
# Usage: Bench/bench-cim.sh [OUT.md]   (env: THREADS, GRAPHS, MC_RUNS, KS)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Bench/cim-results.md}
threads=${THREADS:-2}
graphs=${GRAPHS:-../shared/graphs}
runs=${MC_RUNS:-10000}
ks=${KS:-"2 5 10"}
scratch=.build-cim-rel
swift build -c release --scratch-path "$scratch" >/dev/null
bin="$scratch/release/infmax"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The Slashdot AP set: sorted(random.Random(20261201).sample(range(n), round(0.05 n))) over its node ids.
slash_aps="$work/soc-Slashdot0902-5pct.ap"
python3 - "$graphs/soc-Slashdot0902.txt.gz" "$slash_aps" <<'PY'
import gzip, random, sys
ids = set()
with gzip.open(sys.argv[1], "rt") as f:
    for line in f:
        if line.startswith("#") or not line.strip(): continue
        u, v = line.split()[:2]; ids.add(int(u)); ids.add(int(v))
n = max(ids) + 1
assert len(ids) == n, "node ids are not 0..n-1"
aps = sorted(random.Random(20261201).sample(range(n), round(0.05 * n)))
open(sys.argv[2], "w").write(",".join(map(str, aps)) + "\n")
PY

{
echo "| graph | k | method | selection s | RR sets | peak RSS MiB | MC spread on P (± s.e.) |"
echo "|---|---|---|---|---|---|---|"
} > "$work/table.md"

run() { # graph aps k label extra-args...
    local graph=$1 aps=$2 k=$3 label=$4; shift 4
    local json="$work/run.json"
    /usr/bin/time -f "%M" -o "$work/rss" "$bin" cim "$graph" --aps "$aps" --k "$k" --epsilon 0.1 --threads "$threads" \
        --quiet --json --runs "$runs" "$@" > "$json"
    python3 - "$json" "$work/rss" "$(basename "$graph")" "$k" "$label" >> "$work/table.md" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); rss = int(open(sys.argv[2]).read().split()[-1]) / 1024
g, k, label = sys.argv[3], sys.argv[4], sys.argv[5]
mc = r["monteCarloSpread"]
print(f"| {g} | {k} | {label} | {r['timings']['selectionSeconds']:.3f} | {r['rrSets']['generated']:,} | {rss:.0f} | {mc['estimate']:.1f} ± {mc['standardError']:.1f} |")
for b in r.get("baselines") or []:
    if b["name"] == "random": continue
    m = b["monteCarloSpread"]
    print(f"| {g} | {k} | {b['name']} baseline | {b['selectionSeconds']:.3f} | – | – | {m['estimate']:.1f} ± {m['standardError']:.1f} |")
u = r.get("reference")
if u:
    m = u["monteCarloSpread"]
    print(f"| {g} | {k} | OPIM-C on P, {u['seeds']} seeds, no capacity | {u['selectionSeconds']:.3f} | {u['rrSets']:,} | – | {m['estimate']:.1f} ± {m['standardError']:.1f} |")
PY
}

cost() { # graph aps k: the Monte Carlo greedy cost estimates (refused, so only the estimate runs)
    local graph=$1 aps=$2 k=$3
    for alg in rr-greedy mg-greedy; do
        local line
        line=$("$bin" cim "$graph" --aps "$aps" --k "$k" --threads "$threads" --quiet --algorithm "$alg" --greedy-runs 10000 --greedy-budget 1 2>&1 >/dev/null || true)
        echo "- $(basename "$graph") k = $k, $alg: ${line#error: }" >> "$work/costs.md"
    done
}

for spec in "$graphs/email-Enron.txt.gz:$graphs/cim/email-Enron-5pct.ap" "$graphs/soc-Slashdot0902.txt.gz:$slash_aps"; do
    graph=${spec%%:*}; aps=${spec#*:}
    for k in $ks; do
        run "$graph" "$aps" "$k" "rr-opim+ (default)" --baselines --unconstrained-reference
        run "$graph" "$aps" "$k" "rr-opim+ --precision 0" --precision 0
        run "$graph" "$aps" "$k" "rr-opim+ --compat --precision 0" --compat --precision 0
        run "$graph" "$aps" "$k" "rr-opim" --algorithm rr-opim
        run "$graph" "$aps" "$k" "mg-opim" --algorithm mg-opim
        cost "$graph" "$aps" "$k"
    done
done
{ cat "$work/table.md"; echo; echo "Monte Carlo greedy cost estimates (10,000 cascades per gain):"; cat "$work/costs.md"; } > "$out"
cat "$out"
