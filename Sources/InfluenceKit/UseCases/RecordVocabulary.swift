/// The pieces every record spells the same way: a spread, a seed, timings, memory and versions.
/// Each record type (`SeedsRecord`, `SimulationRecord`, ...) is built from these, so the same
/// concept has the same JSON keys whichever use case wrote it; `Schemas/` in the repository holds
/// the JSON Schema of each record.

/// How a spread was measured.
public enum SpreadMethod: String, Codable, Sendable, Equatable {
    /// n times the fraction of random reverse-reachable sets the seeds cover.
    case rrSets = "rr-sets"
    /// The mean over forward Monte Carlo cascades.
    case monteCarlo = "monte-carlo"
    /// Enumeration of every live-edge world (no sampling error).
    case exact
}

/// An expected spread σ(S) with its uncertainty, in one shape for every record.
public struct SpreadValue: Codable, Sendable, Equatable {
    /// The estimate of σ(S) (expected active nodes, seeds included).
    public var estimate: Double
    /// Its standard error (0 for `exact`).
    public var standardError: Double
    /// The interval's lower end (`estimate` for `exact`).
    public var low: Double
    /// The interval's upper end.
    public var high: Double
    /// The interval's confidence level (0.95).
    public var confidence: Double
    /// How it was measured.
    public var method: SpreadMethod
    /// RR sets or Monte Carlo runs it rests on (0 for `exact`).
    public var samples: Int

    /// Complexity: O(1).
    public init(estimate: Double, standardError: Double, low: Double, high: Double, confidence: Double,
                method: SpreadMethod, samples: Int) {
        self.estimate = estimate
        self.standardError = standardError
        self.low = low
        self.high = high
        self.confidence = confidence
        self.method = method
        self.samples = samples
    }

    /// The interval estimated on fresh RR sets. Complexity: O(1).
    public init(_ interval: SpreadInterval) {
        self.init(estimate: interval.estimate, standardError: interval.standardError, low: interval.low,
                  high: interval.high, confidence: interval.confidence, method: .rrSets, samples: interval.rrSets)
    }

    /// A Monte Carlo estimate with its 95% normal interval. Complexity: O(1).
    public init(_ estimate: SpreadEstimate) {
        self.init(estimate: estimate.mean, standardError: estimate.standardError, low: estimate.confidenceLow,
                  high: estimate.confidenceHigh, confidence: 0.95, method: .monteCarlo, samples: estimate.runs)
    }

    /// An exact value. Complexity: O(1).
    public static func exact(_ value: Double) -> SpreadValue {
        SpreadValue(estimate: value, standardError: 0, low: value, high: value, confidence: 1, method: .exact, samples: 0)
    }
}

/// A seed as every record lists it: its label in the input, its dense node id, and — where the
/// use case selected it — the marginal gain it added when chosen.
public struct SeedEntry: Codable, Sendable, Equatable {
    /// The node's label in the input file.
    public var label: String
    /// Dense node id (0..<n) in the graph the record ran on.
    public var node: Int
    /// The spread it added when chosen (n·ΔΛ/θ on the selection pool for RR-set methods); nil
    /// for a seed set given, not selected.
    public var marginalGain: Double?
    /// New RR sets it covered in the selection pool (RR-set methods only).
    public var marginalCoverage: Int?

    /// Complexity: O(1).
    public init(label: String, node: Int, marginalGain: Double? = nil, marginalCoverage: Int? = nil) {
        self.label = label
        self.node = node
        self.marginalGain = marginalGain
        self.marginalCoverage = marginalCoverage
    }
}

/// Wall times of a run, in seconds.
public struct RecordTimings: Codable, Sendable, Equatable {
    /// Loading the graph (0 when the caller loaded it in memory).
    public var loadSeconds: Double
    /// The run's phases in order (sampling, selection, evaluation, simulation, ...).
    public var phases: [PhaseTiming]
    /// Load plus every phase, as measured around the whole call.
    public var totalSeconds: Double

    /// Complexity: O(1).
    public init(loadSeconds: Double, phases: [PhaseTiming], totalSeconds: Double) {
        self.loadSeconds = loadSeconds
        self.phases = phases
        self.totalSeconds = totalSeconds
    }

    /// The seconds of the phase named `name` (0 when there was none). Complexity: O(phases).
    public func seconds(of name: String) -> Double {
        phases.filter { $0.name == name }.reduce(0) { $0 + $1.seconds }
    }
}

/// Memory a run used.
public struct RecordMemory: Codable, Sendable, Equatable {
    /// Peak resident set of the process when the record was made.
    public var peakResidentBytes: Int
    /// The limit the run was held to.
    public var limitBytes: Int
    /// The most bytes RR sets and their index held at once (RR-set methods only).
    public var peakRRSetBytes: Int?
    /// Bytes per arc of the graph's arrays, the bound model's per-arc values and the sampler's
    /// tables (RR-set methods only; labels not counted).
    public var bytesPerArc: Double?
    /// Bytes per RR-set member at the peak of `peakRRSetBytes`: the pools' members, offsets and
    /// the inverted index, over the members held (RR-set methods only).
    public var bytesPerRRSetMember: Double?

    /// Complexity: O(1).
    public init(peakResidentBytes: Int, limitBytes: Int, peakRRSetBytes: Int? = nil, bytesPerArc: Double? = nil,
                bytesPerRRSetMember: Double? = nil) {
        self.peakResidentBytes = peakResidentBytes
        self.limitBytes = limitBytes
        self.peakRRSetBytes = peakRRSetBytes
        self.bytesPerArc = bytesPerArc
        self.bytesPerRRSetMember = bytesPerRRSetMember
    }
}

/// The versions a record was written by, so that it can be read back and reproduced.
public struct RecordVersions: Codable, Sendable, Equatable {
    /// InfluenceKit's version.
    public var library: String
    /// The record format's version: the `version` of the record's JSON Schema.
    public var record: Int

    /// The versions of this build. Complexity: O(1).
    public init() {
        library = InfluenceKitVersion.library
        record = InfluenceKitVersion.report
    }
}

/// A diffusion model as it was bound to the graph.
public struct BoundModel: Codable, Sendable, Equatable {
    /// `ic` or `lt`.
    public var name: String
    /// The scheme as bound (`wc`, `1/indeg`, `file (rescaled)`, ...).
    public var scheme: String

    /// Complexity: O(1).
    public init(name: String, scheme: String) { self.name = name; self.scheme = scheme }

    /// The name and scheme of `model`. Complexity: O(1).
    public init(_ model: any DiffusionModel) { self.init(name: model.name, scheme: model.scheme) }
}
