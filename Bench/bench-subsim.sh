#!/usr/bin/env bash
# Seed selection side by side with SUBSIM (Guo, Wang, Wei, Chen, SIGMOD 2020; GPL-3, built and run
# by ../shared/peers/run-subsim.sh, measured only), interleaved in one run.
#
# For each graph (nethept, email-Enron, soc-Slashdot0902: IC, weighted cascade, ε = 0.1) and k:
#   ours     `infmax seeds GRAPH --k K --threads $THREADS` from the text file (load included), with
#            $OURS_ARGS (default: none, the default algorithm), whole-process wall and peak RSS
#   subsim   SUBSIM's binary on its own converted binary graph (conversion done once, not timed),
#            whole-process wall and peak RSS; with HIST=1 also `-hist=1`
#   ours hist  with HIST=1 only: `infmax seeds … --algorithm hist --seed R` (our HIST: sentinel
#            set, then residual RR sets), a third run in each round R beside the two above; its
#            wall, RSS, RR sets and spread (mean over the rounds' seeds, as SUBSIM's is over its
#            clock-seeded runs) go to a second table, Bench/work/subsim/table-hist.md, with our
#            default and SUBSIM's `-hist=1` on the same rows
# $REPEAT rounds (default 5), the two alternating within each round; the table gives medians.
# Spread: every seed set (ours: the median run's, all runs give the same seeds; SUBSIM: each run's,
# since it seeds from the clock) scored by `infmax simulate --runs $RUNS --seed 1` — the same
# random cascades for every seed set (common random numbers) — and SUBSIM's is the mean over runs.
# IMM's spread is the recorded figure of ../shared/peers/README.md at k = 50; at other k, with
# IMM_REF=1, that of our own `--algorithm imm` seeds (one run, scored the same way), marked "(ours)".
#
# CSV rows on stdout (Bench/README.md); a Markdown table goes to Bench/work/subsim/table.md.
# usage: Bench/bench-subsim.sh   (environment: REPEAT=5, RUNS=10000, THREADS=2, KS="50",
#                                 GRAPHS="nethept.txt email-Enron.txt.gz soc-Slashdot0902.txt.gz",
#                                 OURS_ARGS="", HIST=0, IMM_REF=0, INFMAX=path)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
graphs_dir="${GRAPHS_DIR:-$root/../shared/graphs}"
peers="$root/../shared/peers"
repeat="${REPEAT:-5}"
runs="${RUNS:-10000}"
threads="${THREADS:-2}"
ks="${KS:-50}"
hist="${HIST:-0}"
graphs="${GRAPHS:-nethept.txt email-Enron.txt.gz soc-Slashdot0902.txt.gz}"
work="${WORK:-$here/work/subsim}"
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench-subsim: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }
[ -x "$peers/run-subsim.sh" ] || { echo "bench-subsim: no SUBSIM peer at $peers/run-subsim.sh" >&2; exit 1; }
infmax="${INFMAX:-$root/.build/release/infmax}"
if [ -z "${INFMAX:-}" ]; then
  echo "== building infmax (release, static Swift runtime)" >&2
  "$root/Bench/build-release.sh" >&2
fi
subsim_bin="${XDG_CACHE_HOME:-$HOME/.cache}/influencekit-peers/subsim"

