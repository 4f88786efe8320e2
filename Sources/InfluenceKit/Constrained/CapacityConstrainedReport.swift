/// The record of a capacity-constrained IM run: what `infmax cim` prints and `--output` writes.
/// The chosen algorithm's picks are under `assignment`; `seeds` lists their union (so that
/// `infmax simulate --seeds-file` reads it back), and `parameters` names the AP file and set so
/// the spread can be measured on the same P again.
public struct CapacityConstrainedReport: Codable, Sendable, Equatable {
    /// The inputs and parameters of the run, enough to reproduce it.
    public struct Parameters: Codable, Sendable, Equatable {
        /// The graph's path as given.
        public var graph: String
        /// Nodes of G.
        public var nodes: Int
        /// Arcs of G.
        public var arcs: Int
        /// The AP file and the 1-based AP set of it that was run.
        public var apFile: String
        /// The 1-based number of the AP set within the file.
        public var apSet: Int
        /// APs in the set, those that take part (with candidates), and the labels of those skipped.
        public var activeParticipants: Int
        /// APs that take part (those with at least one candidate).
        public var participants: Int
        /// Labels of the APs skipped for having no candidate.
        public var skippedAPs: [String]
        /// Nodes and arcs of P (V \ A).
        public var subgraphNodes: Int
        /// Arcs of P.
        public var subgraphArcs: Int
        /// The model's name (`ic`, `lt`).
        public var model: String
        /// The probability scheme as recorded.
        public var probabilities: String
        /// Whether LT weights were rescaled to sum to at most 1.
        public var normalizeLT: Bool
        /// Seeds each AP may pick.
        public var k: Int
        /// The algorithm's name (`rr-opim+`, `rr-opim`, `mg-opim`, `rr-greedy`, `mg-greedy`).
        public var algorithm: String
        /// Whether the best of the algorithm's and the baselines' assignments was returned (see `winner`).
        public var keepBest: Bool
        /// ε of the target ratio ½ − ε.
        public var epsilon: Double
        /// δ, the failure probability (RR variants).
        public var delta: Double?
        /// The precision refinement (nil: the paper's stopping rule).
        public var precision: Double?
        /// Whether the published code's deviations were reproduced.
        public var compat: Bool
        /// Cascades per Monte Carlo gain evaluation (mg-greedy, rr-greedy).
        public var monteCarloRuns: Int?
        /// Seed of every random choice.
        public var seed: UInt64
        /// Worker threads (the result does not depend on them).
        public var threads: Int
        /// The RR sampling method's name.
        public var sampling: String
        /// Evaluation sets asked for (nil: sized automatically).
        public var evaluationSets: Int?
        /// The memory limit of the RR-set pools, in bytes.
        public var maxMemoryBytes: Int
        /// The library's version.
        public var version: String
    }

    /// One seed an AP chose: its label and marginal gain (in spread units: n_P · marginal
    /// coverage / |R1| on RR sets, or the estimated marginal spread for Monte Carlo greedy).
    public struct ChosenSeed: Codable, Sendable, Equatable {
        /// The seed's label in the input.
        public var label: String
        /// Its marginal gain in spread units when it was picked.
        public var marginal: Double
        /// Marginal coverage on R1 (RR variants only).
        public var marginalCoverage: Int?
    }

    /// One AP's picks in the order it made them.
    public struct APAssignment: Codable, Sendable, Equatable {
        /// The AP's label.
        public var ap: String
        /// Its seeds in pick order.
        public var seeds: [ChosenSeed]
    }

    /// A seed of the union, in selection order.
    public struct UnionSeed: Codable, Sendable, Equatable {
        /// The seed's label.
        public var label: String
        /// The label of the AP that picked it.
        public var ap: String
    }

    /// One assignment measured for the choice of the returned one, on the same evaluation sets.
    public struct Contender: Codable, Sendable, Equatable {
        /// `rr-opim+` (the algorithm's own), `rr-opim+ on N sets` (the same greedy on the
        /// resolution pool), or a baseline's name (`degree`, `pagerank`, `random`).
        public var name: String
        /// σ_P of its union on the evaluation sets (the same sets for every contender).
        public var spread: SpreadValue
        /// Sets of the pool it was selected on (RR selections only).
        public var rrSets: Int?
    }

    /// The approximation guarantee of the run.
    public struct Guarantee: Codable, Sendable, Equatable {
        /// The ratio certified (½ − ε at least when reached; for the greedy ones, the worst-case ½).
        public var approximation: Double
        /// The ratio asked for, ½ − ε.
        public var target: Double
        /// δ, the probability that the certified ratio does not hold.
        public var failureProbability: Double
        /// True when measured on this instance by the bounds.
        public var instanceWise: Bool
    }

