"""``Graph``: a graph loaded by the Swift engine, and every use case that runs on it."""

from __future__ import annotations

import ctypes
import json
import math
import numbers
import os
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _arrays
from . import _native
from . import _run
from .errors import ArgumentError, HandleError
from .results import (
    CIMResult,
    ClosedResult,
    ComparisonResult,
    EmbeddingResult,
    ProbeResult,
    Result,
    SeedsResult,
    SimulationResult,
    result_for,
)

__all__ = ["Graph", "probe"]

PathLike = Union[str, "os.PathLike[str]"]


def _check_int(name, value, minimum=None):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ArgumentError(f"{name}: got {value!r} (expected an integer)", parameter=name)
    value = int(value)
    if minimum is not None and value < minimum:
        raise ArgumentError(f"{name}: got {value} (expected at least {minimum})", parameter=name)
    return value


def _check_string(name, value, choices=None):
    if not isinstance(value, str):
        raise ArgumentError(f"{name}: got {value!r} (expected a string)", parameter=name)
    if choices is not None and value not in choices:
        raise ArgumentError(f"{name}: got {value!r} (expected one of {', '.join(choices)})", parameter=name)
    return value


def _check_bool(name, value):
    if not isinstance(value, bool):
        raise ArgumentError(f"{name}: got {value!r} (expected True or False)", parameter=name)
    return value


def _request(**values):
    """The JSON options of the given keys, None values left out (the library's defaults)."""
    return json.dumps({key: value for key, value in values.items() if value is not None}, allow_nan=False).encode()


def _optional(check, name, value, *rest):
    return None if value is None else check(name, value, *rest)


def _path(name, value):
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    if isinstance(value, bytes):
        value = os.fsdecode(value)
    if not isinstance(value, str):
        raise ArgumentError(f"{name}: got {value!r} (expected a path)", parameter=name)
    if "\x00" in value:
        # C would read the path only up to the NUL and open another file.
        raise ArgumentError(f"{name}: {value!r} holds a NUL byte (expected a path without one)", parameter=name)
    return value


def seed_labels(seeds: Any, name: str) -> List[str]:
    """Labels of a seed set: a result with seeds (SeedsResult, CIMResult, SimulationResult), a
    DataFrame with a ``label`` column, or a sequence of labels (ints are labels too)."""
    if isinstance(seeds, Result):
        seeds = getattr(seeds, "seeds", None)
        if seeds is None:
            raise ArgumentError(f"{name}: a result without seeds (expected seeds, cim or simulate results)", parameter=name)
    elif _arrays.is_dataframe(seeds):
        if "label" not in seeds.columns:
            raise ArgumentError(f"{name}: a DataFrame without a label column (expected to_frame() of seeds)", parameter=name)
        seeds = list(seeds["label"])
    elif isinstance(seeds, (str, bytes)):
        raise ArgumentError(f"{name}: got {seeds!r} (expected a list of labels, not one string)", parameter=name)
    try:
        labels = list(seeds)
    except TypeError:
        raise ArgumentError(f"{name}: got {seeds!r} (expected a list of labels)", parameter=name) from None
    out = []
    for i, label in enumerate(labels):
        if isinstance(label, (bytes, bool)) or label is None:
            raise ArgumentError(f"{name}: {name}[{i}] is {label!r} (expected str or int labels)", parameter=name)
        out.append(str(label.item() if hasattr(label, "item") else label))
    return out


def _run_document(document: bytes) -> Result:
    result = ctypes.c_void_p()
    _native.call(_native.lib.ik_run_document, document, ctypes.byref(result))
    try:
        return result_for(_native.result_text(result.value))
    finally:
        _native.call(_native.lib.ik_result_free, result.value)


