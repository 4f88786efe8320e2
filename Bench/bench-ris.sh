#!/usr/bin/env bash
# RIS seed selection end to end, against the reference figures of the published codes (IMM 2015,
# OPIM-C 2018, SUBSIM 2020: k = 50, ε = 0.1, weighted cascade; their wall time excludes their own
# preprocessing to binary). The published codes do not run here: their figures are printed as the
# peer column, labelled "(reference)".
#
# For each graph of ../shared/graphs (nethept, email-Enron, soc-Slashdot0902) and model (IC, LT):
#   default   `infmax seeds GRAPH --k 50 --epsilon 0.1` from the raw text file (load included)
#   imm       the same with --algorithm imm
#   fastest   from an .infgraph snapshot (`infmax convert`) with $FASTEST_ARGS
# and for each: wall time (best of $REPEAT runs of the release binary), peak RSS (/usr/bin/time),
# RR sets drawn, and the 10,000-run Monte Carlo spread of the returned seeds (our simulator,
# seed 1). CSV rows on stdout (Bench/README.md), progress on stderr; a Markdown table is written
# to Bench/work/ris/table.md.
#
# usage: Bench/bench-ris.sh        (environment: REPEAT=3, THREADS=2, RUNS=10000, GRAPHS=dir,
#                                   FASTEST_ARGS="--precision 0.015 --evaluation-sets 8192")
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
graphs="${GRAPHS:-$root/../shared/graphs}"
repeat="${REPEAT:-3}"
threads="${THREADS:-2}"
runs="${RUNS:-10000}"
fastest="${FASTEST_ARGS:---precision 0.015 --evaluation-sets 8192}"
work="$here/work/ris"
mkdir -p "$work"

[ -x /usr/bin/time ] || { echo "bench-ris: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }
echo "== building infmax and BenchRIS (release)" >&2
"$root/Bench/build-release.sh" >&2
(cd "$here" && swift build -c release --product BenchRIS >&2)
infmax="$root/.build/release/infmax"
driver="$(cd "$here" && swift build -c release --show-bin-path)/BenchRIS"

# Reference figures: "graph model" -> IMM wall, IMM spread, OPIM-C wall, OPIM-C spread, SUBSIM wall, SUBSIM spread.
reference() {
  case "$1" in
    "nethept ic") echo "0.85 962 1.04 925 0.05 913" ;;
    "nethept lt") echo "0.63 1301 0.85 1211 - -" ;;
    "email-Enron ic") echo "1.61 11836 0.66 11344 0.01 11304" ;;
    "soc-Slashdot0902 ic") echo "5.68 17736 3.05 16639 0.10 17260" ;;
    *) echo "- - - - - -" ;;
  esac
}

# Runs `infmax seeds` $repeat times; prints "best_wall max_rss_kb" and leaves the JSON report in $3.
measure() {
  local input="$1" args="$2" report="$3" best="" rss=0
  for _ in $(seq "$repeat"); do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$infmax" seeds "$input" --k 50 --epsilon 0.1 --threads "$threads" \
      --quiet --output "$report" $args > /dev/null
    read -r wall kb < "$work/time.txt"
    best="$(python3 -c "print(min(float('$wall'), float('${best:-inf}')))")"
    rss=$(( kb > rss ? kb : rss ))
  done
  echo "$best $rss"
}

field() { python3 -c "import json,sys; r=json.load(open('$1')); print($2)"; }

echo "benchmark,case,metric,ours,peer,peer_value,unit,higher_is_better"
table="$work/table.md"
{
  echo "| graph, model | setting | wall s (best of $repeat) | in-process s (load) | peak RSS MiB | RR sets (select + eval) | MC spread ± SE | reference |"
  echo "|---|---|---|---|---|---|---|---|"
} > "$table"

for file in nethept.txt email-Enron.txt.gz soc-Slashdot0902.txt.gz; do
  path="$graphs/$file"
  [ -f "$path" ] || { echo "bench-ris: no graph at $path" >&2; exit 1; }
  name="${file%%.*}"
  snapshot="$work/$name.infgraph"
  "$infmax" convert "$path" --snapshot "$snapshot" >&2 # always: a snapshot from an older build may not load
  for model in ic lt; do
    read -r imm_wall imm_spread opim_wall opim_spread subsim_wall subsim_spread <<< "$(reference "$name $model")"
    for setting in default imm fastest; do
      case "$setting" in
        default) input="$path"; args="--model $model" ;;
        imm) input="$path"; args="--model $model --algorithm imm" ;;
        fastest) input="$snapshot"; args="--model $model $fastest" ;;
      esac
      report="$work/$name-$model-$setting.json"
      echo "== $name $model $setting: infmax seeds $(basename "$input") $args" >&2
      read -r wall rss <<< "$(measure "$input" "$args" "$report")"
      inproc="$(field "$report" "round(r['timings']['totalSeconds'], 3)")"
      load="$(field "$report" "round(r['timings']['loadSeconds'], 3)")"
      sets="$(field "$report" "r['rrSets']['generated']")"
      evaluation="$(field "$report" "r['rrSets']['evaluation']")"
      mc="$("$driver" spread "$path" "$report" --model "$model" --runs "$runs" --seed 1 --threads "$threads" --case "$name $model $setting" 2>&1 >/dev/null)"
      spread="$(printf '%s' "$mc" | sed -n 's/.*Monte Carlo spread \([0-9.]*\) ± \([0-9.]*\).*/\1/p')"
      se="$(printf '%s' "$mc" | sed -n 's/.*Monte Carlo spread \([0-9.]*\) ± \([0-9.]*\).*/\2/p')"
      case "$setting" in
        default) peer="IMM (reference)"; peer_wall="$imm_wall"; peer_spread="$imm_spread" ;;
        imm) peer="IMM (reference)"; peer_wall="$imm_wall"; peer_spread="$imm_spread" ;;
        fastest) peer="SUBSIM (reference)"; peer_wall="$subsim_wall"; peer_spread="$subsim_spread" ;;
      esac
      [ "$peer_wall" = "-" ] && { peer=""; peer_wall=""; peer_spread=""; }
      case_name="$name $model $setting"
      echo "ris,$case_name,wall_seconds,$wall,$peer,$peer_wall,s,0"
      echo "ris,$case_name,mc_spread,$spread,$peer,$peer_spread,nodes,1"
      echo "ris,$case_name,mc_spread_standard_error,$se,,,nodes,0"
      echo "ris,$case_name,in_process_seconds,$inproc,,,s,0"
      echo "ris,$case_name,load_seconds,$load,,,s,0"
      echo "ris,$case_name,peak_rss_mib,$(( rss / 1024 )),,,MiB,0"
      echo "ris,$case_name,rr_sets,$sets,,,sets,0"
      echo "ris,$case_name,evaluation_rr_sets,$evaluation,,,sets,0"
      ref="-"
      [ -n "$peer_wall" ] && ref="$peer ${peer_wall} s, $peer_spread"
      echo "| $name ${model^^} | $setting | $wall | $inproc ($load) | $(( rss / 1024 )) | $sets + $evaluation | $spread ± $se | $ref |" >> "$table"
    done
  done
done
echo "== table: $table" >&2
cat "$table" >&2
