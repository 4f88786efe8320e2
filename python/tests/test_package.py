"""The package's own promises: versions agree, records parse, frames build."""

import influencekit as ik
from conftest import KARATE


def test_versions_agree():
    assert ik.__version__ == ik.library_version == "0.3.0"


def test_seeds_frame_and_result():
    graph = ik.Graph.from_file(KARATE, undirected=True)
    report = graph.seeds(3, seed=1, threads=2)
    assert report.seeds == tuple(s["label"] for s in report.record["seeds"]) and len(report.seeds) == 3
    frame = report.to_frame()
    assert list(frame.columns) == ["rank", "label", "node", "marginal_gain", "marginal_coverage"]
    assert tuple(frame["label"]) == report.seeds and list(frame["rank"]) == [1, 2, 3]
    # Marginal gains of greedy max coverage never increase.
    gains = list(frame["marginal_gain"])
    assert gains == sorted(gains, reverse=True) and gains[0] > 1
    # A record (or its frame) is a seed set for simulate.
    by_record = graph.simulate(report, runs=1000, seed=2)
    by_frame = graph.simulate(frame, runs=1000, seed=2)
    assert by_record.spread == by_frame.spread and by_record.seeds == report.seeds


def test_with_block_closes():
    with ik.Graph.from_file(KARATE, undirected=True) as graph:
        assert len(graph) == 34
    assert graph._handle is None
