"""Writes the bundled planted-partition graph with Planetoid-style files (the format of
shared/graphs/cora): 3 communities of 40 nodes, an edge inside a community with probability
0.15 and across with 0.01; 60 binary bag-of-words features, each community with 12 topic words
present with probability 0.3 and every other word with 0.04; labels are the communities;
train = the first 5 nodes of each community, test = the rest. Python's random, seed 13.

usage: python3 Graphs/communities/make.py   (from the repository root)
"""
import random

rng = random.Random(13)
k, size, words = 3, 40, 60
n = k * size
block = [v // size for v in range(n)]
edges = [(u, v) for u in range(n) for v in range(u + 1, n)
         if rng.random() < (0.15 if block[u] == block[v] else 0.01)]
out = "Graphs/communities/"
with open(out + "edges.txt", "w") as f:
    f.writelines(f"{u} {v}\n" for u, v in edges)
with open(out + "features.txt", "w") as f:
    for v in range(n):
        topic = range(block[v] * 12, block[v] * 12 + 12)
        row = [w for w in range(words) if rng.random() < (0.3 if w in topic else 0.04)] or [block[v] * 12]
        f.writelines(f"{v} {w}\n" for w in row)
with open(out + "labels.txt", "w") as f:
    f.writelines(f"{v} {block[v]}\n" for v in range(n))
with open(out + "train.txt", "w") as f:
    f.writelines(f"{v}\n" for v in range(n) if v % size < 5)
with open(out + "test.txt", "w") as f:
    f.writelines(f"{v}\n" for v in range(n) if v % size >= 5)
