"""Requirement: Graph.from_edges (numpy arrays, a pandas frame) gives the graph Graph.from_file
gives for the same lines, and passes int64 / float64 arrays without copying."""

import numpy as np
import pandas as pd
import pytest

import influencekit as ik
from influencekit import _arrays
from conftest import KARATE, computed


def read_pairs(path):
    rows = [line.split() for line in open(path, encoding="utf-8") if line.strip() and not line.startswith(("#", "%"))]
    return np.array([[int(r[0]), int(r[1])] for r in rows], dtype=np.int64)


def same_graph(a, b):
    assert (a.nodes, a.arcs) == (b.nodes, b.arcs)
    assert a.labels() == b.labels()
    for x, y in zip(a.edges(), b.edges()):
        assert np.array_equal(x, y)


def same_seeds(a, b, **arguments):
    ra, rb = a.seeds(**arguments), b.seeds(**arguments)
    assert ra["seeds"] == rb["seeds"]
    assert ra["seedDetails"] == rb["seedDetails"] and ra["spread"] == rb["spread"]
    assert computed(ra["rounds"]) == computed(rb["rounds"]) and ra["refinement"] == rb["refinement"]
    return ra


@pytest.mark.parametrize("undirected", [False, True])
def test_karate_arrays_equal_file(undirected):
    pairs = read_pairs(KARATE)
    from_file = ik.Graph.from_file(KARATE, undirected=undirected)
    from_arrays = ik.Graph.from_edges(pairs[:, 0], pairs[:, 1], undirected=undirected)
    same_graph(from_file, from_arrays)
    same_seeds(from_file, from_arrays, k=3, seed=2, threads=2)
    sf = from_file.simulate(["0", "33"], runs=2000, seed=3)
    sa = from_arrays.simulate(["0", "33"], runs=2000, seed=3)
    assert sf["spread"] == sa["spread"]


def test_nethept_frame_equals_file(nethept):
    frame = pd.read_csv(nethept, sep=r"\s+", header=None, names=["src", "dst"], comment="#")
    from_file = ik.Graph.from_file(nethept)
    from_frame = ik.Graph.from_edges(frame)
    same_graph(from_file, from_frame)
    same_seeds(from_file, from_frame, k=5, seed=1, threads=2)


def test_sparse_ids_are_labels_like_the_file(tmp_path):
    src = np.array([1000, 70, 70, 5, 5], dtype=np.int64)
    dst = np.array([70, 5, 1000, 1000, 5], dtype=np.int64)  # the last arc is a self-loop
    p = np.array([0.5, 0.25, 0.75, 1.0, 0.5])
    path = tmp_path / "sparse.txt"
    path.write_text("".join(f"{u} {v} {w}\n" for u, v, w in zip(src, dst, p)))
    from_file = ik.Graph.from_file(str(path), probabilities="file")
    from_arrays = ik.Graph.from_edges(src, dst, p)
    same_graph(from_file, from_arrays)
    assert from_arrays.labels() == ["5", "70", "1000"]
    assert from_arrays.summary()["statistics"]["selfLoopsDropped"] == 1
    same_seeds(from_file, from_arrays, k=2, seed=4, threads=1)


def test_string_labels_from_a_frame_equal_the_file(tmp_path):
    frame = pd.DataFrame({"source": ["ann", "bob", "bob", "cy", "dee"], "target": ["bob", "cy", "dee", "ann", "ann"],
                          "probability": [0.5, 0.5, 0.2, 0.9, 0.1]})
    path = tmp_path / "names.txt"
    path.write_text("".join(f"{u} {v} {w}\n" for u, v, w in frame.itertuples(index=False)))
    from_file = ik.Graph.from_file(str(path), probabilities="file")
    from_frame = ik.Graph.from_edges(frame)
    same_graph(from_file, from_frame)
    assert from_frame.labels() == ["ann", "bob", "cy", "dee"]
    same_seeds(from_file, from_frame, k=2, seed=1, threads=1)


def test_dense_ids_with_labels():
    graph = ik.Graph.from_edges([0, 1, 2], [1, 2, 0], labels=["x", "y", "z"], p=[1.0, 1.0, 1.0])
    assert graph.labels() == ["x", "y", "z"]
    report = graph.simulate(["x"], runs=100, seed=1)
    assert report["spread"]["estimate"] == 3.0  # every arc is live: x reaches y and z


def test_int64_and_float64_are_passed_without_a_copy():
    ids = np.arange(10, dtype=np.int64)
    assert _arrays.as_int64(ids, "src") is ids
    values = np.linspace(0, 1, 10)
    assert _arrays.as_float64(values, "p") is values
    column = pd.Series(ids)
    assert np.shares_memory(_arrays.as_int64(_arrays.as_array(column, "src"), "src"), column.to_numpy())
    narrow = ids.astype(np.int32)
    converted = _arrays.as_int64(narrow, "src")
    assert converted.dtype == np.int64 and not np.shares_memory(converted, narrow)
    strided = np.arange(20, dtype=np.int64)[::2]
    assert _arrays.as_int64(strided, "src").flags["C_CONTIGUOUS"]


def test_narrow_dtypes_give_the_same_graph():
    pairs = read_pairs(KARATE)
    wide = ik.Graph.from_edges(pairs[:, 0], pairs[:, 1])
    narrow = ik.Graph.from_edges(pairs[:, 0].astype(np.uint16), pairs[:, 1].astype(np.int32))
    same_graph(wide, narrow)


def test_lists_work_too():
    graph = ik.Graph.from_edges([0, 0, 1], [1, 2, 2], [0.5, 0.2, 0.4])
    assert (graph.nodes, graph.arcs) == (3, 3)
    assert computed(graph.summary())["probabilities"] == "file"


def test_object_columns_of_integers_are_integer_ids():
    frame = pd.DataFrame({"src": pd.Series([30, 10, 20], dtype=object), "dst": pd.Series([10, 20, 30], dtype=object)})
    graph = ik.Graph.from_edges(frame)
    assert graph.labels() == ["10", "20", "30"]  # increasing ids, as a file with these lines gives
