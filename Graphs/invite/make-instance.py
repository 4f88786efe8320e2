#!/usr/bin/env python3
"""Write the small synthetic invite instance in Graphs/invite/ (deterministic, seed 2026).

It has the layout of an invitee-recommendation benchmark: 12 inviters (nodes 0-11), each with 20
candidate invitees drawn from nodes 12-211 (every one of them a candidate of some inviter, several
shared between inviters so that --capacity matters); every candidate sends 1-6 arcs into nodes
12-548 (every one of nodes 212-548 reached), so the spread beyond the first invitation has
structure; P per arc and U per node uniform on [0.01, 0.35] and [0.05, 0.6] (6 decimals); held-out
invitations: 1-2 candidates of each of the first 9 inviters.
Files: invitations.tsv (inviter invitee P), acceptance.tsv (node U), inviter-list.txt, held-out.tsv
(inviter invitee).
Usage, from the repository root: python3 Graphs/invite/make-instance.py
"""
import os, random

OUT = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(2026)
INVITERS, PER_INVITER, CANDIDATES, NODES = 12, 20, range(12, 212), 549

# Candidates: a shuffled pass over every candidate node first, then random fill.
slots = list(CANDIDATES)
rng.shuffle(slots)
lists = {i: [] for i in range(INVITERS)}
for i in range(INVITERS):
    while len(lists[i]) < PER_INVITER:
        v = slots.pop() if slots else rng.choice(CANDIDATES)
        if v not in lists[i]:
            lists[i].append(v)
arcs = {(i, v) for i in lists for v in lists[i]}
# Out-arcs of the candidates, first covering nodes 212-548, then random.
targets = list(range(212, NODES))
rng.shuffle(targets)
for c in CANDIDATES:
    for _ in range(rng.randint(1, 6)):
        w = targets.pop() if targets else rng.randrange(12, NODES)
        if w != c:
            arcs.add((c, w))
while targets:  # any node still unreached gets an arc from a random candidate
    arcs.add((rng.choice(CANDIDATES), targets.pop()))
P = {a: rng.uniform(0.01, 0.35) for a in sorted(arcs)}
U = {v: rng.uniform(0.05, 0.6) for v in range(NODES)}
truth = sorted((i, v) for i in range(9) for v in rng.sample(lists[i], rng.randint(1, 2)))

with open(os.path.join(OUT, 'invitations.tsv'), 'w') as f:
    f.write('inviter\tinvitee\tP\n')
    f.writelines(f'{a}\t{b}\t{P[(a, b)]:.6f}\n' for a, b in sorted(arcs))
with open(os.path.join(OUT, 'acceptance.tsv'), 'w') as f:
    f.write('node\tU\n')
    f.writelines(f'{v}\t{U[v]:.6f}\n' for v in range(NODES))
with open(os.path.join(OUT, 'inviter-list.txt'), 'w') as f:
    f.writelines(f'{i}\n' for i in range(INVITERS))
with open(os.path.join(OUT, 'held-out.tsv'), 'w') as f:
    f.write('inviter\tinvitee\n')
    f.writelines(f'{a}\t{b}\n' for a, b in truth)
print(INVITERS, 'inviters', len(arcs), 'arcs', NODES, 'nodes', len(truth), 'truth pairs')
