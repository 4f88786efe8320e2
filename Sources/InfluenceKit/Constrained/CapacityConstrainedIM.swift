/// Capacity-constrained influence maximization, the whole use case: configure with a graph's
/// bound model, an AP set and the capacity k; `run()`; then query the assignment and the report.
///
/// Paper: Shiqi Zhang, Yiqian Huang, Jiachen Sun, Wenqing Lin, Xiaokui Xiao, Bo Tang, "Capacity
/// Constrained Influence Maximization in Social Networks", KDD 2023. Each active participant u
/// (AP) may pick at most k seeds among its candidates C_u (out-neighbours outside the AP set A);
/// the objective is the spread of the union on P, the subgraph induced by V \ A with the model's
/// probabilities computed on G (`CapacityProblem`). This is a partition matroid constraint; the
/// greedy algorithms reach ½ and the RR variants ½ − ε with probability 1 − δ (`CapacityOPIM`).
///
/// ```swift
/// let loaded = try GraphLoader.load("graph.txt")
/// let model = try DiffusionModelKind.ic.bind(to: loaded.graph)
/// let aps = try ActiveParticipantSets.read("aps.txt").nodes(ofSet: 1, in: loaded.graph)
/// var run = try CapacityConstrainedIM(model: model, activeParticipants: aps, configuration: .init(k: 5))
/// let report = try run.run()
/// print(report.assignment.map(\.ap), report.spread.estimate)
/// ```
public struct CapacityConstrainedIM: Sendable {
    /// What to run.
    public struct Configuration: Sendable, Equatable {
        /// Seeds each AP may pick (k ≥ 1).
        public var k: Int
        public var algorithm: CapacityAlgorithm
        /// ε of the target ratio ½ − ε (0 < ε < ½).
        public var epsilon: Double
        /// δ (nil: 1/n_P).
        public var delta: Double?
        /// Precision refinement (nil: the paper's stopping rule); see `CapacityOPIM`.
        public var precision: Double?
        /// The published code's deviations.
        public var compat: Bool
        public var seed: UInt64
        public var threads: Int
        public var sampling: RRSamplingMethod
        public var memoryLimitBytes: Int
        /// Fresh RR sets of P for the spread interval (nil: about 1% relative standard error at
        /// the selection's coverage, between 2^14 and 2^22).
        public var evaluationSets: Int?

        /// The default precision: 0.2% relative standard error of R1's estimate of σ_P(S). The
        /// union of d·k seeds is measured well long before each AP's picks are, so the default
        /// is tighter than `seeds`' 0.4%.
        public static let defaultPrecision = 0.002

        public init(k: Int, algorithm: CapacityAlgorithm = .rrOPIMPlus, epsilon: Double = 0.1, delta: Double? = nil,
                    precision: Double? = Configuration.defaultPrecision, compat: Bool = false, seed: UInt64 = 1,
                    threads: Int = Parallel.processorCount, sampling: RRSamplingMethod = .subset,
                    memoryLimitBytes: Int = SystemMemory.defaultLimitBytes, evaluationSets: Int? = nil) {
            self.k = k
            self.algorithm = algorithm
            self.epsilon = epsilon
            self.delta = delta
            self.precision = precision
            self.compat = compat
            self.seed = seed
            self.threads = threads
            self.sampling = sampling
            self.memoryLimitBytes = memoryLimitBytes
            self.evaluationSets = evaluationSets
        }
    }

    /// How the record names its inputs (for reproduction); none of it changes the run.
    public struct Provenance: Sendable, Equatable {
        public var graph: String
        public var apFile: String
        public var apSet: Int
        public var probabilities: String
        public var normalizeLT: Bool
        public var loadSeconds: Double
        public init(graph: String = "graph", apFile: String = "aps", apSet: Int = 1, probabilities: String = "wc",
                    normalizeLT: Bool = false, loadSeconds: Double = 0) {
            self.graph = graph
            self.apFile = apFile
            self.apSet = apSet
            self.probabilities = probabilities
            self.normalizeLT = normalizeLT
            self.loadSeconds = loadSeconds
        }
    }

    /// The instance (G, A, candidates, P).
    public let problem: CapacityProblem
    public let configuration: Configuration
    /// The record of the last `run()`.
    public private(set) var report: CapacityConstrainedReport?
    /// The last run's picks in selection order (P node ids).
    public private(set) var picks: [CapacityPick] = []

    /// Configures a run; builds P and the candidates.
    ///
    /// - Throws: as `CapacityProblem.init` (`k`, `activeParticipants`).
    /// - Complexity: O(n + m).
    public init(model: any DiffusionModel, activeParticipants: [Int], configuration: Configuration) throws(InfluenceError) {
        problem = try CapacityProblem(model: model, activeParticipants: activeParticipants, k: configuration.k)
        self.configuration = configuration
    }

    /// The last run's assignment: for each AP (G node id), its seeds (G node ids) in pick order.
    public var assignment: [(ap: Int, seeds: [Int])] {
        var perAP = [[Int]](repeating: [], count: problem.participantCount)
        for p in picks { perAP[p.participant].append(problem.nodeOfP[p.node]) }
        return (0..<problem.participantCount).map { (problem.participants[$0], perAP[$0]) }
    }

