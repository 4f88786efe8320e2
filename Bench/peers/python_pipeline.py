"""The README's Python pipeline, timed beside the usual Python route, in one process run.

Seeds: pandas edge frame -> graph -> k seeds -> their Monte Carlo spread.
  influencekit: Graph.from_pandas, graph.seeds(k) (OPIM-C, guarantee 1 - 1/e - 0.1 w.p. 1 - 1/n),
                graph.simulate(seeds, runs=10,000).
  usual route:  networkx.from_pandas_edgelist (DiGraph), cynetdiff.utils.networkx_to_ic_model, CELF
                (lazy greedy, Leskovec et al. 2007) on cynetdiff's C++ Monte Carlo gains (TRIALS
                cascades per evaluation), then the seeds' spread over 10,000 cynetdiff cascades.
  IC with weighted-cascade probabilities p(u, v) = 1/indeg(v) on both sides. Both seed sets are
  then scored by one estimator (influencekit's Monte Carlo, 20,000 cascades, seed 1).
Invitations (with --invite DIR): invitation frame -> InviteGraph.from_frames -> recommend(K = 5)
  -> evaluate(truth, worlds = 1,000), HeteroIM at the default r and at r = 4 (the published HIM
  code's setting, whose recorded time is printed beside it: it is not rerun).

usage: python_pipeline.py GRAPH K TRIALS [--undirected] [--threads T] [--invite DIR]
Prints markdown table rows on stdout, progress on stderr.
"""
import argparse
import heapq
import sys
import time

import networkx as nx
import pandas as pd
from cynetdiff.utils import networkx_to_ic_model

import influencekit as ik


def influencekit_route(frame, k, undirected, threads):
    start = time.perf_counter()
    graph = ik.Graph.from_pandas(frame, source="src", target="dst", undirected=undirected)
    built = time.perf_counter()
    seeds = graph.seeds(k, epsilon=0.1, seed=1, threads=threads)
    picked = time.perf_counter()
    spread = graph.simulate(seeds, runs=10000, seed=1, threads=threads)
    done = time.perf_counter()
    return graph, list(seeds.seeds), {"build": built - start, "seeds": picked - built, "simulate": done - picked,
                                      "total": done - start, "spread": spread.spread.estimate}


def cynetdiff_route(frame, k, undirected, trials):
    start = time.perf_counter()
    G = nx.from_pandas_edgelist(frame, "src", "dst", create_using=nx.DiGraph)
    if undirected:
        G.add_edges_from([(v, u) for u, v in list(G.edges())])
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    for u, v in G.edges():
        G[u][v]["activation_prob"] = 1.0 / G.in_degree(v)
    model, mapping = networkx_to_ic_model(G, rng=1)
    built = time.perf_counter()
    # CELF: initial gains of every node, then lazy re-evaluation of the heap's top.
    heap = [(-model.compute_marginal_gains([], [node], trials)[1], node, 0) for node in range(len(mapping))]
    heapq.heapify(heap)
    chosen, chosen_round = [], 0
    while len(chosen) < k and heap:
        gain, node, stamp = heapq.heappop(heap)
        if stamp == len(chosen):
            chosen.append(node)
            continue
        fresh = model.compute_marginal_gains(chosen, [node], trials)[1]
        heapq.heappush(heap, (-fresh, node, len(chosen)))
    picked = time.perf_counter()
    spread = model.compute_marginal_gains(chosen, [], 10000)[0]
    done = time.perf_counter()
    labels = {index: node for node, index in mapping.items()}
    return [str(labels[i]) for i in chosen], {"build": built - start, "seeds": picked - built,
                                              "simulate": done - picked, "total": done - start, "spread": spread}


def invite_route(directory, threads):
    rows = []
    start = time.perf_counter()
    arcs = pd.read_csv(f"{directory}/arcs.tsv", sep="\t")
    nodes = pd.read_csv(f"{directory}/nodes.tsv", sep="\t")
    inviters = pd.read_csv(f"{directory}/inviters.txt", header=None)[0]
    invite = ik.InviteGraph.from_frames(arcs, nodes, p="P", u="U", inviters=inviters)
    built = time.perf_counter()
    for r in (None, 4):
        t0 = time.perf_counter()
        lists = invite.recommend(5, sets_per_node=r, seed=1, threads=threads)
        t1 = time.perf_counter()
        scores = invite.evaluate(5, f"{directory}/truth.tsv", sets_per_node=r, worlds=1000, seed=1, threads=threads)
        t2 = time.perf_counter()
        heteroim = scores.evaluation_frame().query("method == 'HeteroIM' and k == 5").iloc[0]
        rows.append((r or lists.record["setsPerNode"], built - start, t1 - t0, t2 - t1, heteroim["recall"], heteroim["spread"]))
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("graph")
    parser.add_argument("k", type=int)
    parser.add_argument("trials", type=int)
    parser.add_argument("--undirected", action="store_true")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--name", default=None)
    parser.add_argument("--invite", default=None)
    a = parser.parse_args()
    frame = pd.read_csv(a.graph, sep=r"\s+", comment="#", header=None, usecols=[0, 1], names=["src", "dst"])
    name = a.name or a.graph
    print(f"== {name}: influencekit ({a.threads} threads)", file=sys.stderr)
    graph, ours, t_ours = influencekit_route(frame, a.k, a.undirected, a.threads)
    _, ours1, t_ours1 = influencekit_route(frame, a.k, a.undirected, 1)
    print(f"== {name}: networkx + cynetdiff CELF ({a.trials} cascades per evaluation)", file=sys.stderr)
    theirs, t_theirs = cynetdiff_route(frame, a.k, a.undirected, a.trials)
    judge_ours = graph.simulate(ours, runs=20000, seed=1, threads=a.threads).spread
    judge_theirs = graph.simulate(theirs, runs=20000, seed=1, threads=a.threads).spread
    print(f"| {name} (n = {graph.nodes:,}, m = {graph.arcs:,}), k = {a.k} "
          f"| {t_ours1['build']:.3f} + {t_ours1['seeds']:.3f} + {t_ours1['simulate']:.3f} = {t_ours1['total']:.3f} s "
          f"| {t_ours['total']:.3f} s "
          f"| {t_theirs['build']:.3f} + {t_theirs['seeds']:.3f} + {t_theirs['simulate']:.3f} = {t_theirs['total']:.3f} s "
          f"| {t_theirs['total'] / t_ours1['total']:.0f}× "
          f"| {judge_ours.estimate:.2f} ± {judge_ours.standard_error:.2f} | {judge_theirs.estimate:.2f} ± {judge_theirs.standard_error:.2f} |")
    if a.invite:
        print("== invitations: influencekit", file=sys.stderr)
        for r, build, rec, ev, recall, spread in invite_route(a.invite, a.threads):
            print(f"| invitations, HeteroIM r = {r} | {build:.2f} s | {rec:.2f} s | {ev:.2f} s | {recall:.4f} | {spread:.1f} |")


if __name__ == "__main__":
    main()
