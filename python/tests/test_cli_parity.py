"""Requirement: for every use case the Python result is the CLI's record for the same request —
the same seeds, numbers and JSON text (key order, values), timings and memory aside.

Two routes: the CLI's own flags for seeds, simulate and cim; and, for every use case, the Python
record rerun by `infmax run RECORD` (the CLI reads the record's request and graph and runs it)."""

import json
import os

import numpy as np
import pytest

import influencekit as ik
from conftest import KARATE, KARATE_APS, ROOT, WEIGHTED, computed, run_cli

INVITE = os.path.join(ROOT, "Graphs", "invite")
COMMUNITIES = os.path.join(ROOT, "Graphs", "communities")


def assert_same_text(result, cli_text):
    """Equal records, key order included (json.dumps keeps it), measured parts aside, and the same
    number of lines (the same layout)."""
    ours, theirs = computed(json.loads(result.to_json())), computed(json.loads(cli_text))
    assert json.dumps(ours) == json.dumps(theirs)
    assert len(result.to_json().splitlines()) == len(cli_text.splitlines())


def rerun(infmax, result, tmp_path):
    """`infmax run` on the Python record: the CLI's record of the same request."""
    path = tmp_path / f"{result.use_case}-record.json"
    result.save(str(path))
    return run_cli(infmax, "run", str(path))


# ---- the CLI's flags ------------------------------------------------------------------------


@pytest.mark.parametrize("model", ["ic", "lt"])
def test_karate_seeds_match_cli_flags(infmax, model):
    graph = ik.Graph.from_file(KARATE, undirected=True)
    result = graph.seeds(4, model=model, epsilon=0.1, seed=7, threads=2)
    text, record = run_cli(infmax, "seeds", KARATE, "--undirected", "--k", "4", "--model", model,
                           "--epsilon", "0.1", "--seed", "7", "--threads", "2")
    assert result.seeds == tuple(entry["label"] for entry in record["seeds"])
    assert result.spread.estimate == record["spread"]["estimate"]
    assert_same_text(result, text)


def test_karate_imm_and_options_match_cli_flags(infmax):
    graph = ik.Graph.from_file(KARATE, undirected=True, probabilities="uniform:0.1")
    # The CLI records IMM's (unused) precision as null: precision=0 is that request.
    result = graph.seeds(3, algorithm="imm", epsilon=0.2, ell=1.5, seed=3, threads=1, sampling="plain", precision=0)
    text, _ = run_cli(infmax, "seeds", KARATE, "--undirected", "--probabilities", "uniform:0.1", "--k", "3",
                      "--algorithm", "imm", "--epsilon", "0.2", "--ell", "1.5", "--seed", "3", "--threads", "1",
                      "--sampling", "plain")
    assert_same_text(result, text)


def test_karate_hist_matches_cli_flags(infmax):
    # HIST by name, as `--algorithm hist`: the same seeds, spread and sentinel phase.
    graph = ik.Graph.from_file(KARATE, undirected=True)
    result = graph.seeds(8, algorithm="hist", seed=7, threads=2, precision=0)
    text, record = run_cli(infmax, "seeds", KARATE, "--undirected", "--k", "8", "--algorithm", "hist",
                           "--seed", "7", "--threads", "2")
    assert result.seeds == tuple(entry["label"] for entry in record["seeds"])
    assert result.record["algorithm"] == "HIST" and record["hist"]["sentinelSize"] == 2
    assert_same_text(result, text)


def test_time_budget_matches_cli_flags(infmax):
    # An ample budget: the run ends by its stopping rule, as the CLI's does, and says so.
    graph = ik.Graph.from_file(KARATE, undirected=True)
    result = graph.seeds(3, seed=7, threads=2, time_budget_seconds=3600)
    text, record = run_cli(infmax, "seeds", KARATE, "--undirected", "--k", "3", "--seed", "7", "--threads", "2",
                           "--time-budget", "3600s")
    assert_same_text(result, text)
    assert record["stoppedAtTimeBudget"] is False and result.request["timeBudgetSeconds"] == 3600


def test_nethept_seeds_match_cli_flags(infmax, nethept):
    graph = ik.Graph.from_file(nethept)
    result = graph.seeds(10, epsilon=0.1, seed=1, threads=2)
    text, _ = run_cli(infmax, "seeds", nethept, "--k", "10", "--epsilon", "0.1", "--seed", "1", "--threads", "2")
    assert_same_text(result, text)
    assert len(result.seeds) == 10 and result.record["graph"]["nodes"] == 15229


def test_simulate_matches_cli_flags(infmax):
    graph = ik.Graph.from_file(KARATE, undirected=True)
    result = graph.simulate(["0", "33"], runs=5000, seed=11, threads=2, node_probabilities=3)
    text, record = run_cli(infmax, "simulate", KARATE, "--undirected", "--seeds", "0,33", "--runs", "5000",
                           "--seed", "11", "--threads", "2", "--node-probabilities", "3")
    assert_same_text(result, text)
    assert result.spread.samples == 5000
    # The three listed nodes carry their probabilities, the other 31 none (NaN).
    probabilities = result.activation_probabilities
    listed = {entry["node"]: entry["probability"] for entry in record["nodeProbabilities"]}
    assert probabilities.shape == (34,) and int(np.isnan(probabilities).sum()) == 31
    assert all(probabilities[node] == p for node, p in listed.items())


