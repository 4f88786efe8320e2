/// The record `infmax seeds` prints with `--json` and writes with `--output`, and that
/// `SeedSearch.run` returns: every parameter needed to reproduce the run (graph and load options,
/// model and scheme, algorithm, k, ε, δ/ℓ, precision, evaluation sets, seed, versions), the seeds
/// with labels and marginal gains, the spread with its interval from independent RR sets, the
/// guarantee, RR sets used, phase timings and memory. `infmax simulate --seeds-file` reads it
/// back (it needs only `seeds[].label` or `seeds[].node`).
public struct SelectionReport: Codable, Sendable, Equatable {
    /// What was run.
    public struct Parameters: Codable, Sendable, Equatable {
        /// The graph's path as given.
        public var graph: String
        /// Nodes of the graph.
        public var nodes: Int
        /// Arcs of the graph.
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
        /// The model's name (`ic`, `lt`).
        public var model: String
        /// The algorithm as run: `OPIM-C`, `OPIM-C+refine` (with precision refinement) or `IMM`.
        public var algorithm: String
        /// The registry name the run was asked for (`opim-c`, `imm`).
        public var algorithmName: String
        /// Seeds asked for.
        public var k: Int
        /// ε of the target ratio 1 − 1/e − ε.
        public var epsilon: Double
        /// OPIM-C's δ.
        public var delta: Double?
        /// IMM's ℓ.
        public var ell: Double?
        /// OPIM-C's precision refinement target (nil: the paper's stopping rule).
        public var precision: Double?
        /// Evaluation sets asked for (nil: sized automatically from the selection's coverage).
        public var evaluationSets: Int?
        /// Seed of every random choice.
        public var seed: UInt64
        /// Worker threads (the result does not depend on them).
        public var threads: Int
        /// IC arc drawing: subset or plain.
        public var sampling: String
        /// The memory limit of the RR-set pools, in bytes.
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
        /// n · (fraction of the evaluation sets the seeds touch): the estimate of σ(S).
        public var estimate: Double
        /// The estimate's standard error.
        public var standardError: Double
        /// The lower end of the confidence interval.
        public var low: Double
        /// The upper end of the confidence interval.
        public var high: Double
        /// The interval's confidence level (0.95).
        public var confidence: Double
        /// Evaluation sets behind the estimate.
        public var rrSets: Int
        /// Always true: the evaluation sets come from a stream no selection pool uses.
        public var independentOfSelection: Bool
        /// A sentence saying how the estimate was made.
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
        /// Loading the graph, in seconds (as the caller measured it).
        public var loadSeconds: Double
        /// The selection's phases, in order.
        public var phases: [PhaseTiming]
        /// Drawing the evaluation sets, in seconds.
        public var evaluationSeconds: Double
        /// The whole run, load included, in seconds.
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
        /// The memory limit of the RR-set pools, in bytes.
        public var limitBytes: Int

        /// Complexity: O(1).
        public init(peakResidentBytes: Int, peakRRSetBytes: Int, limitBytes: Int) {
            self.peakResidentBytes = peakResidentBytes; self.peakRRSetBytes = peakRRSetBytes; self.limitBytes = limitBytes
        }
    }

    /// What was run.
    public var parameters: Parameters
    /// The seeds in selection order.
    public var seeds: [Seed]
    /// The seeds' spread on fresh RR sets, independent of the selection.
    public var spread: Spread
    /// n·Λ(S)/θ on the selection pool (biased upward; shown for comparison only).
    public var selectionSpread: Double
    /// The approximation guarantee.
    public var guarantee: Guarantee
    /// RR sets used.
    public var rrSets: RRSets
    /// OPIM-C's rounds.
    public var rounds: [OPIMC.Round]?
    /// What OPIM-C's precision refinement did (reached, capped).
    public var refinement: OPIMC.Refinement?
    /// IMM's bound-estimation rounds.
    public var estimationRounds: [IMM.EstimationRound]?
    /// IMM's lower bound of OPT.
    public var lowerBound: Double?
    /// Wall times.
    public var timings: Timings
    /// Memory.
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
