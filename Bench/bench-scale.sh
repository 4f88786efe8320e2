#!/usr/bin/env bash
# The scale curve: generated power-law graphs (infmax generate chung-lu, streamed in bounded
# memory; n = m/10, exponents 2.5) of 10^6, 10^7, 10^8 ... arcs, and on each: generate, convert
# (text load + snapshot write), seeds k = 50 from the snapshot (default, and --precision 0, the
# paper's stopping rule), and simulate of those seeds ($SIM_RUNS runs; default 10^9/m, at least 20
# and at most 1,000, since a cascade of these seeds reaches a fifth of the nodes): whole-process wall (/usr/bin/time),
# peak RSS, bytes per arc (peak RSS / m, and the record's bytesPerArc of the graph, model and
# tables), with each step's in-process phases from the JSON records. A step stops the curve when
# the next size would not fit in $LIMIT (passed as --max-memory) or in the memory `free` reports.
#
# Rows: CSV on stdout (Bench/README.md); the table and a log-log SVG plot go to Bench/work/scale/.
# usage: Bench/bench-scale.sh   (environment: SCALES="1000000 10000000", LIMIT=20G, THREADS=2, SIM_RUNS, PREVIOUS_ROWS, INFMAX=path)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
scales="${SCALES:-1000000 10000000}"
limit="${LIMIT:-20G}"
threads="${THREADS:-2}"
work="$here/work/scale"
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "bench-scale: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }
infmax="${INFMAX:-$root/.build/release/infmax}"
if [ -z "${INFMAX:-}" ]; then "$root/Bench/build-release.sh" >&2; fi

timed() { # name arcs command... : runs it under /usr/bin/time, prints "wall kb"
  local name=$1 m=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$work/t" "$@" > "$work/$name-$m.out" 2> "$work/$name-$m.err" || {
    echo "bench-scale: $name at $m arcs failed:" >&2; tail -3 "$work/$name-$m.err" >&2; return 1; }
  cat "$work/t"
}

echo "benchmark,case,metric,ours,peer,peer_value,unit,higher_is_better"
rows="$work/rows.csv"
echo "arcs,step,wall_s,peak_rss_mb,rss_bytes_per_arc,detail" > "$rows"
# PREVIOUS_ROWS=file: rows of an earlier run (smaller sizes) to put in the same table and plot.
[ -n "${PREVIOUS_ROWS:-}" ] && tail -n +2 "$PREVIOUS_ROWS" >> "$rows"
for m in $scales; do
  n=$(( m / 10 ))
  avail_kb=$(awk '/MemAvailable/ {print $2}' /proc/meminfo)
  need_kb=$(( m * 30 / 1024 )) # the load's peak: 28.2 bytes an arc measured at 10^8 (scale.md), rounded up
  if [ "$need_kb" -gt "$avail_kb" ]; then
    echo "bench-scale: stopping before $m arcs: about $((need_kb / 1024)) MiB needed, $((avail_kb / 1024)) MiB available" >&2
    break
  fi
  text="$work/chung-lu-$m.txt"; snap="$work/chung-lu-$m.infgraph"
  read -r w kb < <(timed generate "$m" "$infmax" generate chung-lu --nodes "$n" --arcs "$m" --seed 11 --threads "$threads" --edge-list "$text")
  echo "$m,generate,$w,$((kb / 1024)),$(python3 -c "print(round($kb*1024/$m,1))")," >> "$rows"
  read -r w kb < <(timed convert "$m" "$infmax" convert "$text" --snapshot "$snap" --max-memory "$limit")
  echo "$m,load+convert,$w,$((kb / 1024)),$(python3 -c "print(round($kb*1024/$m,1))")," >> "$rows"
  for setting in default paper; do
    args=(); [ "$setting" = paper ] && args=(--precision 0)
    read -r w kb < <(timed "seeds-$setting" "$m" "$infmax" seeds "$snap" --k 50 --threads "$threads" --quiet --max-memory "$limit" \
      --output "$work/seeds-$setting-$m.json" "${args[@]}")
    detail=$(python3 - "$work/seeds-$setting-$m.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["timings"]; mem = r["memory"]
phases = " ".join(f"{p['name']} {p['seconds']:.2f}s" for p in t["phases"])
print(f"load {t['loadSeconds']:.2f}s {phases}; RR sets {r['rrSets']['generated']}; spread {r['spread']['estimate']:.0f};"
      f" {mem.get('bytesPerArc', 0):.1f} B/arc (graph+model+tables), {mem.get('bytesPerRRSetMember', 0):.2f} B/RR member")
PY
)
    echo "$m,seeds $setting,$w,$((kb / 1024)),$(python3 -c "print(round($kb*1024/$m,1))"),\"$detail\"" >> "$rows"
  done
  # simulate holds the forward and reverse graphs and per-thread buffers: 44.9 bytes an arc at
  # 10^8; it is skipped, with the reason, where that would not fit.
  avail_kb=$(awk '/MemAvailable/ {print $2}' /proc/meminfo)
  if [ $(( m * 46 / 1024 )) -gt "$avail_kb" ]; then
    echo "bench-scale: simulate skipped at $m arcs: about $(( m * 46 / 1048576 )) MiB needed, $((avail_kb / 1024)) MiB available" >&2
    echo "$m,simulate,,,,\"skipped: about $(( m * 46 / 1048576 )) MiB needed at 46 bytes an arc, $((avail_kb / 1024)) MiB available\"" >> "$rows"
  else
    runs="${SIM_RUNS:-$(( 1000000000 / m > 1000 ? 1000 : (1000000000 / m < 20 ? 20 : 1000000000 / m) ))}"
    read -r w kb < <(timed simulate "$m" "$infmax" simulate "$snap" --seeds-file "$work/seeds-default-$m.json" --runs "$runs" \
      --threads "$threads" --max-memory "$limit" --json --quiet)
    echo "$m,simulate $runs runs,$w,$((kb / 1024)),$(python3 -c "print(round($kb*1024/$m,1))")," >> "$rows"
  fi
  rm -f "$text" # the snapshot stays for reruns; the text is the largest file