def test_simulate_file_probabilities_and_exact_match_cli_flags(infmax):
    graph = ik.Graph.from_file(WEIGHTED, probabilities="file")
    result = graph.simulate(["a"], runs=3000, seed=2, threads=1, exact=True, max_steps=2)
    text, _ = run_cli(infmax, "simulate", WEIGHTED, "--probabilities", "file", "--seeds", "a", "--runs", "3000",
                      "--seed", "2", "--threads", "1", "--exact", "--max-steps", "2")
    assert_same_text(result, text)
    assert result.exact is not None and result.exact.method == "exact"


@pytest.mark.parametrize("ap_set", [1, 2])
def test_cim_matches_cli_flags(infmax, ap_set):
    graph = ik.Graph.from_file(KARATE, undirected=True)
    result = graph.cim(2, ap_file=KARATE_APS, ap_set=ap_set, seed=4, threads=2, baselines=True)
    text, record = run_cli(infmax, "cim", KARATE, "--undirected", "--aps", KARATE_APS, "--ap-set", str(ap_set),
                           "--k", "2", "--seed", "4", "--threads", "2", "--baselines")
    assert_same_text(result, text)
    assert list(result.assignment) == [a["ap"] for a in record["assignment"]]


# ---- every use case: the Python record rerun by the CLI ----------------------------------------


def test_every_graph_use_case_reruns_identically(infmax, tmp_path):
    graph = ik.Graph.from_file(KARATE, undirected=True)
    results = [
        graph.seeds(3, seed=2, threads=2, precision=0),
        graph.simulate(["0", "33"], runs=2000, seed=3, threads=2, until_relative_error=0.05),
        graph.compare(ks=[1, 2], runs=500, seed=4, threads=2),
        graph.cim(1, active_participants=["0", "33"], seed=5, threads=2),
        graph.closed(["0", "33"], 1, evaluation_runs=500, estimation_runs=200, seed=6, threads=2),
    ]
    for result in results:
        text, _ = rerun(infmax, result, tmp_path)
        assert_same_text(result, text)
    # Distinct use cases give distinct records (rejects a runner that returns one record for all).
    assert len({r.use_case for r in results}) == 5


def test_embed_and_probe_rerun_identically(infmax, tmp_path):
    graph = ik.Graph.from_file(os.path.join(COMMUNITIES, "edges.txt"))
    output = tmp_path / "embeddings.npy"
    embedded = graph.embed(method="grace", dimensions=8, epochs=5, seed=3, threads=2, output=str(output))
    ours = np.array(embedded.embeddings)
    assert embedded.embeddings.dtype == np.float32 and embedded.embeddings.shape == (graph.nodes, 8)
    assert np.array_equal(np.load(str(output)), ours)  # the array is what the file holds
    text, _ = rerun(infmax, embedded, tmp_path)  # the CLI writes the same path again
    assert_same_text(embedded, text)
    assert np.array_equal(np.load(str(output)), ours)  # ... with the same vectors, bit for bit
    probed = ik.probe(embedded, os.path.join(COMMUNITIES, "labels.txt"), os.path.join(COMMUNITIES, "train.txt"),
                      os.path.join(COMMUNITIES, "test.txt"), restarts=3, epochs=20, seed=1)
    text, _ = rerun(infmax, probed, tmp_path)
    assert_same_text(probed, text)


def test_recommend_evaluate_frontier_rerun_identically(infmax, tmp_path):
    invite = ik.InviteGraph.from_files(os.path.join(INVITE, "invitations.tsv"), os.path.join(INVITE, "acceptance.tsv"),
                                       inviters=os.path.join(INVITE, "inviter-list.txt"))
    truth = os.path.join(INVITE, "held-out.tsv")
    results = [invite.recommend(3, seed=2, threads=2), invite.evaluate(3, truth, worlds=200, threads=2),
               invite.frontier(2, truth, worlds=100, threads=2)]
    for result in results:
        text, _ = rerun(infmax, result, tmp_path)
        assert_same_text(result, text)
    assert results[0].evaluation is None and results[1].evaluation is not None
    assert len(results[0].lists) == invite.inviters and all(len(v) == 3 for v in results[0].lists.values())
    frame = results[0].to_frame()
    assert list(frame.columns) == ["inviter", "rank", "invitee", "score"] and len(frame) == 3 * invite.inviters
    assert len(results[2].frontier_frame()) > 0


def test_recommend_matches_cli_flags(infmax):
    invite = ik.InviteGraph.from_files(os.path.join(INVITE, "invitations.tsv"), os.path.join(INVITE, "acceptance.tsv"),
                                       inviters=os.path.join(INVITE, "inviter-list.txt"))
    result = invite.recommend(2, seed=3, threads=2)
    text, _ = run_cli(infmax, "recommend", os.path.join(INVITE, "invitations.tsv"), "--node-values",
                      os.path.join(INVITE, "acceptance.tsv"), "--inviters", os.path.join(INVITE, "inviter-list.txt"),
                      "--k", "2", "--seed", "3", "--threads", "2")
    assert_same_text(result, text)
