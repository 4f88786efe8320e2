#!/usr/bin/env bash
# Loading throughput: BenchLoad (text → InfluenceGraph through our tokenizer and igraph, and the
# .infgraph snapshot) on soc-Slashdot0902 and a generated 10M-arc power-law edge list, against
# networkx's read_edgelist of the same files. CSV rows on stdout (Bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p Bench/work

infmax=.build/release/infmax
[ -x "$infmax" ] || Bench/build-release.sh >&2
swift build -c release --package-path Bench --product BenchLoad >&2
bench=$(swift build -c release --package-path Bench --show-bin-path)/BenchLoad

inputs=()
slashdot=../shared/graphs/soc-Slashdot0902.txt.gz
if [ -f "$slashdot" ]; then inputs+=("$slashdot"); else echo "bench-load: $slashdot missing, skipped" >&2; fi
big=Bench/work/power-law-10M.txt
if [ ! -f "$big" ]; then
  echo "bench-load: generating $big ..." >&2
  "$infmax" generate power-law --nodes 1000000 --arcs 10000000 --seed 11 --edge-list "$big" >&2
fi
inputs+=("$big")

ours=$("$bench" --repeat 3 "${inputs[@]}")

# networkx peer: best of 2 reads of the small file, one of the 10M file (it takes about a minute).
declare -A peer
if PY=$(bash Bench/peers/venv.sh networkx); then
  for input in "${inputs[@]}"; do
    repeats=2; [ "$input" = "$big" ] && repeats=1
    echo "bench-load: networkx read_edgelist $input ..." >&2
    if result=$("$PY" Bench/peers/networkx_load.py "$input" "$repeats"); then
      peer[$(basename "$input")]=$(sed -n 's/.*seconds=\([0-9.eE+-]*\).*/\1/p' <<<"$result")
      echo "bench-load: networkx: $result" >&2
    else
      echo "bench-load: networkx failed on $input" >&2
    fi
  done
else
  echo "bench-load: no Python venv for networkx; peer columns left empty" >&2
fi

# Attach the peer to the whole-load row (same file, same work: text to an in-memory graph).
while IFS=, read -r benchmark case metric value _peer _peer_value unit higher; do
  if [ "$metric" = "text_load_seconds" ] && [ -n "${peer[$case]:-}" ]; then
    echo "$benchmark,$case,$metric,$value,networkx,${peer[$case]},$unit,$higher"
  else
    echo "$benchmark,$case,$metric,$value,$_peer,$_peer_value,$unit,$higher"
  fi
done <<<"$ours"
