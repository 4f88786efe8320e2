/// Invitee recommendation (CIKM 2025, "Heterogeneous Influence Maximization in User
/// Recommendation"): each inviter's top-K invitees by HeteroIM, HeteroIR, a baseline or the
/// trade-off blend; optionally every method scored against held-out invitations (Recall@K,
/// NDCG@K) and by the two-stage cascade (Spread@K), and the trade-off frontier.
///
/// Every field has a default but `k`; in JSON every other key may be left out and an unknown
/// key is refused:
///
/// ```json
/// {"k": 5, "algorithm": "hetero-im", "setsPerNode": 8, "truth": "held-out.tsv", "frontier": true}
/// ```
///
/// ```swift
/// let input = try InviteInput.load(arcs: "arcs.tsv", nodeValues: "nodes.tsv", inviters: "inviters.txt")
/// let record = try RecommendRequest(k: 5, truth: "truth.tsv").run(on: input)
/// print(record.lists[0].invitees.map(\.invitee), record.evaluation?.methods[0].recall ?? [])
/// ```
public struct RecommendRequest: UseCaseRequest {
    /// The record it produces.
    public typealias Record = RecommendRecord
    /// An invitation graph.
    public typealias Input = InviteInput
    /// `recommend`.
    public static let useCase = UseCaseKind.recommend

    /// Budget k: how many each chooser picks; here each inviter's invitees, the list length K (≥ 1). Required.
    public var k: Int
    /// The ranking: `hetero-im` (default), `hetero-ir`, `p`, `pu`, `degree`, `random`.
    public var algorithm: RecommendationAlgorithm
    /// RR sets rooted at every non-inviter for HeteroIM (default nil: picked by
    /// `SetsPerNodeCalibration`, a fixed sampling budget).
    public var setsPerNode: Int?
    /// At most this many inviters may be recommended the same invitee (default nil: no cap).
    public var capacity: Int?
    /// Rank by HeteroIR^(1 − λ) · HeteroIM^λ at this λ in [0, 1] (default nil: by `algorithm`).
    public var tradeOff: Double?
    /// HeteroIR's c: out-arcs summed in HeteroInf (default `HeteroIR.defaultTopC`).
    public var topC: Int
    /// The inviters by label (default nil: those of the input's inviter file).
    public var inviters: [String]?
    /// Held-out invitations (`inviter invitee` per line) to score every method's lists against
    /// (default nil: no evaluation).
    public var truth: String?
    /// Monte Carlo worlds for Spread@K (default 1,000).
    public var worlds: Int
    /// Seed of the Monte Carlo worlds, shared by every method (default 1,000).
    public var evaluationSeed: UInt64
    /// With `truth`: also score the trade-off at λ = 0, 0.1, …, 1 (default false).
    public var frontier: Bool
    /// Seed of the RR sets, the random baseline and the calibration sample (default 1).
    public var seed: UInt64
    /// Worker threads (default: every core; the lists and scores do not depend on it).
    public var threads: Int
    /// Memory limit in bytes (default: 80% of the memory available to the process): the input
    /// files may hold a quarter of it, and the evaluation's tallies (worlds × K) must fit in it.
    public var memoryLimitBytes: Int

    /// Complexity: O(|inviters|).
    public init(k: Int, algorithm: RecommendationAlgorithm = .heteroIM, setsPerNode: Int? = nil, capacity: Int? = nil,
                tradeOff: Double? = nil, topC: Int = HeteroIR.defaultTopC, inviters: [String]? = nil, truth: String? = nil,
                worlds: Int = InviteeRecommender.defaultWorlds, evaluationSeed: UInt64 = InviteeRecommender.defaultEvaluationSeed,
                frontier: Bool = false, seed: UInt64 = 1, threads: Int = Parallel.processorCount,
                memoryLimitBytes: Int = SystemMemory.defaultLimitBytes) {
        self.memoryLimitBytes = memoryLimitBytes
        self.k = k
        self.algorithm = algorithm
        self.setsPerNode = setsPerNode
        self.capacity = capacity
        self.tradeOff = tradeOff
        self.topC = topC
        self.inviters = inviters
        self.truth = truth
        self.worlds = worlds
        self.evaluationSeed = evaluationSeed
        self.frontier = frontier
        self.seed = seed
        self.threads = threads
    }

    /// The method the lists are ranked by: the trade-off at λ when given, else the algorithm.
    /// Complexity: O(1).
    public var method: RecommendationMethod { tradeOff.map { .tradeOff($0) } ?? .algorithm(algorithm) }