done
python3 - "$rows" "$work" <<'PY'
import csv, math, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for r in rows:
    print(f"scale,{r['arcs']} arcs {r['step']},wall_seconds,{r['wall_s']},,,s,0")
    print(f"scale,{r['arcs']} arcs {r['step']},peak_rss_mb,{r['peak_rss_mb']},,,MB,0")
with open(sys.argv[2] + "/table.md", "w") as f:
    f.write("| arcs | step | wall s | peak RSS MB | RSS bytes/arc | in-process detail |\n|---:|---|---:|---:|---:|---|\n")
    for r in rows:
        f.write(f"| {int(r['arcs']):,} | {r['step']} | {r['wall_s']} | {r['peak_rss_mb']} | {r['rss_bytes_per_arc']} | {r['detail']} |\n")
# Log-log plot: wall and peak RSS against arcs, one line per step.
import re
for r in rows: r["line"] = re.sub(r"^simulate \d+ runs$", "simulate", r["step"])
steps = []
for r in rows:
    if r["line"] not in steps: steps.append(r["line"])
W, H, L, B = 640, 360, 70, 40
num = lambda v: float(v) if v else 0.0  # a skipped step has no figures
xs = [float(r["arcs"]) for r in rows]
def svg(metric, label, name):
    ys = [num(r[metric]) for r in rows if num(r[metric]) > 0]
    if not ys or len(set(xs)) < 2: return
    x0, x1 = math.log10(min(xs)), math.log10(max(xs))
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    if y1 == y0: y1 += 1
    px = lambda x: L + (math.log10(x) - x0) / (x1 - x0) * (W - L - 150)
    py = lambda y: H - B - (math.log10(y) - y0) / (y1 - y0) * (H - B - 20)
    colors = ["#1b6ac9", "#d2502d", "#2f9e44", "#9c36b5", "#e8a317", "#555"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="11">',
           f'<line x1="{L}" y1="{H-B}" x2="{W-150}" y2="{H-B}" stroke="black"/><line x1="{L}" y1="20" x2="{L}" y2="{H-B}" stroke="black"/>',
           f'<text x="{(W-150+L)/2}" y="{H-8}" text-anchor="middle">arcs (log)</text>',
           f'<text x="14" y="{(H-B)/2}" transform="rotate(-90 14 {(H-B)/2})" text-anchor="middle">{label} (log)</text>']
    for e in range(int(x0), int(x1) + 1):
        out.append(f'<text x="{px(10**e)}" y="{H-B+14}" text-anchor="middle">1e{e}</text>')
    for e in range(y0, y1 + 1):
        out.append(f'<text x="{L-6}" y="{py(10**e)+4}" text-anchor="end">1e{e}</text>')
    for i, s in enumerate(steps):
        pts = [(float(r["arcs"]), num(r[metric])) for r in rows if r["line"] == s and num(r[metric]) > 0]
        c = colors[i % len(colors)]
        out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (c, " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in pts)))
        for x, y in pts: out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{c}"/>')
        out.append(f'<text x="{W-140}" y="{30+16*i}" fill="{c}">{s}</text>')
    out.append("</svg>")
    open(f"{sys.argv[2]}/{name}", "w").write("\n".join(out))
svg("wall_s", "wall seconds", "scale-wall.svg")
svg("peak_rss_mb", "peak RSS MB", "scale-rss.svg")
PY
echo "table: $work/table.md" >&2
