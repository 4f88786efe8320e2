"""Reads infmax records for Bench/bench-mpi.sh: one Markdown table row (or TSV row) per call,
and CSV rows for Bench/run.sh collected in work/mpi/rows.csv."""
import json
import os
import sys

WORK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "work", "mpi")
ROWS = os.path.join(WORK, "rows.csv")


def load(path):
    with open(path) as f:
        return json.load(f)


def comparable(record):
    """A seeds record without what legitimately differs between equal runs."""
    r = dict(record)
    for key in ("timings", "memory", "distributed"):
        r.pop(key, None)
    r["request"] = {k: v for k, v in r["request"].items() if k != "threads"}
    if r.get("rounds"):
        r["rounds"] = [{k: v for k, v in round_.items() if k != "seconds"} for round_ in r["rounds"]]
    return r


def row(case, metric, value, unit, higher):
    with open(ROWS, "a") as f:
        f.write(f"mpi,{case},{metric},{value},,,{unit},{1 if higher else 0}\n")


def phase(record, name, rank=None):
    """Seconds of phase `name` (on `rank` when the record is distributed), and its RR sets."""
    phases = record["timings"]["phases"]
    if rank is not None and record.get("distributed"):
        phases = record["distributed"]["perRank"][rank]["phases"]
    for p in phases:
        if p["name"] == name:
            return p["seconds"], p["rrSets"]
    return 0.0, 0


def equality(one, many, graph, model, algorithm, ranks, wall):
    a, b = load(one), load(many)
    same = comparable(a) == comparable(b)
    seeds = ", ".join(s["label"] for s in b["seeds"][:5])
    print(f"| {graph} | {model.upper()} | {algorithm} | {ranks} | {'yes' if same else '**no**'} | {seeds}, … | "
          f"{b['spread']['estimate']:.2f} | {b['rrSets']['generated']} | {float(wall):.2f} |")
    row(f"{graph} {model} {algorithm} R={ranks}", "equal_to_one_process", 1 if same else 0, "bool", True)


def scaling(path, ranks, wall, reference):
    r = load(path)
    ranks = int(ranks)
    wall = float(wall)
    n = r["graph"]["nodes"]
    per_rank = r["distributed"]["perRank"] if r.get("distributed") else None
    sampling = [phase(r, "sampling", q)[0] for q in range(ranks)] if per_rank else [phase(r, "sampling")[0]]
    sets = phase(r, "sampling")[1]
    slowest = max(sampling)
    throughput = sets / slowest
    comm = [q["communicationBytes"] for q in per_rank] if per_rank else [0]
    base = load(reference)
    base_throughput = phase(base, "sampling")[1] / phase(base, "sampling")[0]
    base_wall = float(open(reference + ".wall").read()) if os.path.exists(reference + ".wall") else wall
    with open(path + ".wall", "w") as f:
        f.write(str(wall))
    efficiency = throughput / (ranks * base_throughput)
    e2e_efficiency = base_wall / (ranks * wall)
    per_step = 4 * n
    steps = comm[0] / per_step if per_step else 0
    total = r["timings"]["totalSeconds"]
    print(f"| {ranks} | {sets} | {slowest:.3f} | {throughput:,.0f} | {throughput / ranks:,.0f} | {100 * efficiency:.0f}% | "
          f"{total:.2f} | {wall:.2f} | {100 * e2e_efficiency:.0f}% | {comm[0]:,} | {per_step:,} | {steps:.0f} |")
    case = f"soc-Slashdot0902 imm R={ranks}"
    row(case, "rr_sets_per_second", f"{throughput:.0f}", "sets/s", True)
    row(case, "rr_sets_per_second_per_rank", f"{throughput / ranks:.0f}", "sets/s", True)
    row(case, "per_rank_efficiency", f"{efficiency:.3f}", "fraction", True)
    row(case, "end_to_end_seconds", f"{wall:.3f}", "s", False)
    row(case, "communication_bytes_per_rank", comm[0], "bytes", False)
    row(case, "greedy_step_bytes", per_step, "bytes", False)


def standin(path):
    r = load(path)
    p = r["graph"]
    members_per_set = None
    sets = r["rrSets"]["selection"]
    peak = r["memory"]["peakRRSetBytes"]
    sampling_seconds, sampling_sets = phase(r, "sampling")
    # IMM's peak is its final pool, drawn fresh in one growth (storage reserved exactly):
    # sets · (4·mean + 8) bytes, plus its index, 4 bytes a member and 8 a node.
    members_per_set = max(1.0, (peak - 8 * sets - 8 * (p["nodes"] + 1)) / (8 * sets))
    print(f"{p['nodes']}\t{p['arcs']}\t{r['spread']['estimate']}\t{sets}\t{members_per_set}\t{sampling_seconds}\t{sampling_sets}\t{r['lowerBound']}")


def csv():
    if os.path.exists(ROWS):
        sys.stdout.write(open(ROWS).read())
        os.remove(ROWS)


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"equality": equality, "scaling": scaling, "standin": standin, "csv": csv}[command](*args)
