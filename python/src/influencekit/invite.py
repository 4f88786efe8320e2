"""``InviteGraph``: an invitation graph (a probability P per inviter -> invitee arc, an acceptance
value U per node) and invitee recommendation on it: ``recommend``, ``evaluate``, ``frontier``."""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import tempfile
from typing import Any, Mapping, Optional, Sequence, Union

from . import _arrays
from . import _native
from . import _run
from .errors import ArgumentError, HandleError
from .graph import PathLike, _path, seed_labels
from .results import RecommendResult, result_for

__all__ = ["InviteGraph"]


def _write_table(frame: Any, columns: Sequence[str], keywords: Sequence[str], header: str, path: str) -> None:
    """Writes `columns` of `frame` (named by `keywords` in messages) as a tab-separated file."""
    for keyword, column in zip(keywords, columns):
        if column not in frame.columns:
            raise ArgumentError(f"{keyword}: no column {column!r} (the frame has {[str(c) for c in frame.columns]})",
                                parameter=keyword)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(header + "\n")
        data = [frame[c].tolist() for c in columns]
        for row in zip(*data):
            handle.write("\t".join(repr(x) if isinstance(x, float) else str(x) for x in row) + "\n")


class InviteGraph:
    """An immutable invitation graph loaded by the engine. Build one with ``from_files`` (the
    files ``infmax recommend`` reads) or ``from_frames`` (pandas frames); then ``recommend``
    ranks each inviter's invitees, ``evaluate`` scores every method against held-out
    invitations and ``frontier`` adds the HeteroIR/HeteroIM trade-off. Calls release the GIL, may
    run on several threads at once, and stop on Ctrl-C (``KeyboardInterrupt``)."""

    __slots__ = ("_handle", "_directory", "__weakref__")

    def __init__(self, _handle: Optional[int] = None, _directory: Optional[str] = None) -> None:
        if _handle is None:
            raise ArgumentError("use InviteGraph.from_files or InviteGraph.from_frames", parameter=None)
        self._handle = _handle
        self._directory = _directory

    @classmethod
    def from_files(cls, arcs: PathLike, node_values: Optional[PathLike] = None, *,
                   inviters: Optional[PathLike] = None) -> "InviteGraph":
        """Loads an invitation graph as ``infmax recommend`` does.

        Keywords:
            arcs (path, required): ``inviter invitee P`` lines (an optional header row).
            node_values (path, default None: every node accepts with U = 1): ``node U`` lines.
            inviters (path, default None): the inviters, one label a line (a request may name
                its own with ``inviters=[...]``).
        """
        options = b"{}" if inviters is None else json.dumps({"inviters": _path("inviters", inviters)}).encode()
        handle = ctypes.c_void_p()
        _native.call(_native.lib.ik_invite_graph_load, _path("arcs", arcs).encode(),
                     None if node_values is None else _path("node_values", node_values).encode(), options,
                     ctypes.byref(handle))
        return cls(_handle=handle.value)

    @classmethod
    def from_frames(cls, arcs: Any, nodes: Any = None, *, inviter: str = "inviter", invitee: str = "invitee",
                    p: str = "p", node: str = "node", u: str = "u",
                    inviters: Optional[Sequence[Any]] = None) -> "InviteGraph":
        """Builds an invitation graph from pandas frames: ``arcs`` with columns ``inviter``,
        ``invitee`` and ``p`` (the probability that the inviter invites the invitee), ``nodes``
        (default None: every U = 1) with columns ``node`` and ``u`` (the acceptance value); the
        column names are keywords. ``inviters``: the inviters' labels (default None: requests
        name theirs). The frames go to the engine as the files ``from_files`` reads, in a
        temporary directory the graph owns (records name those files)."""
        if not _arrays.is_dataframe(arcs):
            raise ArgumentError(f"arcs: got {type(arcs).__name__} (expected a pandas DataFrame)", parameter="arcs")
        directory = tempfile.mkdtemp(prefix="influencekit-invite-")
        try:
            arcs_path = os.path.join(directory, "invitations.tsv")
            _write_table(arcs, (inviter, invitee, p), ("inviter", "invitee", "p"), "inviter\tinvitee\tP", arcs_path)
            values_path = None
            if nodes is not None:
                if not _arrays.is_dataframe(nodes):
                    raise ArgumentError(f"nodes: got {type(nodes).__name__} (expected a pandas DataFrame)", parameter="nodes")
                values_path = os.path.join(directory, "acceptance.tsv")
                _write_table(nodes, (node, u), ("node", "u"), "node\tU", values_path)
            inviters_path = None
            if inviters is not None:
                inviters_path = os.path.join(directory, "inviters.txt")
                with open(inviters_path, "w", encoding="utf-8") as handle:
                    handle.write("".join(label + "\n" for label in seed_labels(inviters, "inviters")))
            graph = cls.from_files(arcs_path, values_path, inviters=inviters_path)
        except BaseException:
            shutil.rmtree(directory, ignore_errors=True)
            raise
        graph._directory = directory
        return graph

    # ---- lifetime -----------------------------------------------------------------------

    def _live(self) -> int:
        if self._handle is None:
            raise HandleError("graph: the invitation graph is closed (expected one before close())", parameter="graph")
        return self._handle

    def close(self) -> None:
        """Frees the graph now (a closed graph raises ``HandleError`` when used)."""
        handle, self._handle = self._handle, None
        if handle is not None:
            _native.call(_native.lib.ik_invite_graph_free, handle)
        directory, self._directory = self._directory, None
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)

    def __enter__(self) -> "InviteGraph":
        return self

    def __exit__(self, *exception: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def _counts(self):
        nodes, arcs, inviters = ctypes.c_int64(), ctypes.c_int64(), ctypes.c_int64()
        _native.call(_native.lib.ik_invite_graph_counts, self._live(), ctypes.byref(nodes), ctypes.byref(arcs),
                     ctypes.byref(inviters))
        return nodes.value, arcs.value, inviters.value

    @property
    def nodes(self) -> int:
        """Number of nodes."""
        return self._counts()[0]

    @property
    def arcs(self) -> int:
        """Number of invitation arcs."""
        return self._counts()[1]

    @property
    def inviters(self) -> int:
        """Inviters of the inviter file (0 when none was given)."""
        return self._counts()[2]

    def __repr__(self) -> str:
        if self._handle is None:
            return "<influencekit.InviteGraph (closed)>"
        nodes, arcs, inviters = self._counts()
        return f"<influencekit.InviteGraph {nodes} nodes, {arcs} arcs, {inviters} inviters>"

    # ---- runs ---------------------------------------------------------------------------

    def _call(self, given: Mapping[str, Any]) -> RecommendResult:
        given = dict(given)
        if given.get("inviters") is not None:
            given["inviters"] = seed_labels(given["inviters"], "inviters")
        truth = given.get("truth")
        if truth is not None and _arrays.is_dataframe(truth):
            raise ArgumentError("truth: a DataFrame (expected the path of an `inviter invitee` file)", parameter="truth")
        if truth is not None:
            given["truth"] = _path("truth", truth)
        document = _run.document("recommend", given)
        pointer = _native.run_cancellable(_native.lib.ik_invite_run_cancellable, self._live(), document)
        try:
            return result_for(_native.result_text(pointer))  # type: ignore[return-value]
        finally:
            _native.call(_native.lib.ik_result_free, pointer)

    @_run.documented("recommend")
    def recommend(self, k: int, *, algorithm: Optional[str] = None, sets_per_node: Optional[int] = None,
                  capacity: Optional[int] = None, trade_off: Optional[float] = None, top_c: Optional[int] = None,
                  inviters: Optional[Sequence[Any]] = None, truth: Optional[PathLike] = None,
                  worlds: Optional[int] = None, evaluation_seed: Optional[int] = None, frontier: Optional[bool] = None,
                  seed: Optional[int] = None, threads: Optional[int] = None,
                  memory_limit_bytes: Optional[int] = None) -> RecommendResult:
        """Each inviter's top-``k`` invitees: the record of ``infmax recommend --json``;
        ``result.lists`` maps inviter to invitees, ``result.to_frame()`` one row per
        (inviter, rank, invitee, score). With ``truth`` the record also scores every method
        (``result.evaluation_frame()``)."""
        return self._call(locals())

    @_run.documented("recommend", skip=("truth",))
    def evaluate(self, k: int, truth: PathLike, *, algorithm: Optional[str] = None, sets_per_node: Optional[int] = None,
                 capacity: Optional[int] = None, trade_off: Optional[float] = None, top_c: Optional[int] = None,
                 inviters: Optional[Sequence[Any]] = None, worlds: Optional[int] = None,
                 evaluation_seed: Optional[int] = None, frontier: Optional[bool] = None, seed: Optional[int] = None,
                 threads: Optional[int] = None, memory_limit_bytes: Optional[int] = None) -> RecommendResult:
        """``recommend`` scored against held-out invitations ``truth`` (a file of ``inviter
        invitee`` lines; required): recall@K, NDCG@K and Monte Carlo Spread@K of every method on
        the same worlds; ``result.evaluation_frame()`` has one row per (method, K)."""
        return self._call(locals())

    @_run.documented("recommend", skip=("truth", "frontier"))
    def frontier(self, k: int, truth: PathLike, *, algorithm: Optional[str] = None,
                 sets_per_node: Optional[int] = None, capacity: Optional[int] = None, trade_off: Optional[float] = None,
                 top_c: Optional[int] = None, inviters: Optional[Sequence[Any]] = None, worlds: Optional[int] = None,
                 evaluation_seed: Optional[int] = None, seed: Optional[int] = None,
                 threads: Optional[int] = None, memory_limit_bytes: Optional[int] = None) -> RecommendResult:
        """``evaluate`` with the trade-off frontier: against held-out invitations ``truth`` (a file
        of ``inviter invitee`` lines; required), HeteroIR^(1-λ)·HeteroIM^λ is scored at λ = 0,
        0.1, ..., 1 beside every method (``result.frontier_frame()``)."""
        given = dict(locals())
        given["frontier"] = True
        return self._call(given)
