"""Writes Bench/results/mpi.md: the equality table, the measured scaling on soc-Slashdot0902,
and the projection of IMM on Twitter-2010 (ε = 0.1, k = 50) to 16, 64, 256 (and 1,024) ranks.

usage: projection.py EQUALITY.md SCALING.md STANDIN.tsv OUT.md CORES COMMIT"""
import datetime
import os
import math
import sys

equality_path, scaling_path, standin_path, out_path, cores, commit = sys.argv[1:7]

# Twitter-2010 (Kwak et al., WWW 2010; LAW's twitter-2010): nodes and arcs.
N, M = 41_652_230, 1_468_365_182
K, EPSILON, ELL = 50, 0.1, 1.0
# The cluster assumed for the projection (one rank per node).
CORES_PER_RANK = 32             # threads per rank
BANDWIDTH = 12.5e9              # bytes/s per link (100 Gb/s InfiniBand)
LATENCY = 2e-6                  # s per message
REDUCE_RATE = 5e9               # bytes/s a rank sums in a reduction
SNAPSHOT_RATE = 10e6 / 0.588    # arcs/s reading an .infgraph snapshot (Bench/results/latest.md)


def log_binomial(n, k):
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def imm_sets(n, k, epsilon, ell, spread_fraction):
    """IMM's phase-1 last pool and phase-2 θ (Tang, Shi, Xiao 2015, Eqs. 6 and 9) with OPT from the
    stand-in's spread fraction and LB = OPT / (1 + ε')."""
    ell = ell * (1 + math.log(2) / math.log(n))
    e = 1 - 1 / math.e
    alpha = math.sqrt(ell * math.log(n) + math.log(2))
    beta = math.sqrt(e * (log_binomial(n, k) + ell * math.log(n) + math.log(2)))
    lambda_star = 2 * n * (e * alpha + beta) ** 2 / epsilon ** 2
    eps_prime = math.sqrt(2) * epsilon
    lambda_prime = (2 + 2 * eps_prime / 3) * (log_binomial(n, k) + ell * math.log(n) + math.log(math.log2(n))) * n / eps_prime ** 2
    opt = spread_fraction * n
    lower = opt / (1 + eps_prime)
    rounds = max(1, math.ceil(math.log2(n / opt)))
    return lambda_prime / (lower * (1 + eps_prime)), lambda_star / lower, rounds


standin = [line.split("\t") for line in open(standin_path).read().splitlines() if line.strip()]
if standin:
    nodes, arcs, spread, sets, mean, sampling_seconds, sampling_sets, lower = map(float, standin[-1])
else:
    nodes = arcs = spread = sets = mean = sampling_seconds = sampling_sets = lower = float("nan")
fraction = spread / nodes
members_per_core_second = sampling_sets * mean / (sampling_seconds * 2)

graph_bytes = 16 * M + 61 * N    # forward + reverse CSR, probabilities, sampling tables, marks


def project(ranks, fraction):
    estimation_sets, theta, rounds = imm_sets(N, K, EPSILON, ELL, fraction)
    greedy_steps = (K + 1) * (rounds + 1)
    pool_sets = max(estimation_sets, theta) / ranks
    rr_bytes = pool_sets * (8 * mean + 8) + 8 * N      # sets + index + index offsets
    sampling = (estimation_sets + theta) * mean / (ranks * CORES_PER_RANK * members_per_core_second)
    step_bytes = 4 * N
    allreduce = 0.0 if ranks == 1 else 2 * (ranks - 1) / ranks * step_bytes / BANDWIDTH \
        + 2 * math.log2(ranks) * LATENCY + step_bytes / REDUCE_RATE
    # Local greedy work: each member touched about twice per rank, and O(n) per step (the copy
    # of the counts and the heap refresh), at ~2 ns an element.
    greedy_local = (estimation_sets + theta) * mean / ranks * 2e-9 * 2 + greedy_steps * N * 2e-9
    greedy = greedy_steps * allreduce + greedy_local
    load = M / SNAPSHOT_RATE
    return dict(sets=estimation_sets + theta, theta=theta, rounds=rounds, steps=greedy_steps, pool_sets=pool_sets,
                rr_bytes=rr_bytes, step_bytes=step_bytes, sampling=sampling, greedy=greedy, load=load)


