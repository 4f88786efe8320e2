/// The invitee-recommendation pipeline API: load an instance once, then ask for lists.
///
/// ```swift
/// let graph = try InviteGraph.load(arcs: "arcs.tsv", nodeValues: "nodes.tsv")
/// let recommender = try InviteeRecommender(graph: graph, configuration: .init(setsPerNode: 8, seed: 7))
/// let lists = try recommender.recommend(for: ["20", "54"], k: 5)        // [InviteeList], best first
/// let report = try recommender.evaluate(lists, truth: try TruthPairs.read("truth.tsv"), maxK: 5)
/// ```
///
/// Construction does the work every request shares: HeteroInf for every node (HeteroIR) and, when
/// the configuration asks for HeteroIM or the trade-off and the inviters are given, the RR sets and
/// their index. HeteroIM's RR sets depend on who the inviters are (they are seeds whose arcs only
/// carry stage 1 of the cascade, see `HeteroIMSets`): a request for other inviters draws its own
/// sets, from the same seed (the same sets a recommender built for those inviters would hold). After that
/// the recommender is immutable (`Sendable`, only `let`s): `recommend` and `evaluate` may be called
/// from many threads at once, each call with its own scratch state. The same configuration and
/// request give the same lists for any thread count.
public struct InviteeRecommender: Sendable {
    /// What the recommender prepares and how it ranks by default.
    public struct Configuration: Sendable, Equatable {
        /// The default ranking (a request may name another).
        public var algorithm: RecommendationAlgorithm
        /// RR sets per node for HeteroIM; nil picks r by `SetsPerNodeCalibration`.
        public var setsPerNode: Int?
        /// At most this many inviters may be recommended the same invitee (nil: no cap).
        public var capacity: Int?
        /// With a value, requests rank by the trade-off blend at this λ (see `RecommendationMethod`).
        public var tradeOff: Double?
        /// HeteroIR's c.
        public var topC: Int
        /// Seeds the RR sets, the random baseline and the calibration sample.
        public var seed: UInt64
        /// Worker threads (the lists do not depend on them).
        public var threads: Int
        /// Sample the RR sets even when the default method does not need them (so requests may
        /// ask for HeteroIM or the trade-off); nil samples them only when it does.
        public var samplesSets: Bool?
        /// Bound on the RR-set pool's bytes, checked before it is drawn (see `HeteroIMSets`).
        public var memoryLimitBytes: Int = SystemMemory.defaultLimitBytes

        /// A configuration; by default HeteroIM with r chosen by `SetsPerNodeCalibration`, no capacity,
        /// no trade-off, HeteroIR's default c, seed 1, one thread. Complexity: O(1).
        public init(algorithm: RecommendationAlgorithm = .heteroIM, setsPerNode: Int? = nil, capacity: Int? = nil,
                    tradeOff: Double? = nil, topC: Int = HeteroIR.defaultTopC, seed: UInt64 = 1, threads: Int = 1,
                    samplesSets: Bool? = nil) {
            self.samplesSets = samplesSets
            self.algorithm = algorithm
            self.setsPerNode = setsPerNode
            self.capacity = capacity
            self.tradeOff = tradeOff
            self.topC = topC
            self.seed = seed
            self.threads = threads
        }

        /// The method a request without its own ranks by.
        public var method: RecommendationMethod { tradeOff.map { .tradeOff($0) } ?? .algorithm(algorithm) }
    }

    /// The instance.
    public let graph: InviteGraph
    /// What the recommender prepared and ranks by default.
    public let configuration: Configuration
    /// HeteroInf of every node.
    public let heteroIR: HeteroIR
    /// The RR sets drawn for the inviters given at construction (nil when no configured method
    /// needs them, or no inviters were given).
    public let sets: HeteroIMSets?
    /// How r was chosen when `setsPerNode` was nil.
    public let calibration: SetsPerNodeCalibration?
    /// Seconds spent sampling the RR sets (calibration included).
    public let samplingSeconds: Double

    /// Prepares the shared state; with `inviters` (dense ids), also the RR sets for them.
    ///
    /// - Throws: `InfluenceError(.usage)` for a bad parameter (`setsPerNode`, `capacity`,
    ///   `tradeOff`, `topC`, `threads`).
    /// - Complexity: O(m log Δ) for HeteroIR, plus the RR sampling (see `HeteroIMSets`).
    public init(graph: InviteGraph, configuration: Configuration = Configuration(), inviters: [Int]? = nil,
                progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) {
        try Parallel.checkThreadCount(configuration.threads)
        if let capacity = configuration.capacity, capacity < 1 {
            throw InfluenceError(.usage, parameter: "capacity", "capacity \(capacity) (expected at least 1 inviter per invitee)")
        }
        if let lambda = configuration.tradeOff, !(lambda >= 0 && lambda <= 1) {
            throw InfluenceError(.usage, parameter: "tradeOff", "λ = \(lambda) (expected a number in [0, 1]: 0 ranks as HeteroIR, 1 as HeteroIM)")
        }
        self.graph = graph
        self.configuration = configuration
        heteroIR = try HeteroIR(graph: graph, topC: configuration.topC)
        let watch = Stopwatch()
        if configuration.samplesSets ?? configuration.method.needsSets, let inviters {
            try Self.checkInviters(inviters, graph: graph)
            (sets, calibration) = try Self.drawSets(graph: graph, inviters: inviters, configuration: configuration, progress: progress)
        } else {
            sets = nil
            calibration = nil
        }
        samplingSeconds = watch.seconds
    }

