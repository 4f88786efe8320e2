"""Seed selection in a Python pipeline, side by side: influencekit (the Swift engine through its C
interface) against networkx with a pure-Python greedy — CELF (lazy greedy, Leskovec et al. 2007)
on Monte Carlo spread (Kempe et al. 2003) — on the same graph, model and k. Both seed sets are then
scored by the same estimator (influencekit's Monte Carlo, 20,000 cascades, one seed), so the rows
compare quality as well as time.

IC with weighted-cascade probabilities p(u, v) = 1/indeg(v) on both sides; the graph is read by each
side from the same file (networkx: read_edgelist into a DiGraph, both arcs per line when undirected).

usage: python_greedy.py GRAPH K MC_RUNS [--undirected] [--seed S] [--name NAME]
Prints CSV rows (Bench/README.md) on stdout.
"""
import argparse
import os
import random
import time

import networkx as nx

import influencekit as ik


def load_networkx(path, undirected):
    graph = nx.read_edgelist(path, nodetype=int, create_using=nx.DiGraph, comments="#", data=False)
    if undirected:
        graph.add_edges_from([(v, u) for u, v in list(graph.edges())])
    graph.remove_edges_from(nx.selfloop_edges(graph))
    return graph


def ic_spread(graph, probability, seeds, runs, rng):
    """Mean cascade size of `seeds` over `runs` independent cascades."""
    total = 0
    for _ in range(runs):
        active = set(seeds)
        frontier = list(seeds)
        while frontier:
            reached = []
            for u in frontier:
                for v in graph.successors(u):
                    if v not in active and rng.random() < probability[v]:
                        active.add(v)
                        reached.append(v)
            frontier = reached
        total += len(active)
    return total / runs


def celf(graph, k, runs, seed):
    """CELF: one spread evaluation per node, then lazy re-evaluation of the best stale gain."""
    rng = random.Random(seed)
    probability = {v: 1.0 / d for v, d in graph.in_degree() if d > 0}
    heap = [(-ic_spread(graph, probability, [v], runs, rng), v, 0) for v in graph.nodes()]
    heap.sort()
    seeds, spread = [], 0.0
    import heapq

    heapq.heapify(heap)
    while len(seeds) < k and heap:
        negative_gain, v, round_seen = heapq.heappop(heap)
        if round_seen == len(seeds):
            seeds.append(v)
            spread += -negative_gain
            continue
        gain = ic_spread(graph, probability, seeds + [v], runs, rng) - spread
        heapq.heappush(heap, (-gain, v, len(seeds)))
    return seeds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("graph")
    parser.add_argument("k", type=int)
    parser.add_argument("mc_runs", type=int)
    parser.add_argument("--undirected", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--name", default=None)
    arguments = parser.parse_args()
    name = arguments.name or os.path.basename(arguments.graph).split(".")[0]
    case = f"{name} ic wc k={arguments.k}"

    start = time.perf_counter()
    graph = ik.Graph.from_file(arguments.graph, undirected=arguments.undirected)
    ours_load = time.perf_counter() - start
    timings = {}
    reports = {}
    for threads in (1, os.cpu_count() or 1):
        start = time.perf_counter()
        reports[threads] = graph.seeds(arguments.k, model="ic", epsilon=0.1, seed=arguments.seed, threads=threads)
        timings[threads] = time.perf_counter() - start

    start = time.perf_counter()
    peer_graph = load_networkx(arguments.graph, arguments.undirected)
    peer_load = time.perf_counter() - start
    start = time.perf_counter()
    peer_seeds = celf(peer_graph, arguments.k, arguments.mc_runs, arguments.seed)
    peer_select = time.perf_counter() - start

    ours_seeds = reports[1]["seeds"]
    score = lambda seeds: graph.simulate([str(s) for s in seeds], runs=20000, seed=99)["spread"]
    ours_spread, peer_spread = score(ours_seeds), score(peer_seeds)
    peer = f"networkx + pure-Python CELF ({arguments.mc_runs} MC runs)"
    all_threads = max(timings)
    rows = [
        ("load_plus_selection_seconds_1_thread", ours_load + timings[1], peer, peer_load + peer_select, "s", 0),
        (f"load_plus_selection_seconds_{all_threads}_threads", ours_load + timings[all_threads], peer,
         peer_load + peer_select, "s", 0),
        ("selection_seconds_1_thread", timings[1], peer, peer_select, "s", 0),
        ("load_seconds", ours_load, "networkx read_edgelist", peer_load, "s", 0),
        ("spread_of_seeds_mc20000", ours_spread["estimate"], peer, peer_spread["estimate"], "nodes", 1),
    ]
    print("benchmark,case,metric,ours,peer,peer_value,unit,higher_is_better")
    for metric, ours, peer_name, peer_value, unit, higher in rows:
        print(f"python,{case},{metric},{ours:.6g},{peer_name},{peer_value:.6g},{unit},{higher}")
    print(f"   seeds: influencekit {ours_seeds}, CELF {[str(s) for s in peer_seeds]}; "
          f"spread standard errors {ours_spread['standardError']:.3f} / {peer_spread['standardError']:.3f}",
          file=__import__("sys").stderr)


if __name__ == "__main__":
    main()