def gib(x):
    return f"{x / 2**30:,.1f} GiB"


scenarios = [("A: the stand-in's spread fraction", fraction), ("B: a 1% spread fraction", 0.01)]
rows = []
for label, f in scenarios:
    one = project(1, f)
    for ranks in (1, 16, 64, 256, 1024):
        p = project(ranks, f)
        total = p["sampling"] + p["greedy"] + p["load"]
        speedup = (one["sampling"] + one["greedy"]) / (p["sampling"] + p["greedy"])
        rows.append(f"| {label} | {f:.3f} | {p['sets']:,.0f} | {ranks} | {p['pool_sets']:,.0f} | {gib(p['rr_bytes'])} | "
                    f"{gib(graph_bytes)} | {p['step_bytes'] / 2**20:,.0f} MiB | {p['steps']} | {p['sampling']:,.1f} s | "
                    f"{p['greedy']:,.1f} s | {p['load']:,.0f} s | {total:,.0f} s | {speedup:,.1f}× |")
        label = ""

load_path = os.path.join(os.path.dirname(scaling_path), "load-scaling.txt")
load_average = open(load_path).read().strip() if os.path.exists(load_path) else "unknown"

date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
equality = open(equality_path).read().strip() or "| (not run) | | | | | | | | |"
scaling = open(scaling_path).read().strip() or "| (soc-Slashdot0902 absent) | | | | | | | | | | | |"

