#!/usr/bin/env bash
# make bench: runs every Bench/bench-*.sh (each prints CSV rows, see Bench/README.md), then writes
# Bench/results/latest.csv (the rows plus ratio, cores, date) and Bench/results/latest.md.
#
# usage: bash Bench/run.sh [NAME...]     (NAME = load, simulate, ...; default: every script)
# A script that fails is reported in latest.md; the others still run.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p Bench/results Bench/work

cores=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN)
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
header="benchmark,case,metric,ours,peer,peer_value,unit,higher_is_better"

scripts=()
if [ $# -gt 0 ]; then
  for name in "$@"; do scripts+=("Bench/bench-$name.sh"); done
else
  for script in Bench/bench-*.sh; do [ -e "$script" ] && scripts+=("$script"); done
fi

rows=Bench/results/rows.tmp
: > "$rows"
failures=()
for script in "${scripts[@]}"; do
  name=$(basename "$script" .sh); name=${name#bench-}
  if [ ! -f "$script" ]; then failures+=("$name: no such script $script"); continue; fi
  echo "== $script" >&2
  out=Bench/results/$name.tmp
  start=$(date +%s)
  bash "$script" > "$out"
  status=$?
  echo "== $script: exit $status after $(( $(date +%s) - start )) s" >&2
  [ $status -eq 0 ] || failures+=("$name: exit status $status (see its stderr above)")
  # Keep well-formed rows only (8 fields, a numeric 'ours'); say what was dropped.
  awk -F, -v name="$name" -v header="$header" '$0 == header { next }
       NF == 8 && $4 ~ /^-?[0-9.eE+-]+$/ { print; next }
       NF > 0 { printf "warning: bench-%s: dropped malformed row: %s\n", name, $0 > "/dev/stderr" }' "$out" >> "$rows"
  rm -f "$out"
done

# CSV: the rows with ratio (> 1 means ours is better), cores and date.
{
  echo "$header,ratio,cores,date"
  awk -F, -v OFS=, -v cores="$cores" -v date="$date" '
    {
      ratio = ""
      if ($6 != "" && $6 + 0 != 0 && $4 + 0 != 0) {
        ratio = ($8 == 1) ? $4 / $6 : $6 / $4
        ratio = sprintf("%.3f", ratio)
      }
      print $0, ratio, cores, date
    }' "$rows"
} > Bench/results/latest.csv.tmp && mv Bench/results/latest.csv.tmp Bench/results/latest.csv

# Markdown: one table per benchmark.
awk -F, -v cores="$cores" -v date="$date" -v cpu="$cpu" -v commit="$commit" -v failed="$(printf '%s\n' "${failures[@]+"${failures[@]}"}")" '
  function num(x,   a) {
    if (x == "") return ""
    a = (x < 0) ? -x : x
    if (a >= 1000) return sprintf("%\047.0f", x)
    if (a >= 100) return sprintf("%.1f", x)
    if (a >= 1) return sprintf("%.3f", x)
    return sprintf("%.4g", x)
  }
  BEGIN {
    print "# Benchmark results"
    print ""
    printf "Machine: %s cores%s; date %s; commit %s.\n", cores, (cpu != "" ? " (" cpu ")" : ""), date, commit
    print ""
    print "Ratio = ours / peer when higher is better, peer / ours when lower is better: **above 1 means InfluenceKit is ahead**. Peers run side by side on the same inputs in the same run, except those marked (reference): figures published with a peer\047s code, not measured on this machine."
    if (failed != "") {
      print ""
      print "**Failed scripts:**"
      n = split(failed, lines, "\n")
      for (i = 1; i <= n; i++) if (lines[i] != "") print "- " lines[i]
    }
  }
  {
    if ($1 != current) {
      current = $1
      print ""
      print "## " $1
      print ""
      print "| case | metric | ours | peer | peer value | unit | ratio |"
      print "|---|---|---:|---|---:|---|---:|"
    }
    ratio = ""
    if ($6 != "" && $6 + 0 != 0 && $4 + 0 != 0) ratio = sprintf("%.2f×", ($8 == 1) ? $4 / $6 : $6 / $4)
    better = ($8 == 1) ? " (higher is better)" : " (lower is better)"
    printf "| %s | %s | %s | %s | %s | %s%s | %s |\n", $2, $3, num($4), ($5 == "" ? "–" : $5), num($6), $7, better, ratio
  }' "$rows" > Bench/results/latest.md.tmp && mv Bench/results/latest.md.tmp Bench/results/latest.md
rm -f "$rows"

echo "wrote Bench/results/latest.md and Bench/results/latest.csv ($(($(wc -l < Bench/results/latest.csv) - 1)) rows)" >&2
[ ${#failures[@]} -eq 0 ]
