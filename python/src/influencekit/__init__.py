"""influencekit: influence maximization for Python pipelines, on InfluenceKit's Swift engine.

    import influencekit as ik
    graph = ik.Graph.from_file("Graphs/karate.txt", undirected=True)
    result = graph.seeds(5, epsilon=0.1, seed=1)
    result.seeds                          # labels in selection order
    result.spread.estimate, result.spread.interval
    graph.simulate(result, runs=10000).spread

Every call is one request of the library (its keywords are the request's fields, with the same
defaults and the library's own validation) and returns one typed result whose ``to_json()`` is
the record ``infmax ... --json`` prints for the same request.
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
from .graph import Graph, probe
from .invite import InviteGraph
from .results import (
    CIMResult,
    ClosedResult,
    ComparisonResult,
    EmbeddingResult,
    Guarantee,
    ProbeResult,
    RecommendResult,
    Result,
    SeedsResult,
    SimulationResult,
    Spread,
    Timings,
)

__version__ = "0.3.0"
library_version: str = _native.library_version()
library_path: str = _native.library_path()

__all__ = [
    "Graph",
    "InviteGraph",
    "probe",
    "Result",
    "SeedsResult",
    "SimulationResult",
    "ComparisonResult",
    "CIMResult",
    "ClosedResult",
    "EmbeddingResult",
    "ProbeResult",
    "RecommendResult",
    "Spread",
    "Guarantee",
    "Timings",
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
