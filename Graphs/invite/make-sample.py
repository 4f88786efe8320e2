#!/usr/bin/env python3
"""Cut the small invite instance in Graphs/invite/ out of ../shared/graphs/higgs-invite/ (deterministic).

The first 12 inviters of inviters.txt (smallest ids), each with its 20 candidate arcs of highest P
(ties: smaller invitee), every arc out of those candidates (their spread structure), and the U of
every node that occurs; truth = the held-out pairs of the chosen inviters whose invitee is a kept
candidate. Usage, from the repository root: python3 Graphs/invite/make-sample.py
"""
import collections, os
SRC = '../shared/graphs/higgs-invite'
OUT = 'Graphs/invite'
INVITERS, PER_INVITER = 12, 20

def rows(name):
    with open(os.path.join(SRC, name)) as f:
        lines = f.read().split('\n')
    return [l.split('\t') for l in lines[1:] if l]

arcs = rows('arcs.tsv')
out = collections.defaultdict(list)
for a, b, p in arcs:
    out[a].append((b, p))
with open(os.path.join(SRC, 'inviters.txt')) as f:
    inviters = [l.strip() for l in f if l.strip()][:INVITERS]
kept = []
candidates = set()
for i in inviters:
    top = sorted(out[i], key=lambda e: (-float(e[1]), int(e[0])))[:PER_INVITER]
    for b, p in top:
        kept.append((i, b, p)); candidates.add(b)
for c in sorted(candidates, key=int):
    for b, p in out.get(c, []):
        kept.append((c, b, p))
kept.sort(key=lambda r: (int(r[0]), int(r[1])))
nodes = {a for a, _, _ in kept} | {b for _, b, _ in kept}
U = {v: u for v, u in rows('nodes.tsv')}
pairs = {(a, b) for a, b, _ in kept}
truth = [(a, b) for a, b in rows('truth.tsv') if a in set(inviters) and (a, b) in pairs]
with open(os.path.join(OUT, 'arcs.tsv'), 'w') as f:
    f.write('inviter\tinvitee\tP\n'); f.writelines(f'{a}\t{b}\t{p}\n' for a, b, p in kept)
with open(os.path.join(OUT, 'nodes.tsv'), 'w') as f:
    f.write('node\tU\n'); f.writelines(f'{v}\t{U[v]}\n' for v in sorted(nodes, key=int))
with open(os.path.join(OUT, 'inviters.txt'), 'w') as f:
    f.writelines(f'{i}\n' for i in inviters)
with open(os.path.join(OUT, 'truth.tsv'), 'w') as f:
    f.write('inviter\tinvitee\n'); f.writelines(f'{a}\t{b}\n' for a, b in sorted(truth, key=lambda r: (int(r[0]), int(r[1]))))
print(len(inviters), 'inviters', len(kept), 'arcs', len(nodes), 'nodes', len(truth), 'truth pairs')
