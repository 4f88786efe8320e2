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

# AP files, invitation files (first byte: 0 arcs, 1 arcs|nodes, 2 inviters, 3 truth), features
# and labels (first byte: 0-3 auto/dense/sparse/pairs features, 4 classes, 5 split), .npy, requests.
aps=$out/FuzzAPFile invites=$out/FuzzInvitationFiles features=$out/FuzzFeaturesAndLabels npy=$out/FuzzNpy requests=$out/FuzzRequest
rm -rf "$aps" "$invites" "$features" "$npy" "$requests"
mkdir -p "$aps" "$invites" "$features" "$npy" "$requests"
put "$aps/one-per-line"   'a\nb\n# c\n\nb\n'
put "$aps/sets-crlf"      '0,1\r\na, b ,c\r\n'
put "$aps/sets-cr"        '0,1\ra,b\r'
put "$aps/bom"            '\xEF\xBB\xBFa,b\n'
put "$aps/cafe"           'caf\xC3\xA9,cafe\xCC\x81\n'
put "$aps/invalid-utf8"   'a\n\xFF\n\xFE\n'
put "$aps/empty-set"      'a,b\n , \n'
put "$aps/nul"            'a\x00b\n'
put "$invites/arcs"       '0inviter\tinvitee\tp\na\tb\t0.5\nb\tc\t1\n'
put "$invites/arcs-nodes" '1a b 0.5\nb c 0.25\n|node u\na 0.5\nc 1\n'
put "$invites/inviters"   '2inviter\na\ncaf\xC3\xA9\n'
put "$invites/truth"      '3inviter invitee\na b\nb a\na a\ncaf\xC3\xA9 cafe\xCC\x81\n'
put "$invites/crlf-bom"   '0\xEF\xBB\xBFa b 0.5\r\nb c nan\r\n'
put "$features/dense"     '1a 0.5 1\nb 1 0\nc 0 0.25\n'
put "$features/sparse"    '2a 0:1 5:0.5\nb 3:1\n'
put "$features/pairs"     '3a 0\na 2 2\nb 1 3\n'
put "$features/auto-rep"  '0a 1 5\nb 0 1\na 1 1\n'
put "$features/cr-only"   '0a 0.5 1\rb 1 0\r'
put "$features/classes"   '4a 0\nb 1048575\nc -1\ncaf\xC3\xA9 2\n'
put "$features/split"     '5a\nb\ncafe\xCC\x81\n'
put "$features/huge-index" '3a 1073741823\nb 0\n'
npyfile() { local header=$1 data=$2 name=$3; local h="$header"; while [ $(( (10 + ${#h} + 1) % 64 )) -ne 0 ]; do h="$h "; done; { printf '\x93NUMPY\x01\x00'; printf "\\x$(printf %02x $(( (${#h} + 1) % 256 )))\\x$(printf %02x $(( (${#h} + 1) / 256 )))"; printf '%s\n' "$h"; printf "$data"; } > "$npy/$name"; }
npyfile "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }" '\x00\x00\x80\x3f\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x3f' f4
npyfile "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1), }" '\x00\x00\x00\x00\x00\x00\xf0\x3f' f8
npyfile "{'descr': '<f8', 'fortran_order': False, 'shape': (2305843009213693952, 1), }" '\x00\x00\x00\x00\x00\x00\xf0\x3f' overflow
npyfile "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1), }" '\x00\x00\xc0\x7f' nan
npyfile "{\"descr\": \"<f4\", \"fortran_order\": True, \"shape\": (0, 3,), }" '' fortran
put "$requests/seeds"     '{"useCase": "seeds", "request": {"k": 10, "algorithm": "imm", "seed": 7}}'
put "$requests/simulate"  '{"useCase": "simulate", "graph": {"path": "g.txt"}, "request": {"seeds": ["0", "caf\xC3\xA9"], "runs": 1000}}'
put "$requests/closed"    '{"useCase": "closed", "request": {"seeds": ["a"], "k": 3, "evaluationRuns": 100000000000}}'
put "$requests/cim"       '{"useCase": "cim", "request": {"k": 2, "apFile": "aps.txt", "apSet": 2}}'
put "$requests/recommend" '{"useCase": "recommend", "graph": {"arcsFile": "a.tsv"}, "request": {"k": 3, "worlds": 9223372036854775807}}'
put "$requests/embed"     '{"useCase": "embed", "request": {"method": "grace", "dimensions": 16}}'
put "$requests/probe"     '{"useCase": "probe", "request": {"labels": "l.txt", "train": "t.txt", "test": "u.txt"}}'
put "$requests/compare"   '{"useCase": "compare", "request": {"ks": [1, 2], "algorithms": ["degree"], "runs": 64}}'
