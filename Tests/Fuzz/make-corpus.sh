#!/usr/bin/env bash
# Writes the seed corpus under Tests/Fuzz/corpus/ (committed; rerun after a format change).
# Usage, from the repository root: Tests/Fuzz/make-corpus.sh PATH/TO/infmax
# Edge-list inputs start with one options byte (see Sources/FuzzEdgeList/EdgeListFuzzOptions.swift):
# '0' directed, '1' undirected, '2' read probabilities, '4' merge parallel arcs, '8' through the
# file loader with eager igraph; digits add up ('3' = undirected + probabilities).
set -euo pipefail
infmax=${1:?usage: Tests/Fuzz/make-corpus.sh PATH/TO/infmax}
out=Tests/Fuzz/corpus
edges=$out/FuzzEdgeList snapshots=$out/FuzzSnapshot seeds=$out/FuzzSeedsFile
rm -rf "$edges" "$snapshots" "$seeds"
mkdir -p "$edges" "$snapshots" "$seeds"
put() { printf "$2" > "$1"; }

# Edge lists.
put "$edges/plain"              '01 2\n2 3\n3 1\n'
put "$edges/crlf"               '01 2\r\n2 3\r\n'
put "$edges/lone-cr"            '01 2\r2 3\r'
put "$edges/bom"                '0\xEF\xBB\xBF1 2\n2 3\n'
put "$edges/nul"                '01 2\n\x002 3\n'
put "$edges/nul-in-token"       '01\x002 3\n'
put "$edges/cafe-nfc-nfd"       '0caf\xC3\xA9 bob\ncafe\xCC\x81 bob\n'
put "$edges/header"             '0source target\n1 2\n'
put "$edges/header-values"      '2source target weight\na b 0.5\n'
put "$edges/three-columns"      '01 2 0.5\n2 3 1\n'
put "$edges/three-columns-read" '21 2 0.5\n2 3 1\n3 1 0\n'
put "$edges/four-columns"       '21 2 0.5 7\n'
put "$edges/missing-value"      '21 2\n'
put "$edges/out-of-range"       '21 2 1.5\n2 3 -0.1\n'
put "$edges/nan-inf"            '21 2 nan\n2 3 inf\n3 1 -inf\n'
put "$edges/odd-numbers"        '21 2 1e-400\n2 3 0x1p-3\n3 1 .5\n1 3 5.\n'
put "$edges/huge-ids"           '09223372036854775807 -1\n-1 9223372036854775808\n'
put "$edges/huge-ids-values"    '39223372036854775807 0 1\n-9223372036854775808 0 0.5\n'
put "$edges/comments"           '0# comment\n%% comment\n1 2 # trailing\n\n   \n2 3\n'
put "$edges/empty"              '0'
put "$edges/only-comments"      '0# nothing\n'
put "$edges/tabs"               '01\t2\n2\t\t3\t0.5\n\t3 1\n'
put "$edges/self-loops"         '01 1\n1 2\n2 2\n'
put "$edges/parallel"           '51 2\n1 2\n2 1\n'
put "$edges/parallel-values"    '71 2 0.5\n1 2 0.25\n2 1 1\n'
put "$edges/strings-and-ints"   '1alice 1\n1 bob\n'
put "$edges/loader"             '8a b\nb c\n'
put "$edges/loader-values"      ':a b 0.5\nb c 0.25\n'
put "$edges/one-field"          '01\n'
{ printf '0'; gzip -9nc Tests/Fixtures/tiny.txt; } > "$edges/gzip"
{ printf '2'; gzip -9nc Tests/Fixtures/tiny.txt | head -c 40; } > "$edges/gzip-truncated"
{ printf '1'; cat Graphs/karate.txt; } > "$edges/karate"
{ printf '2'; cat Tests/Fixtures/sparse.txt; } > "$edges/sparse"
{ printf '2'; cat Tests/Fixtures/tiny.txt; } > "$edges/tiny"

# Snapshots: valid ones, then truncated and bit-flipped copies.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$infmax" convert Tests/Fixtures/tiny.txt --probabilities file -o "$snapshots/tiny-values.infgraph" >/dev/null
"$infmax" convert Tests/Fixtures/tiny.txt -o "$snapshots/tiny.infgraph" >/dev/null
"$infmax" convert Graphs/karate.txt --undirected -o "$snapshots/karate.infgraph" >/dev/null
"$infmax" convert Tests/Fixtures/sparse.txt --dedupe -o "$snapshots/sparse-dedupe.infgraph" >/dev/null
printf 'a b\na b\nb a\n' > "$scratch/parallel.txt"
"$infmax" convert "$scratch/parallel.txt" --dedupe -o "$snapshots/parallel-dedupe.infgraph" >/dev/null
head -c 40 "$snapshots/tiny.infgraph" > "$snapshots/truncated-header.infgraph"
head -c 100 "$snapshots/karate.infgraph" > "$snapshots/truncated-payload.infgraph"
flip() { # flip FILE OFFSET OUT: copy with the byte at OFFSET inverted
  cp "$1" "$3"
  local byte
  byte=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
  printf "$(printf '\\%03o' $(( byte ^ 255 )))" | dd of="$3" bs=1 seek="$2" conv=notrunc status=none
}
flip "$snapshots/karate.infgraph" 8 "$snapshots/flipped-version.infgraph"
flip "$snapshots/karate.infgraph" 16 "$snapshots/flipped-node-count.infgraph"
flip "$snapshots/karate.infgraph" 120 "$snapshots/flipped-payload.infgraph"
flip "$snapshots/tiny-values.infgraph" 12 "$snapshots/flipped-label-kind.infgraph"
printf 'INFGRAPH' > "$snapshots/magic-only.infgraph"
: > "$snapshots/empty.infgraph"

# Seeds files.
put "$seeds/list"          '1\n34\n33\n'
put "$seeds/list-comments" '# seeds\n\n1\n  34  \n# end\n'
put "$seeds/crlf"          '1\r\n34\r\n'
put "$seeds/lone-cr"       '1\r34\r'
put "$seeds/bom"           '\xEF\xBB\xBF1\n34\n'
put "$seeds/bom-json"      '\xEF\xBB\xBF["1","34"]'
put "$seeds/nul"           '1\n\x0034\n'
put "$seeds/cafe"          'caf\xC3\xA9\ncafe\xCC\x81\n'
put "$seeds/json-strings"  '["1", "34", "caf\\u00e9"]'
put "$seeds/json-numbers"  '[1, 34, 3.5, -1, 9223372036854775807]'
put "$seeds/json-mixed"    '["1", 2, null, true, {"label": "3"}]'
put "$seeds/json-object"   '{"seeds": [{"label": "1"}, {"label": 34}, {"node": 2}]}'
put "$seeds/json-empty"    '{"seeds": []}'
put "$seeds/json-broken"   '{"seeds": [{"label": "1"'
put "$seeds/empty"         ''
put "$seeds/blank"         '\n  \n\t\n'
"$infmax" seeds Graphs/karate.txt --undirected --k 2 --json > "$seeds/report.json"
echo "wrote $(find "$out" -type f | wc -l) files under $out" >&2
