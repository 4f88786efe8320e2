#!/usr/bin/env bash
# Creates (or reuses) Bench/.venv for the Python peers and installs the packages asked for that
# are not there yet; prints the venv's python on stdout, progress on stderr.
#
# usage: PY=$(bash Bench/peers/venv.sh cynetdiff networkx) || echo "no peer" >&2
#        (package names as pip takes them; a version pin such as networkx==3.6.1 works too)
#
# Exits non-zero (and prints nothing on stdout) when the venv cannot be made or a package cannot
# be installed, so a benchmark can still emit its own rows with an empty peer.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
venv="$here/.venv"
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ]; then
  echo "creating $venv ..." >&2
  "$python" -m venv "$venv" >&2
  "$venv/bin/python" -m pip install -q --upgrade pip >&2 || true
fi

missing=()
for spec in "$@"; do
  name=${spec%%[=<>!~]*}
  if ! "$venv/bin/python" -m pip show -q "$name" >/dev/null 2>&1; then missing+=("$spec"); fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} into $venv ..." >&2
  "$venv/bin/python" -m pip install -q "${missing[@]}" >&2
fi
echo "$venv/bin/python"
