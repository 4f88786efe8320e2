/// IMM (Tang, Shi, Xiao, SIGMOD 2015), OPIM-C (Tang, Tang, Xiao, Yuan, SIGMOD 2018) or HIST (Guo,
/// Tang, Tang, Xiao, SIGMOD 2020) as a `SeedSelector`, so that `Comparison` can set them beside
/// the heuristics.
///
/// Each `select(k:)` is a full run for that k (the RR-set sample is sized from k, so the answer
/// for a smaller k is not a prefix); its time includes building the sampler's tables.
///
/// Complexity: that of the algorithm (see `IMM`, `OPIMC`).
public struct RISSelector: SeedSelector {
    /// The bound model the RR sets are drawn under.
    public let model: any DiffusionModel
    /// `.opimC`, `.imm` or `.hist`.
    public let algorithm: SelectionAlgorithm
    /// ε, δ, ℓ, precision, sampling method and memory limit.
    public let parameters: RISParameters
    /// Seed of the RR sets.
    public let seed: UInt64
    /// Sampling threads.
    public let workers: Int
    /// Receives the sampling and selection phases.
    public let progress: any ProgressReporter
    /// The ranks the run is spread over (one process by default).
    public var communicator: any Communicator = SingleProcessCommunicator()
    /// OPIM-C's deadline (`OPIMC.Configuration.deadline`; nil: none). IMM ignores it.
    public var deadline: ContinuousClock.Instant?

    public var name: String { algorithm.rawValue }
    public var nestedPrefixes: Bool { false }

    /// - Throws: `InfluenceError(.usage)` for an algorithm that is not RIS or bad parameters.
    /// - Complexity: O(1).
    public init(model: any DiffusionModel, algorithm: SelectionAlgorithm, parameters: RISParameters = RISParameters(),
                seed: UInt64, workers: Int, progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) {
        guard algorithm.usesRRSets else {
            throw InfluenceError(.usage, parameter: "algorithm", "'\(algorithm.rawValue)' does not run on RR sets (expected opim-c, imm or hist)")
        }
        try parameters.validate()
        self.model = model
        self.algorithm = algorithm
        self.parameters = parameters
        self.seed = seed
        self.workers = workers
        self.progress = progress
    }

    public func select(k: Int) throws(InfluenceError) -> SeedRanking {
        try validate(k: k, nodeCount: model.graph.nodeCount)
        let watch = Stopwatch()
        let selection = try run(k: k).selection
        return SeedRanking(seeds: selection.seeds, seconds: watch.seconds)
    }

    /// The run behind `select(k:)`, with its full result.
    public enum Outcome: Sendable {
        /// An OPIM-C run and its report.
        case opimC(OPIMC.Report)
        /// An IMM run and its report.
        case imm(IMM.Report)
        /// A HIST run and its report.
        case hist(HIST.Report)

        /// The seeds and what the algorithm says about them.
        public var selection: SeedSelection {
            switch self {
            case .opimC(let report): return report.selection
            case .imm(let report): return report.selection
            case .hist(let report): return report.selection
            }
        }
    }

    /// Runs the algorithm for `k` seeds on a fresh sampler.
    ///
    /// Complexity: that of the algorithm.
    public func run(k: Int, sampler given: RRSetSampler? = nil) throws(InfluenceError) -> Outcome {
        let sampler: RRSetSampler
        if let given { sampler = given } else { sampler = try RRSetSampler(model: model, method: parameters.sampling) }
        let memory = MemoryBudget(limitBytes: parameters.memoryLimitBytes)
        switch algorithm {
        case .imm:
            var configuration = IMM.Configuration(k: k, epsilon: parameters.epsilon, ell: parameters.ell, seed: seed, workers: workers,
                                                  memory: memory, progress: progress)
            configuration.communicator = communicator
            return .imm(try IMM(configuration).run(on: sampler))
        case .hist:
            guard !communicator.isDistributed else {
                throw InfluenceError(.usage, parameter: "algorithm", "hist runs in one process (expected one rank, or opim-c or imm)")
            }
            return .hist(try HIST(.init(k: k, epsilon: parameters.epsilon, delta: parameters.delta, seed: seed, workers: workers,
                                       memory: memory, progress: progress)).run(on: sampler))
        default:
            var configuration = OPIMC.Configuration(k: k, epsilon: parameters.epsilon, delta: parameters.delta, seed: seed,
                                                    workers: workers, memory: memory, progress: progress,
                                                    precision: parameters.precision)
            configuration.communicator = communicator
            configuration.deadline = deadline
            return .opimC(try OPIMC(configuration).run(on: sampler))
        }
    }
}
