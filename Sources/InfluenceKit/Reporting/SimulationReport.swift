/// What `infmax simulate` found, as the JSON it prints: the inputs (graph, model, seeds by label,
/// seed, runs), the estimate, optionally the exact value and the top node activation
/// probabilities, and the timing. Its `seeds` field has the shape seed files are read in, so a
/// report can be fed back as `--seeds-file`.
public struct SimulationReport: Sendable, Codable, Equatable {
    /// A seed, by its label in the input graph.
    public struct Seed: Sendable, Codable, Equatable {
        /// The seed's label.
        public var label: String
        /// A seed by label. Complexity: O(1).
        public init(label: String) { self.label = label }
    }

    /// A node with its estimated activation probability.
    public struct NodeProbability: Sendable, Codable, Equatable {
        /// The node's label.
        public var label: String
        /// The fraction of the runs in which it ended active.
        public var probability: Double
        /// An entry. Complexity: O(1).
        public init(label: String, probability: Double) {
            self.label = label
            self.probability = probability
        }
    }

    /// The graph file.
    public var graph: String
    /// Nodes and arcs as loaded.
    public var nodes: Int
    /// Arcs as loaded.
    public var arcs: Int
    /// The IC probability scheme (`wc`, `uniform:P`, `trivalency`, `file`).
    public var probabilities: String
    /// The diffusion model.
    public var model: String
    /// The seed set, by label.
    public var seeds: [Seed]
    /// The random seed; run `i` uses stream (seed, i).
    public var seed: UInt64
    /// Worker threads used (the numbers do not depend on it).
    public var threads: Int
    /// Rounds after the seeds, when bounded.
    public var maxSteps: Int?
    /// The relative CI half-width asked for, and the cap on runs, when runs were adaptive.
    public var untilRelativeError: Double?
    /// The cap on runs, when runs were adaptive.
    public var maxRuns: Int?
    /// The Monte Carlo estimate of σ(S).
    public var estimate: SpreadEstimate
    /// σ(S) from the live-edge oracle, when asked for.
    public var exact: Double?
    /// Nodes of highest activation probability, when asked for.
    public var nodeProbabilities: [NodeProbability]?
    /// Arcs the kernels examined, over all runs.
    public var arcsExamined: Int
    /// Wall time of the simulation (loading excluded), in seconds.
    public var seconds: Double
    /// Runs per second of wall time.
    public var simulationsPerSecond: Double

    /// A run over several MPI ranks: the rank count and each rank's timings (absent in one
    /// process; the estimate is the single-process one, bit for bit).
    public var distributed: DistributedRunRecord?

    /// A record from its parts; `simulationsPerSecond` is computed from the runs and the seconds.
    /// Complexity: O(1).
    public init(graph: String, nodes: Int, arcs: Int, probabilities: String, model: String, seeds: [Seed],
                seed: UInt64, threads: Int, maxSteps: Int?, untilRelativeError: Double?, maxRuns: Int?,
                estimate: SpreadEstimate, exact: Double?, nodeProbabilities: [NodeProbability]?,
                arcsExamined: Int, seconds: Double) {
        self.graph = graph
        self.nodes = nodes
        self.arcs = arcs
        self.probabilities = probabilities
        self.model = model
        self.seeds = seeds
        self.seed = seed
        self.threads = threads
        self.maxSteps = maxSteps
        self.untilRelativeError = untilRelativeError
        self.maxRuns = maxRuns
        self.estimate = estimate
        self.exact = exact
        self.nodeProbabilities = nodeProbabilities
        self.arcsExamined = arcsExamined
        self.seconds = seconds
        self.simulationsPerSecond = seconds > 0 ? Double(estimate.runs) / seconds : 0
    }
}
