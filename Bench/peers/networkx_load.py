"""Reference loading speed: networkx.read_edgelist of an edge list into a DiGraph.

usage: python networkx_load.py FILE [REPEATS]
prints: seconds=BEST nodes=N edges=M   (BEST = fastest of REPEATS reads, wall time of the call)
"""
import sys
import time

import networkx as nx


def main() -> None:
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    best = float("inf")
    graph = None
    for _ in range(repeats):
        graph = None
        start = time.perf_counter()
        graph = nx.read_edgelist(path, comments="#", create_using=nx.DiGraph, nodetype=int, data=False)
        best = min(best, time.perf_counter() - start)
    print(f"seconds={best:.6f} nodes={graph.number_of_nodes()} edges={graph.number_of_edges()}")


if __name__ == "__main__":
    main()
