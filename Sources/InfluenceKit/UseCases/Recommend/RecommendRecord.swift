/// What a `RecommendRequest` produced: the request and the invitation graph it ran on, the
/// method as run, how many RR sets per node were used (and how the budget rule chose them), each
/// inviter's list, the evaluation of every method (and the frontier) when asked for, warnings,
/// timings, memory and versions. `infmax recommend --json` prints it and `infmax run` reruns it.
public struct RecommendRecord: UseCaseRecord {
    /// The request type.
    public typealias Request = RecommendRequest
    /// The invitation graph's files, hash and counts.
    public typealias Provenance = InviteProvenance

    /// One method's scores for K = 1 … k.
    public struct MethodScores: Codable, Sendable, Equatable {
        /// The method's name (`HeteroIM`, `HeteroIR`, `P`, `PU`, `OutDeg`, `Random`, `λ=0.30`).
        public var method: String
        /// λ for a trade-off row.
        public var tradeOff: Double?
        /// The cut-offs, 1 … k.
        public var k: [Int]
        /// Recall@K against the held-out invitations.
        public var recall: [Double]?
        /// NDCG@K against the held-out invitations.
        public var ndcg: [Double]?
        /// Spread@K of the two-stage cascade (Monte Carlo on common random numbers; `samples`
        /// is the number of worlds).
        public var spread: [SpreadValue]
        /// Seconds to compute the method's lists (HeteroIM: greedy and ranking; sampling is
        /// apart); nil for frontier rows, computed together.
        public var seconds: Double?

        /// The scores of one evaluation. Complexity: O(k).
        public init(method: RecommendationMethod, evaluation: ListEvaluation, seconds: Double?) {
            self.method = method.displayName
            if case .tradeOff(let lambda) = method { tradeOff = lambda }
            k = evaluation.spread.map(\.k)
            recall = evaluation.metrics?.recall
            ndcg = evaluation.metrics?.ndcg
            spread = evaluation.spread.map(SpreadValue.init)
            self.seconds = seconds
        }
    }

    /// Every method's lists scored on the same worlds, the request's method first.
    public struct Evaluation: Codable, Sendable, Equatable {
        /// The held-out invitations file.
        public var truth: String
        /// Pairs read from it (self pairs dropped, repeats once).
        public var truthPairs: Int
        /// Inviters averaged over in Recall and NDCG (those with a list and a truth pair).
        public var evaluatedInviters: Int?
        /// Monte Carlo worlds of Spread@K.
        public var worlds: Int
        /// Their seed.
        public var evaluationSeed: UInt64
        /// The request's method, then every other algorithm.
        public var methods: [MethodScores]
        /// The trade-off at λ = 0, 0.1, …, 1, when asked for.
        public var frontier: [MethodScores]?

        /// Complexity: O(1).
        public init(truth: String, truthPairs: Int, evaluatedInviters: Int?, worlds: Int, evaluationSeed: UInt64,
                    methods: [MethodScores], frontier: [MethodScores]?) {
            self.truth = truth
            self.truthPairs = truthPairs
            self.evaluatedInviters = evaluatedInviters
            self.worlds = worlds
            self.evaluationSeed = evaluationSeed
            self.methods = methods
            self.frontier = frontier
        }
    }

    /// `recommend`.
    public var useCase: UseCaseKind
    /// The versions that wrote the record.
    public var versions: RecordVersions
    /// The invitation graph it ran on.
    public var graph: InviteProvenance
    /// The request as it ran.
    public var request: RecommendRequest
    /// The method's name as run (`HeteroIM`, `λ=0.50`, …).
    public var method: String
    /// Inviters the lists are for.
    public var inviters: Int
    /// RR sets per root (non-inviter) in use (nil when no RR sets were sampled).
    public var setsPerNode: Int?
    /// How r was chosen when the request left it to the budget rule.
    public var calibration: SetsPerNodeCalibration?
    /// RR sets sampled.
    public var rrSets: Int?
    /// Their mean size.
    public var meanRRSetSize: Double?
    /// Each inviter's list, best first, in the inviters' order.
    public var lists: [InviteeList]
    /// The evaluation, when the request gave held-out invitations.
    public var evaluation: Evaluation?
    /// What the run noticed (inviters without out-arcs).
    public var warnings: [String]
    /// Wall times: load, `heteroInf`, `sampling`, `lists`, `evaluation` when asked for, total.
    public var timings: RecordTimings
    /// Memory.
    public var memory: RecordMemory

    /// Complexity: O(1).
    public init(graph: InviteProvenance, request: RecommendRequest, method: String, inviters: Int, setsPerNode: Int?,
                calibration: SetsPerNodeCalibration?, rrSets: Int?, meanRRSetSize: Double?, lists: [InviteeList],
                evaluation: Evaluation?, warnings: [String], timings: RecordTimings, memory: RecordMemory) {
        useCase = .recommend
        versions = RecordVersions()
        self.graph = graph
        self.request = request
        self.method = method
        self.inviters = inviters
        self.setsPerNode = setsPerNode
        self.calibration = calibration
        self.rrSets = rrSets
        self.meanRRSetSize = meanRRSetSize
        self.lists = lists
        self.evaluation = evaluation
        self.warnings = warnings
        self.timings = timings
        self.memory = memory
    }
}

extension SpreadValue {
    /// Spread@K of the invite/accept cascade with its 95% normal interval. Complexity: O(1).
    public init(_ estimate: InviteCascade.Estimate) {
        let half = SpreadEstimate.z95 * estimate.standardError
        self.init(estimate: estimate.mean, standardError: estimate.standardError, low: estimate.mean - half,
                  high: estimate.mean + half, confidence: 0.95, method: .monteCarlo, samples: estimate.worlds)
    }
}
