#!/usr/bin/env bash
# Distributed runs over Open MPI (the MPI trait): equality with one process, scaling on
# soc-Slashdot0902, communication per greedy step, and the Twitter-2010 projection.
#
#   equality    infmax seeds on nethept and email-Enron, IC and LT, IMM and OPIM-C (k = 50,
#               ε = 0.1, seed 7) in one process and under mpirun -np R for R = 1, 2, 4
#               (oversubscribed on this machine): seeds, spread and RR sets compared field by field
#   scaling     IMM on soc-Slashdot0902 (IC, k = 50, ε = 0.1, one thread per rank) for R = 1, 2:
#               RR-set throughput of the sampling phase (sets per second, overall and per rank),
#               end-to-end wall time of mpirun, per-rank efficiency T1 / (R · TR)
#   comm        payload per rank, measured (the record's per-rank communicationBytes), and per greedy
#               step: one all-reduce of n 32-bit marginal counts (4n bytes)
#   stand-in    IMM on generated power-law graphs of average degree 35 (Twitter-2010's) for the
#               mean RR-set size and the spread fraction, input of Bench/mpi/projection.py
#
# CSV rows on stdout (Bench/README.md); progress on stderr; the note Bench/results/mpi.md is written.
# usage: Bench/bench-mpi.sh    (environment: GRAPHS=dir, INFMAX=an MPI build of infmax,
#                               EQUALITY=0 to skip the equality table, STANDIN_NODES="100000 300000")
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
graphs="${GRAPHS:-$root/../shared/graphs}"
work="$here/work/mpi"
mkdir -p "$work" "$here/results"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
if [ -z "${INFMAX:-}" ]; then
  echo "== building infmax with the MPI trait (make mpi)" >&2
  (cd "$root" && make mpi >&2)
  INFMAX="$root/.build-traits-mpi/release/infmax"
fi
mpirun=(mpirun --allow-run-as-root --oversubscribe --quiet --mca btl self,vader,tcp)
py="$here/mpi/records.py"

now() { date +%s.%N; }

# Equality table.
equality="$work/equality.md"
: > "$equality"
if [ "${EQUALITY:-1}" != 0 ]; then
  for file in nethept.txt email-Enron.txt.gz; do
    [ -f "$graphs/$file" ] || { echo "bench-mpi: $graphs/$file is missing; skipped" >&2; continue; }
    for model in ic lt; do
      for algorithm in imm opim-c; do
        args=(seeds "$graphs/$file" --k 50 --model "$model" --algorithm "$algorithm" --epsilon 0.1 --seed 7 --json --quiet --threads 1)
        echo "== equality ${file%%.*} $model $algorithm" >&2
        "$INFMAX" "${args[@]}" > "$work/one.json"
        for ranks in 1 2 4; do
          start=$(now)
          "${mpirun[@]}" -np "$ranks" "$INFMAX" "${args[@]}" > "$work/r$ranks.json"
          wall=$(echo "$(now) - $start" | bc)
          python3 "$py" equality "$work/one.json" "$work/r$ranks.json" "${file%%.*}" "$model" "$algorithm" "$ranks" "$wall" >> "$equality"
        done
      done
    done
  done
fi

# Scaling on soc-Slashdot0902.
slashdot="$graphs/soc-Slashdot0902.txt.gz"
scaling="$work/scaling.md"
: > "$scaling"
if [ -f "$slashdot" ]; then
  # The machine's load while scaling is measured (other jobs share it), for the note.
  cut -d' ' -f1-3 /proc/loadavg > "$work/load-scaling.txt"
  for ranks in 1 2; do
    echo "== scaling soc-Slashdot0902 R = $ranks" >&2
    start=$(now)
    "${mpirun[@]}" -np "$ranks" "$INFMAX" seeds "$slashdot" --k 50 --algorithm imm --epsilon 0.1 --seed 7 --json --quiet --threads 1 > "$work/slashdot-r$ranks.json"
    wall=$(echo "$(now) - $start" | bc)
    python3 "$py" scaling "$work/slashdot-r$ranks.json" "$ranks" "$wall" "$work/slashdot-r1.json" >> "$scaling"
  done
else
  echo "bench-mpi: $slashdot is missing; scaling skipped" >&2
fi

# Stand-ins for Twitter-2010: power-law graphs with its average degree (35 arcs per node).
standin="$work/standin.tsv"
: > "$standin"
for nodes in ${STANDIN_NODES:-100000 300000}; do
  arcs=$((nodes * 35))
  file="$work/power-law-$nodes.txt"
  [ -f "$file" ] || "$INFMAX" generate power-law --nodes "$nodes" --arcs "$arcs" --exponent-out 2.1 --exponent-in 2.1 --seed 5 --edge-list "$file" >&2
  echo "== stand-in power-law $nodes nodes, $arcs arcs" >&2
  "$INFMAX" seeds "$file" --k 50 --algorithm imm --epsilon 0.1 --seed 7 --json --quiet --threads 2 > "$work/standin-$nodes.json"
  python3 "$py" standin "$work/standin-$nodes.json" >> "$standin"
done

python3 "$here/mpi/projection.py" "$equality" "$scaling" "$standin" "$here/results/mpi.md" "$(nproc)" "$(git -C "$root" rev-parse --short HEAD)"
python3 "$py" csv "$work"
