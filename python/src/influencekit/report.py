"""The records runs return: the JSON ``infmax`` prints with ``--json``, as a dict."""

import ctypes
import json

__all__ = ["Report", "seeds_frame"]


class Report(dict):
    """A run's record as a dict: the keys of the CLI's ``--json`` record, except that
    ``report["seeds"]`` is the list of seed labels in selection order; the CLI's per-seed entries
    (label, node, marginalGain, marginalCoverage for ``seeds``; label and AP for ``cim``; label
    and node for ``simulate``) are under ``report["seedDetails"]``; the request that ran is
    ``report["request"]`` and the graph's provenance ``report["graph"]``.

    ``report.json`` is the record's text exactly as ``infmax ... --json`` prints it for the same
    graph, parameters and seed (timings and memory aside, which are measured).
    """

    def __init__(self, text):
        record = json.loads(text)
        details = record.get("seeds", [])
        super().__init__(record)
        self["seeds"] = [entry["label"] for entry in details]
        self["seedDetails"] = details
        self.json = text

    @property
    def seeds(self):
        """The seed labels in selection order."""
        return self["seeds"]

    def html(self):
        """The record as one self-contained HTML page (what ``infmax report`` writes): the answer
        as sortable tables, the guarantee and intervals in words, plots, timings and memory."""
        from . import _native

        result = ctypes.c_void_p()
        _native.call(_native.lib.ik_report_html, self.json.encode("utf-8"), ctypes.byref(result))
        return _native.take_result(result)

    def save_html(self, path):
        """Writes ``html()`` to ``path``."""
        with open(path, "w", encoding="utf-8") as file:
            file.write(self.html())


def seeds_frame(report):
    """A pandas DataFrame of a seeds record's picks: rank, label, node, marginal_gain,
    marginal_coverage (one row per seed, in selection order)."""
    import pandas

    details = report["seedDetails"] if "seedDetails" in report else report["seeds"]
    return pandas.DataFrame(
        {
            "rank": list(range(1, len(details) + 1)),
            "label": [d["label"] for d in details],
            "node": [d["node"] for d in details],
            "marginal_gain": [d["marginalGain"] for d in details],
            "marginal_coverage": [d["marginalCoverage"] for d in details],
        }
    )
