"""Requirement: every error path raises the right exception with the library's message."""

import pytest

import influencekit as ik
from conftest import KARATE, KARATE_APS


@pytest.fixture(scope="module")
def karate():
    return ik.Graph.from_file(KARATE, undirected=True)


def test_parse_error_names_file_and_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("0 1\n1 2\n2 x y z w\n")
    with pytest.raises(ik.ParseError) as caught:
        ik.Graph.from_file(str(path))
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.file == str(path) and error.line == 3
    assert str(error).startswith(f"{path}:3: ")


def test_probability_out_of_range_in_a_file(tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("0 1 0.5\n1 2 1.5\n")
    with pytest.raises(ik.ParseError) as caught:
        ik.Graph.from_file(str(path), probabilities="file")
    assert caught.value.line == 2 and "1.5" in str(caught.value)


def test_lt_weights_above_one_are_a_data_error(tmp_path):
    path = tmp_path / "lt.txt"
    path.write_text("0 2 0.7\n1 2 0.6\n")
    graph = ik.Graph.from_file(str(path), probabilities="file")
    with pytest.raises(ik.ParseError) as caught:
        graph.seeds(1, model="lt")
    assert "normalize" in str(caught.value) or "sum" in str(caught.value)
    fixed = ik.Graph.from_file(str(path), probabilities="file", normalize_lt=True)
    assert len(fixed.seeds(1, model="lt", threads=1).seeds) == 1


def test_missing_file_is_a_file_error():
    with pytest.raises(ik.FileError) as caught:
        ik.Graph.from_file("/nonexistent/graph.txt")
    assert isinstance(caught.value, OSError) and caught.value.file == "/nonexistent/graph.txt"
    assert "no such file" in str(caught.value)


@pytest.mark.parametrize(
    "call, parameter, words",
    [
        (lambda g: g.seeds(0), "k", "k must be at least 1"),
        (lambda g: g.seeds(100), "k", "34"),
        (lambda g: g.seeds(2, epsilon=1.5), "epsilon", "strictly between 0 and 1"),
        (lambda g: g.seeds(2, epsilon="big"), "epsilon", "wrong type"),
        (lambda g: g.seeds(True), "k", "wrong type"),
        (lambda g: g.seeds(2, model="sir"), "model", "invalid String value sir"),
        (lambda g: g.seeds(2, threads=0), "threads", "thread"),
        (lambda g: g.seeds(2, algorithm="imm", delta=0.1), "delta", "IMM"),
        (lambda g: g.seeds(2, precision=-0.1), "precision", "precision"),
        (lambda g: g.simulate(["0"], runs=0), "runs", "positive"),
        (lambda g: g.simulate(["nobody"]), "seeds", "'nobody', is not a node"),
        (lambda g: g.simulate("0"), "seeds", "not one string"),
        (lambda g: g.simulate(["0"], until_relative_error=2.0), "until_relative_error", "strictly between 0 and 1"),
        (lambda g: g.simulate(["0"], max_runs=10), "max_runs", "caps"),
        (lambda g: g.cim(0, active_participants=["0"]), "k", "at least 1"),
        (lambda g: g.cim(1, active_participants=["0", "nobody"]), "active_participants", "'nobody', is not a node"),
        (lambda g: g.cim(1, active_participants=["0"], epsilon=0.6), "epsilon", "0.5"),
        (lambda g: g.cim(1, ap_file=KARATE_APS, ap_set=9), "ap_set", "AP set 9"),
        (lambda g: g.cim(1, active_participants=["0"], ap_file=KARATE_APS), "active_participants", "both an AP file and AP labels"),
        (lambda g: g.cim(1, active_participants=["0"], algorithm="best"), "algorithm", "invalid String value best"),
    ],
)
def test_bad_arguments_raise_value_errors(karate, call, parameter, words):
    with pytest.raises(ik.ArgumentError) as caught:
        call(karate)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.parameter == parameter, str(error)
    assert words in str(error), str(error)
    assert str(error).startswith(f"{parameter}:"), str(error)


@pytest.mark.parametrize(
    "call, parameter, words",
    [
        (lambda: ik.Graph.from_file(KARATE, probabilities="nonsense"), "probabilities", "unknown probability scheme"),
        (lambda: ik.Graph.from_file(KARATE, format="docx"), "format", "docx"),
        (lambda: ik.Graph.from_file(KARATE, undirected="yes"), "undirected", "True or False"),
        (lambda: ik.Graph.from_file(42), "path", "expected a path"),
        (lambda: ik.Graph.from_edges([0, 1], [1]), "dst", "one dst per src"),
        (lambda: ik.Graph.from_edges([0, 1], [1, 2], p=[0.5]), "p", "one per arc"),
        (lambda: ik.Graph.from_edges([0, 1], [1, 2], p=[0.5, 1.5]), "p", "values[1] = 1.5"),
        (lambda: ik.Graph.from_edges([0, 1], [1, 5], labels=["a", "b", "c"]), "dst", "targets[1] = 5 is not a node"),
        (lambda: ik.Graph.from_edges([0, 1], [1, 2], labels=["a", "a", "c"]), "labels", "repeats an earlier label"),
        (lambda: ik.Graph.from_edges([0.5, 1.0], [1, 2], labels=["a", "b", "c"]), "src", "expected integers"),
        (lambda: ik.Graph.from_edges([0, 1], [1, 2], probabilities="file"), "probabilities", "none were given"),
        (lambda: ik.Graph.from_edges([[0, 1]], [[1, 2]]), "src", "one-dimensional"),
        (lambda: ik.Graph(), None, "from_file"),
    ],
)
def test_bad_graph_arguments_raise_value_errors(call, parameter, words):
    with pytest.raises(ValueError) as caught:
        call()
    assert isinstance(caught.value, ik.InfluenceKitError)
    assert caught.value.parameter == parameter, str(caught.value)
    assert words in str(caught.value), str(caught.value)


def test_missing_values_in_a_frame_are_refused():
    import pandas as pd

    frame = pd.DataFrame({"src": [0, 1, None], "dst": [1, 2, 0]})
    with pytest.raises(ik.ArgumentError) as caught:
        ik.Graph.from_pandas(frame)
    assert "src[2] is missing" in str(caught.value)


def test_memory_limit_is_a_resource_error(karate):
    with pytest.raises(ik.ResourceError) as caught:
        karate.seeds(2, memory_limit_bytes=1000)
    assert isinstance(caught.value, RuntimeError) and caught.value.parameter == "memory_limit_bytes"


def test_monte_carlo_budget_is_a_resource_error(karate):
    with pytest.raises(ik.ResourceError) as caught:
        karate.cim(2, active_participants=["0", "33"], algorithm="mg-greedy", monte_carlo_runs=10**9,
                   monte_carlo_budget_seconds=1.0)
    assert caught.value.parameter == "monte_carlo_budget_seconds" and "budget" in str(caught.value)


def test_non_finite_numbers_are_refused(karate):
    for value in (float("nan"), float("inf")):
        with pytest.raises(ik.ArgumentError) as caught:
            karate.seeds(2, epsilon=value)
        assert caught.value.parameter == "epsilon" and "finite" in str(caught.value)


def test_a_tiny_epsilon_is_refused_not_a_crash(karate):
    with pytest.raises(ik.ArgumentError) as caught:
        karate.seeds(2, epsilon=1e-9)
    assert caught.value.parameter == "epsilon" and "2^48" in str(caught.value)
