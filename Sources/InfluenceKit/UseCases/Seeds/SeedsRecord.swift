/// What a `SeedsRequest` produced: the request and graph it ran on, the seeds in selection order
/// with their marginal gains, the spread on fresh RR sets independent of the selection (with
/// its 95% interval), the guarantee reached, the RR sets used, OPIM-C's rounds or IMM's
/// estimation rounds, timings, memory and versions. `infmax seeds --json` prints it, and
/// `infmax simulate --seeds-file` and `infmax run` read it back.
public struct SeedsRecord: UseCaseRecord {
    /// The request type.
    public typealias Request = SeedsRequest

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

    /// `seeds`.
    public var useCase: UseCaseKind
    /// The versions that wrote the record.
    public var versions: RecordVersions
    /// The graph it ran on.
    public var graph: GraphProvenance
    /// The request as it ran.
    public var request: SeedsRequest
    /// The model as bound.
    public var model: BoundModel
    /// The algorithm as run: `OPIM-C`, `OPIM-C+refine` (with precision refinement), `IMM` or `HIST`.
    public var algorithm: String
    /// IC arc drawing as run (`subset`, `plain`).
    public var sampling: String
    /// OPIM-C's or HIST's δ as used (the request's, or 1/n).
    public var delta: Double?
    /// The seeds in selection order, with their marginal gains on the selection pool.
    public var seeds: [SeedEntry]
    /// σ(S) measured independently of the RR sets that chose the seeds: on fresh RR sets, or by
    /// forward Monte Carlo when that is cheaper (`method` says which).
    public var spread: SpreadValue
    /// n·Λ(S)/θ on the selection pool (biased upward; shown for comparison only); nil for
    /// `embedding`, which has no selection pool.
    public var selectionSpread: Double?
    /// The approximation guarantee reached; nil for `embedding`, which has none.
    public var guarantee: Guarantee?
    /// RR sets used.
    public var rrSets: RRSets
    /// OPIM-C's rounds (HIST: those of its residual phase).
    public var rounds: [OPIMC.Round]?
    /// HIST's sentinel phase and residual pools (nil for the other algorithms).
    public var hist: HIST.Summary?
    /// What OPIM-C's precision refinement did (reached, capped).
    public var refinement: OPIMC.Refinement?
    /// IMM's bound-estimation rounds.
    public var estimationRounds: [IMM.EstimationRound]?
    /// IMM's lower bound of OPT.
    public var lowerBound: Double?
    /// With a time budget: whether it ended the run before OPIM-C's stopping rule (nil without
    /// a budget).
    public var stoppedAtTimeBudget: Bool?
    /// Wall times: load, the algorithm's phases, `evaluation`, total.
    public var timings: RecordTimings
    /// Memory.
    public var memory: RecordMemory
    /// A run over several MPI ranks: the rank count and each rank's timings and memory (absent
    /// in one process; the rest of the record is the single-process one).
    public var distributed: DistributedRunRecord?
    /// How a learned selector reached its answer (`embedding`: whether its learned seeds or the
    /// degree baseline's won the check on fresh RR sets); nil for the other algorithms.
    public var note: String?

    /// Complexity: O(1).
    public init(graph: GraphProvenance, request: SeedsRequest, model: BoundModel, algorithm: String, sampling: String,
                delta: Double?, seeds: [SeedEntry], spread: SpreadValue, selectionSpread: Double?, guarantee: Guarantee?,
                rrSets: RRSets, rounds: [OPIMC.Round]?, refinement: OPIMC.Refinement?,
                estimationRounds: [IMM.EstimationRound]?, lowerBound: Double?, timings: RecordTimings, memory: RecordMemory,
                distributed: DistributedRunRecord? = nil) {
        useCase = .seeds
        versions = RecordVersions()
        self.graph = graph; self.request = request; self.model = model; self.algorithm = algorithm
        self.sampling = sampling; self.delta = delta; self.seeds = seeds; self.spread = spread
        self.selectionSpread = selectionSpread; self.guarantee = guarantee; self.rrSets = rrSets
        self.rounds = rounds; self.refinement = refinement; self.estimationRounds = estimationRounds
        self.lowerBound = lowerBound; self.timings = timings; self.memory = memory; self.distributed = distributed
    }

    /// The seed labels in selection order. Complexity: O(k).
    public var seedLabels: [String] { seeds.map(\.label) }
}
