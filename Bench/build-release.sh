#!/usr/bin/env bash
# Builds the release infmax the benchmarks and `make release` use: the Swift runtime linked
# statically, and linked by lld with what keeps a run's fixed resident memory low —
#   -z pack-relative-relocs   PIE kept, its ~80,000 relative relocations packed (RELR): the
#                             loader no longer reads 2 MB of relocation records at start-up
#   --no-export-dynamic       no 700 KB dynamic symbol table searched by every shared library
#   --symbol-ordering-file    the functions a run executes laid out together
#                             (Sources/infmax/symbol-order.txt, written by Bench/symbol-order.sh),
#                             so the kernel maps far fewer 64 KB windows of code around them
# Names missing from the ordering list (code changed since it was written) are only placed
# anywhere; the binary is the same program either way.
# usage: Bench/build-release.sh [extra swift build flags]   (environment: SWIFT=swift)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
exec "${SWIFT:-swift}" build -c release --product infmax -Xswiftc -static-stdlib \
  -Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic \
  -Xlinker "--symbol-ordering-file=$root/Sources/infmax/symbol-order.txt" -Xlinker --no-warn-symbol-ordering "$@"
