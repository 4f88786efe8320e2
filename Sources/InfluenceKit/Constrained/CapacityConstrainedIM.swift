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
        /// The algorithm (RR variants with the ½ − ε guarantee, or Monte Carlo greedy).
        public var algorithm: CapacityAlgorithm
        /// ε of the target ratio ½ − ε (0 < ε < ½).
        public var epsilon: Double
        /// δ (nil: 1/n_P).
        public var delta: Double?
        /// Precision refinement (nil: the paper's stopping rule); see `CapacityOPIM`.
        public var precision: Double?
        /// The published code's deviations.
        public var compat: Bool
        /// Seed of every random choice.
        public var seed: UInt64
        /// Worker threads (the result does not depend on them).
        public var threads: Int
        /// How IC in-arcs are drawn in RR sampling.
        public var sampling: RRSamplingMethod
        /// Memory the RR-set pools may take, in bytes.
        public var memoryLimitBytes: Int
        /// Fresh RR sets of P for the spread interval (nil: about 1% relative standard error at
        /// the selection's coverage, between 2^14 and 2^22).
        public var evaluationSets: Int?
        /// Monte Carlo cascades per gain evaluation of `rrGreedy` and `mgGreedy`.
        public var monteCarloRuns: Int
        /// Refuse a Monte Carlo greedy whose estimated time exceeds this many seconds (nil: run anyway).
        public var monteCarloBudgetSeconds: Double?
        /// Baselines scored with the same evaluation sets.
        public var baselines: [CapacityBaseline]
        /// Also run OPIM-C on P for k·d seeds ignoring the constraint: an upper reference.
        public var unconstrainedReference: Bool
        /// Also measure every assignment by this many Monte Carlo cascades on P (nil: RR sets only).
        public var monteCarloEvaluationRuns: Int?
        /// Return the best of the algorithm's assignment and the baselines' (degree, PageRank when
        /// its scores are given, random), measured on the same fresh RR sets of P, and on graphs
        /// where a large pool costs little also of the same greedy on a fresh pool of up to 32
        /// times R1's sets (`resolutionBudget`, `resolutionFactor`), so that near-ties are
        /// decided by enough sets. The
        /// report's `winner` names the one returned and `contenders` lists every measurement.
        /// False returns the algorithm's own assignment.
        public var keepBest: Bool

        /// The default precision: 0.4% relative standard error of R1's estimate of σ_P(S) (the
        /// rule `seeds` used before its choice-error rule). On email-Enron with 5% APs it grows R1 from
        /// the paper's ~1,000 sets to ~40,000 and lifts the spread above the degree baseline's in
        /// about 0.03 s of selection.
        public static let defaultPrecision = 0.004

        /// A configuration: RR-OPIM+ with ε = 0.1, refined to the default precision, no baselines
        /// in the record, the best of the algorithm and the baselines returned.
        /// Complexity: O(1).
        public init(k: Int, algorithm: CapacityAlgorithm = .rrOPIMPlus, epsilon: Double = 0.1, delta: Double? = nil,
                    precision: Double? = Configuration.defaultPrecision, compat: Bool = false, seed: UInt64 = 1,
                    threads: Int = Parallel.processorCount, sampling: RRSamplingMethod = .subset,
                    memoryLimitBytes: Int = SystemMemory.defaultLimitBytes, evaluationSets: Int? = nil,
                    monteCarloRuns: Int = 10_000, monteCarloBudgetSeconds: Double? = 300, baselines: [CapacityBaseline] = [],
                    unconstrainedReference: Bool = false, monteCarloEvaluationRuns: Int? = nil, keepBest: Bool = true) {
            self.keepBest = keepBest
            self.unconstrainedReference = unconstrainedReference
            self.monteCarloEvaluationRuns = monteCarloEvaluationRuns
            self.monteCarloRuns = monteCarloRuns
            self.monteCarloBudgetSeconds = monteCarloBudgetSeconds
            self.baselines = baselines
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
        /// The graph's path as the record names it.
        public var graph: String
        /// The AP file's path as the record names it.
        public var apFile: String
        /// The 1-based AP set of the file that was run.
        public var apSet: Int
        /// The probability scheme as the record names it.
        public var probabilities: String
        /// Whether LT weights were rescaled to sum to at most 1.
        public var normalizeLT: Bool
        /// Seconds the graph took to load, recorded in the timings.
        public var loadSeconds: Double
        /// The provenance of a run. Complexity: O(1).
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
    /// What `run` does.
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
    /// Complexity: O(picks + participants).
    public var assignment: [(ap: Int, seeds: [Int])] {
        var perAP = [[Int]](repeating: [], count: problem.participantCount)
        for p in picks { perAP[p.participant].append(problem.nodeOfP[p.node]) }
        return (0..<problem.participantCount).map { (problem.participants[$0], perAP[$0]) }
    }

    /// Runs the configured algorithm and measures the union's spread on fresh RR sets of P.
    ///
    /// - Parameters:
    ///   - provenance: how the record names its inputs.
    ///   - pageRank: PageRank scores of G's nodes, for the `pagerank` baseline
    ///     (`PageRankHeuristic(loaded:).scores()`).
    ///   - progress: receives the sampling and selection phases.
    /// - Throws: `InfluenceError` naming the parameter at fault (`epsilon`, `delta`, `precision`,
    ///   `threads`, `evaluationSets`, `memoryLimit`, `runs`, `pageRank`); `.resource` with
    ///   parameter `monteCarloBudget` when a Monte Carlo greedy is estimated above its budget.
    /// - Complexity: that of `CapacityOPIM.run` (or of the Monte Carlo greedy: see
    ///   `MonteCarloGains.estimateCost`) plus the evaluation sets, once per baseline.
    @discardableResult
    public mutating func run(provenance: Provenance = Provenance(), pageRank: [Double]? = nil,
                             progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) -> CapacityConstrainedReport {
        var total = Stopwatch()
        let c = configuration
        try Parallel.checkThreadCount(c.threads)
        if let sets = c.evaluationSets { try SpreadInterval.checkSetCount(sets) }
        guard c.memoryLimitBytes > 0 else {
            throw InfluenceError(.usage, parameter: "memoryLimit", "memory limit \(c.memoryLimitBytes) bytes (expected a positive size)")
        }
        let sampler = try RRSetSampler(model: problem.subgraphModel, method: c.sampling)
        var clock = Stopwatch()
        var result: CapacityOPIM.Report?
        var scale = 1.0
        var monteCarlo: MonteCarloGains.CostEstimate?
        if c.algorithm.usesRRSets {
            let opim = CapacityOPIM(.init(algorithm: c.algorithm, epsilon: c.epsilon, delta: c.delta, seed: c.seed, workers: c.threads,
                                          memory: MemoryBudget(limitBytes: c.memoryLimitBytes), progress: progress,
                                          precision: c.precision, compat: c.compat))
            let report = try opim.run(on: problem, sampler: sampler)
            picks = report.picks
            scale = Double(problem.nodeCount) / Double(max(1, report.selectionSets))
            result = report
        } else {
            let mc = MonteCarloSimulator.Configuration(runs: c.monteCarloRuns, seed: c.seed, threads: c.threads)
            try mc.validate()
            let cost = try MonteCarloGains.estimateCost(problem, algorithm: c.algorithm, configuration: mc)
            monteCarlo = cost
            if let budget = c.monteCarloBudgetSeconds, cost.seconds > budget {
                throw InfluenceError(.resource, parameter: "monteCarloBudget",
                    "\(c.algorithm.rawValue) would make about \(Int(cost.evaluations)) evaluations of \(c.monteCarloRuns) cascades, about \(Int(cost.seconds.rounded(.up))) s, above the budget of \(Int(budget)) s (expected a larger budget, fewer runs, or an RR variant)")
            }
            clock = Stopwatch()
            var gains = try MonteCarloGains(model: problem.subgraphModel, configuration: mc)
            picks = c.algorithm == .mgGreedy ? try ConstrainedGreedy.marginalGain(problem, oracle: &gains)
                                             : try ConstrainedGreedy.roundRobin(problem, oracle: &gains, lazy: true)
        }
        // Resolution: where a large pool costs little (at most `resolutionBudget` set members by
        // the pilot's mean set size), the same greedy runs again on a fresh pool of up to
        // 2^22 sets, independent of R1, R2 and the evaluation sets: near-ties between candidates
        // that R1 cannot tell apart are decided there.
        var resolution: (picks: [CapacityPick], sets: Int)?
        var resolutionEvaluationSets = 0
        if c.keepBest, let report = result {
            var driver = RISPoolDriver(sampler: sampler, seed: c.seed, workers: c.threads,
                                       memory: MemoryBudget(limitBytes: c.memoryLimitBytes), progress: progress)
            let affordable = Double(Self.resolutionBudget) / max(1, driver.pilotMeanSetSize)
            let wanted = RRSetSampler.roundedToTasks(Int(min(Double(Self.resolutionMaximumSets), affordable,
                                                             Double(Self.resolutionFactor * report.selectionSets))))
            if wanted >= 2 * report.selectionSets,
               (try? driver.check([.init(before: 0, after: wanted)], indexedSets: wanted, meanSetSize: driver.pilotMeanSetSize,
                                  step: "the resolution pool")) != nil {
                let pool = try driver.fresh(wanted, poolID: Self.resolutionPool, phase: "sampling the resolution pool")
                let index = driver.index(pool)
                var gains = CoverageGains(state: try CoverageState(pool: pool, index: index))
                let chosen = c.algorithm == .mgOPIM ? try ConstrainedGreedy.marginalGain(problem, oracle: &gains)
                                                    : try ConstrainedGreedy.roundRobin(problem, oracle: &gains)
                resolution = (chosen, pool.globalCount)
                resolutionEvaluationSets = wanted
            }
        }
        let selectionSeconds = clock.lap()
        let fraction = picks.reduce(0.0) { $0 + $1.gain * scale } / Double(max(1, problem.nodeCount))
        let sets = c.evaluationSets ?? max(Self.evaluationSize(coveredFraction: fraction), resolutionEvaluationSets)
        var simulator: MonteCarloSimulator?
        if let runs = c.monteCarloEvaluationRuns {
            simulator = try MonteCarloSimulator(model: problem.subgraphModel, configuration: .init(runs: runs, seed: c.seed, threads: c.threads))
        }
        func measure(_ chosen: [CapacityPick]) throws(InfluenceError) -> (SpreadInterval, SpreadValue?) {
            let interval = try SpreadInterval.estimate(seeds: chosen.map(\.node), sampler: sampler, sets: sets, seed: c.seed,
                                                       workers: c.threads, progress: progress)
            return (interval, try simulator.map { s throws(InfluenceError) in SpreadValue(try s.estimate(seeds: chosen.map(\.node))) })
        }
        // Every contender is measured on the same evaluation sets (the same seed and pool id).
        let own = try measure(picks)
        let evaluationSeconds = clock.lap()
        let ownRecord = Self.assignmentRecord(problem, picks: picks) { pick in
            .init(label: problem.subgraph.label(of: pick.node), marginal: pick.gain * scale,
                  marginalCoverage: result == nil ? nil : Int(pick.gain))
        }
        var contenders = [CapacityConstrainedReport.Contender(name: c.algorithm.rawValue, spread: .init(own.0), rrSets: result?.selectionSets)]
        var best = (name: c.algorithm.rawValue, picks: picks, assignment: ownRecord, interval: own.0, monteCarlo: own.1)
        if let resolution {
            let measured = try measure(resolution.picks)
            let name = "\(c.algorithm.rawValue) on \(resolution.sets) sets"
            contenders.append(.init(name: name, spread: .init(measured.0), rrSets: resolution.sets))
            let resolutionScale = Double(problem.nodeCount) / Double(max(1, resolution.sets))
            if measured.0.covered > best.interval.covered {
                best = (name, resolution.picks, Self.assignmentRecord(problem, picks: resolution.picks) { pick in
                    .init(label: problem.subgraph.label(of: pick.node), marginal: pick.gain * resolutionScale, marginalCoverage: Int(pick.gain))
                }, measured.0, measured.1)
            }
        }
        var baselines: [CapacityConstrainedReport.Baseline]?
        var kinds = c.baselines
        if c.keepBest {
            for kind in CapacityBaseline.allCases where !kinds.contains(kind) && (kind != .pagerank || pageRank != nil) { kinds.append(kind) }
        }
        if !c.baselines.isEmpty { baselines = [] }
        for kind in kinds {
            var watch = Stopwatch()
            let chosen = try kind.assignment(problem, seed: c.seed, pageRank: pageRank)
            let seconds = watch.lap()
            let measured = try measure(chosen)
            let record = Self.assignmentRecord(problem, picks: chosen) { pick in
                .init(label: problem.subgraph.label(of: pick.node), marginal: pick.gain, marginalCoverage: nil)
            }
            if c.baselines.contains(kind) {
                baselines?.append(.init(name: kind.rawValue, assignment: record, spread: .init(measured.0), monteCarloSpread: measured.1,
                                        selectionSeconds: seconds))
            }
            if c.keepBest {
                contenders.append(.init(name: kind.rawValue, spread: .init(measured.0), rrSets: nil))
                if measured.0.covered > best.interval.covered { best = (kind.rawValue, chosen, record, measured.0, measured.1) }
            }
        }
        picks = best.picks
        let assignment = best.assignment
        let interval = best.interval
        let monteCarloSpread = best.monteCarlo
        var reference: CapacityConstrainedReport.Reference?
        if c.unconstrainedReference {
            let seeds = min(problem.nodeCount, problem.k * problem.participantCount)
            var watch = Stopwatch()
            let opimc = try OPIMC(.init(k: seeds, epsilon: c.epsilon, delta: c.delta, seed: c.seed, workers: c.threads,
                                        memory: MemoryBudget(limitBytes: c.memoryLimitBytes), progress: progress,
                                        precision: c.precision == nil ? nil : RISParameters.defaultPrecision)).run(on: sampler)
            let seconds = watch.lap()
            let spread = try SpreadInterval.estimate(seeds: opimc.selection.seeds, sampler: sampler, sets: sets, seed: c.seed,
                                                     workers: c.threads, progress: progress)
            reference = .init(seeds: seeds, spread: .init(spread), monteCarloSpread: try simulator.map { s throws(InfluenceError) in SpreadValue(try s.estimate(seeds: opimc.selection.seeds)) },
                              selectionSeconds: seconds, rrSets: opimc.selection.rrSetsGenerated,
                              approximation: opimc.selection.guarantee.approximation)
        }
        let g = problem.graph
        let parameters = CapacityConstrainedReport.Parameters(
            graph: provenance.graph, nodes: g.nodeCount, arcs: g.arcCount, apFile: provenance.apFile, apSet: provenance.apSet,
            activeParticipants: problem.activeParticipants.count, participants: problem.participantCount,
            skippedAPs: problem.skipped.map { g.label(of: $0) }, subgraphNodes: problem.nodeCount,
            subgraphArcs: problem.subgraph.arcCount, model: problem.model.name, probabilities: provenance.probabilities,
            normalizeLT: provenance.normalizeLT, k: c.k, algorithm: c.algorithm.rawValue, keepBest: c.keepBest, epsilon: c.epsilon, delta: result?.delta,
            precision: result == nil ? nil : c.precision, compat: c.compat, monteCarloRuns: result == nil ? c.monteCarloRuns : nil, seed: c.seed, threads: c.threads, sampling: sampler.methodName,
            evaluationSets: c.evaluationSets, maxMemoryBytes: c.memoryLimitBytes, version: InfluenceKitVersion.library)
        let report = CapacityConstrainedReport(
            parameters: parameters, assignment: assignment,
            seeds: picks.map { .init(label: problem.subgraph.label(of: $0.node), ap: g.label(of: problem.participants[$0.participant])) },
            spread: .init(interval), monteCarloSpread: monteCarloSpread,
            guarantee: result.map { .init(approximation: $0.approximation, target: $0.target, failureProbability: $0.delta, instanceWise: true) }
                ?? .init(approximation: 0.5, target: 0.5, failureProbability: 0, instanceWise: false),
            bounds: result.map { .init(chi: $0.chi, thetaZero: $0.thetaZero, thetaMax: $0.thetaMax, maxRounds: $0.maxRounds) },
            rounds: result?.rounds, refinement: result?.refinement, monteCarloCost: monteCarlo,
            rrSets: .init(selection: result?.selectionSets ?? 0, generated: result?.rrSetsGenerated ?? 0, evaluation: interval.rrSets),
            timings: .init(loadSeconds: provenance.loadSeconds, selectionSeconds: selectionSeconds,
                           phases: result.map { [PhaseTiming(name: "sampling", seconds: $0.samplingSeconds, rrSets: $0.rrSetsGenerated),
                                                 PhaseTiming(name: "selection", seconds: $0.selectionSeconds, rrSets: 0)] }
                               ?? [PhaseTiming(name: "monte-carlo greedy", seconds: selectionSeconds, rrSets: 0)],
                           evaluationSeconds: evaluationSeconds, totalSeconds: provenance.loadSeconds + total.lap()),
            memory: .init(peakResidentBytes: SystemMemory.peakResidentBytes, peakRRSetBytes: result?.peakRRSetBytes ?? 0,
                          limitBytes: c.memoryLimitBytes),
            baselines: baselines, reference: reference, winner: best.name, contenders: c.keepBest ? contenders : nil,
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

    /// Set members a resolution pool may hold (by the pilot's mean set size): 2^22, about 16 MiB
    /// of pool plus its index, a fraction of a second to draw.
    public static let resolutionBudget = 1 << 22
    /// The most sets of a resolution pool: 2^22.
    public static let resolutionMaximumSets = 1 << 22
    /// A resolution pool holds at most this many times R1's sets (and runs only when it would
    /// hold at least twice as many).
    public static let resolutionFactor = 32
    /// The pool id of the resolution pool (disjoint from `RRPool`'s).
    static let resolutionPool: UInt64 = 6

    /// Evaluation sets for about 1% relative standard error at coverage fraction `f`, within
    /// [2^14, 2^22]. Complexity: O(1).
    static func evaluationSize(coveredFraction f: Double) -> Int {
        guard f > 0 else { return 1 << 14 }
        let wanted = (1 - f) / (f * 1e-4)
        return Int(min(Double(1 << 22), max(Double(1 << 14), wanted.rounded(.up))))
    }
}