note = f"""# InfluenceKit over MPI: same answers, measured scaling, Twitter-2010 projection

Machine: {cores} cores, shared; Open MPI from Debian (`libopenmpi-dev`, `openmpi-bin`); date {date};
commit {commit}. Written by `Bench/bench-mpi.sh` (`mpirun --allow-run-as-root --oversubscribe -np R`,
loopback).

## How a distributed run works

- Every rank loads the graph itself (text or snapshot). RR set j of pool p is drawn from the stream
  (seed, p, ⌊j/256⌋) as in one process; task t (256 sets) belongs to rank t mod R, so the union of
  the ranks' pools is the single-process pool task for task, and each doubling of a pool is spread
  evenly. Each rank keeps its own sets and inverted index.
- Greedy: after each pick every rank all-reduces its n marginal-coverage counts (32-bit) and takes
  the argmax (ties to the smaller id) of the sums, which are exactly the single-process counts. The
  all-reduce of counts was chosen over all-reducing per-rank best candidates because the latter is
  not exact: a node second on every rank can be first overall, so only the summed counts give the
  single-process seeds. As every rank then holds the same counts and runs the same argmax, no
  broadcast of the chosen seed is needed (it would only add a latency per step).
- IMM's and OPIM-C's bounds use global counts (pool sizes across ranks, coverage summed), and the
  spread interval's evaluation sets are shared the same way (their covered counts summed).
- Monte Carlo: the blocks of 64 runs are split into contiguous ranges, one per rank; run i keeps its
  stream (seed, i); block totals are gathered and merged in run order (node counts are integers,
  summed), so the estimate is bit-identical to one process.
- Memory checks are per rank (its share of each pool) and agreed: a refusal, or a file one rank
  cannot read, ends every rank, with one message from the lowest rank that saw it.

## Equality with one process (k = 50, ε = 0.1, seed 7; one thread per rank)

"equal" compares the whole record but timings, memory and thread count: seeds, marginal coverage,
spread and interval, rounds and bounds, RR sets.

| graph | model | algorithm | R | equal | seeds | spread | RR sets drawn | mpirun wall (s) |
|---|---|---|---:|---|---|---:|---:|---:|
{equality}

## Scaling on soc-Slashdot0902 (IMM, IC, k = 50, ε = 0.1, one thread per rank)

This machine has {cores} cores, shared with other jobs: the load average (1, 5, 15 minutes) when
these runs began was {load_average}, so R = 2 did not have two free cores and the efficiencies
below are lower bounds of what two idle cores give. Throughput is the sampling
phase's (IMM's final θ sets) over the slowest rank; per-rank efficiency is throughput / (R · the
R = 1 throughput); end to end is mpirun's wall time (startup, load, both phases, evaluation).
Communication is the payload one rank passed to reductions and gathers; a greedy step is one
all-reduce of n 32-bit counts (4n bytes), so the last column is that payload in greedy steps.

| R | sampling sets | sampling s (slowest rank) | RR sets/s | per rank | efficiency | in-process s | end-to-end s | efficiency | payload per rank (B) | bytes per greedy step | ≈ steps |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
{scaling}

Sampling needs no communication and gains with the second rank even on a busy machine. End to
end, a second rank did not pay here: IMM's phase 1 on soc-Slashdot0902 runs several small pools,
each with a greedy of k + 1 all-reduces, and every all-reduce is a synchronisation that, on a
machine with more runnable jobs than cores, waits for whichever rank was descheduled; with idle
cores those steps cost microseconds each (328 KB payload).

## Projection: IMM on Twitter-2010 (n = {N:,}, m = {M:,}), ε = 0.1, k = 50

Inputs measured on a stand-in, a power-law graph made by `infmax generate power-law` with
Twitter-2010's average degree (35 arcs per node; out/in exponents 2.1) of {nodes:,.0f} nodes and
{arcs:,.0f} arcs, under the default weighted cascade: mean RR-set size {mean:.1f} members, spread
fraction σ/n = {fraction:.4f}, {members_per_core_second / 1e6:.1f}M RR-set members per core-second.

Assumptions: the mean RR-set size carries over to Twitter-2010; the spread fraction is the
largest unknown (θ scales as 1/fraction), so two scenarios are given: A, the stand-in's
(its dense core spreads far), and B, 1% of the nodes. LB = OPT/(1 + √2ε), as IMM's phase 1
finds; phase-1 rounds ⌈log2(n/OPT)⌉; each greedy is k + 1 = {K + 1} all-reduces. One rank per
node with {CORES_PER_RANK} sampling threads at the stand-in's per-core rate, which was measured on this
shared machine under a load average of about 15 on 2 cores and is therefore pessimistic (sampling
times are upper bounds). All-reduce as a ring on 100 Gb/s links ({BANDWIDTH / 1e9:.1f} GB/s, {LATENCY * 1e6:.0f} µs
latency, sums at {REDUCE_RATE / 1e9:.0f} GB/s). Every rank reads a snapshot at the measured
{SNAPSHOT_RATE / 1e6:.0f}M arcs/s (Bench/results/latest.md). The graph on every rank: forward and
reverse CSR, probabilities and sampling tables, about 16 bytes an arc and 61 a node. Speedup is
sampling + greedy against one rank of the same node.

| scenario | σ/n | RR sets (phase 1 + θ) | ranks | RR sets per rank | RR sets + index per rank | graph per rank | per greedy step | greedy steps | sampling | greedy | load | expected total | speedup |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}

Where this stands against Ripples (586× on 1,024 nodes): sampling is embarrassingly parallel here
too (no communication; round-robin tasks keep ranks within a task of each other), so it scales
linearly. What stops us is, first, greedy: each step all-reduces the dense n-vector of counts,
{4 * N / 2**20:,.0f} MiB for Twitter-2010, whatever the rank count, so its time stays constant
while sampling shrinks (Amdahl); the speedup column shows it flattening (and, in scenario A, where θ is small next to n,
distribution buys nothing: one node would do). A sparse all-reduce of
only the counts that changed, or a reduce-scatter with a distributed argmax, would remove that
floor, at the price of more code. Second, every rank holds the whole graph, about
{gib(graph_bytes)}, so nodes need that much memory before any RR set; Ripples has the same
constraint. Third, the load is not parallel: each rank reads the full snapshot. What we give that
Ripples does not is the same seeds as one process for the same --seed, for any rank and thread
count.
"""
open(out_path, "w").write(note)
print(f"bench-mpi: wrote {out_path}", file=sys.stderr)
