"""Requirement: a bad handle or a freed graph raises, never crashes the interpreter."""

import ctypes
import subprocess
import sys

import pytest

import influencekit as ik
from influencekit import _native
from conftest import KARATE


def test_a_closed_graph_raises():
    graph = ik.Graph.from_file(KARATE, undirected=True)
    graph.close()
    graph.close()  # closing twice is harmless
    for use in (lambda: graph.seeds(2), lambda: graph.simulate(["0"]), lambda: graph.nodes, lambda: graph.labels(),
                lambda: graph.cim(1, active_participants=["0"]), lambda: graph.edges(), lambda: graph.summary()):
        with pytest.raises(ik.HandleError) as caught:
            use()
        assert isinstance(caught.value, ValueError) and "closed" in str(caught.value)
    assert "closed" in repr(graph)


def test_a_freed_handle_is_refused_by_the_library():
    graph = ik.Graph.from_file(KARATE, undirected=True)
    stale = graph._handle
    graph.close()
    ghost = ik.Graph(_handle=stale)  # a copy of the handle kept after the free
    with pytest.raises(ik.HandleError) as caught:
        ghost.seeds(2)
    assert caught.value.status == _native.ERROR_HANDLE and "not a live handle" in str(caught.value)
    with pytest.raises(ik.HandleError):
        ghost.close()


@pytest.mark.parametrize("value", [1, 0xDEADBEEF, 2**63 + 8, 0x1010])
def test_made_up_handles_are_refused(value):
    ghost = ik.Graph(_handle=value)
    with pytest.raises(ik.HandleError):
        ghost.simulate(["0"])
    ghost._handle = None


def test_a_result_handle_is_not_a_graph():
    result = ctypes.c_void_p()
    graph = ik.Graph.from_file(KARATE, undirected=True)
    _native.call(_native.lib.ik_graph_summary, graph._handle, ctypes.byref(result))
    ghost = ik.Graph(_handle=result.value)
    with pytest.raises(ik.HandleError) as caught:
        ghost.seeds(1)
    assert "another kind" in str(caught.value)
    ghost._handle = None
    _native.call(_native.lib.ik_result_free, result.value)
    with pytest.raises(ik.HandleError):
        _native.call(_native.lib.ik_result_free, result.value)


def test_the_interpreter_survives_abuse_in_a_subprocess():
    # Everything at once in a fresh interpreter: it must exit normally, whatever was refused.
    code = f"""
import ctypes, influencekit as ik
from influencekit import _native
g = ik.Graph.from_file({KARATE!r}, undirected=True)
h = g._handle
g.close()
for value in (h, 3, 2**40, None):
    try:
        _native.call(_native.lib.ik_seeds, value, b'{{"k": 1}}', ctypes.byref(ctypes.c_void_p()))
    except ik.HandleError:
        pass
try:
    _native.call(_native.lib.ik_seeds, None, b'{{"k": 1}}', None)
except ik.InfluenceKitError:
    pass
print("alive")
"""
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "alive"
