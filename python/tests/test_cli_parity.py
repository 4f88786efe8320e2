"""Requirement: the records are those of the CLI for the same graph, parameters and seed."""

import json

import pytest

import influencekit as ik
from conftest import KARATE, KARATE_APS, WEIGHTED, cli_shape, computed, run_cli


def assert_same_record(report, cli_record, cli_text):
    assert report["seeds"] == [entry["label"] for entry in cli_record["seeds"]]
    assert computed(cli_shape(report)) == computed(cli_record)
    # The text itself, measured numbers aside: same keys, same order, same spelling of numbers.
    assert computed(json.loads(report.json)) == computed(json.loads(cli_text))
    assert len(report.json.splitlines()) == len(cli_text.splitlines())


@pytest.mark.parametrize("model", ["ic", "lt"])
def test_karate_seeds_match_cli(infmax, model):
    graph = ik.Graph.from_file(KARATE, undirected=True)
    report = graph.seeds(4, model=model, epsilon=0.1, seed=7, threads=2)
    text, record = run_cli(infmax, "seeds", KARATE, "--undirected", "--k", "4", "--model", model,
                           "--epsilon", "0.1", "--seed", "7", "--threads", "2")
    assert_same_record(report, record, text)


def test_karate_imm_and_options_match_cli(infmax):
    graph = ik.Graph.from_file(KARATE, undirected=True, probabilities="uniform:0.1")
    report = graph.seeds(3, algorithm="imm", epsilon=0.2, ell=1.5, seed=3, threads=1, sampling="plain")
    text, record = run_cli(infmax, "seeds", KARATE, "--undirected", "--probabilities", "uniform:0.1", "--k", "3",
                           "--algorithm", "imm", "--epsilon", "0.2", "--ell", "1.5", "--seed", "3", "--threads", "1",
                           "--sampling", "plain")
    assert_same_record(report, record, text)


def test_time_budget_matches_cli(infmax):
    # An ample budget: the run ends by its stopping rule, as the CLI's does, and says so.
    graph = ik.Graph.from_file(KARATE, undirected=True)
    report = graph.seeds(3, seed=7, threads=2, time_budget=3600)
    text, record = run_cli(infmax, "seeds", KARATE, "--undirected", "--k", "3", "--seed", "7", "--threads", "2",
                           "--time-budget", "3600s")
    assert_same_record(report, record, text)
    assert record["stoppedAtTimeBudget"] is False and record["request"]["timeBudgetSeconds"] == 3600


def test_nethept_seeds_match_cli(infmax, nethept):
    graph = ik.Graph.from_file(nethept)
    report = graph.seeds(10, model="ic", epsilon=0.1, seed=1, threads=2)
    text, record = run_cli(infmax, "seeds", nethept, "--k", "10", "--epsilon", "0.1", "--seed", "1", "--threads", "2")
    assert_same_record(report, record, text)
    assert len(report["seeds"]) == 10 and report["graph"]["nodes"] == 15229


def test_simulate_matches_cli(infmax):
    graph = ik.Graph.from_file(KARATE, undirected=True)
    report = graph.simulate(["0", "33"], runs=5000, seed=11, threads=2, node_probabilities=3, exact=False)
    text, record = run_cli(infmax, "simulate", KARATE, "--undirected", "--seeds", "0,33", "--runs", "5000",
                           "--seed", "11", "--threads", "2", "--node-probabilities", "3")
    assert_same_record(report, record, text)
    assert report["spread"]["samples"] == 5000


def test_simulate_file_probabilities_and_exact_match_cli(infmax):
    graph = ik.Graph.from_file(WEIGHTED, probabilities="file")
    report = graph.simulate(["a"], runs=3000, seed=2, threads=1, exact=True, max_steps=2)
    text, record = run_cli(infmax, "simulate", WEIGHTED, "--probabilities", "file", "--seeds", "a", "--runs", "3000",
                           "--seed", "2", "--threads", "1", "--exact", "--max-steps", "2")
    assert_same_record(report, record, text)
    assert report["exact"] is not None


def test_simulate_adaptive_matches_cli(infmax):
    graph = ik.Graph.from_file(KARATE, undirected=True)
    report = graph.simulate(["0"], runs=1000, seed=5, threads=2, until_relative_error=0.02, max_runs=50000)
    text, record = run_cli(infmax, "simulate", KARATE, "--undirected", "--seeds", "0", "--runs", "1000", "--seed", "5",
                           "--threads", "2", "--until-relative-error", "0.02", "--max-runs", "50000")
    assert_same_record(report, record, text)


@pytest.mark.parametrize("ap_set", [1, 2])
def test_cim_matches_cli(infmax, ap_set):
    graph = ik.Graph.from_file(KARATE, undirected=True)
    report = graph.cim(KARATE_APS, 2, ap_set=ap_set, seed=4, threads=2, baselines=True)
    text, record = run_cli(infmax, "cim", KARATE, "--undirected", "--aps", KARATE_APS, "--ap-set", str(ap_set),
                           "--k", "2", "--seed", "4", "--threads", "2", "--baselines")
    assert_same_record(report, record, text)
    assert [a["ap"] for a in report["assignment"]] == [a["ap"] for a in record["assignment"]]


def test_cim_by_labels_picks_as_the_file(infmax):
    graph = ik.Graph.from_file(KARATE, undirected=True)
    by_labels = graph.cim(["1", "2", "3", "32"], 1, model="lt", seed=9, threads=2)
    text, record = run_cli(infmax, "cim", KARATE, "--undirected", "--aps", KARATE_APS, "--ap-set", "2", "--k", "1",
                           "--model", "lt", "--seed", "9", "--threads", "2")
    assert by_labels["assignment"] == record["assignment"]
    assert by_labels["spread"] == record["spread"]
