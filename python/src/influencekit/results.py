"""Typed results: one frozen dataclass per record of the library.

Every result holds the record exactly as the library wrote it: ``result.record`` is the whole JSON
record as a dict (the same keys as ``infmax ... --json``), ``result.to_json()`` the exact text the
CLI prints for the same request (timings and memory aside, which are measured), and the
attributes are what people read (seeds as labels, ``spread.estimate``, ``spread.interval``,
``guarantee``, ``timings``). Per-node outputs are numpy arrays; ``to_frame()`` gives a pandas
DataFrame where a table is natural.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

__all__ = [
    "Spread",
    "Guarantee",
    "Timings",
    "Result",
    "SeedsResult",
    "SimulationResult",
    "ComparisonResult",
    "CIMResult",
    "ClosedResult",
    "EmbeddingResult",
    "ProbeResult",
    "RecommendResult",
    "result_for",
]


def _pandas():
    try:
        import pandas
    except ImportError as error:  # pragma: no cover - exercised only without pandas
        raise ImportError("to_frame() needs pandas (pip install pandas)") from error
    return pandas


def _numpy():
    try:
        import numpy
    except ImportError as error:  # pragma: no cover - exercised only without numpy
        raise ImportError("this result's arrays need numpy (pip install numpy)") from error
    return numpy


@dataclass(frozen=True)
class Spread:
    """An estimate with its confidence interval (a record's ``spread`` object)."""

    estimate: float
    low: float
    high: float
    standard_error: float
    confidence: float
    samples: int
    method: str

    @property
    def interval(self) -> Tuple[float, float]:
        """(low, high) at ``confidence`` (0.95)."""
        return (self.low, self.high)

    @classmethod
    def of(cls, value: Optional[Mapping[str, Any]]) -> Optional["Spread"]:
        if not isinstance(value, Mapping) or "estimate" not in value:
            return None
        return cls(
            estimate=float(value["estimate"]),
            low=float(value.get("low", value["estimate"])),
            high=float(value.get("high", value["estimate"])),
            standard_error=float(value.get("standardError", 0.0)),
            confidence=float(value.get("confidence", 0.95)),
            samples=int(value.get("samples", 0)),
            method=str(value.get("method", "")),
        )


@dataclass(frozen=True)
class Guarantee:
    """The approximation guarantee a run proved for its instance."""

    approximation: float
    target: float
    failure_probability: float
    instance_wise: bool

    @classmethod
    def of(cls, value: Optional[Mapping[str, Any]]) -> Optional["Guarantee"]:
        if not isinstance(value, Mapping):
            return None
        return cls(
            approximation=float(value["approximation"]),
            target=float(value["target"]),
            failure_probability=float(value["failureProbability"]),
            instance_wise=bool(value["instanceWise"]),
        )


@dataclass(frozen=True)
class Timings:
    """Measured seconds: load, total, and each phase's (name -> seconds)."""

    load_seconds: float
    total_seconds: float
    phases: Dict[str, float]

    @classmethod
    def of(cls, value: Optional[Mapping[str, Any]]) -> Optional["Timings"]:
        if not isinstance(value, Mapping):
            return None
        phases: Dict[str, float] = {}
        for phase in value.get("phases", []):
            phases[phase["name"]] = phases.get(phase["name"], 0.0) + float(phase["seconds"])
        return cls(float(value.get("loadSeconds", 0.0)), float(value.get("totalSeconds", 0.0)), phases)


@dataclass(frozen=True)
class Result:
    """What every result has: the record as a dict, its exact JSON text, the request that ran."""

    record: Dict[str, Any] = field(repr=False)
    text: str = field(repr=False)

    @property
    def use_case(self) -> str:
        """The record's ``useCase`` (``seeds``, ``simulate``, ...)."""
        return str(self.record["useCase"])

    @property
    def request(self) -> Dict[str, Any]:
        """The request as it ran, every field with its value (defaults filled in)."""
        return dict(self.record["request"])

    @property
    def timings(self) -> Optional[Timings]:
        """Measured seconds (load, total, per phase)."""
        return Timings.of(self.record.get("timings"))

    def to_json(self) -> str:
        """The record's JSON text, exactly as ``infmax ... --json`` prints it for the same request
        (and what ``infmax run FILE`` reads back to rerun it)."""
        return self.text

    def save(self, path: str) -> None:
        """Writes ``to_json()`` to ``path`` (a record ``infmax run`` reruns)."""
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(self.text + "\n")

    def html(self) -> str:
        """The record as one self-contained HTML page (what ``infmax report`` writes): the answer
        as sortable tables, the guarantee and intervals in words, plots, timings and memory."""
        import ctypes

        from . import _native

        result = ctypes.c_void_p()
        _native.call(_native.lib.ik_report_html, self.text.encode("utf-8"), ctypes.byref(result))
        return _native.take_result(result)

    def save_html(self, path: str) -> None:
        """Writes ``html()`` to ``path``."""
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(self.html())


def _labels(entries: Sequence[Mapping[str, Any]]) -> Tuple[str, ...]:
    return tuple(str(entry["label"]) for entry in entries)


@dataclass(frozen=True)
class SeedsResult(Result):
    """``Graph.seeds``: the seeds in selection order with their marginal gains, their spread on
    fresh RR sets (independent of the selection) and the guarantee."""

    seeds: Tuple[str, ...] = ()
    spread: Optional[Spread] = None
    guarantee: Optional[Guarantee] = None

    @classmethod
    def from_record(cls, record: Dict[str, Any], text: str) -> "SeedsResult":
        return cls(record=record, text=text, seeds=_labels(record["seeds"]), spread=Spread.of(record.get("spread")),
                   guarantee=Guarantee.of(record.get("guarantee")))

    @property
    def nodes(self) -> Any:
        """Dense node ids of the seeds, an int64 numpy array."""
        return _numpy().asarray([entry["node"] for entry in self.record["seeds"]], dtype="int64")

    @property
    def gains(self) -> Any:
        """Each seed's marginal gain (expected nodes added), a float64 numpy array."""
        return _numpy().asarray([entry.get("marginalGain", float("nan")) for entry in self.record["seeds"]],
                                dtype="float64")

    def to_frame(self) -> Any:
        """One row per seed in selection order: rank, label, node, marginal_gain, marginal_coverage."""
        seeds = self.record["seeds"]
        return _pandas().DataFrame({
            "rank": list(range(1, len(seeds) + 1)),
            "label": [s["label"] for s in seeds],
            "node": [s["node"] for s in seeds],
            "marginal_gain": [s.get("marginalGain") for s in seeds],
            "marginal_coverage": [s.get("marginalCoverage") for s in seeds],
        })


@dataclass(frozen=True)
class SimulationResult(Result):
    """``Graph.simulate``: Monte Carlo spread of a seed set, optionally its exact value and the
    nodes most likely to end active."""

    seeds: Tuple[str, ...] = ()
    spread: Optional[Spread] = None
    exact: Optional[Spread] = None

    @classmethod
    def from_record(cls, record: Dict[str, Any], text: str) -> "SimulationResult":
        exact = record.get("exact")
        return cls(record=record, text=text, seeds=_labels(record["seeds"]), spread=Spread.of(record.get("spread")),
                   exact=Spread.of(exact) if isinstance(exact, Mapping) else None)

    @property
    def activation_probabilities(self) -> Any:
        """Per-node probability of ending active, a float64 numpy array indexed by dense node id:
        the nodes the run listed (``node_probabilities=N`` lists the N most likely; pass the node
        count for every node) hold their estimate, the others NaN."""
        np = _numpy()
        values = np.full(int(self.record["graph"]["nodes"]), np.nan, dtype=np.float64)
        for entry in self.record.get("nodeProbabilities") or []:
            values[int(entry["node"])] = float(entry["probability"])
        return values

    def to_frame(self) -> Any:
        """The listed nodes, most likely first: label, node, probability."""
        rows = self.record.get("nodeProbabilities") or []
        return _pandas().DataFrame({"label": [r["label"] for r in rows], "node": [r["node"] for r in rows],
                                    "probability": [r["probability"] for r in rows]})


@dataclass(frozen=True)
class ComparisonResult(Result):
    """``Graph.compare``: every method at every k on common random numbers."""

    ks: Tuple[int, ...] = ()
    algorithms: Tuple[str, ...] = ()

    @classmethod
    def from_record(cls, record: Dict[str, Any], text: str) -> "ComparisonResult":
        return cls(record=record, text=text, ks=tuple(record.get("ks", [])), algorithms=tuple(record.get("algorithms", [])))

    def to_frame(self) -> Any:
        """One row per (algorithm, k): spread estimate, low, high, selection seconds and seeds."""
        rows = self.record.get("rows", [])
        return _pandas().DataFrame({
            "algorithm": [r["algorithm"] for r in rows],
            "k": [r["k"] for r in rows],
            "spread": [r["spread"]["estimate"] for r in rows],
            "low": [r["spread"].get("low") for r in rows],
            "high": [r["spread"].get("high") for r in rows],
            "selection_seconds": [r.get("selectionSeconds") for r in rows],
            "seeds": [[s["label"] for s in r.get("seeds", [])] for r in rows],
        })


@dataclass(frozen=True)
class CIMResult(Result):
    """``Graph.cim``: each active participant's chosen friends, the union's spread on P and the
    guarantee."""

    seeds: Tuple[str, ...] = ()
    spread: Optional[Spread] = None
    guarantee: Optional[Guarantee] = None

    @classmethod
    def from_record(cls, record: Dict[str, Any], text: str) -> "CIMResult":
        return cls(record=record, text=text, seeds=_labels(record.get("seeds", [])), spread=Spread.of(record.get("spread")),
                   guarantee=Guarantee.of(record.get("guarantee")))

    @property
    def assignment(self) -> Dict[str, List[str]]:
        """AP label -> the labels of the friends it promotes to, in pick order."""
        return {a["ap"]: [s["label"] for s in a["seeds"]] for a in self.record.get("assignment", [])}

    def to_frame(self) -> Any:
        """One row per chosen friend: ap, rank (within the AP), label, marginal_gain."""
        ap, rank, label, gain = [], [], [], []
        for a in self.record.get("assignment", []):
            for i, s in enumerate(a["seeds"], 1):
                ap.append(a["ap"]); rank.append(i); label.append(s["label"]); gain.append(s.get("marginalGain"))
        return _pandas().DataFrame({"ap": ap, "rank": rank, "label": label, "marginal_gain": gain})


@dataclass(frozen=True)
class ClosedResult(Result):
    """``Graph.closed``: the k-subnetwork (arcs kept for sharing), its objective and the union's
    spread, beside the baselines."""

    objective: Optional[Spread] = None
    spread: Optional[Spread] = None

    @classmethod
    def from_record(cls, record: Dict[str, Any], text: str) -> "ClosedResult":
        result = record.get("result", {})
        return cls(record=record, text=text, objective=Spread.of(result.get("objective")),
                   spread=Spread.of(result.get("union")))

    @property
    def kept_arcs(self) -> List[Tuple[str, str]]:
        """(user, friend) of every arc the method keeps."""
        return [(a["user"], a["friend"]) for a in self.record.get("keptArcs", [])]

    def to_frame(self) -> Any:
        """The method and each baseline: name, objective, union spread, selection seconds."""
        rows = [self.record["result"]] + list(self.record.get("baselines", []))
        return _pandas().DataFrame({
            "method": [r["name"] for r in rows],
            "objective": [r["objective"]["estimate"] for r in rows],
            "union": [r["union"]["estimate"] for r in rows],
            "selection_seconds": [r.get("selectionSeconds") for r in rows],
        })


@dataclass(frozen=True)
class EmbeddingResult(Result):
    """``Graph.embed``: node embeddings as a float32 (n, d) numpy array (a view of the library's
    memory, no copy), row i the vector of node i; ``labels`` names the rows."""

    embeddings: Any = field(default=None, repr=False)
    labels: Tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def from_record(cls, record: Dict[str, Any], text: str) -> "EmbeddingResult":
        return cls(record=record, text=text)

    @property
    def dimensions(self) -> int:
        """Columns of ``embeddings``."""
        return int(self.record["dimensions"])

    @property
    def training(self) -> Dict[str, Any]:
        """Epochs, first, best and final loss."""
        return dict(self.record["training"])

    def to_frame(self) -> Any:
        """The embeddings as a DataFrame indexed by label (columns 0..d-1)."""
        return _pandas().DataFrame(self.embeddings, index=list(self.labels))


@dataclass(frozen=True)
class ProbeResult(Result):
    """``probe``: a linear probe's test accuracy over restarts."""

    @classmethod
    def from_record(cls, record: Dict[str, Any], text: str) -> "ProbeResult":
        return cls(record=record, text=text)

    @property
    def accuracy(self) -> Dict[str, Any]:
        """The summary of the restarts' test accuracy (mean, standard deviation, ...)."""
        for key in ("accuracy", "summary", "testAccuracy"):
            if key in self.record:
                return self.record[key]
        return {}


@dataclass(frozen=True)
class RecommendResult(Result):
    """``InviteGraph.recommend`` / ``evaluate`` / ``frontier``: each inviter's invitee list and,
    with held-out truth, every method's recall, NDCG and Spread@K (and the trade-off frontier)."""

    method: str = ""

    @classmethod
    def from_record(cls, record: Dict[str, Any], text: str) -> "RecommendResult":
        return cls(record=record, text=text, method=str(record.get("method", "")))

    @property
    def lists(self) -> Dict[str, List[str]]:
        """Inviter label -> invitee labels, best first."""
        return {entry["inviter"]: [i["invitee"] for i in entry["invitees"]] for entry in self.record.get("lists", [])}

    @property
    def evaluation(self) -> Optional[Dict[str, Any]]:
        """The evaluation against held-out truth (None without ``truth``)."""
        return self.record.get("evaluation")

    def to_frame(self) -> Any:
        """One row per recommended invitee: inviter, rank, invitee, score."""
        inviter, rank, invitee, score = [], [], [], []
        for entry in self.record.get("lists", []):
            for i, item in enumerate(entry["invitees"], 1):
                inviter.append(entry["inviter"]); rank.append(i); invitee.append(item["invitee"]); score.append(item["score"])
        return _pandas().DataFrame({"inviter": inviter, "rank": rank, "invitee": invitee, "score": score})

    def evaluation_frame(self) -> Any:
        """One row per (method, K) of the evaluation: recall, ndcg, spread (empty without truth)."""
        method, k, recall, ndcg, spread = [], [], [], [], []
        for m in (self.evaluation or {}).get("methods", []):
            for i, kk in enumerate(m["k"]):
                method.append(m["method"]); k.append(kk); recall.append(m["recall"][i]); ndcg.append(m["ndcg"][i])
                spread.append(m["spread"][i]["estimate"] if m.get("spread") else None)
        return _pandas().DataFrame({"method": method, "k": k, "recall": recall, "ndcg": ndcg, "spread": spread})

    def frontier_frame(self) -> Any:
        """The trade-off frontier (``frontier=True``): one row per (λ, K) with recall, ndcg, spread."""
        rows = (self.evaluation or {}).get("frontier", [])
        frame: Dict[str, List[Any]] = {"trade_off": [], "k": [], "recall": [], "ndcg": [], "spread": []}
        for point in rows:
            for i, kk in enumerate(point.get("k", [])):
                frame["trade_off"].append(point.get("tradeOff"))
                frame["k"].append(kk)
                frame["recall"].append(point["recall"][i])
                frame["ndcg"].append(point["ndcg"][i])
                frame["spread"].append(point["spread"][i]["estimate"] if point.get("spread") else None)
        return _pandas().DataFrame(frame)


_CLASSES = {
    "seeds": SeedsResult,
    "simulate": SimulationResult,
    "compare": ComparisonResult,
    "cim": CIMResult,
    "closed": ClosedResult,
    "embed": EmbeddingResult,
    "probe": ProbeResult,
    "recommend": RecommendResult,
}


def result_for(text: str) -> Result:
    """The typed result of a record's JSON text."""
    record = json.loads(text)
    return _CLASSES[record["useCase"]].from_record(record, text)
