#!/usr/bin/env bash
# IM in closed social networks side by side (issue 11): PSNA and the degree, fof and random
# baselines, every k-subnetwork scored on the same 10,000 Monte Carlo worlds (objective
# Σ_s σ({s}) and union σ(S), 95% intervals), with IC trivalency probabilities and ε = 1e-4:
#   - a Holme–Kim graph of 4,000 nodes (`infmax generate holme-kim --nodes 4000 --per-node 4
#     --triad-probability 0.1 --seed 1`, 15,984 undirected edges, read with --undirected: one
#     trivalency draw per edge), the 20 highest-degree seeds, k ∈ {5, 20}, trivalency seeds 1–3;
#   - soc-Slashdot0902 as directed arcs (self-loops dropped), 50 seeds drawn from the top 1% by
#     out-degree (random.Random(20261202)), k = 20.
# The peer is the published Python code's run on a graph of the same kind (4,000 nodes, 16k
# undirected edges, trivalency, 20 top-degree seeds, ε = 1e-4, no arcs into seeds), measured
# earlier on this machine and quoted in issue 11: PSNA 31.57 (k = 5) and 80.22 (k = 20) in 3.4–6.8 s;
# that code is not runnable here, so its figures are constants below.
#
# Prints CSV rows (Bench/README.md); writes the markdown tables to OUT (default
# Bench/results/closed.md). Usage: Bench/bench-closed.sh [OUT.md]   (env: THREADS, GRAPHS, BIN, RUNS)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Bench/results/closed.md}
threads=${THREADS:-2}
graphs=${GRAPHS:-../shared/graphs}
runs=${RUNS:-10000}
if [ -z "${BIN:-}" ]; then
    swift build -c release --scratch-path .build-closed-rel --product infmax >/dev/null
    BIN=.build-closed-rel/release/infmax
fi
bin=$BIN
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bin" generate holme-kim --nodes 4000 --per-node 4 --triad-probability 0.1 --seed 1 --output "$work/hk.txt" 2>/dev/null
python3 - "$work/hk.txt" "$work/hk-seeds.txt" "$graphs/soc-Slashdot0902.txt.gz" "$work/slashdot-seeds.txt" <<'PY'
import gzip, random, sys
from collections import Counter
deg = Counter()
for line in open(sys.argv[1]):
    if line.startswith("#"): continue
    u, v = line.split(); deg[u] += 1; deg[v] += 1
top = sorted(deg, key=lambda x: (-deg[x], int(x)))[:20]
open(sys.argv[2], "w").write("\n".join(top) + "\n")
out = Counter(); nodes = set()
with gzip.open(sys.argv[3], "rt") as f:
    for line in f:
        if line.startswith("#") or not line.strip(): continue
        u, v = line.split()[:2]; nodes.add(u); nodes.add(v)
        if u != v: out[u] += 1
ranked = sorted(nodes, key=lambda x: (-out[x], int(x)))
top1 = ranked[:round(0.01 * len(ranked))]
open(sys.argv[4], "w").write("\n".join(sorted(random.Random(20261202).sample(top1, 50), key=int)) + "\n")
PY

echo "benchmark,case,metric,ours,peer,peer_value,unit,higher_is_better"
table="$work/table.md"
{
echo "| graph | k | trivalency seed | method | selection s | objective Σ_s σ({s}) (95% CI) | union σ(S) (95% CI) | kept arcs |"
echo "|---|---|---|---|---|---|---|---|"
} > "$table"
iterations="$work/iterations.md"
: > "$iterations"
whole="$work/whole.md"
: > "$whole"