    /// The bounds of the RR variants' stopping rule.
    public struct Bounds: Codable, Sendable, Equatable {
        /// χ, the sample-size factor of the bounds.
        public var chi: Int
        /// θ₀, the sets of the first round.
        public var thetaZero: Int
        /// θmax, the most sets a round may hold.
        public var thetaMax: Int
        /// i_max, the most rounds.
        public var maxRounds: Int
    }

    /// RR-set counts.
    public struct RRSets: Codable, Sendable, Equatable {
        /// Sets of the selection pool R1 at the end.
        public var selection: Int
        /// Sets drawn in all, both pools.
        public var generated: Int
        /// Fresh sets of the spread's evaluation.
        public var evaluation: Int
    }

    /// Wall times, in seconds.
    public struct Timings: Codable, Sendable, Equatable {
        /// Loading the graph.
        public var loadSeconds: Double
        /// The selection call (sampling and greedy, or Monte Carlo greedy), excluding load and evaluation.
        public var selectionSeconds: Double
        /// The selection's phases.
        public var phases: [PhaseTiming]
        /// Measuring the union's spread.
        public var evaluationSeconds: Double
        /// The whole run, load included.
        public var totalSeconds: Double
    }

    /// Memory of the run.
    public struct Memory: Codable, Sendable, Equatable {
        /// Peak resident set size of the process, in bytes.
        public var peakResidentBytes: Int
        /// Peak bytes held by RR-set pools.
        public var peakRRSetBytes: Int
        /// The memory limit of the pools, in bytes.
        public var limitBytes: Int
    }

    /// A baseline assignment, scored like the chosen algorithm's.
    public struct Baseline: Codable, Sendable, Equatable {
        /// The baseline's name (`degree`, `pagerank`, `random`).
        public var name: String
        /// Each AP's picks.
        public var assignment: [APAssignment]
        /// σ_P of the union on the same evaluation sets as the algorithm's.
        public var spread: SpreadValue
        /// Monte Carlo spread on P, when asked for.
        public var monteCarloSpread: SpreadValue?
        /// Seconds the baseline took to choose.
        public var selectionSeconds: Double
    }

    /// OPIM-C on P for k·d seeds ignoring the constraint: an upper reference for the assignment.
    public struct Reference: Codable, Sendable, Equatable {
        /// Seeds chosen, k times the number of participating APs.
        public var seeds: Int
        /// σ_P of those seeds on fresh RR sets.
        public var spread: SpreadValue
        /// σ_P of those seeds by Monte Carlo, when asked for.
        public var monteCarloSpread: SpreadValue?
        /// Seconds OPIM-C took.
        public var selectionSeconds: Double
        /// RR sets OPIM-C's selection pool held.
        public var rrSets: Int
        /// OPIM-C's ratio reached (of 1 − 1/e − ε).
        public var approximation: Double
    }

    /// The inputs and parameters.
    public var parameters: Parameters
    /// Each participating AP's returned picks (the `winner`'s), in AP order. For a baseline
    /// winner each `marginal` is the baseline's score of the seed.
    public var assignment: [APAssignment]
    /// The union of the returned picks in selection order (what `--seeds-file` reads).
    public var seeds: [UnionSeed]
    /// σ_P of the returned union on fresh RR sets of P, independent of the selection.
    public var spread: SpreadValue
    /// σ_P of the union by Monte Carlo on P, when asked for.
    public var monteCarloSpread: SpreadValue?
    /// The approximation guarantee. It certifies the algorithm's own assignment (the contender
    /// named `parameters.algorithm`); when another contender is the `winner`, the returned
    /// assignment measured a larger spread on the same evaluation sets, so it meets the
    /// guarantee too unless that measurement errs (its interval is in `spread`).
    public var guarantee: Guarantee
    /// The stopping rule's bounds (RR variants).
    public var bounds: Bounds?
    /// Every round of the RR variants.
    public var rounds: [OPIMC.Round]?
    /// The precision refinement after the ratio was reached, when asked for.
    public var refinement: OPIMC.Refinement?
    /// The cost estimate of a Monte Carlo greedy, made before it ran.
    public var monteCarloCost: MonteCarloGains.CostEstimate?
    /// RR-set counts.
    public var rrSets: RRSets
    /// Wall times.
    public var timings: Timings
    /// Memory.
    public var memory: Memory
    /// The baselines scored beside the algorithm, when asked for.
    public var baselines: [Baseline]?
    /// The unconstrained reference, when asked for.
    public var reference: Reference?
    /// The contender whose assignment is returned: the algorithm's name, or another contender's
    /// that measured a larger spread on the same evaluation sets (ties go to the earlier one,
    /// the algorithm's first).
    public var winner: String
    /// Every assignment measured for that choice, the algorithm's first (nil without `keepBest`).
    public var contenders: [Contender]?
    /// Warnings (APs skipped for having no candidate).
    public var warnings: [String]
}
