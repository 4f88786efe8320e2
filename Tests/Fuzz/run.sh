#!/usr/bin/env bash
# Runs each fuzz target built by `make fuzz-build` for FUZZ_SECONDS on a working copy of its seed
# corpus, prints one summary line per target, and exits 1 if any target crashed (or hit a
# sanitizer report, a timeout or the memory limit). Usage (from the repository root):
#   Tests/Fuzz/run.sh BIN_DIR SCRATCH SECONDS TARGET...
set -euo pipefail
# Swift's own crash backtracer would take the trap before libFuzzer (and can hang); with it off,
# libFuzzer reports the trap as a deadly signal, writes the input and exits.
export SWIFT_BACKTRACE=enable=no
bin=$1 scratch=$2 seconds=$3
shift 3
failed=()
for target in "$@"; do
  seeds=Tests/Fuzz/corpus/$target
  work=$scratch/corpus/$target
  artifacts=$scratch/crashes/$target
  log=$scratch/logs/$target.log
  if [ ! -x "$bin/$target" ]; then
    echo "run.sh: $bin/$target is missing (run 'make fuzz-build' with $target in FUZZ_TARGETS)" >&2
    exit 2
  fi
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  # New inputs land in the working copy, so the tree stays clean; earlier finds are kept.
  if [ -d "$seeds" ]; then cp -p "$seeds"/* "$work"/ 2>/dev/null || true; fi
  status=0
  "$bin/$target" "$work" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=30 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1 || true)
  found=$(grep -o 'Test unit written to [^ ]*' "$log" | sed 's/Test unit written to //' || true)
  corpus=$(find "$work" -type f | wc -l)
  if [ "$status" -ne 0 ]; then
    echo "$target: FAILED (exit $status) after ${runs:-?} executions, ${coverage:-no coverage line}, corpus $corpus; input: ${found:-none written}; log: $log"
    grep -E '^(==[0-9]+==|    #[0-9]+ |SUMMARY|Fatal error|.*error:)' "$log" | head -40 || true
    failed+=("$target")
  else
    echo "$target: ${runs:-?} executions in ${seconds} s, ${coverage:-no coverage line}, corpus $corpus, crashes 0"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "run.sh: crashes in ${failed[*]} (reproduce with the binary in $bin and the input named above; see Tests/Fuzz/README.md)" >&2
  exit 1
fi