    /// Runs the configured algorithm and measures the union's spread on fresh RR sets of P.
    ///
    /// - Throws: `InfluenceError` naming the parameter at fault (`epsilon`, `delta`, `precision`,
    ///   `threads`, `evaluationSets`, `memoryLimit`).
    /// - Complexity: that of `CapacityOPIM.run` plus the evaluation sets.
    @discardableResult
    public mutating func run(provenance: Provenance = Provenance(),
                             progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) -> CapacityConstrainedReport {
        var total = Stopwatch()
        let c = configuration
        try Parallel.checkThreadCount(c.threads)
        if let sets = c.evaluationSets { try SpreadInterval.checkSetCount(sets) }
        guard c.memoryLimitBytes > 0 else {
            throw InfluenceError(.usage, parameter: "memoryLimit", "memory limit \(c.memoryLimitBytes) bytes (expected a positive size)")
        }
        let sampler = try RRSetSampler(model: problem.subgraphModel, method: c.sampling)
        let opim = CapacityOPIM(.init(algorithm: c.algorithm, epsilon: c.epsilon, delta: c.delta, seed: c.seed, workers: c.threads,
                                      memory: MemoryBudget(limitBytes: c.memoryLimitBytes), progress: progress,
                                      precision: c.precision, compat: c.compat))
        var clock = Stopwatch()
        let result = try opim.run(on: problem, sampler: sampler)
        let selectionSeconds = clock.lap()
        picks = result.picks
        let scale = Double(problem.nodeCount) / Double(max(1, result.selectionSets))
        let assignment = Self.assignmentRecord(problem, picks: picks) { pick in
            .init(label: problem.subgraph.label(of: pick.node), marginal: pick.gain * scale, marginalCoverage: Int(pick.gain))
        }
        let covered = picks.reduce(0.0) { $0 + $1.gain }
        let sets = c.evaluationSets ?? Self.evaluationSize(coveredFraction: covered / Double(max(1, result.selectionSets)))
        let interval = try SpreadInterval.estimate(seeds: picks.map(\.node), sampler: sampler, sets: sets, seed: c.seed,
                                                   workers: c.threads, progress: progress)
        let evaluationSeconds = clock.lap()
        let g = problem.graph
        let parameters = CapacityConstrainedReport.Parameters(
            graph: provenance.graph, nodes: g.nodeCount, arcs: g.arcCount, apFile: provenance.apFile, apSet: provenance.apSet,
            activeParticipants: problem.activeParticipants.count, participants: problem.participantCount,
            skippedAPs: problem.skipped.map { g.label(of: $0) }, subgraphNodes: problem.nodeCount,
            subgraphArcs: problem.subgraph.arcCount, model: problem.model.name, probabilities: provenance.probabilities,
            normalizeLT: provenance.normalizeLT, k: c.k, algorithm: c.algorithm.rawValue, epsilon: c.epsilon, delta: result.delta,
            precision: c.precision, compat: c.compat, seed: c.seed, threads: c.threads, sampling: sampler.methodName,
            evaluationSets: c.evaluationSets, maxMemoryBytes: c.memoryLimitBytes, version: InfluenceKitVersion.library)
        let report = CapacityConstrainedReport(
            parameters: parameters, assignment: assignment,
            seeds: picks.map { .init(label: problem.subgraph.label(of: $0.node), ap: g.label(of: problem.participants[$0.participant])) },
            spread: .init(interval),
            guarantee: .init(approximation: result.approximation, target: result.target, failureProbability: result.delta,
                             instanceWise: true),
            bounds: .init(chi: result.chi, thetaZero: result.thetaZero, thetaMax: result.thetaMax, maxRounds: result.maxRounds),
            rounds: result.rounds, refinement: result.refinement,
            rrSets: .init(selection: result.selectionSets, generated: result.rrSetsGenerated, evaluation: interval.rrSets),
            timings: .init(loadSeconds: provenance.loadSeconds, selectionSeconds: selectionSeconds,
                           phases: [PhaseTiming(name: "sampling", seconds: result.samplingSeconds, rrSets: result.rrSetsGenerated),
                                    PhaseTiming(name: "selection", seconds: result.selectionSeconds, rrSets: 0)],
                           evaluationSeconds: evaluationSeconds, totalSeconds: provenance.loadSeconds + total.lap()),
            memory: .init(peakResidentBytes: SystemMemory.peakResidentBytes, peakRRSetBytes: result.peakRRSetBytes,
                          limitBytes: c.memoryLimitBytes),
            baselines: nil,
            warnings: problem.skipped.map { "AP '\(g.label(of: $0))' has no candidate outside the AP set; it is skipped" })
        self.report = report
        return report
    }

    /// Groups `picks` by AP (participant order), each AP's seeds in pick order. Complexity: O(picks + d).
    static func assignmentRecord(_ problem: CapacityProblem, picks: [CapacityPick],
                                 seed: (CapacityPick) -> CapacityConstrainedReport.ChosenSeed) -> [CapacityConstrainedReport.APAssignment] {
        var perAP = [[CapacityConstrainedReport.ChosenSeed]](repeating: [], count: problem.participantCount)
        for p in picks { perAP[p.participant].append(seed(p)) }
        return (0..<problem.participantCount).map { .init(ap: problem.graph.label(of: problem.participants[$0]), seeds: perAP[$0]) }
    }

    /// Evaluation sets for about 1% relative standard error at coverage fraction `f`, within
    /// [2^14, 2^22]. Complexity: O(1).
    static func evaluationSize(coveredFraction f: Double) -> Int {
        guard f > 0 else { return 1 << 14 }
        let wanted = (1 - f) / (f * 1e-4)
        return Int(min(Double(1 << 22), max(Double(1 << 14), wanted.rounded(.up))))
    }
}
