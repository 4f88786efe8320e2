#!/usr/bin/env bash
# The README's Python pipeline beside the usual Python route, in one run (Bench/peers/python_pipeline.py):
# influencekit (pandas frame -> Graph.from_pandas -> seeds -> simulate) against networkx +
# cynetdiff CELF, on the karate club and NetHEPT; and the invitation pipeline (InviteGraph.from_frames
# -> recommend -> evaluate) on the Higgs invite benchmark beside the published HIM code's recorded
# time. Markdown rows on stdout (Bench/results/python.md), progress on stderr.
#
# usage: Bench/bench-python-pipeline.sh [TRIALS]   (cynetdiff cascades per CELF evaluation, default 1000)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
trials="${1:-1000}"
shared="$root/../shared/graphs"

wheel=$(ls -t "$root"/python/dist/influencekit-*.whl 2>/dev/null | head -1 || true)
[ -n "$wheel" ] || { make -C "$root" python >&2; wheel=$(ls -t "$root"/python/dist/influencekit-*.whl | head -1); }
py=$(bash "$here/peers/venv.sh" networkx numpy pandas cynetdiff) || { echo "cynetdiff could not be installed: no peer" >&2; exit 1; }
"$py" -m pip install -q --no-index --no-deps --force-reinstall "$wheel" >&2

"$py" "$here/peers/python_pipeline.py" "$root/Graphs/karate.txt" 5 "$trials" --undirected --name "karate club"
if [ -f "$shared/nethept.txt" ]; then
  invite=()
  [ -d "$shared/higgs-invite" ] && invite=(--invite "$shared/higgs-invite")
  "$py" "$here/peers/python_pipeline.py" "$shared/nethept.txt" 10 "$trials" --name NetHEPT "${invite[@]}"
fi
