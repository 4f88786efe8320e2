#!/usr/bin/env bash
# Monte Carlo throughput, ours against cynetdiff, side by side in one run: IC with weighted-cascade
# probabilities on soc-Slashdot0902 from the 50 highest out-degree seeds, 10,000 runs, on one
# thread and on all threads. CSV rows on stdout (Bench/README.md), progress on stderr.
#
# usage: Bench/bench-simulate.sh [GRAPH] [RUNS]      (environment: REPEAT, best of N timings, default 1)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
graph="${1:-$here/../../shared/graphs/soc-Slashdot0902.txt.gz}"
runs="${2:-10000}"
repeat="${REPEAT:-1}"
seeds=50
name="$(basename "$graph")"; name="${name%%.*}"
[ -f "$graph" ] || { echo "bench-simulate: no graph at $graph (expected ../shared/graphs beside the checkout)" >&2; exit 1; }

echo "== building BenchSimulate (release)" >&2
(cd "$here" && swift build -c release --product BenchSimulate >&2)
driver="$(cd "$here" && swift build -c release --show-bin-path)/BenchSimulate"

venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  echo "== creating $venv" >&2
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import cynetdiff.models" 2>/dev/null; then
  echo "== pip install cynetdiff numpy" >&2
  "$venv/bin/pip" install -q cynetdiff numpy >&2
fi

mkdir -p "$here/work"
seeds_file="$here/work/simulate-seeds-$name.txt"
echo "== ours" >&2
ours="$("$driver" "$graph" --seeds "$seeds" --runs "$runs" --repeat "$repeat" --seeds-out "$seeds_file")"
echo "== cynetdiff" >&2
peer="$("$venv/bin/python" "$here/peers/cynetdiff_simulate.py" "$graph" "$seeds_file" "$runs" "$repeat")"

value() { printf '%s\n' "$1" | sed -n "s/^$2=//p"; }
all="$(value "$ours" threads_all)"
if [ "$(value "$ours" arcs)" != "$(value "$peer" arcs)" ]; then
  echo "bench-simulate: arc counts differ (ours $(value "$ours" arcs), cynetdiff $(value "$peer" arcs))" >&2; exit 1
fi
peer_rate="$(value "$peer" simulations_per_second)"
peer_cpu_rate="$(value "$peer" simulations_per_cpu_second)"
case_name="$name ic wc $seeds seeds $runs runs"
echo "benchmark,case,metric,ours,peer,peer_value,unit,higher_is_better"
for t in 1 "$all"; do
  rate="$(value "$ours" "threads_${t}_simulations_per_second")"
  arcs="$(value "$ours" "threads_${t}_arcs_per_second")"
  echo "simulate,$case_name,${t}_thread_simulations_per_second,$rate,cynetdiff (1 thread),$peer_rate,simulations/s,1"
  echo "simulate,$case_name,${t}_thread_arcs_examined_per_second,$arcs,,,arcs/s,1"
  echo "simulate,$case_name,${t}_thread_ratio_to_cynetdiff,$(python3 -c "print(round($rate / $peer_rate, 2))"),,,x,1"
done
# Per CPU-second (process CPU time): less sensitive to other work sharing the cores.
cpu_rate="$(value "$ours" threads_1_simulations_per_cpu_second)"
echo "simulate,$case_name,1_thread_simulations_per_cpu_second,$cpu_rate,cynetdiff (1 thread),$peer_cpu_rate,simulations/cpu-s,1"
echo "simulate,$case_name,1_thread_cpu_ratio_to_cynetdiff,$(python3 -c "print(round($cpu_rate / $peer_cpu_rate, 2))"),,,x,1"

one="$(value "$ours" threads_1_simulations_per_second)"
many="$(value "$ours" "threads_${all}_simulations_per_second")"
echo "simulate,$case_name,thread_scaling_${all}_vs_1,$(python3 -c "print(round($many / $one, 2))"),,,x,1"
# CPU time of the same runs on all threads over one thread: 1.0 means splitting the work costs
# nothing, so wall-clock scaling is bounded only by the cores actually free during the run.
cpu_one="$(value "$ours" threads_1_cpu_seconds)"
cpu_many="$(value "$ours" "threads_${all}_cpu_seconds")"
echo "simulate,$case_name,cpu_time_${all}_threads_vs_1,$(python3 -c "print(round($cpu_many / $cpu_one, 2))"),,,x,0"
echo "   note: cynetdiff reports no arc counts; it examines every out-arc of each activated node, as we do," >&2
echo "   so at equal spread its arcs/s is its simulations/s times our arcs per run ($(value "$ours" threads_1_arcs_per_run))." >&2
echo "   load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other work on the machine slows both sides)" >&2
echo "   mean spread: ours $(value "$ours" threads_1_mean) ± $(python3 -c "print(round(1.96 * $(value "$ours" threads_1_standard_error), 3))"), cynetdiff $(value "$peer" mean) (cynetdiff $(value "$peer" version))" >&2
