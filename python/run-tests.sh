#!/usr/bin/env bash
# The Python suite, as `make test` runs it: creates python/.venv (once) with numpy, pandas,
# networkx, pytest (and python-igraph when it installs), installs the wheel `make python` built, and runs pytest on python/tests
# against the installed package. Skips with a reason when Python 3, venv or pip is missing.
#
# usage: python/run-tests.sh [PYTEST ARGUMENTS...]
#   environment: PYTHON (default python3), INFLUENCEKIT_INFMAX (the CLI the records are compared with)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
python=${PYTHON:-python3}
venv="$here/.venv"

skip() { echo "python tests skipped: $1" >&2; exit 0; }
command -v "$python" >/dev/null 2>&1 || skip "no $python on PATH (install Python 3 to run them)"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 9))' || skip "$python is older than 3.9"
"$python" -m venv --help >/dev/null 2>&1 || skip "$python has no venv module (apt-get install python3-venv)"
"$python" -m pip --version >/dev/null 2>&1 || skip "$python has no pip (apt-get install python3-pip)"

wheel=$(ls -t "$here"/dist/influencekit-*.whl 2>/dev/null | head -1)
[ -n "$wheel" ] || { echo "python tests: no wheel in $here/dist (run make python first)" >&2; exit 1; }

if [ ! -x "$venv/bin/python" ]; then
  echo "== creating $venv" >&2
  "$python" -m venv "$venv" || skip "could not create a venv with $python"
fi
if ! "$venv/bin/python" -c 'import numpy, pandas, networkx, pytest' 2>/dev/null; then
  echo "== pip install numpy pandas networkx pytest (into $venv)" >&2
  "$venv/bin/python" -m pip install -q --disable-pip-version-check numpy pandas networkx pytest || exit 1
fi
# python-igraph is an optional extra: Graph.from_igraph is tested when it installs (a wheel exists
# for most platforms), skipped with the reason otherwise.
if ! "$venv/bin/python" -c 'import igraph' 2>/dev/null; then
  "$venv/bin/python" -m pip install -q --disable-pip-version-check python-igraph >/dev/null 2>&1 ||
    echo "python tests: python-igraph could not be installed; Graph.from_igraph is not tested" >&2
fi
echo "== installing $(basename "$wheel") into $venv" >&2
"$venv/bin/python" -m pip install -q --disable-pip-version-check --no-index --no-deps --force-reinstall "$wheel" || exit 1

export INFLUENCEKIT_WHEEL="$wheel"
cd "$here"
"$venv/bin/python" -m pytest -q -p no:cacheprovider tests "$@"
status=$?
if [ $status -eq 5 ]; then
  # pytest's "no tests collected": say so rather than fail on an empty selection (e.g. -k).
  echo "python tests: pytest collected no tests (exit status 5); nothing was checked" >&2
  exit 0
fi
exit $status