run() { # name graph seeds k seed peer_objective peer_seconds extra-args...
    local name=$1 graph=$2 seeds=$3 k=$4 seed=$5 peer_objective=$6 peer_seconds=$7; shift 7
    local json="$work/run.json"
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/rss" "$bin" closed "$graph" "$@" --probabilities trivalency --seeds-file "$seeds" --k "$k" \
        --seed "$seed" --threads "$threads" --mc-runs "$runs" --quiet --json > "$json"
    end=$(date +%s.%N)
    python3 - "$json" "$work/rss" "$name" "$k" "$seed" "$peer_objective" "$peer_seconds" "$start" "$end" "$table" "$iterations" "$whole" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); rss = int(open(sys.argv[2]).read().split()[-1]) / 1024
name, k, seed, peer_obj, peer_sec = sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7]
wall = float(sys.argv[9]) - float(sys.argv[8])
table, iters, whole = sys.argv[10], sys.argv[11], sys.argv[12]
def ci(i): return f"{i['mean']:.2f} ({i['low']:.2f} – {i['high']:.2f})"
res = r["result"]; t = r["timings"]
with open(table, "a") as f:
    for m in [res] + r["baselines"]:
        f.write(f"| {name} | {k} | {seed} | {m['name']} | {m['selectionSeconds']:.4f} | {ci(m['objective'])} | {ci(m['union'])} | {m['subnetwork']['arcs']:,} |\n")
    if peer_obj != "-":
        f.write(f"| {name} | {k} | – | published PSNA (earlier measurement, graph of the same kind) | 3.4 – 6.8 | {float(peer_obj):.2f} | – | – |\n")
best = max(b["objective"]["mean"] for b in r["baselines"])
with open(iters, "a") as f:
    its = ", ".join(f"{i['objective']:.3f}" for i in r["iterations"])
    f.write(f"- {name}, k = {k}, seed {seed}: {len(r['iterations'])} iterations, objective after each {its}; filling pass {r['filled']:,} arcs; PSNA / best baseline = {res['objective']['mean'] / best:.2f}\n")
with open(whole, "a") as f:
    f.write(f"| {name} | {k} | {seed} | {t['loadSeconds']:.3f} | {t['selectionSeconds']:.4f} | {t['evaluationSeconds']:.3f} | {t['baselineSeconds']:.3f} | {wall:.2f} | {rss:.0f} |\n")
case = f"{name}-k{k}-s{seed}"
obj = res["objective"]["mean"]
print(f"closed,{case},psna_objective,{obj:.4f},{'published PSNA' if peer_obj != '-' else ''},{peer_obj if peer_obj != '-' else ''},activations,1")
print(f"closed,{case},psna_over_best_baseline,{obj / best:.4f},,,ratio,1")
print(f"closed,{case},psna_selection_seconds,{t['selectionSeconds']:.4f},{'published PSNA (3.4 s, the faster end)' if peer_sec != '-' else ''},{peer_sec if peer_sec != '-' else ''},s,0")
print(f"closed,{case},peak_rss_mib,{rss:.0f},,,MiB,0")
PY
}

for k in 5 20; do
    peer=$([ "$k" = 5 ] && echo 31.57 || echo 80.22)
    for seed in 1 2 3; do
        run holme-kim-4000 "$work/hk.txt" "$work/hk-seeds.txt" "$k" "$seed" "$peer" 3.4 --undirected
    done
done
run soc-Slashdot0902 "$graphs/soc-Slashdot0902.txt.gz" "$work/slashdot-seeds.txt" 20 1 - -

{
echo "Every k-subnetwork scored on the same $runs Monte Carlo worlds (common random numbers); $threads threads."
echo
cat "$table"
echo
echo "PSNA's iterations (objective estimated on 1,000 common worlds after each):"
echo
cat "$iterations"
echo
echo "Whole runs (seconds; selection is PSNA alone, evaluation scores its k-subnetwork, baselines select and score the three):"
echo
echo "| graph | k | trivalency seed | load | PSNA selection | evaluation | baselines | process wall | peak RSS MiB |"
echo "|---|---|---|---|---|---|---|---|---|"
cat "$whole"
} > "$out"
echo "wrote $out" >&2