@_run.documented("probe", skip=())
def probe(embeddings: Union[PathLike, EmbeddingResult], labels: PathLike, train: PathLike, test: PathLike, *,
          restarts: Optional[int] = None, epochs: Optional[int] = None, seed: Optional[int] = None,
          threads: Optional[int] = None) -> ProbeResult:
    """A linear probe of node embeddings: logistic regression trained on the ``train`` nodes'
    classes, scored on the ``test`` nodes, averaged over restarts; the record of ``infmax probe
    --json``. ``embeddings``: a ``.npy`` or TSV embeddings file, or an ``EmbeddingResult`` whose
    request wrote one (``Graph.embed(output=...)``)."""
    if isinstance(embeddings, EmbeddingResult):
        output = embeddings.request.get("output")
        if not output:
            raise ArgumentError("embeddings: the embed run wrote no file (expected Graph.embed(output=PATH))",
                                parameter="embeddings")
        embeddings = output
    path = _path("embeddings", embeddings)
    given = dict(labels=_path("labels", labels), train=_path("train", train), test=_path("test", test),
                 restarts=restarts, epochs=epochs, seed=seed, threads=threads)
    document = {"useCase": "probe", "embeddings": {"path": path}, "request": _run.request("probe", given)}
    return _run_document(json.dumps(document, allow_nan=False).encode())  # type: ignore[return-value]


