"""Requirement: every use case is reachable, each keyword is a field of the library's request
(no more, no fewer), help() lists every keyword with its default and meaning, results are typed,
and the package ships py.typed and type hints."""

import dataclasses
import inspect
import os
import subprocess
import sys
import typing

import pytest

import influencekit as ik
from influencekit._requests import FIELDS
from conftest import KARATE, ROOT

# (callable, use case, parameters that are not request fields, request fields it sets itself,
#  optional fields the method requires: evaluate and frontier need the held-out truth)
METHODS = [
    (ik.Graph.seeds, "seeds", {"self"}, set(), set()),
    (ik.Graph.simulate, "simulate", {"self"}, set(), set()),
    (ik.Graph.compare, "compare", {"self"}, set(), set()),
    (ik.Graph.cim, "cim", {"self"}, set(), set()),
    (ik.Graph.closed, "closed", {"self"}, set(), set()),
    (ik.Graph.embed, "embed", {"self"}, set(), set()),
    (ik.probe, "probe", {"embeddings"}, set(), set()),
    (ik.InviteGraph.recommend, "recommend", {"self"}, set(), set()),
    (ik.InviteGraph.evaluate, "recommend", {"self"}, set(), {"truth"}),
    (ik.InviteGraph.frontier, "recommend", {"self"}, {"frontier"}, {"truth"}),
]


def test_the_field_table_is_current():
    # The table the keywords and docstrings come from is generated from the Swift requests.
    script = os.path.join(ROOT, "python", "tools", "generate_requests.py")
    completed = subprocess.run([sys.executable, script, "--check"], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr


@pytest.mark.parametrize("method, use_case, extra, implied, required_here", METHODS, ids=lambda x: getattr(x, "__qualname__", str(x)))
def test_keywords_are_the_requests_fields(method, use_case, extra, implied, required_here):
    parameters = inspect.signature(method).parameters
    fields = {keyword for _, keyword, *_ in FIELDS[use_case]}
    # Every field is a keyword (but those the method sets), and every keyword is a field.
    assert set(parameters) - extra == fields - implied
    hints = typing.get_type_hints(method)
    assert "return" in hints and all(name in hints for name in parameters if name != "self")
    # Required fields have no default; every other keyword defaults to None (the library's default).
    for field, keyword, _type, _nullable, required, _doc in FIELDS[use_case]:
        if keyword in parameters:
            default = parameters[keyword].default
            assert (default is inspect.Parameter.empty) == (required or keyword in required_here), keyword
            if default is not inspect.Parameter.empty:
                assert default is None, keyword


@pytest.mark.parametrize("method, use_case, extra, implied, required_here", METHODS, ids=lambda x: getattr(x, "__qualname__", str(x)))
def test_help_lists_every_keyword_with_default_and_meaning(method, use_case, extra, implied, required_here):
    text = inspect.getdoc(method)
    for field, keyword, _type, _nullable, required, doc in FIELDS[use_case]:
        if keyword not in inspect.signature(method).parameters:
            continue
        if keyword in required_here:
            assert keyword in text.split("Keywords")[0], f"{method.__qualname__}: the summary explains {keyword}"
            continue
        line = next((l for l in text.splitlines() if l.strip().startswith(keyword + " (")), None)
        assert line is not None, f"{method.__qualname__}: no line for {keyword}"
        assert ("required" if required else "default") in line
        assert doc.replace("`", "")[:30] in line


def test_unknown_keywords_are_refused_by_python_itself():
    graph = ik.Graph.from_file(KARATE, undirected=True)
    with pytest.raises(TypeError):
        graph.seeds(2, epsilom=0.2)


def test_results_are_frozen_dataclasses_with_the_record():
    graph = ik.Graph.from_file(KARATE, undirected=True)
    result = graph.seeds(2, seed=1, threads=1)
    assert dataclasses.is_dataclass(result) and isinstance(result, ik.SeedsResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.seeds = ()
    assert result.record["useCase"] == "seeds" and result.to_json().startswith("{")
    assert result.spread.interval == (result.record["spread"]["low"], result.record["spread"]["high"])
    assert result.guarantee.approximation == result.record["guarantee"]["approximation"]
    assert result.timings.total_seconds == result.record["timings"]["totalSeconds"]
    assert list(result.gains) == [s["marginalGain"] for s in result.record["seeds"]]
    assert result.request["k"] == 2 and result.request["epsilon"] == 0.1  # the library's defaults, filled in


def test_py_typed_and_public_names_are_shipped():
    package = os.path.dirname(ik.__file__)
    assert os.path.isfile(os.path.join(package, "py.typed"))
    for name in ik.__all__:
        assert hasattr(ik, name), name
