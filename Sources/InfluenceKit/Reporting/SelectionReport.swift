/// The record `infmax seeds` prints with `--json` and writes with `--output`, and that
/// `SeedSearch.run` returns: every parameter needed to reproduce the run (graph and load options,
/// model and scheme, algorithm, k, ε, δ/ℓ, precision, evaluation sets, seed, versions), the seeds
/// with labels and marginal gains, the spread with its interval from independent RR sets, the
/// guarantee, RR sets used, phase timings and memory. `infmax simulate --seeds-file` reads it
/// back (it needs only `seeds[].label` or `seeds[].node`).
public struct SelectionReport: Codable, Sendable, Equatable {
    /// What was run.
    public struct Parameters: Codable, Sendable, Equatable {
        public var graph: String
        public var nodes: Int
        public var arcs: Int
        /// How the graph was loaded in this run (nil for a graph built in memory).
        public var load: GraphLoadOptions?
        /// What the graph's own loading found and did (for a snapshot: when it was converted).
        public var graphStatistics: GraphLoadStatistics?
        /// The probability scheme as given, with trivalency's seed (`wc`, `uniform:0.01`,
        /// `trivalency:SEED`, `file`): `ProbabilityScheme.parse` reads it back.
        public var probabilities: String
        /// The scheme the model was bound with (`wc`, `1/indeg`, `file (rescaled)`, ...).
        public var modelScheme: String
        /// LT weights from the file were rescaled to sum to at most 1.
        public var normalizeLT: Bool
        public var model: String
        /// The algorithm as run: `OPIM-C`, `OPIM-C+refine` (with precision refinement) or `IMM`.
        public var algorithm: String
        /// The registry name the run was asked for (`opim-c`, `imm`).
        public var algorithmName: String
        public var k: Int
        public var epsilon: Double
        /// OPIM-C's δ.
        public var delta: Double?
        /// IMM's ℓ.
        public var ell: Double?
        /// OPIM-C's precision refinement target (nil: the paper's stopping rule).
        public var precision: Double?
        /// Evaluation sets asked for (nil: sized automatically from the selection's coverage).
        public var evaluationSets: Int?
        public var seed: UInt64
        public var threads: Int
        /// IC arc drawing: subset or plain.
        public var sampling: String
        public var maxMemoryBytes: Int
        /// InfluenceKit's version.
        public var version: String
        /// The record's format version.
        public var reportVersion: Int

        /// Complexity: O(1).
        public init(graph: String, nodes: Int, arcs: Int, load: GraphLoadOptions?, probabilities: String, modelScheme: String,
                    normalizeLT: Bool, model: String, algorithm: String, algorithmName: String, k: Int, epsilon: Double,
                    delta: Double?, ell: Double?, precision: Double?, evaluationSets: Int?, seed: UInt64, threads: Int,
                    sampling: String, maxMemoryBytes: Int) {
            self.graph = graph; self.nodes = nodes; self.arcs = arcs; self.load = load; self.probabilities = probabilities
            graphStatistics = nil
            self.modelScheme = modelScheme; self.normalizeLT = normalizeLT
            self.model = model; self.algorithm = algorithm; self.algorithmName = algorithmName; self.k = k; self.epsilon = epsilon
            self.delta = delta; self.ell = ell; self.precision = precision; self.evaluationSets = evaluationSets
            self.seed = seed; self.threads = threads; self.sampling = sampling; self.maxMemoryBytes = maxMemoryBytes
            version = InfluenceKitVersion.library
            reportVersion = InfluenceKitVersion.report
        }
    }

    /// One seed, in selection order.
    public struct Seed: Codable, Sendable, Equatable {
        /// 1-based position in the selection order.
        public var rank: Int
        /// The node's label in the input file.
        public var label: String
        /// Dense node id.
        public var node: Int
        /// n·ΔΛ/θ on the selection pool.
        public var marginalGain: Double
        /// ΔΛ, new sets covered in the selection pool.
        public var marginalCoverage: Int

        /// Complexity: O(1).
        public init(rank: Int, label: String, node: Int, marginalGain: Double, marginalCoverage: Int) {
            self.rank = rank; self.label = label; self.node = node
            self.marginalGain = marginalGain; self.marginalCoverage = marginalCoverage
        }
    }

