"""``Graph``: a graph loaded by the Swift engine, and the runs on it."""

import ctypes
import json
import math
import numbers
import os

from . import _arrays
from . import _native
from .errors import ArgumentError, HandleError
from .report import Report

__all__ = ["Graph"]

_MODELS = ("ic", "lt")


def _check_int(name, value, minimum=None):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise ArgumentError(f"{name}: got {value!r} (expected an integer)", parameter=name)
    value = int(value)
    if minimum is not None and value < minimum:
        raise ArgumentError(f"{name}: got {value} (expected at least {minimum})", parameter=name)
    return value


def _check_number(name, value):
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ArgumentError(f"{name}: got {value!r} (expected a number)", parameter=name)
    if not math.isfinite(value):
        raise ArgumentError(f"{name}: got {value!r} (expected a finite number)", parameter=name)
    return float(value)


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
    """The JSON request of the given keys, None values left out (the library's defaults)."""
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


def _seed_labels(seeds, name):
    """Labels of a seed set: a list of labels, a record (its seeds), or a DataFrame of seeds."""
    if isinstance(seeds, dict):
        seeds = seeds.get("seeds", [])
    elif _arrays.is_dataframe(seeds):
        seeds = list(seeds["label"])
    elif isinstance(seeds, (str, bytes)):
        raise ArgumentError(f"{name}: got {seeds!r} (expected a list of labels, not one string)", parameter=name)
    try:
        labels = list(seeds)
    except TypeError:
        raise ArgumentError(f"{name}: got {seeds!r} (expected a list of labels)", parameter=name) from None
    return _arrays.PackedLabels(labels, name)


