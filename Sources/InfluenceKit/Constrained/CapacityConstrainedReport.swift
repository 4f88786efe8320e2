/// The record of a capacity-constrained IM run: what `infmax cim` prints and `--output` writes.
/// The chosen algorithm's picks are under `assignment`; `seeds` lists their union (so that
/// `infmax simulate --seeds-file` reads it back), and `parameters` names the AP file and set so
/// the spread can be measured on the same P again.
public struct CapacityConstrainedReport: Codable, Sendable, Equatable {
    public struct Parameters: Codable, Sendable, Equatable {
        public var graph: String
        public var nodes: Int
        public var arcs: Int
        /// The AP file and the 1-based AP set of it that was run.
        public var apFile: String
        public var apSet: Int
        /// APs in the set, those that take part (with candidates), and the labels of those skipped.
        public var activeParticipants: Int
        public var participants: Int
        public var skippedAPs: [String]
        /// Nodes and arcs of P (V \ A).
        public var subgraphNodes: Int
        public var subgraphArcs: Int
        public var model: String
        public var probabilities: String
        public var normalizeLT: Bool
        public var k: Int
        public var algorithm: String
        public var epsilon: Double
        public var delta: Double?
        public var precision: Double?
        public var compat: Bool
        /// Cascades per Monte Carlo gain evaluation (mg-greedy, rr-greedy).
        public var monteCarloRuns: Int?
        public var seed: UInt64
        public var threads: Int
        public var sampling: String
        public var evaluationSets: Int?
        public var maxMemoryBytes: Int
        public var version: String
    }

    /// One seed an AP chose: its label and marginal gain (in spread units: n_P · marginal
    /// coverage / |R1| on RR sets, or the estimated marginal spread for Monte Carlo greedy).
    public struct ChosenSeed: Codable, Sendable, Equatable {
        public var label: String
        public var marginal: Double
        /// Marginal coverage on R1 (RR variants only).
        public var marginalCoverage: Int?
    }

    /// One AP's picks in the order it made them.
    public struct APAssignment: Codable, Sendable, Equatable {
        public var ap: String
        public var seeds: [ChosenSeed]
    }

    /// A seed of the union, in selection order.
    public struct UnionSeed: Codable, Sendable, Equatable {
        public var label: String
        public var ap: String
    }

    public struct Guarantee: Codable, Sendable, Equatable {
        /// The ratio certified (½ − ε at least when reached; for the greedy ones, the worst-case ½).
        public var approximation: Double
        public var target: Double
        public var failureProbability: Double
        /// True when measured on this instance by the bounds.
        public var instanceWise: Bool
    }

    public struct Bounds: Codable, Sendable, Equatable {
        public var chi: Int
        public var thetaZero: Int
        public var thetaMax: Int
        public var maxRounds: Int
    }

    public struct RRSets: Codable, Sendable, Equatable {
        public var selection: Int
        public var generated: Int
        public var evaluation: Int
    }

    public struct Timings: Codable, Sendable, Equatable {
        public var loadSeconds: Double
        /// The selection call (sampling and greedy, or Monte Carlo greedy), excluding load and evaluation.
        public var selectionSeconds: Double
        public var phases: [PhaseTiming]
        public var evaluationSeconds: Double
        public var totalSeconds: Double
    }

    public struct Memory: Codable, Sendable, Equatable {
        public var peakResidentBytes: Int
        public var peakRRSetBytes: Int
        public var limitBytes: Int
    }

    /// A baseline assignment, scored like the chosen algorithm's.
    public struct Baseline: Codable, Sendable, Equatable {
        public var name: String
        public var assignment: [APAssignment]
        public var spread: SpreadValue
        /// Monte Carlo spread on P, when asked for.
        public var monteCarloSpread: SpreadValue?
        public var selectionSeconds: Double
    }

    /// OPIM-C on P for k·d seeds ignoring the constraint: an upper reference for the assignment.
    public struct Reference: Codable, Sendable, Equatable {
        public var seeds: Int
        public var spread: SpreadValue
        public var monteCarloSpread: SpreadValue?
        public var selectionSeconds: Double
        public var rrSets: Int
        /// OPIM-C's ratio reached (of 1 − 1/e − ε).
        public var approximation: Double
    }

    public var parameters: Parameters
    public var assignment: [APAssignment]
    public var seeds: [UnionSeed]
    /// σ_P of the union on fresh RR sets of P, independent of the selection.
    public var spread: SpreadValue
    /// σ_P of the union by Monte Carlo on P, when asked for.
    public var monteCarloSpread: SpreadValue?
    public var guarantee: Guarantee
    public var bounds: Bounds?
    public var rounds: [OPIMC.Round]?
    public var refinement: OPIMC.Refinement?
    /// The cost estimate of a Monte Carlo greedy, made before it ran.
    public var monteCarloCost: MonteCarloGains.CostEstimate?
    public var rrSets: RRSets
    public var timings: Timings
    public var memory: Memory
    public var baselines: [Baseline]?
    public var reference: Reference?
    /// Warnings (APs skipped for having no candidate).
    public var warnings: [String]
}