    /// RR sets per root (non-inviter) in use (nil when none were sampled).
    public var setsPerNode: Int? { sets?.setsPerNode }

    /// The RR sets for `inviters`: r from the configuration, or chosen by `SetsPerNodeCalibration`.
    /// Complexity: the sampling (see `HeteroIMSets`).
    static func drawSets(graph: InviteGraph, inviters: [Int], configuration: Configuration,
                         progress: any ProgressReporter) throws(InfluenceError) -> (HeteroIMSets, SetsPerNodeCalibration?) {
        if let r = configuration.setsPerNode {
            return (try HeteroIMSets(graph: graph, inviters: inviters, setsPerNode: r, seed: configuration.seed,
                                     threads: configuration.threads, progress: progress,
                                     memoryLimitBytes: configuration.memoryLimitBytes), nil)
        }
        let found = try SetsPerNodeCalibration.run(graph: graph, inviters: inviters, configuration: configuration, progress: progress)
        return (found.sets, found.calibration)
    }

    /// Throws for an inviter that is no node or is asked twice. Complexity: O(|inviters|).
    static func checkInviters(_ inviters: [Int], graph: InviteGraph) throws(InfluenceError) {
        var seen = Set<Int>()
        for i in inviters {
            guard i >= 0, i < graph.nodeCount else { throw InfluenceError(.usage, parameter: "inviters", "node \(i) (expected 0..<\(graph.nodeCount))") }
            guard seen.insert(i).inserted else { throw InfluenceError(.usage, parameter: "inviters", "inviter \(graph.labels[i]) is asked twice (expected each inviter once)") }
        }
    }

    /// Each inviter's top-K list, best first, by the configured method (or `method`).
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `inviters`) for a label that is no node or
    ///   is asked twice; (parameter `k`) for K < 1; (parameter `setsPerNode`) when the method
    ///   needs RR sets the configuration did not sample.
    /// - Complexity: O(Σ deg log deg) for the score rankings, plus O(Σ|R| + n log n) for HeteroIM.
    public func recommend(for inviters: [String], k: Int, method: RecommendationMethod? = nil) throws(InfluenceError) -> [InviteeList] {
        try recommend(forNodes: try nodes(of: inviters), k: k, method: method)
    }

    /// The same for dense node ids.
    /// Complexity: as `recommend(for:k:method:)`.
    public func recommend(forNodes inviters: [Int], k: Int, method: RecommendationMethod? = nil) throws(InfluenceError) -> [InviteeList] {
        try lists(forNodes: inviters, k: k, methods: [method ?? configuration.method])[0].labelled(graph)
    }

    /// Lists for several methods on one request: HeteroIM's greedy runs once for all of them (a
    /// frontier of trade-off values costs one greedy).
    /// Complexity: as `recommend(for:k:method:)` for each method, HeteroIM's greedy run once for all.
    public func recommend(forNodes inviters: [Int], k: Int, methods: [RecommendationMethod]) throws(InfluenceError) -> [[InviteeList]] {
        try lists(forNodes: inviters, k: k, methods: methods).map { $0.labelled(graph) }
    }

    func lists(forNodes inviters: [Int], k: Int, methods: [RecommendationMethod]) throws(InfluenceError) -> [DenseLists] {
        guard k >= 1 else { throw InfluenceError(.usage, parameter: "k", "K = \(k) (expected each inviter to get at least 1 invitee)") }
        try Self.checkInviters(inviters, graph: graph)
        var spread: HeteroIM.Result?
        if methods.contains(where: \.needsSets) {
            let drawn: HeteroIMSets
            if let sets, sets.isDrawn(for: inviters) {
                drawn = sets
            } else {
                drawn = try Self.drawSets(graph: graph, inviters: inviters, configuration: configuration, progress: SilentProgress()).0
            }
            spread = try HeteroIM.lists(graph: graph, sets: drawn, inviters: inviters, k: k, capacity: configuration.capacity)
        }
        let identity = Array(0..<graph.nodeCount)
        var beta: [Double]?
        return methods.map { method in
            switch method {
            case .algorithm(.heteroIM), .tradeOff(1...):
                return spread!.lists
            case .algorithm(.heteroIR):
                if beta == nil { beta = heteroIR.scores(of: inviters) }
                return PairRanking.rank(graph, inviters: inviters, k: k, capacity: configuration.capacity, score: beta!, tieKey: identity)
            case .algorithm(let baseline):
                let score = RecommendationBaselines.scores(baseline, graph: graph, inviters: inviters, seed: configuration.seed)
                return PairRanking.rank(graph, inviters: inviters, k: k, capacity: configuration.capacity, score: score, tieKey: identity)
            case .tradeOff(let lambda):
                if beta == nil { beta = heteroIR.scores(of: inviters) }
                let blended = RecommendationTradeOff.scores(lambda: lambda, graph: graph, inviters: inviters, willingness: beta!, spread: spread!.score)
                return PairRanking.rank(graph, inviters: inviters, k: k, capacity: configuration.capacity, score: blended, tieKey: identity)
            }
        }
    }

    /// Dense ids of `labels`. Throws for an unknown label.
    /// Complexity: O(labels) expected.
    public func nodes(of labels: [String]) throws(InfluenceError) -> [Int] {
        var nodes: [Int] = []
        nodes.reserveCapacity(labels.count)
        for label in labels {
            guard let v = graph.node(labelled: label) else {
                throw InfluenceError(.usage, parameter: "inviters", "inviter '\(label.prefix(40))' is not a node of the graph (expected a label of the arcs)")
            }
            nodes.append(v)
        }
        return nodes
    }
}