    /// Checks every field and combination, naming the parameter at fault (`k`, `setsPerNode`,
    /// `capacity`, `tradeOff`, `topC`, `worlds`, `frontier`, `inviters`, `threads`).
    /// Complexity: O(|inviters|).
    public func validate() throws(InfluenceError) {
        guard k >= 1 else { throw InfluenceError(.usage, parameter: "k", "k = \(k) (expected at least 1 invitee per inviter)") }
        if let setsPerNode, setsPerNode < 1 {
            throw InfluenceError(.usage, parameter: "setsPerNode", "setsPerNode = \(setsPerNode) (expected at least 1, or null for the budget rule)")
        }
        if let capacity, capacity < 1 {
            throw InfluenceError(.usage, parameter: "capacity", "capacity \(capacity) (expected at least 1 inviter per invitee)")
        }
        if let tradeOff {
            guard tradeOff >= 0, tradeOff <= 1 else {
                throw InfluenceError(.usage, parameter: "tradeOff", "λ = \(tradeOff) (expected a number in [0, 1]: 0 ranks as HeteroIR, 1 as HeteroIM)")
            }
            guard algorithm == .heteroIM || algorithm == .heteroIR else {
                throw InfluenceError(.usage, parameter: "tradeOff", "the trade-off blends hetero-ir and hetero-im (expected no trade-off with algorithm \(algorithm.rawValue))")
            }
        }
        guard topC >= 1 else { throw InfluenceError(.usage, parameter: "topC", "topC = \(topC) (expected at least 1)") }
        guard worlds >= 1 else { throw InfluenceError(.usage, parameter: "worlds", "worlds = \(worlds) (expected at least 1, e.g. 1000)") }
        try MonteCarloSimulator.checkRunCount(worlds, parameter: "worlds")
        guard memoryLimitBytes >= 1 else {
            throw InfluenceError(.usage, parameter: "memoryLimit", "memory limit \(memoryLimitBytes) bytes (expected a positive size)")
        }
        try InviteCascade.checkMemory(worlds: worlds, maxK: k, limit: memoryLimitBytes, parameter: "worlds")
        if frontier, truth == nil {
            throw InfluenceError(.usage, parameter: "frontier", "the frontier scores each λ against held-out invitations (expected truth as well)")
        }
        if let inviters, inviters.isEmpty {
            throw InfluenceError(.usage, parameter: "inviters", "no inviters (expected at least one label, or null for the input's)")
        }
        try Parallel.checkThreadCount(threads)
    }

    private static let keys = ["k", "algorithm", "setsPerNode", "capacity", "tradeOff", "topC", "inviters", "truth", "worlds",
                               "evaluationSeed", "frontier", "seed", "threads", "memoryLimitBytes"]

    /// Decodes a request, each absent key taking its default; an unknown key is refused.
    /// Complexity: O(size of the JSON).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldKey.self)
        try c.refuseUnknownKeys(Self.keys)
        let defaults = RecommendRequest(k: 1)
        k = try c.requiredField("k")
        algorithm = try c.field("algorithm", default: defaults.algorithm)
        setsPerNode = try c.optionalField("setsPerNode")
        capacity = try c.optionalField("capacity")
        tradeOff = try c.optionalField("tradeOff")
        topC = try c.field("topC", default: defaults.topC)
        inviters = try c.optionalField("inviters")
        truth = try c.optionalField("truth")
        worlds = try c.field("worlds", default: defaults.worlds)
        evaluationSeed = try c.field("evaluationSeed", default: defaults.evaluationSeed)
        frontier = try c.field("frontier", default: defaults.frontier)
        seed = try c.field("seed", default: defaults.seed)
        threads = try c.field("threads", default: defaults.threads)
        memoryLimitBytes = try c.field("memoryLimitBytes", default: defaults.memoryLimitBytes)
    }

    /// Encodes every field (nil ones as null). Complexity: O(|inviters|).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: FieldKey.self)
        try c.field("k", k)
        try c.field("algorithm", algorithm)
        try c.field("setsPerNode", setsPerNode)
        try c.field("capacity", capacity)
        try c.field("tradeOff", tradeOff)
        try c.field("topC", topC)
        try c.field("inviters", inviters)
        try c.field("truth", truth)
        try c.field("worlds", worlds)
        try c.field("evaluationSeed", evaluationSeed)
        try c.field("frontier", frontier)
        try c.field("seed", seed)
        try c.field("threads", threads)
        try c.field("memoryLimitBytes", memoryLimitBytes)
    }
}