    /// The spread estimate on fresh RR sets.
    public struct Spread: Codable, Sendable, Equatable {
        public var estimate: Double
        public var standardError: Double
        public var low: Double
        public var high: Double
        public var confidence: Double
        public var rrSets: Int
        /// Always true: the evaluation sets come from a stream no selection pool uses.
        public var independentOfSelection: Bool
        public var note: String

        /// Complexity: O(1).
        public init(_ interval: SpreadInterval) {
            estimate = interval.estimate
            standardError = interval.standardError
            low = interval.low
            high = interval.high
            confidence = interval.confidence
            rrSets = interval.rrSets
            independentOfSelection = true
            note = "estimated on \(interval.rrSets) fresh RR sets, independent of those used to select the seeds"
        }
    }

    /// RR sets used.
    public struct RRSets: Codable, Sendable, Equatable {
        /// θ of the pool greedy chose on.
        public var selection: Int
        /// All sets drawn by the algorithm.
        public var generated: Int
        /// Sets drawn for the spread interval.
        public var evaluation: Int

        /// Complexity: O(1).
        public init(selection: Int, generated: Int, evaluation: Int) {
            self.selection = selection; self.generated = generated; self.evaluation = evaluation
        }
    }

    /// Wall times.
    public struct Timings: Codable, Sendable, Equatable {
        public var loadSeconds: Double
        public var phases: [PhaseTiming]
        public var evaluationSeconds: Double
        public var totalSeconds: Double

        /// Complexity: O(1).
        public init(loadSeconds: Double, phases: [PhaseTiming], evaluationSeconds: Double, totalSeconds: Double) {
            self.loadSeconds = loadSeconds; self.phases = phases
            self.evaluationSeconds = evaluationSeconds; self.totalSeconds = totalSeconds
        }
    }

    /// Memory.
    public struct Memory: Codable, Sendable, Equatable {
        /// Peak resident set of the process.
        public var peakResidentBytes: Int
        /// The most bytes RR sets and their index held at once.
        public var peakRRSetBytes: Int
        public var limitBytes: Int

        /// Complexity: O(1).
        public init(peakResidentBytes: Int, peakRRSetBytes: Int, limitBytes: Int) {
            self.peakResidentBytes = peakResidentBytes; self.peakRRSetBytes = peakRRSetBytes; self.limitBytes = limitBytes
        }
    }

    public var parameters: Parameters
    public var seeds: [Seed]
    public var spread: Spread
    /// n·Λ(S)/θ on the selection pool (biased upward; shown for comparison only).
    public var selectionSpread: Double
    public var guarantee: Guarantee
    public var rrSets: RRSets
    /// OPIM-C's rounds.
    public var rounds: [OPIMC.Round]?
    /// What OPIM-C's precision refinement did (reached, capped).
    public var refinement: OPIMC.Refinement?
    /// IMM's bound-estimation rounds.
    public var estimationRounds: [IMM.EstimationRound]?
    /// IMM's lower bound of OPT.
    public var lowerBound: Double?
    public var timings: Timings
    public var memory: Memory
    /// A run over several MPI ranks: the rank count and each rank's timings and memory (absent in
    /// one process; the rest of the record is the single-process one, timings and memory rank 0's).
    public var distributed: DistributedRunRecord?

    /// Complexity: O(1).
    public init(parameters: Parameters, seeds: [Seed], spread: Spread, selectionSpread: Double, guarantee: Guarantee,
                rrSets: RRSets, rounds: [OPIMC.Round]?, refinement: OPIMC.Refinement?, estimationRounds: [IMM.EstimationRound]?,
                lowerBound: Double?, timings: Timings, memory: Memory) {
        self.parameters = parameters; self.seeds = seeds; self.spread = spread; self.selectionSpread = selectionSpread
        self.guarantee = guarantee; self.rrSets = rrSets; self.rounds = rounds; self.refinement = refinement
        self.estimationRounds = estimationRounds; self.lowerBound = lowerBound
        self.timings = timings; self.memory = memory
    }
}
