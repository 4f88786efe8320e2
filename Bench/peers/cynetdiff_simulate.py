"""The peer of BenchSimulate: cynetdiff's independent cascade on the same graph, probabilities and
seeds, timed the same way (best of N after a warm-up). Prints key=value lines.

Graph as InfluenceKit reads it: '#' lines skipped, self-loops dropped, node ids as in the file
(n = largest id + 1), every line an arc u -> v, IC probability p(u, v) = 1 / indeg(v) (float32).
cynetdiff runs the trials in its C++ loop (compute_marginal_gains with no new seeds returns the
mean spread over num_trials cascades); it is single-threaded and reports no arc counts.

usage: cynetdiff_simulate.py GRAPH SEEDS_FILE RUNS [REPEAT] [SEED]
"""
import gzip
import sys
import time

import numpy as np
from cynetdiff.models import IndependentCascadeModel


def read_arcs(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as handle:
        lines = [line for line in handle.read().splitlines() if line.strip() and not line.startswith(b"#")]
    pairs = np.array([line.split()[:2] for line in lines], dtype=np.int64)
    sources, targets = pairs[:, 0], pairs[:, 1]
    keep = sources != targets
    return sources[keep], targets[keep]


def main():
    path, seeds_file, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    repeat = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    sources, targets = read_arcs(path)
    n = int(max(sources.max(), targets.max())) + 1
    order = np.argsort(sources, kind="stable")
    sources, targets = sources[order], targets[order]
    starts = np.searchsorted(sources, np.arange(n)).astype(np.uint32)
    edges = targets.astype(np.uint32)
    indegree = np.bincount(targets, minlength=n)
    probabilities = (np.float32(1) / indegree[targets].astype(np.float32)).astype(np.float32)
    with open(seeds_file) as handle:
        seeds = [int(line) for line in handle if line.strip()]
    model = IndependentCascadeModel(starts, edges, activation_probs=probabilities, rng=seed)
    print(f"nodes={n}")
    print(f"arcs={len(edges)}")
    model.compute_marginal_gains(seeds, [], min(runs, 256))  # warm-up
    best, best_cpu, mean = float("inf"), float("inf"), 0.0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        mean = model.compute_marginal_gains(seeds, [], runs)[0]
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    print(f"seconds={best}")
    print(f"simulations_per_second={runs / best}")
    print(f"cpu_seconds={best_cpu}")
    print(f"simulations_per_cpu_second={runs / best_cpu}")
    print(f"mean={mean}")
    print(f"version={__import__('importlib.metadata').metadata.version('cynetdiff')}")
    sys.stderr.write(f"  cynetdiff: {best} s (CPU {best_cpu} s), {int(runs / best)} simulations/s, spread {mean}\n")


if __name__ == "__main__":
    main()
