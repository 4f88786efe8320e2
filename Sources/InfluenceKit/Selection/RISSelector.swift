/// IMM (Tang, Shi, Xiao, SIGMOD 2015) or OPIM-C (Tang, Tang, Xiao, Yuan, SIGMOD 2018) as a
/// `SeedSelector`, so that `Comparison` can set them beside the heuristics.
///
/// Each `select(k:)` is a full run for that k (the RR-set sample is sized from k, so the answer
/// for a smaller k is not a prefix); its time includes building the sampler's tables.
///
/// Complexity: that of the algorithm (see `IMM`, `OPIMC`).
public struct RISSelector: SeedSelector {
    /// Which algorithm.
    public enum Algorithm: String, Sendable, CaseIterable {
        case opimC = "opim-c"
        case imm
    }

    public let graph: InfluenceGraph
    public let model: DiffusionModelKind
    public let algorithm: Algorithm
    /// ε of the target ratio 1 − 1/e − ε.
    public let epsilon: Double
    /// Seed of the RR sets.
    public let seed: UInt64
    /// Sampling threads.
    public let workers: Int
    public let memory: MemoryBudget
    public let progress: ProgressMeter
    public let method: RRSetSampler.Method
    /// OPIM-C's precision refinement (relative standard error; nil for the paper's stopping rule).
    /// The default is the one `infmax seeds` uses.
    public let precision: Double?

    /// The precision refinement `infmax seeds` and `infmax compare` use by default.
    public static let defaultPrecision = 0.004

    public var name: String { algorithm.rawValue }
    public var nestedPrefixes: Bool { false }

    public init(graph: InfluenceGraph, model: DiffusionModelKind, algorithm: Algorithm, epsilon: Double = 0.1,
                seed: UInt64, workers: Int, memory: MemoryBudget = MemoryBudget(), progress: ProgressMeter = .silent,
                method: RRSetSampler.Method = .subset, precision: Double? = RISSelector.defaultPrecision) {
        self.graph = graph
        self.model = model
        self.algorithm = algorithm
        self.epsilon = epsilon
        self.seed = seed
        self.workers = workers
        self.memory = memory
        self.progress = progress
        self.method = method
        self.precision = precision
    }

    public func select(k: Int) throws(InfluenceError) -> SeedRanking {
        try validate(k: k, nodeCount: graph.nodeCount)
        let watch = Stopwatch()
        let sampler = RRSetSampler(graph: graph, model: model, method: method)
        let selection: SeedSelection
        switch algorithm {
        case .opimC:
            selection = try OPIMC(.init(k: k, epsilon: epsilon, seed: seed, workers: workers, memory: memory,
                                        progress: progress, precision: precision)).run(on: sampler).selection
        case .imm:
            selection = try IMM(.init(k: k, epsilon: epsilon, seed: seed, workers: workers, memory: memory,
                                      progress: progress)).run(on: sampler).selection
        }
        return SeedRanking(seeds: selection.seeds, seconds: watch.seconds)
    }
}