imm_spread() {
  case "$1" in
    nethept) echo 962.5 ;; email-Enron) echo 11836 ;; soc-Slashdot0902) echo 17736 ;; *) echo "" ;;
  esac
}
median() { python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
spread_of() { # graph seeds-csv -> MC mean on common random numbers
  "$infmax" simulate "$1" --seeds "$2" --runs "$runs" --seed 1 --threads "$threads" --json --quiet |
    python3 -c "import json,sys; print(json.load(sys.stdin)['spread']['estimate'])"
}

echo "benchmark,case,metric,ours,peer,peer_value,unit,higher_is_better"
table="$work/table.md"
{
  echo "| graph | k | ours wall s | SUBSIM$([ "$hist" = 1 ] && echo " -hist=1") wall s | wall ratio (ours/SUBSIM) | ours spread | SUBSIM spread (mean of $repeat) | IMM spread (recorded) | ours vs IMM | ours RSS MB | SUBSIM RSS MB | RSS ratio | ours RR sets (selection+validation / evaluation) | SUBSIM RR sets |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} > "$table"
table_hist="$work/table-hist.md"
if [ "$hist" = 1 ]; then
  {
    echo "| graph | k | ours default wall s | ours hist wall s | SUBSIM -hist=1 wall s | ours hist / SUBSIM wall | ours default spread | ours hist spread (mean of $repeat seeds) | SUBSIM -hist=1 spread (mean of $repeat) | ours hist vs SUBSIM spread | ours default RSS MB | ours hist RSS MB | SUBSIM RSS MB | ours hist / SUBSIM RSS | ours hist RR sets (median drawn / at a sentinel) | ours hist b | ours hist guarantee (lowest) | SUBSIM RR sets |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  } > "$table_hist"
fi

for file in $graphs; do
  path="$graphs_dir/$file"
  name="${file%%.*}"
  # Converts once (not timed) and builds SUBSIM once.
  "$peers/run-subsim.sh" "$path" 1 > /dev/null
  key=$(sha256sum "$path" | cut -c1-16)
  sdir="${XDG_CACHE_HOME:-$HOME/.cache}/influencekit-peers/graphs/$key"
  for k in $ks; do
    ours_wall=(); ours_rss=(); sub_wall=(); sub_rss=(); sub_spreads=(); sub_sets=(); imm_label=""
    hist_wall=(); hist_rss=(); rm -f "$work"/ours-hist-*.json
    rm -f "$work"/subsim-seeds-"$name"-"$k"-*
    for r in $(seq "$repeat"); do
      /usr/bin/time -f "%e %M" -o "$work/t" "$infmax" seeds "$path" --k "$k" --threads "$threads" --quiet \
        --output "$work/ours.json" ${OURS_ARGS:-} > /dev/null
      read -r w m < "$work/t"; ours_wall+=("$w"); ours_rss+=("$m")
      if [ "$hist" = 1 ]; then
        /usr/bin/time -f "%e %M" -o "$work/t" "$infmax" seeds "$path" --k "$k" --threads "$threads" --quiet \
          --algorithm hist --seed "$r" --output "$work/ours-hist-$r.json" > /dev/null
        read -r w m < "$work/t"; hist_wall+=("$w"); hist_rss+=("$m")
      fi
      out=$(mktemp -d)
      extra=(); [ "$hist" = 1 ] && extra=(-hist=1)
      ( cd "$sdir" && /usr/bin/time -f "%e %M" -o "$work/t" "$subsim_bin" -func=im -dir=. -gname=g -seedsize="$k" -eps=0.1 \
          "${extra[@]}" -outpath="$out" > "$out/log" 2>&1 )
      read -r w m < "$work/t"; sub_wall+=("$w"); sub_rss+=("$m")
      seeds=$(cat "$out"/seed/* | tr -s ' \n' ',' | sed 's/^,//; s/,$//')
      sub_sets+=("$(grep -o '#RR sets: [0-9]*' "$out/log" | tail -1 | grep -o '[0-9]*$')")
      echo "$seeds" > "$work/subsim-seeds-$name-$k-$r"
      rm -rf "$out"
      echo "  $name k=$k round $r: ours ${ours_wall[-1]} s,$([ "$hist" = 1 ] && echo " ours hist ${hist_wall[-1]} s,") SUBSIM ${sub_wall[-1]} s" >&2
    done
    for r in $(seq "$repeat"); do sub_spreads+=("$(spread_of "$path" "$(cat "$work/subsim-seeds-$name-$k-$r")")"); done
    ours_seeds=$(python3 -c "import json; print(','.join(s['label'] for s in json.load(open('$work/ours.json'))['seeds']))")
    read -r ours_sets ours_eval < <(python3 -c "import json; r=json.load(open('$work/ours.json'))['rrSets']; print(r['generated'], r['evaluation'])")
    ow=$(median "${ours_wall[@]}"); sw=$(median "${sub_wall[@]}")
    om=$(median "${ours_rss[@]}"); sm=$(median "${sub_rss[@]}")
    os=$(spread_of "$path" "$ours_seeds")
    ss=$(python3 -c "import statistics,sys; print(round(statistics.mean(float(x) for x in sys.argv[1:]), 1))" "${sub_spreads[@]}")
    ssets=$(median "${sub_sets[@]}")
    imm=""; [ "$k" = 50 ] && imm=$(imm_spread "$name")
    if [ -z "$imm" ] && [ "${IMM_REF:-0}" = 1 ]; then
      "$infmax" seeds "$path" --k "$k" --algorithm imm --threads "$threads" --quiet --output "$work/imm.json" > /dev/null
      imm=$(spread_of "$path" "$(python3 -c "import json; print(','.join(s['label'] for s in json.load(open('$work/imm.json'))['seeds']))")")
      imm=$(python3 -c "print(round($imm, 1))")
      imm_label="$imm (ours)"
    fi
    peer="SUBSIM"; [ "$hist" = 1 ] && peer="HIST"
    echo "subsim,$name ic k=$k,wall_seconds,$ow,$peer,$sw,s,0"
    echo "subsim,$name ic k=$k,peak_rss_mb,$(python3 -c "print(round($om/1024,1))"),$peer,$(python3 -c "print(round($sm/1024,1))"),MB,0"
    echo "subsim,$name ic k=$k,mc_spread,$os,$peer,$ss,nodes,1"
    [ -n "$imm" ] && echo "subsim,$name ic k=$k,mc_spread_vs_imm,$os,IMM (recorded),$imm,nodes,1"
    python3 - "$name" "$k" "$ow" "$sw" "$os" "$ss" "$imm" "$om" "$sm" "$ours_sets" "$ours_eval" "$ssets" "${imm_label:-$imm}" >> "$table" <<'PY'
import sys
name, k, ow, sw, os_, ss, imm, om, sm, osets, oeval, ssets, imm_label = sys.argv[1:]
ow, sw, os_, ss, om, sm = map(float, (ow, sw, os_, ss, om, sm))
vs = f"{100 * (os_ / float(imm) - 1):+.2f}%" if imm else "–"
print(f"| {name} | {k} | {ow:.3f} | {sw:.3f} | {ow / sw:.2f}× | {os_:,.1f} | {ss:,.1f} | {imm_label or '–'} | {vs} | "
      f"{om / 1024:.1f} | {sm / 1024:.1f} | {om / sm:.2f}× | {osets} / {oeval} | {int(float(ssets))} |")
PY
    if [ "$hist" = 1 ]; then
      hist_spreads=()
      for r in $(seq "$repeat"); do
        hseeds=$(python3 -c "import json; print(','.join(s['label'] for s in json.load(open('$work/ours-hist-$r.json'))['seeds']))")
        hist_spreads+=("$(spread_of "$path" "$hseeds")")
      done
      hs=$(python3 -c "import statistics,sys; print(round(statistics.mean(float(x) for x in sys.argv[1:]), 1))" "${hist_spreads[@]}")
      hw=$(median "${hist_wall[@]}"); hm=$(median "${hist_rss[@]}")
      echo "subsim-hist,$name ic k=$k,wall_seconds,$hw,HIST,$sw,s,0"
      echo "subsim-hist,$name ic k=$k,peak_rss_mb,$(python3 -c "print(round($hm/1024,1))"),HIST,$(python3 -c "print(round($sm/1024,1))"),MB,0"
      echo "subsim-hist,$name ic k=$k,mc_spread,$hs,HIST,$ss,nodes,1"
      python3 - "$name" "$k" "$ow" "$hw" "$sw" "$os" "$hs" "$ss" "$om" "$hm" "$sm" "$ssets" "$work"/ours-hist-*.json >> "$table_hist" <<'PY'
import json, statistics, sys
name, k, ow, hw, sw, os_, hs, ss, om, hm, sm, ssets = sys.argv[1:13]
ow, hw, sw, os_, hs, ss, om, hm, sm = map(float, (ow, hw, sw, os_, hs, ss, om, hm, sm))
records = [json.load(open(p)) for p in sys.argv[13:]]
drawn = statistics.median(r["rrSets"]["generated"] for r in records)
stopped = statistics.median(r["hist"]["selectionSetsAtSentinel"] + r["hist"]["validationSetsAtSentinel"] for r in records)
g = min(r["guarantee"]["approximation"] for r in records)
b = records[0]["hist"]["sentinelSize"]
print(f"| {name} | {k} | {ow:.3f} | {hw:.3f} | {sw:.3f} | {hw / sw:.2f}× | {os_:,.1f} | {hs:,.1f} | {ss:,.1f} | {100 * (hs / ss - 1):+.2f}% | "
      f"{om / 1024:.1f} | {hm / 1024:.1f} | {sm / 1024:.1f} | {hm / sm:.2f}× | {int(drawn)} / {int(stopped)} | {b} | {g:.4f} | {int(float(ssets))} |")
PY
    fi
  done
done
echo "table: $table" >&2
[ "$hist" = 1 ] && echo "table: $table_hist" >&2
exit 0
