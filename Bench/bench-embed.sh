#!/usr/bin/env bash
# DGI side by side with PyTorch Geometric's DeepGraphInfomax (issue 13): Cora and Citeseer from
# ../shared/graphs (Planetoid split), seeds 0-4, 2 threads each. For every (dataset, seed): our
# `infmax embed` + `infmax probe` and the peer script Bench/peers/pyg_dgi.py (same files, same
# setup: row-normalised features, 512-d GCN + PReLU, Adam 0.001, patience 20, best restored, the
# 50-restart linear probe), each timed on its own (one after the other, never concurrently):
# probe accuracy, training time, peak RSS. Cora also gets the random-init encoder (`--epochs 1`
# keeps the initial parameters: the best loss is that of the first epoch, before any step).
#
# Writes the Markdown table to OUT (default Bench/results/embed.md), rows as they finish, and
# the CSV rows of Bench/run.sh on stdout.
# Usage: Bench/bench-embed.sh [OUT.md]   (env: DATASETS, SEEDS, THREADS, GRAPHS, SCRATCH, PEER=0 to skip PyG)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-Bench/results/embed.md}
graphs=${GRAPHS:-../shared/graphs}
threads=${THREADS:-2}
seeds=${SEEDS:-"0 1 2 3 4"}
datasets=${DATASETS:-"cora citeseer"}
scratch=${SCRATCH:-.build-embed-rel}
swift build -c release --scratch-path "$scratch" --product infmax >/dev/null
bin="$scratch/release/infmax"
py=""
if [ "${PEER:-1}" != 0 ]; then py=$(bash Bench/peers/venv.sh numpy torch torch_geometric) || py=""; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$(dirname "$out")"

# A value of a JSON record by its dotted key path (accuracy.mean), or a phase's seconds (phase:training).
json() { python3 -c "
import json, sys
value = json.load(open(sys.argv[1]))
key = sys.argv[2]
if key.startswith('phase:'):
    print(sum(p['seconds'] for p in value['timings']['phases'] if p['name'] == key[6:]))
else:
    for part in key.split('.'): value = value[part]
    print(value)" "$1" "$2"; }

{
  echo "# DGI: infmax vs PyTorch Geometric ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, --threads $threads, load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "| dataset | seed | method | probe accuracy % (mean ± sd, 50 restarts) | epochs | training s | peak RSS MB |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
} > "$out"

for ds in $datasets; do
  dir="$graphs/$ds"
  n=$(wc -l < "$dir/labels.txt")
  for seed in $seeds; do
    # ours
    /usr/bin/time -f "%M" -o "$work/rss" "$bin" embed "$dir/edges.txt" --undirected --nodes "$n" --features "$dir/features.txt" \
      --seed "$seed" --threads "$threads" --embeddings "$work/emb.npy" --json --quiet > "$work/embed.json"
    "$bin" probe "$work/emb.npy" --labels "$dir/labels.txt" --train "$dir/train.txt" --test "$dir/test.txt" --json > "$work/probe.json"
    acc=$(json "$work/probe.json" accuracy.mean); sd=$(json "$work/probe.json" accuracy.sd)
    secs=$(json "$work/embed.json" phase:training); epochs=$(json "$work/embed.json" training.epochs)
    rss=$(( $(cat "$work/rss") / 1024 ))
    printf "| %s | %s | infmax | %.2f ± %.2f | %s | %.1f | %s |\n" "$ds" "$seed" "$acc" "$sd" "$epochs" "$secs" "$rss" >> "$out"
    echo "embed,$ds-seed$seed,accuracy,$acc,,,%,1"
    echo "embed,$ds-seed$seed,training_seconds,$secs,,,s,0"
    echo "embed,$ds-seed$seed,peak_rss,$rss,,,MB,0"
    if [ "$ds" = cora ]; then
      "$bin" embed "$dir/edges.txt" --undirected --nodes "$n" --features "$dir/features.txt" --seed "$seed" --threads "$threads" \
        --epochs 1 --embeddings "$work/rand.npy" --quiet > /dev/null
      "$bin" probe "$work/rand.npy" --labels "$dir/labels.txt" --train "$dir/train.txt" --test "$dir/test.txt" --json > "$work/rprobe.json"
      printf "| %s | %s | random-init encoder | %.2f ± %.2f | 0 | – | – |\n" "$ds" "$seed" "$(json "$work/rprobe.json" accuracy.mean)" "$(json "$work/rprobe.json" accuracy.sd)" >> "$out"
    fi
    # PyG
    if [ -n "$py" ]; then
      if "$py" Bench/peers/pyg_dgi.py "$dir" "$seed" "$threads" > "$work/pyg.json" 2> "$work/pyg.err"; then
        printf "| %s | %s | PyG DeepGraphInfomax | %.2f ± %.2f | %s | %.1f | %d |\n" "$ds" "$seed" "$(json "$work/pyg.json" mean)" \
          "$(json "$work/pyg.json" sd)" "$(json "$work/pyg.json" epochs)" "$(json "$work/pyg.json" seconds)" \
          "$(( $(json "$work/pyg.json" peak_rss_bytes) / 1048576 ))" >> "$out"
        echo "embed,$ds-seed$seed,accuracy,$acc,pyg,$(json "$work/pyg.json" mean),%,1"
        echo "embed,$ds-seed$seed,training_seconds,$secs,pyg,$(json "$work/pyg.json" seconds),s,0"
      else
        echo "| $ds | $seed | PyG DeepGraphInfomax | failed: $(tail -1 "$work/pyg.err") | | | |" >> "$out"
      fi
    fi
  done
done
cat "$out" >&2