class Graph:
    """A directed graph in InfluenceKit's compact form, with the probability scheme its runs use.

    Build one with ``Graph.from_file`` or ``Graph.from_edges``; then ``seeds``, ``simulate`` and
    ``cim`` run the Swift engine on it (the GIL is released while they run, and one graph may be
    used from several threads at once). Labels are strings: the tokens of the file, or ``str`` of
    the ids given. ``close()`` (or leaving a ``with`` block) frees the graph at once.
    """

    __slots__ = ("_handle", "__weakref__")

    def __init__(self, _handle=None):
        if _handle is None:
            raise ArgumentError("use Graph.from_file or Graph.from_edges to make a graph", parameter=None)
        self._handle = _handle

    # ---- construction -------------------------------------------------------------------

    @classmethod
    def from_file(cls, path, undirected=False, probabilities="wc", *, format=None, dedupe=False, normalize_lt=False,
                  nodes=None, node_file=None, max_memory=None):
        """Loads a graph file: an edge list (``u v``, ``u v p``, ``u v p w``; ``.gz`` read
        transparently), GraphML, GML, Pajek, NCOL, LGL or an ``.infgraph`` snapshot.

        probabilities: ``"wc"`` (1/indeg, default), ``"uniform:P"``, ``"trivalency"``
        (``"trivalency:SEED"``), or ``"file"`` (the third column). Raises ``ParseError`` (with
        ``file`` and ``line``) for a malformed file, ``FileError`` for a missing one,
        ``ArgumentError`` for a bad option.
        """
        options = _request(
            undirected=_check_bool("undirected", undirected),
            probabilities=_check_string("probabilities", probabilities),
            format=_optional(_check_string, "format", format),
            dedupe=_check_bool("dedupe", dedupe),
            normalize_lt=_check_bool("normalize_lt", normalize_lt),
            nodes=_optional(_check_int, "nodes", nodes, 1),
            node_file=None if node_file is None else _path("node_file", node_file),
            max_memory=_optional(_check_int, "max_memory", max_memory, 1),
        )
        handle = ctypes.c_void_p()
        _native.call(_native.lib.ik_graph_load, _path("path", path).encode(), options, ctypes.byref(handle))
        return cls(_handle=handle.value)

    @classmethod
    def from_edges(cls, src, dst=None, p=None, labels=None, *, undirected=False, probabilities=None, dedupe=False,
                   normalize_lt=False, name="arrays"):
        """Builds a graph from arcs ``src[i] -> dst[i]``: numpy arrays, pandas Series or
        sequences, or a pandas DataFrame as ``src`` (columns src/source/u, dst/target/v and
        optionally p/probability/weight, else the first two or three columns).

        - ``labels=None``: integer ids are node labels, numbered as ``from_file`` numbers a file
          with the same lines (so ``from_edges`` and ``from_file`` give the same graph); string
          ids are labels numbered by first appearance, as in a file.
        - ``labels`` given: ``src``/``dst`` are positions ``0..len(labels)-1`` and node ``i`` is
          labelled ``labels[i]``.

        ``p``: one probability in [0, 1] per arc (then ``probabilities`` defaults to ``"file"``).
        int64 ids and float64 probabilities in C-contiguous arrays are passed to the engine without
        a copy; other dtypes are converted once.
        """
        np = _arrays.numpy()
        if _arrays.is_dataframe(src):
            if dst is not None:
                raise ArgumentError("dst: give a DataFrame alone, or src and dst arrays", parameter="dst")
            src, dst, frame_p = _arrays.columns_of(src)
            p = frame_p if p is None else p
        if dst is None:
            raise ArgumentError("dst: missing (expected the arcs' heads, as many as src)", parameter="dst")
        source = _arrays.as_array(src, "src")
        target = _arrays.as_array(dst, "dst")
        if len(source) != len(target):
            raise ArgumentError(f"dst: src has {len(source)} ids and dst {len(target)} (expected one dst per src)", parameter="dst")
        values = None
        if p is not None:
            values = _arrays.as_float64(_arrays.as_array(p, "p"), "p")
            if len(values) != len(source):
                raise ArgumentError(f"p: {len(values)} values for {len(source)} arcs (expected one per arc)", parameter="p")
        packed = None
        source, target = _arrays.integers_if_integral(source), _arrays.integers_if_integral(target)
        if labels is not None:
            packed = _arrays.PackedLabels(list(labels), "labels")
            source, target = _arrays.as_int64(source, "src"), _arrays.as_int64(target, "dst")
        elif np.issubdtype(source.dtype, np.integer) and np.issubdtype(target.dtype, np.integer):
            source, target = _arrays.as_int64(source, "src"), _arrays.as_int64(target, "dst")
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
            _native.lib.ik_graph_from_edges,
            _arrays.pointer(source, ctypes.c_int64),
            _arrays.pointer(target, ctypes.c_int64),
            len(source),
            _arrays.value_pointer(values),
            *label_arguments,
            options,
            ctypes.byref(handle),
        )
        return cls(_handle=handle.value)

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

    # ---- runs ---------------------------------------------------------------------------

    def _run(self, function, *arguments):
        result = ctypes.c_void_p()
        _native.call(function, self._live(), *arguments, ctypes.byref(result))
        return Report(_native.take_result(result.value))

    def seeds(self, k, model="ic", epsilon=0.1, seed=1, *, algorithm="opim-c", delta=None, ell=None, precision=None,
              sampling=None, evaluation_sets=None, threads=None, max_memory=None, time_budget=None):
        """Picks ``k`` seeds with a guarantee (OPIM-C, or IMM with ``algorithm="imm"``) and returns
        the record of ``infmax seeds --json`` as a ``Report``: ``report["seeds"]`` is the list of
        labels in selection order; ``report["seedDetails"]`` has each seed's marginal gain;
        ``report["spread"]`` the spread on fresh RR sets with its 95% interval.

        ``precision=0`` gives the paper's stopping rule (default: refine until greedy's choice
        error is 5%). ``time_budget`` (seconds, OPIM-C only) returns the seeds of the last round
        that fits it, with the ratio that round proved (``report["stoppedAtTimeBudget"]``). The
        same ``seed`` gives the same seeds for any ``threads`` (default: all cores).
        """
        request = _request(
            k=_check_int("k", k),
            model=_check_string("model", model, _MODELS),
            epsilon=_check_number("epsilon", epsilon),
            seed=_check_int("seed", seed, 0),
            algorithm=_check_string("algorithm", algorithm, ("opim-c", "imm")),
            delta=_optional(_check_number, "delta", delta),
            ell=_optional(_check_number, "ell", ell),
            precision=_optional(_check_number, "precision", precision),
            sampling=_optional(_check_string, "sampling", sampling, ("subset", "plain")),
            evaluation_sets=_optional(_check_int, "evaluation_sets", evaluation_sets),
            threads=_optional(_check_int, "threads", threads),
            max_memory=_optional(_check_int, "max_memory", max_memory),
            time_budget=_optional(_check_number, "time_budget", time_budget),
        )
        return self._run(_native.lib.ik_seeds, request)

    def simulate(self, seeds, runs=10000, seed=1, *, model="ic", threads=None, max_steps=None,
                 until_relative_error=None, max_runs=None, node_probabilities=None, exact=False, max_memory=None):
        """Estimates the spread of ``seeds`` (labels, or a seeds record) by Monte Carlo and returns
        the record of ``infmax simulate --json``: ``report["spread"]`` holds estimate, standard
        error and the 95% interval. Run ``i`` draws from stream (seed, i), so two seed sets
        simulated with one ``seed`` are compared on the same cascades.
        """
        packed = _seed_labels(seeds, "seeds")
        request = _request(
            runs=_check_int("runs", runs),
            seed=_check_int("seed", seed, 0),
            model=_check_string("model", model, _MODELS),
            threads=_optional(_check_int, "threads", threads),
            max_steps=_optional(_check_int, "max_steps", max_steps),
            until_relative_error=_optional(_check_number, "until_relative_error", until_relative_error),
            max_runs=_optional(_check_int, "max_runs", max_runs),
            node_probabilities=_optional(_check_int, "node_probabilities", node_probabilities),
            exact=_check_bool("exact", exact),
            max_memory=_optional(_check_int, "max_memory", max_memory),
        )
        return self._run(_native.lib.ik_simulate, *packed.arguments, request)

    def cim(self, aps, k, model="ic", epsilon=0.1, seed=1, *, ap_set=None, algorithm="rr-opim+", delta=None,
            precision=None, compat=False, sampling=None, evaluation_sets=None, baselines=False,
            unconstrained_reference=False, mc_evaluation=None, mc_runs=None, mc_budget=300.0, threads=None,
            max_memory=None):
        """Capacity-constrained IM: each active participant (AP) promotes to at most ``k`` of its
        friends outside the AP set. ``aps`` is a list of AP labels, or the path of an AP file
        (``ap_set`` picks its line, default 1). Returns the record of ``infmax cim --json``:
        ``report["assignment"]`` lists each AP's chosen friends with their marginal gains,
        ``report["seeds"]`` the chosen labels in pick order. ``mc_budget=None`` runs a Monte Carlo
        greedy whatever its estimated cost (the CLI's ``--force``).
        """
        if isinstance(aps, (str, bytes, os.PathLike)):
            packed, ap_file = None, _path("aps", aps)
        else:
            if ap_set is not None:
                raise ArgumentError("ap_set: picks a line of an AP file (expected aps to be a path)", parameter="ap_set")
            packed, ap_file = _seed_labels(aps, "aps"), None
            if packed.count == 0:
                raise ArgumentError("aps: empty (expected at least one active participant)", parameter="aps")
        fields = dict(
            k=_check_int("k", k),
            ap_file=ap_file,
            ap_set=_optional(_check_int, "ap_set", ap_set),
            model=_check_string("model", model, _MODELS),
            epsilon=_check_number("epsilon", epsilon),
            seed=_check_int("seed", seed, 0),
            algorithm=_check_string("algorithm", algorithm),
            delta=_optional(_check_number, "delta", delta),
            precision=_optional(_check_number, "precision", precision),
            compat=_check_bool("compat", compat),
            sampling=_optional(_check_string, "sampling", sampling, ("subset", "plain")),
            evaluation_sets=_optional(_check_int, "evaluation_sets", evaluation_sets),
            baselines=_check_bool("baselines", baselines),
            unconstrained_reference=_check_bool("unconstrained_reference", unconstrained_reference),
            mc_evaluation=_optional(_check_int, "mc_evaluation", mc_evaluation),
            mc_runs=_optional(_check_int, "mc_runs", mc_runs),
            threads=_optional(_check_int, "threads", threads),
            max_memory=_optional(_check_int, "max_memory", max_memory),
        )
        request = {key: value for key, value in fields.items() if value is not None}
        request["mc_budget"] = None if mc_budget is None else _check_number("mc_budget", mc_budget)
        labels = packed.arguments if packed is not None else (None, 0, None, 0)
        return self._run(_native.lib.ik_cim, *labels, json.dumps(request, allow_nan=False).encode())
