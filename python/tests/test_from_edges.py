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
    assert ra.seeds == rb.seeds
    assert ra.record["seeds"] == rb.record["seeds"] and ra.spread == rb.spread
    assert computed(ra.record["rounds"]) == computed(rb.record["rounds"])
    assert ra.record["refinement"] == rb.record["refinement"]
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
    assert sf.spread == sa.spread


def test_nethept_frame_equals_file(nethept):
    frame = pd.read_csv(nethept, sep=r"\s+", header=None, names=["src", "dst"], comment="#")
    from_file = ik.Graph.from_file(nethept)
    from_frame = ik.Graph.from_pandas(frame)
    same_graph(from_file, from_frame)
    same_seeds(from_file, from_frame, k=5, seed=1, threads=2)


def test_sparse_ids_are_labels_like_the_file(tmp_path):
    src = np.array([1000, 70, 70, 5, 5], dtype=np.int64)
    dst = np.array([70, 5, 1000, 1000, 5], dtype=np.int64)  # the last arc is a self-loop
    p = np.array([0.5, 0.25, 0.75, 1.0, 0.5])
    path = tmp_path / "sparse.txt"
    path.write_text("".join(f"{u} {v} {w}\n" for u, v, w in zip(src, dst, p)))
    from_file = ik.Graph.from_file(str(path), probabilities="file")
    from_arrays = ik.Graph.from_edges(src, dst, p=p)
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
    from_frame = ik.Graph.from_pandas(frame, source="source", target="target", p="probability")
    same_graph(from_file, from_frame)
    assert from_frame.labels() == ["ann", "bob", "cy", "dee"]
    same_seeds(from_file, from_frame, k=2, seed=1, threads=1)


def test_dense_ids_with_labels():
    graph = ik.Graph.from_edges([0, 1, 2], [1, 2, 0], labels=["x", "y", "z"], p=[1.0, 1.0, 1.0])
    assert graph.labels() == ["x", "y", "z"]
    report = graph.simulate(["x"], runs=100, seed=1)
    assert report.spread.estimate == 3.0  # every arc is live: x reaches y and z


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
    graph = ik.Graph.from_edges([0, 0, 1], [1, 2, 2], p=[0.5, 0.2, 0.4])
    assert (graph.nodes, graph.arcs) == (3, 3)
    assert computed(graph.summary())["probabilities"] == "file"


def test_object_columns_of_integers_are_integer_ids():
    frame = pd.DataFrame({"src": pd.Series([30, 10, 20], dtype=object), "dst": pd.Series([10, 20, 30], dtype=object)})
    graph = ik.Graph.from_pandas(frame)
    assert graph.labels() == ["10", "20", "30"]  # increasing ids, as a file with these lines gives


def test_from_pandas_uses_only_the_columns_it_is_given():
    # The bug this guards against: a third column (a 0/1 flag, a timestamp) read as probabilities.
    pairs = read_pairs(KARATE)
    frame = pd.DataFrame({"src": pairs[:, 0], "dst": pairs[:, 1], "flag": np.arange(len(pairs)) % 2,
                          "when": pd.date_range("2024-01-01", periods=len(pairs), freq="h")})
    plain = ik.Graph.from_edges(pairs[:, 0], pairs[:, 1], undirected=True)
    framed = ik.Graph.from_pandas(frame, undirected=True)
    same_graph(plain, framed)
    assert framed.summary()["probabilities"] == "wc"
    # Flag column read as p would make half the arcs dead and change the seeds' record.
    same_seeds(plain, framed, k=3, seed=1, threads=1)
    with pytest.raises(ik.ArgumentError) as caught:
        ik.Graph.from_pandas(frame, p="prob")
    assert caught.value.parameter == "p" and "'prob'" in str(caught.value)


