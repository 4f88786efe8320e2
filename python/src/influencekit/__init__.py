"""influencekit: influence maximization for Python pipelines, on InfluenceKit's Swift engine.

    import influencekit as ik
    graph = ik.Graph.from_file("Graphs/karate.txt", undirected=True)
    report = graph.seeds(5, model="ic", epsilon=0.1, seed=1)
    report["seeds"]                      # labels in selection order
    graph.simulate(report, runs=10000)   # Monte Carlo spread of those seeds

Records are those ``infmax ... --json`` prints for the same graph, parameters and seed.
"""

from . import _native
from .errors import (
    ArgumentError,
    FileError,
    HandleError,
    InfluenceKitError,
    InternalError,
    ParseError,
    ResourceError,
)
from .graph import Graph
from .report import Report, seeds_frame

__version__ = "0.3.0"
library_version = _native.library_version()
library_path = _native.library_path()

__all__ = [
    "Graph",
    "Report",
    "seeds_frame",
    "InfluenceKitError",
    "ArgumentError",
    "ParseError",
    "FileError",
    "ResourceError",
    "HandleError",
    "InternalError",
    "library_version",
    "library_path",
]
