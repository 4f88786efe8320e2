/// What a `SimulateRequest` produced: the request and graph, the model as bound, the seeds, the
/// spread (`spread`, Monte Carlo, with its 95% interval; `monteCarlo` adds the standard
/// deviation, minimum and maximum), optionally the exact value and the nodes most likely to end
/// active, timings, memory and versions. Its `seeds` have the shape seed files are read in, so
/// `infmax simulate --output x` writes a file that `--seeds-file x` reads.
public struct SimulationRecord: UseCaseRecord {
    /// The request type.
    public typealias Request = SimulateRequest

    /// A node with its estimated activation probability.
    public struct NodeProbability: Sendable, Codable, Equatable {
        /// The node's label.
        public var label: String
        /// Dense node id.
        public var node: Int
        /// The fraction of runs in which it ended active.
        public var probability: Double

        /// Complexity: O(1).
        public init(label: String, node: Int, probability: Double) {
            self.label = label
            self.node = node
            self.probability = probability
        }
    }

    /// `simulate`.
    public var useCase: UseCaseKind
    /// The versions that wrote the record.
    public var versions: RecordVersions
    /// The graph it ran on.
    public var graph: GraphProvenance
    /// The request as it ran.
    public var request: SimulateRequest
    /// The model as bound.
    public var model: BoundModel
    /// The seeds, in the order given (duplicates kept as given; a cascade counts each node once).
    public var seeds: [SeedEntry]
    /// σ(S) by Monte Carlo, with its 95% interval.
    public var spread: SpreadValue
    /// The Monte Carlo summary behind `spread`: runs, mean, standard deviation and error, min, max.
    public var monteCarlo: SpreadEstimate
    /// σ(S) from the live-edge oracle, when asked for.
    public var exact: SpreadValue?
    /// Nodes of highest activation probability, when asked for.
    public var nodeProbabilities: [NodeProbability]?
    /// Arcs the kernels examined, over all runs.
    public var arcsExamined: Int
    /// Runs per second of the simulation's wall time.
    public var simulationsPerSecond: Double
    /// Wall times: load, `simulation`, `exact` when asked for, total.
    public var timings: RecordTimings
    /// Memory.
    public var memory: RecordMemory
    /// A run over several MPI ranks: the rank count and each rank's timings (absent in one
    /// process; the estimate is the single-process one, bit for bit).
    public var distributed: DistributedRunRecord?

    /// Complexity: O(1).
    public init(graph: GraphProvenance, request: SimulateRequest, model: BoundModel, seeds: [SeedEntry],
                monteCarlo: SpreadEstimate, exact: Double?, nodeProbabilities: [NodeProbability]?, arcsExamined: Int,
                timings: RecordTimings, memory: RecordMemory) {
        useCase = .simulate
        versions = RecordVersions()
        self.graph = graph
        self.request = request
        self.model = model
        self.seeds = seeds
        self.spread = SpreadValue(monteCarlo)
        self.monteCarlo = monteCarlo
        self.exact = exact.map(SpreadValue.exact)
        self.nodeProbabilities = nodeProbabilities
        self.arcsExamined = arcsExamined
        let seconds = timings.seconds(of: "simulation")
        simulationsPerSecond = seconds > 0 ? Double(monteCarlo.runs) / seconds : 0
        self.timings = timings
        self.memory = memory
    }
}