def test_weights_equal_the_files_fourth_column(tmp_path):
    src = np.array([0, 0, 1, 2, 3, 3], dtype=np.int64)
    dst = np.array([1, 2, 2, 3, 0, 1], dtype=np.int64)
    p = np.array([0.5, 0.4, 0.3, 0.9, 0.2, 0.4])
    w = np.array([0.25, 0.5, 0.5, 1.0, 0.4, 0.3])
    path = tmp_path / "weighted.txt"
    path.write_text("".join(f"{u} {v} {a} {b}\n" for u, v, a, b in zip(src, dst, p, w)))
    from_file = ik.Graph.from_file(str(path), probabilities="file")
    from_arrays = ik.Graph.from_edges(src, dst, p=p, w=w)
    same_graph(from_file, from_arrays)
    for model in ("ic", "lt"):
        a = from_file.simulate(["0"], model=model, runs=4000, seed=2, exact=True)
        b = from_arrays.simulate(["0"], model=model, runs=4000, seed=2, exact=True)
        assert a.record["exact"] == b.record["exact"] and a.spread == b.spread
    # Without w the LT weights are p: the exact LT spread differs (rejects a dropped w column).
    c = ik.Graph.from_edges(src, dst, p=p).simulate(["0"], model="lt", runs=10, seed=2, exact=True)
    assert c.record["exact"] != from_file.simulate(["0"], model="lt", runs=10, seed=2, exact=True).record["exact"]


def test_nodes_keeps_isolated_ids(tmp_path):
    graph = ik.Graph.from_edges([0, 1], [1, 2], nodes=5)
    assert graph.nodes == 5 and graph.labels() == ["0", "1", "2", "3", "4"]
    path = tmp_path / "few.txt"
    path.write_text("0 1\n1 2\n")
    same_graph(ik.Graph.from_file(str(path), nodes=5), graph)


def test_from_networkx_equals_the_edges():
    nx = pytest.importorskip("networkx")
    G = nx.karate_club_graph()
    for u, v in G.edges():
        G[u][v]["p"] = 0.1 + 0.01 * ((u + v) % 7)
    graph = ik.Graph.from_networkx(G, p="p")
    pairs = np.array(list(G.edges()), dtype=np.int64)
    values = np.array([G[u][v]["p"] for u, v in G.edges()])
    expected = ik.Graph.from_edges(pairs[:, 0], pairs[:, 1], p=values, labels=[str(n) for n in G.nodes()], undirected=True)
    same_graph(graph, expected)
    assert graph.arcs == 2 * G.number_of_edges() and graph.summary()["probabilities"] == "file"
    plain = ik.Graph.from_networkx(G)
    assert plain.summary()["probabilities"] == "wc"
    D = nx.DiGraph([("a", "b"), ("b", "c")])
    D.add_node("lonely")
    directed = ik.Graph.from_networkx(D)
    assert directed.labels() == ["a", "b", "c", "lonely"] and directed.arcs == 2
    with pytest.raises(ik.ArgumentError) as caught:
        ik.Graph.from_networkx(D, p="weight")
    assert caught.value.parameter == "p"


def test_from_igraph_equals_the_edges():
    igraph = pytest.importorskip("igraph")
    g = igraph.Graph(edges=[(0, 1), (1, 2), (2, 0), (2, 3)], directed=True)
    g.vs["name"] = ["w", "x", "y", "z"]
    g.es["p"] = [0.5, 0.25, 1.0, 0.75]
    graph = ik.Graph.from_igraph(g, p="p")
    expected = ik.Graph.from_edges([0, 1, 2, 2], [1, 2, 0, 3], p=[0.5, 0.25, 1.0, 0.75], labels=["w", "x", "y", "z"])
    same_graph(graph, expected)
    undirected = ik.Graph.from_igraph(igraph.Graph(edges=[(0, 1)], directed=False))
    assert undirected.arcs == 2 and undirected.labels() == ["0", "1"]


def test_snapshot_save_and_load(tmp_path):
    graph = ik.Graph.from_file(KARATE, undirected=True)
    path = tmp_path / "karate.infgraph"
    graph.save(str(path))
    loaded = ik.Graph.load(str(path))
    same_graph(graph, loaded)
    same_seeds(graph, loaded, k=3, seed=1, threads=1)
    with pytest.raises(ik.FileError):
        graph.save(str(tmp_path / "missing" / "dir" / "g.infgraph"))