class Graph:
    """A directed graph in InfluenceKit's compact form, with the probability scheme its runs use.

    Build one with ``Graph.from_file`` / ``Graph.load``, ``Graph.from_edges``,
    ``Graph.from_pandas``, ``Graph.from_networkx`` or ``Graph.from_igraph``; then ``seeds``,
    ``simulate``, ``compare``, ``cim``, ``closed`` and ``embed`` run the Swift engine on it: one
    request (the keywords), one typed result. The GIL is released while they run, one graph may
    be used from several threads at once, and Ctrl-C stops a run within about a second (raising
    ``KeyboardInterrupt``; the graph stays usable). Labels are strings: the tokens of the file, or
    ``str`` of the ids given. ``close()`` (or leaving a ``with`` block) frees the graph at once.
    """

    __slots__ = ("_handle", "__weakref__")

    def __init__(self, _handle: Optional[int] = None) -> None:
        if _handle is None:
            raise ArgumentError("use Graph.from_file, Graph.load or Graph.from_edges to make a graph", parameter=None)
        self._handle = _handle

    # ---- construction -------------------------------------------------------------------

    @classmethod
    def from_file(cls, path: PathLike, undirected: bool = False, probabilities: str = "wc", *,
                  format: Optional[str] = None, dedupe: bool = False, normalize_lt: bool = False,
                  nodes: Optional[int] = None, node_file: Optional[PathLike] = None,
                  memory_limit_bytes: Optional[int] = None) -> "Graph":
        """Loads a graph file: an edge list (``u v``, ``u v p``, ``u v p w``; ``.gz`` read
        transparently), GraphML, GML, Pajek, NCOL, LGL or an ``.infgraph`` snapshot.

        Keywords:
            undirected (bool, default False): each line is an edge, two arcs.
            probabilities (str, default "wc"): "wc" (1/indeg), "uniform:P", "trivalency"
                ("trivalency:SEED"), or "file" (the third column); runs inherit it.
            format (str, default None: from the extension): "snap", "graphml", "gml", "pajek",
                "ncol", "lgl", "infgraph".
            dedupe (bool, default False): merge parallel arcs.
            normalize_lt (bool, default False): LT with file weights: rescale in-weights above 1.
            nodes (int, default None): node count of an edge list with integer ids 0..nodes-1.
            node_file (path, default None): a file of node labels, one per line.
            memory_limit_bytes (int, default None: the library's limit): refuse a larger graph.

        Raises ``ParseError`` (with ``file`` and ``line``) for a malformed file, ``FileError`` for a
        missing one, ``ArgumentError`` for a bad option.
        """
        options = _request(
            undirected=_check_bool("undirected", undirected),
            probabilities=_check_string("probabilities", probabilities),
            format=_optional(_check_string, "format", format),
            dedupe=_check_bool("dedupe", dedupe),
            normalize_lt=_check_bool("normalize_lt", normalize_lt),
            nodes=_optional(_check_int, "nodes", nodes, 1),
            node_file=None if node_file is None else _path("node_file", node_file),
            max_memory=_optional(_check_int, "memory_limit_bytes", memory_limit_bytes, 1),
        )
        handle = ctypes.c_void_p()
        _native.call(_native.lib.ik_graph_load, _path("path", path).encode(), options, ctypes.byref(handle))
        return cls(_handle=handle.value)

    @classmethod
    def load(cls, path: PathLike, **options: Any) -> "Graph":
        """Loads a graph file, an ``.infgraph`` snapshot written by ``save`` (or ``infmax
        convert``) included: ``Graph.from_file(path, **options)``."""
        return cls.from_file(path, **options)

    def save(self, path: PathLike) -> None:
        """Writes the graph as an ``.infgraph`` snapshot (atomically), which ``Graph.load`` and
        every ``infmax`` command read back in a fraction of an edge list's load time."""
        _native.call(_native.lib.ik_graph_save, self._live(), _path("path", path).encode())

    @classmethod
    def from_edges(cls, src: Any, dst: Any, *, p: Any = None, w: Any = None, labels: Optional[Sequence[Any]] = None,
                   undirected: bool = False, nodes: Optional[int] = None, probabilities: Optional[str] = None,
                   dedupe: bool = False, normalize_lt: bool = False, name: str = "arrays") -> "Graph":
        """Builds a graph from arcs ``src[i] -> dst[i]`` (numpy arrays, pandas Series or
        sequences), using only the columns given.

        Keywords:
            p (array, default None): one probability in [0, 1] per arc, the graph's value column
                (then ``probabilities`` defaults to "file"; IC probabilities, and LT weights
                unless ``w`` is given).
            w (array, default None): one LT weight in [0, 1] per arc (the ``weight`` column, as
                a file's fourth column).
            labels (sequence, default None): ``src``/``dst`` are positions 0..len(labels)-1 and
                node i is labelled ``labels[i]``. Without it, integer ids are node labels,
                numbered as ``from_file`` numbers a file with the same lines (so the two give
                the same graph); string ids are labels numbered by first appearance.
            undirected (bool, default False): each pair is an edge, two arcs with the same p.
            nodes (int, default None): integer ids are 0..nodes-1, and ids that no arc names
                are nodes too (as ``from_file(..., nodes=N)``).
            probabilities (str, default None: "file" with p, else "wc"): the scheme runs inherit.
            dedupe (bool, default False): merge parallel arcs.
            normalize_lt (bool, default False): LT with file weights: rescale in-weights above 1.
            name (str, default "arrays"): how records name the graph.

        int64 ids and float64 values in C-contiguous arrays reach the engine without a copy;
        other dtypes are converted once.
        """
        np = _arrays.numpy()
        source = _arrays.as_array(src, "src")
        target = _arrays.as_array(dst, "dst")
        if len(source) != len(target):
            raise ArgumentError(f"dst: src has {len(source)} ids and dst {len(target)} (expected one dst per src)", parameter="dst")
        values = weights = None
        if p is not None:
            values = _arrays.as_float64(_arrays.as_array(p, "p"), "p")
            if len(values) != len(source):
                raise ArgumentError(f"p: {len(values)} values for {len(source)} arcs (expected one per arc)", parameter="p")
        if w is not None:
            weights = _arrays.as_float64(_arrays.as_array(w, "w"), "w")
            if len(weights) != len(source):
                raise ArgumentError(f"w: {len(weights)} values for {len(source)} arcs (expected one per arc)", parameter="w")
        packed = None
        source, target = _arrays.integers_if_integral(source), _arrays.integers_if_integral(target)
        integral = np.issubdtype(source.dtype, np.integer) and np.issubdtype(target.dtype, np.integer)
        if labels is not None:
            if nodes is not None:
                raise ArgumentError("nodes: give labels or nodes, not both (labels already count the nodes)", parameter="nodes")
            packed = _arrays.PackedLabels(list(labels), "labels")
            source, target = _arrays.as_int64(source, "src"), _arrays.as_int64(target, "dst")
        elif nodes is not None:
            count = _check_int("nodes", nodes, 1)
            if not integral:
                raise ArgumentError(f"nodes: ids of dtype {source.dtype} (expected integer ids 0..{count - 1})", parameter="nodes")
            packed = _arrays.PackedLabels([str(i) for i in range(count)], "labels")
            source, target = _arrays.as_int64(source, "src"), _arrays.as_int64(target, "dst")
        elif integral and weights is None:
            source, target = _arrays.as_int64(source, "src"), _arrays.as_int64(target, "dst")
        elif integral:
            source, target, names, keep = _arrays.densify_integers(_arrays.as_int64(source, "src"),
                                                                   _arrays.as_int64(target, "dst"))
            values = None if values is None else np.ascontiguousarray(values[keep])
            weights = np.ascontiguousarray(weights[keep])
            packed = _arrays.PackedLabels(names, "labels")
        else:
            source, target, names = _arrays.factorize(source, target)
            packed = _arrays.PackedLabels(names, "labels")
        options = _request(
            undirected=_check_bool("undirected", undirected),
            probabilities=_optional(_check_string, "probabilities", probabilities),
            dedupe=_check_bool("dedupe", dedupe),
            normalize_lt=_check_bool("normalize_lt", normalize_lt),
            name=_check_string("name", name),
        )
        label_arguments = packed.arguments if packed is not None else (None, 0, None, 0)
        handle = ctypes.c_void_p()
        _native.call(
            _native.lib.ik_graph_from_edge_columns,
            _arrays.pointer(source, ctypes.c_int64),
            _arrays.pointer(target, ctypes.c_int64),
            len(source),
            _arrays.value_pointer(values),
            _arrays.value_pointer(weights),
            *label_arguments,
            options,
            ctypes.byref(handle),
        )
        return cls(_handle=handle.value)

    @classmethod
    def from_pandas(cls, df: Any, source: str = "src", target: str = "dst", p: Optional[str] = None,
                    w: Optional[str] = None, **options: Any) -> "Graph":
        """Builds a graph from a pandas edge frame whose columns are named: ``source`` and
        ``target`` (default "src", "dst"), and optionally ``p`` (probabilities) and ``w`` (LT
        weights). Other columns are ignored. ``options`` as ``from_edges`` (labels, undirected,
        nodes, probabilities, dedupe, normalize_lt, name)."""
        if not _arrays.is_dataframe(df):
            raise ArgumentError(f"df: got {type(df).__name__} (expected a pandas DataFrame)", parameter="df")
        for keyword, column in (("source", source), ("target", target), ("p", p), ("w", w)):
            if column is not None and column not in df.columns:
                raise ArgumentError(f"{keyword}: no column {column!r} (the frame has {[str(c) for c in df.columns]})",
                                    parameter=keyword)
        return cls.from_edges(df[source], df[target], p=None if p is None else df[p], w=None if w is None else df[w],
                              **options)

    @classmethod
    def from_networkx(cls, G: Any, p: Optional[str] = None, **options: Any) -> "Graph":
        """Builds a graph from a networkx graph: its nodes (isolated ones included, labelled
        ``str(node)``) and edges; an undirected graph gives two arcs per edge. ``p``: the edge
        attribute holding the probability (e.g. "weight"; default None: no values, the "wc" scheme).
        ``options`` as ``from_edges`` (probabilities, dedupe, normalize_lt, name)."""
        np = _arrays.numpy()
        nodes = list(G.nodes())
        index = {node: i for i, node in enumerate(nodes)}
        edges = list(G.edges(data=True))
        src = np.fromiter((index[u] for u, _, _ in edges), dtype=np.int64, count=len(edges))
        dst = np.fromiter((index[v] for _, v, _ in edges), dtype=np.int64, count=len(edges))
        values = None
        if p is not None:
            missing = [i for i, (_, _, data) in enumerate(edges) if p not in data]
            if missing:
                u, v, _ = edges[missing[0]]
                raise ArgumentError(f"p: edge ({u!r}, {v!r}) has no {p!r} attribute (expected one on every edge, or p=None)",
                                    parameter="p")
            values = np.fromiter((data[p] for _, _, data in edges), dtype=np.float64, count=len(edges))
        directed = bool(G.is_directed())
        return cls.from_edges(src, dst, p=values, labels=[str(n) for n in nodes], undirected=not directed, **options)

    @classmethod
    def from_igraph(cls, g: Any, p: Optional[str] = None, **options: Any) -> "Graph":
        """Builds a graph from a python-igraph graph: vertex i labelled by its ``name``
        attribute when there is one, else ``str(i)``; an undirected graph gives two arcs per
        edge. ``p``: the edge attribute holding the probability (default None: the "wc" scheme).
        ``options`` as ``from_edges``."""
        np = _arrays.numpy()
        pairs = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
        names = g.vs["name"] if "name" in g.vs.attributes() else list(range(g.vcount()))
        values = None
        if p is not None:
            if p not in g.es.attributes():
                raise ArgumentError(f"p: no edge attribute {p!r} (the graph has {g.es.attributes()})", parameter="p")
            values = np.asarray(g.es[p], dtype=np.float64)
        return cls.from_edges(np.ascontiguousarray(pairs[:, 0]), np.ascontiguousarray(pairs[:, 1]), p=values,
                              labels=[str(n) for n in names], undirected=not g.is_directed(), **options)

    # ---- lifetime -----------------------------------------------------------------------

    def _live(self):
        if self._handle is None:
            raise HandleError("graph: the graph is closed (expected a graph before close())", parameter="graph")
        return self._handle

    def close(self):
        """Frees the graph now (a closed graph raises ``HandleError`` when used)."""
        handle, self._handle = self._handle, None
        if handle is not None:
            _native.call(_native.lib.ik_graph_free, handle)

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    # ---- what it holds ------------------------------------------------------------------

    def _counts(self):
        nodes, arcs = ctypes.c_int64(), ctypes.c_int64()
        _native.call(_native.lib.ik_graph_counts, self._live(), ctypes.byref(nodes), ctypes.byref(arcs))
        return nodes.value, arcs.value

    @property
    def nodes(self):
        """Number of nodes."""
        return self._counts()[0]

    @property
    def arcs(self):
        """Number of arcs (an undirected edge counts twice)."""
        return self._counts()[1]

    def __len__(self):
        return self.nodes

    def __repr__(self):
        if self._handle is None:
            return "<influencekit.Graph (closed)>"
        nodes, arcs = self._counts()
        return f"<influencekit.Graph {nodes} nodes, {arcs} arcs>"

    def labels(self):
        """The node labels, indexed by dense node id."""
        handle = self._live()
        needed = ctypes.c_size_t()
        _native.call(_native.lib.ik_graph_copy_labels, handle, None, 0, None, 0, ctypes.byref(needed))
        nodes = self.nodes
        data = ctypes.create_string_buffer(max(1, needed.value))
        offsets = (ctypes.c_int64 * (nodes + 1))()
        _native.call(_native.lib.ik_graph_copy_labels, handle, data, needed.value, offsets, nodes + 1, ctypes.byref(needed))
        raw = data.raw
        return [raw[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(nodes)]

    def edges(self):
        """The arcs as two int64 numpy arrays of dense node ids (source, target), in the engine's
        order (by source, then input order)."""
        np = _arrays.numpy()
        arcs = self.arcs
        sources = np.empty(arcs, dtype=np.int64)
        targets = np.empty(arcs, dtype=np.int64)
        _native.call(
            _native.lib.ik_graph_copy_arcs,
            self._live(),
            _arrays.pointer(sources, ctypes.c_int64),
            _arrays.pointer(targets, ctypes.c_int64),
            arcs,
        )
        return sources, targets

    def summary(self):
        """Name, nodes, arcs, probability scheme, load options and statistics, as a dict."""
        result = ctypes.c_void_p()
        _native.call(_native.lib.ik_graph_summary, self._live(), ctypes.byref(result))
        return json.loads(_native.take_result(result.value))

    # ---- runs: one request, one record ----------------------------------------------------

    def _call(self, use_case: str, given: Mapping[str, Any]) -> Result:
        document = _run.document(use_case, given)
        pointer = _native.run_cancellable(_native.lib.ik_run_cancellable, self._live(), document)
        try:
            text = _native.result_text(pointer)
        except BaseException:
            _native.call(_native.lib.ik_result_free, pointer)
            raise
        if use_case == "embed":
            return _embedding_result(pointer, text, self)
        _native.call(_native.lib.ik_result_free, pointer)
        return result_for(text)

    @_run.documented("seeds")
    def seeds(self, k: int, *, algorithm: Optional[str] = None, model: Optional[str] = None,
              probabilities: Optional[str] = None, normalize_lt: Optional[bool] = None, epsilon: Optional[float] = None,
              delta: Optional[float] = None, ell: Optional[float] = None, precision: Optional[float] = None,
              sampling: Optional[str] = None, evaluation_sets: Optional[int] = None,
              embedding: Optional[Mapping[str, Any]] = None, seed: Optional[int] = None, threads: Optional[int] = None,
              memory_limit_bytes: Optional[int] = None, time_budget_seconds: Optional[float] = None) -> SeedsResult:
        """Picks ``k`` seeds with a guarantee (OPIM-C; IMM; HIST with ``algorithm="hist"``, for
        large k) and measures their spread on fresh RR sets: the record of ``infmax seeds
        --json``. ``result.seeds`` are labels in selection order, ``result.spread`` the estimate
        with its 95% interval, ``result.guarantee`` the approximation proved,
        ``result.to_frame()`` one row per seed with its marginal gain. The same ``seed`` gives the
        same seeds for any ``threads``. ``probabilities`` and ``normalize_lt`` left at None take
        the graph's."""
        return self._call("seeds", locals())  # type: ignore[return-value]

    @_run.documented("simulate")
    def simulate(self, seeds: Any, *, model: Optional[str] = None, probabilities: Optional[str] = None,
                 normalize_lt: Optional[bool] = None, runs: Optional[int] = None, seed: Optional[int] = None,
                 threads: Optional[int] = None, max_steps: Optional[int] = None,
                 until_relative_error: Optional[float] = None, max_runs: Optional[int] = None,
                 node_probabilities: Optional[int] = None, exact: Optional[bool] = None,
                 memory_limit_bytes: Optional[int] = None,
                 without_active_participants: Optional[Mapping[str, Any]] = None) -> SimulationResult:
        """Estimates the spread of ``seeds`` by Monte Carlo: the record of ``infmax simulate
        --json``. ``seeds``: labels, or a result with seeds (``SeedsResult``, ``CIMResult``), or
        ``to_frame()`` of one. ``result.spread`` holds estimate and 95% interval;
        ``result.activation_probabilities`` each node's probability of ending active (numpy;
        with ``node_probabilities=N`` the N most likely, ``graph.nodes`` for all). Run ``i``
        draws from stream (seed, i), so two seed sets simulated with one ``seed`` are compared on
        the same cascades."""
        given = dict(locals())
        given["seeds"] = seed_labels(seeds, "seeds")
        return self._call("simulate", given)  # type: ignore[return-value]

    @_run.documented("compare")
    def compare(self, *, ks: Optional[Sequence[int]] = None, algorithms: Optional[Sequence[str]] = None,
                model: Optional[str] = None, probabilities: Optional[str] = None, normalize_lt: Optional[bool] = None,
                runs: Optional[int] = None, epsilon: Optional[float] = None, delta: Optional[float] = None,
                ell: Optional[float] = None, precision: Optional[float] = None, sampling: Optional[str] = None,
                celf_runs: Optional[int] = None, celf_budget_seconds: Optional[float] = None,
                force: Optional[bool] = None, embedding: Optional[Mapping[str, Any]] = None, seed: Optional[int] = None,
                threads: Optional[int] = None, memory_limit_bytes: Optional[int] = None) -> ComparisonResult:
        """Compares seed-selection methods at several k on common random numbers: the record of
        ``infmax compare --json``; ``result.to_frame()`` has one row per (algorithm, k) with the
        spread, its interval and the selection time."""
        return self._call("compare", locals())  # type: ignore[return-value]

    @_run.documented("cim")
    def cim(self, k: int, *, ap_file: Optional[PathLike] = None, ap_set: Optional[int] = None,
            active_participants: Optional[Sequence[Any]] = None, algorithm: Optional[str] = None,
            model: Optional[str] = None, probabilities: Optional[str] = None, normalize_lt: Optional[bool] = None,
            epsilon: Optional[float] = None, delta: Optional[float] = None, precision: Optional[float] = None,
            compat: Optional[bool] = None, sampling: Optional[str] = None, evaluation_sets: Optional[int] = None,
            baselines: Optional[bool] = None, unconstrained_reference: Optional[bool] = None,
            monte_carlo_evaluation_runs: Optional[int] = None, monte_carlo_runs: Optional[int] = None,
            monte_carlo_budget_seconds: Optional[float] = None, force: Optional[bool] = None,
            keep_best: Optional[bool] = None, seed: Optional[int] = None, threads: Optional[int] = None,
            memory_limit_bytes: Optional[int] = None) -> CIMResult:
        """Capacity-constrained IM: each active participant (AP) promotes to at most ``k`` of its
        friends outside the AP set: the record of ``infmax cim --json``. The APs come from line
        ``ap_set`` of ``ap_file``, or by label in ``active_participants``.
        ``result.assignment`` maps each AP to its chosen friends, ``result.to_frame()`` lists
        them with their marginal gains."""
        given = dict(locals())
        if active_participants is not None:
            given["active_participants"] = seed_labels(active_participants, "active_participants")
        if ap_file is not None:
            given["ap_file"] = _path("ap_file", ap_file)
        return self._call("cim", given)  # type: ignore[return-value]

    @_run.documented("closed")
    def closed(self, seeds: Any, k: int, *, algorithm: Optional[str] = None, model: Optional[str] = None,
               probabilities: Optional[str] = None, epsilon: Optional[float] = None, compat: Optional[bool] = None,
               evaluation_runs: Optional[int] = None, estimation_runs: Optional[int] = None,
               greedy_runs: Optional[int] = None, greedy_budget_seconds: Optional[float] = None,
               force: Optional[bool] = None, baselines: Optional[bool] = None, keep_best: Optional[bool] = None,
               seed: Optional[int] = None, threads: Optional[int] = None) -> ClosedResult:
        """IM in a closed social network: recommend to every user at most ``k`` friends to share
        with, so that the campaign's ``seeds`` reach most (PSNA): the record of ``infmax closed
        --json``; ``result.kept_arcs`` are the (user, friend) pairs, ``result.to_frame()`` the
        method beside its baselines."""
        given = dict(locals())
        given["seeds"] = seed_labels(seeds, "seeds")
        return self._call("closed", given)  # type: ignore[return-value]

    @_run.documented("embed")
    def embed(self, *, features: Optional[PathLike] = None, feature_format: Optional[str] = None,
              method: Optional[str] = None, dimensions: Optional[int] = None, epochs: Optional[int] = None,
              patience: Optional[int] = None, learning_rate: Optional[float] = None,
              temperature: Optional[float] = None, edge_drop_rates: Optional[Sequence[float]] = None,
              feature_mask_rates: Optional[Sequence[float]] = None, output: Optional[PathLike] = None,
              seed: Optional[int] = None, threads: Optional[int] = None) -> EmbeddingResult:
        """Node embeddings by DGI or GRACE: the record of ``infmax embed --json``, and
        ``result.embeddings``, a float32 (n, d) numpy array over the library's memory (no copy),
        row i the vector of node i (``result.labels``). ``output`` also writes them to a ``.npy``
        or TSV file (what ``probe`` reads)."""
        given = dict(locals())
        for keyword in ("features", "output"):
            if given[keyword] is not None:
                given[keyword] = _path(keyword, given[keyword])
        return self._call("embed", given)  # type: ignore[return-value]

    probe = staticmethod(probe)


def _embedding_result(pointer: int, text: str, graph: "Graph") -> EmbeddingResult:
    """The embed result: its record, and the embeddings as a numpy view of the result's float32
    matrix (the result handle is freed when the array is)."""
    np = _arrays.numpy()
    data = ctypes.c_void_p()
    rows, columns = ctypes.c_int64(), ctypes.c_int64()
    _native.call(_native.lib.ik_result_matrix, pointer, ctypes.byref(data), ctypes.byref(rows), ctypes.byref(columns))
    count = rows.value * columns.value
    if count == 0:
        _native.call(_native.lib.ik_result_free, pointer)
        array = np.zeros((rows.value, columns.value), dtype=np.float32)
    else:
        buffer = (ctypes.c_float * count).from_address(data.value)
        owner = _ResultOwner(pointer)
        array = np.frombuffer(buffer, dtype=np.float32).reshape(rows.value, columns.value)
        # The array's base chain ends at the ctypes buffer; tie the result handle's lifetime to it.
        buffer._influencekit_owner = owner  # type: ignore[attr-defined]
        array.flags.writeable = False
    base = result_for(text)
    return EmbeddingResult(record=base.record, text=text, embeddings=array, labels=tuple(graph.labels()))


class _ResultOwner:
    """Frees a result handle when the last array over its memory is gone."""

    def __init__(self, pointer: int) -> None:
        self.pointer = pointer

    def __del__(self) -> None:
        try:
            _native.call(_native.lib.ik_result_free, self.pointer)
        except Exception:
            pass
