/// IM in a closed social network, the whole use case: configure with a graph's bound IC model,
/// the seed users S and the share limit k; `run()`; then query the k-subnetwork (who shares
/// with whom) and the report.
///
/// Paper: Shixun Huang, Wenqing Lin, Zhifeng Bao, Jiachen Sun, "Influence Maximization in
/// Real-World Closed Social Networks", PVLDB 16(2), 2022 (ALGORITHMS.md §4). In a closed network
/// a post reaches only the friends its author shares it with; the problem recommends to every
/// user at most k friends (a k-subnetwork G_k ⊆ G) so that Σ_{s∈S} σ_{G_k}({s}) is largest.
/// NP-hard; `PSNA` is the paper's practical method, `EdgeInsertionGreedy` its Monte Carlo greedy
/// (small graphs), `ClosedBaseline` its baselines. Every method's G_k is then scored by the same
/// Monte Carlo evaluation on common random numbers (`SubnetworkEvaluator`).
///
/// ```swift
/// let loaded = try GraphLoader.load("graph.txt")
/// let model = try DiffusionModelKind.ic.bind(to: loaded.graph, probabilities: .trivalency(seed: 1))
/// var closed = try ClosedNetworkIM(model: model, seeds: [0, 5], configuration: .init(k: 5))
/// let report = try closed.run()
/// print(report.result.objective.mean, closed.subnetwork?.friends(of: 0, in: loaded.graph) ?? [])
/// ```
///
/// Complexity: PSNA makes one Dijkstra (O(m' log m') over the candidate graph) and one
/// `estimationRuns`-world estimate per iteration; the evaluation costs
/// O(evaluationRuns · Σ_s (reach(s) + kept out-arcs)) per method.
public struct ClosedNetworkIM: Sendable {
    /// The methods that choose the k-subnetwork, by their command-line names.
    public enum Algorithm: String, Sendable, Codable, CaseIterable {
        /// `psna` (the paper's practical method), `greedy` (Monte Carlo edge insertion, small graphs),
        /// and the baselines `degree`, `fof` and `random` run as the method itself.
        case psna, greedy, degree, fof, random
    }

    /// What to run: k, the method, its stopping threshold, Monte Carlo budgets, baselines, seed and threads.
    public struct Configuration: Sendable, Equatable {
        /// The share limit: each user keeps at most k out-arcs (k ≥ 1).
        public var k: Int
        /// The method that chooses the k-subnetwork.
        public var algorithm: Algorithm
        /// PSNA's (and the greedy's) stopping threshold on the objective's relative gain, 0 < ε < 1.
        public var epsilon: Double
        /// Allow arcs into seeds, as the published code does (`--compat`).
        public var allowArcsIntoSeeds: Bool
        /// Monte Carlo worlds of the final evaluation (the paper's 10,000).
        public var evaluationRuns: Int
        /// Monte Carlo worlds of PSNA's per-iteration objective estimate.
        public var estimationRuns: Int
        /// Monte Carlo worlds per greedy gain evaluation.
        public var greedyRuns: Int
        /// Refuse a greedy run estimated above this many seconds (nil: run anyway).
        public var greedyBudgetSeconds: Double?
        /// Baselines scored beside the method (the method itself is not repeated).
        public var baselines: [ClosedBaseline]
        /// Return the best k-subnetwork of the method and the baselines, as measured on the same
        /// evaluation worlds (the record's `winner` names it; the method's own figures stay in
        /// `result`). False returns the method's own k-subnetwork whatever the baselines score.
        public var keepBest: Bool
        /// Seed of every random choice (estimates, the greedy, the random baseline, the evaluation).
        public var seed: UInt64
        /// Worker threads (the result does not depend on them).
        public var threads: Int

        /// A configuration; the defaults are the paper's (ε = 10⁻⁴, 10,000 evaluation worlds,
        /// 1,000 estimation worlds) with every baseline. Complexity: O(1).
        public init(k: Int, algorithm: Algorithm = .psna, epsilon: Double = 1e-4, allowArcsIntoSeeds: Bool = false,
                    evaluationRuns: Int = 10_000, estimationRuns: Int = 1_000, greedyRuns: Int = 1_000,
                    greedyBudgetSeconds: Double? = 300, baselines: [ClosedBaseline] = ClosedBaseline.allCases,
                    keepBest: Bool = true, seed: UInt64 = 1, threads: Int = Parallel.processorCount) {
            self.keepBest = keepBest
            self.k = k
            self.algorithm = algorithm
            self.epsilon = epsilon
            self.allowArcsIntoSeeds = allowArcsIntoSeeds
            self.evaluationRuns = evaluationRuns
            self.estimationRuns = estimationRuns
            self.greedyRuns = greedyRuns
            self.greedyBudgetSeconds = greedyBudgetSeconds
            self.baselines = baselines
            self.seed = seed
            self.threads = threads
        }
    }

    /// How the record names its inputs; none of it changes the run.
    public struct Provenance: Sendable, Equatable {
        /// The graph's path as the record names it.
        public var graph: String
        /// The seeds file's path as the record names it.
        public var seedsFile: String
        /// Seconds the graph took to load, recorded in the timings.
        public var loadSeconds: Double
        /// The provenance of a run. Complexity: O(1).
        public init(graph: String = "graph", seedsFile: String = "seeds", loadSeconds: Double = 0) {
            self.graph = graph
            self.seedsFile = seedsFile
            self.loadSeconds = loadSeconds
        }
    }

    /// The instance: the graph's arcs with their IC probabilities, the seeds and k.
    public let problem: ClosedNetworkProblem
    /// What `run` does.
    public let configuration: Configuration
    /// The returned k-subnetwork after `run()`: the method's own, or a baseline's that scored
    /// higher on the same evaluation worlds when `keepBest` (the report's `winner`).
    public private(set) var subnetwork: KSubnetwork?
    /// PSNA's insertions, iteration by iteration (the filling pass last), after a PSNA `run()`.
    public private(set) var insertionOrder: [[Int]] = []
    /// The record of the last `run()` (nil before the first).
    public private(set) var report: ClosedNetworkReport?

    /// - Throws: as `ClosedNetworkProblem.init` (`k`, `seeds`, `model`), and `epsilon` outside (0, 1).
    /// - Complexity: O(n + m).
    public init(model: any DiffusionModel, seeds: [Int], configuration: Configuration) throws(InfluenceError) {
        try ParameterCheck.epsilon(configuration.epsilon, example: "1e-4, the paper's")
        problem = try ClosedNetworkProblem(model: model, seeds: seeds, k: configuration.k,
                                           allowArcsIntoSeeds: configuration.allowArcsIntoSeeds)
        self.configuration = configuration
    }

    /// The kept arcs as `user friend p` lines (labels as in the input, p as a Float that reads
    /// back exactly): a graph every command loads with `--probabilities file`. Complexity: O(|G_k|).
    public func arcLines() -> String {
        guard let subnetwork else { return "" }
        var text = ""
        text.reserveCapacity(subnetwork.arcCount * 16)
        for a in subnetwork.arcs {
            text += "\(problem.graph.label(of: problem.tail(of: a))) \(problem.graph.label(of: problem.head(of: a))) \(Float(problem.probabilities[a]))\n"
        }
        return text
    }

    /// Runs the configured method, then evaluates it and the baselines on the same worlds; with
    /// `keepBest` the best of them is returned (`subnetwork`, the report's `winner` and per-seed
    /// spreads), the method's own figures staying in the report's `result`.
    ///
    /// - Throws: `InfluenceError` naming the parameter (`runs`, `threads`); `.resource` with
    ///   parameter `greedyBudget` when the greedy's cost estimate exceeds its budget.
    /// - Complexity: the method's own (PSNA: one Dijkstra and one `estimationRuns`-world estimate per iteration; greedy: see `EdgeInsertionGreedy.estimateCost`) plus O(evaluationRuns · Σ_s (reach(s) + kept out-arcs)) for the method and for each baseline.
    @discardableResult
    public mutating func run(provenance: Provenance = Provenance(), progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) -> ClosedNetworkReport {
        let total = Stopwatch()
        let c = configuration
        try Parallel.checkThreadCount(c.threads)
        for (name, runs) in [("evaluationRuns", c.evaluationRuns), ("estimationRuns", c.estimationRuns), ("greedyRuns", c.greedyRuns)] where runs < 1 {
            throw InfluenceError(.usage, parameter: ParameterKey(rawValue: name), "\(runs) Monte Carlo runs (expected at least 1)")
        }
        // Every run count is bounded, and what it sizes is checked against the memory limit
        // before anything is allocated.
        for (name, runs) in [("evaluationRuns", c.evaluationRuns), ("estimationRuns", c.estimationRuns), ("greedyRuns", c.greedyRuns)] {
            try MonteCarloSimulator.checkRunCount(runs, parameter: ParameterKey(rawValue: name))
            try SubnetworkEvaluator.checkMemory(runs: runs, seeds: problem.seeds.count, nodes: problem.graph.nodeCount,
                                                threads: c.threads, parameter: ParameterKey(rawValue: name))
        }
        var clock = Stopwatch()
        var cpu = Platform.processCPUSeconds
        var iterations: [PSNA.Iteration]?
        var filled: Int?
        var refinement: PSNA.Refinement?
        var greedy: ClosedNetworkReport.GreedySummary?
        let chosen: KSubnetwork
        switch c.algorithm {
        case .psna:
            let result = try PSNA(epsilon: c.epsilon, estimationRuns: c.estimationRuns, seed: c.seed, threads: c.threads)
                .run(problem, progress: progress)
            chosen = result.subnetwork
            iterations = result.iterations
            insertionOrder = result.insertionOrder
            filled = result.filled
            refinement = result.refinement
        case .greedy:
            let method = EdgeInsertionGreedy(epsilon: c.epsilon, runs: c.greedyRuns, seed: c.seed, threads: c.threads)
            let cost = try method.estimateCost(problem)
            if let budget = c.greedyBudgetSeconds, cost.seconds > budget {
                throw InfluenceError(.resource, parameter: "greedyBudget",
                    "the edge-insertion greedy would make about \(Int(cost.evaluations)) evaluations of \(c.greedyRuns) worlds, about \(Int(cost.seconds.rounded(.up))) s, above the budget of \(Int(budget)) s (expected a larger budget, fewer runs, or PSNA)")
            }
            clock = Stopwatch()
            cpu = Platform.processCPUSeconds
            let result = try method.run(problem, progress: progress)
            chosen = result.subnetwork
            filled = result.filled
            greedy = .init(steps: result.steps.count, evaluations: result.evaluations, cost: cost)
        case .degree, .fof, .random:
            chosen = ClosedBaseline(rawValue: c.algorithm.rawValue)!.subnetwork(problem, seed: c.seed)
        }
        let selectionSeconds = clock.lap()
        let selectionCPUSeconds = Platform.processCPUSeconds - cpu
        let evaluation = try SubnetworkEvaluator(problem, subnetwork: chosen)
            .evaluate(seeds: problem.seeds, runs: c.evaluationRuns, seed: c.seed, threads: c.threads)
        let evaluationSeconds = clock.lap()
        let g = problem.graph
        let result = ClosedNetworkReport.Method(
            name: c.algorithm.rawValue, subnetwork: .init(chosen, problem), objective: .init(evaluation.objective),
            union: .init(evaluation.union!), selectionSeconds: selectionSeconds, evaluationSeconds: evaluationSeconds)
        // The final step, explicit in the record: every baseline is scored on the same worlds
        // (common random numbers), and with `keepBest` the k-subnetwork of highest objective is
        // returned (the method's own on a tie).
        var returned = (name: c.algorithm.rawValue, subnetwork: chosen, evaluation: evaluation)
        var baselines: [ClosedNetworkReport.Method] = []
        for b in c.baselines where b.rawValue != c.algorithm.rawValue {
            var watch = Stopwatch()
            let s = b.subnetwork(problem, seed: c.seed)
            let selection = watch.lap()
            let e = try SubnetworkEvaluator(problem, subnetwork: s)
                .evaluate(seeds: problem.seeds, runs: c.evaluationRuns, seed: c.seed, threads: c.threads, perSeed: c.keepBest)
            baselines.append(.init(name: b.rawValue, subnetwork: .init(s, problem), objective: .init(e.objective),
                                   union: .init(e.union!), selectionSeconds: selection, evaluationSeconds: watch.lap()))
            if c.keepBest && e.objective.mean > returned.evaluation.objective.mean { returned = (b.rawValue, s, e) }
        }
        subnetwork = returned.subnetwork
        let perSeed = zip(problem.seeds, returned.evaluation.perSeed).map { s, e in
            ClosedNetworkReport.SeedSpread(label: g.label(of: s), spread: .init(e), friends: returned.subnetwork.friends(of: s, in: g).count)
        }
        let baselineSeconds = clock.lap()
        let parameters = ClosedNetworkReport.Parameters(
            graph: provenance.graph, nodes: g.nodeCount, arcs: g.arcCount, seedsFile: provenance.seedsFile,
            seeds: problem.seeds.count, k: c.k, epsilon: c.epsilon, algorithm: c.algorithm.rawValue, compat: c.allowArcsIntoSeeds,
            probabilities: problem.scheme, symmetrizedProbabilities: problem.symmetrized, evaluationRuns: c.evaluationRuns,
            estimationRuns: c.algorithm == .psna ? c.estimationRuns : nil, greedyRuns: c.algorithm == .greedy ? c.greedyRuns : nil,
            keepBest: c.keepBest, seed: c.seed, threads: c.threads, version: InfluenceKitVersion.library)
        let report = ClosedNetworkReport(
            parameters: parameters, result: result, perSeed: perSeed, initialObjective: Double(problem.seeds.count),
            iterations: iterations, filled: filled, refinement: refinement, greedy: greedy, baselines: baselines, winner: returned.name,
            timings: .init(loadSeconds: provenance.loadSeconds, selectionSeconds: selectionSeconds, selectionCPUSeconds: selectionCPUSeconds,
                           evaluationSeconds: evaluationSeconds, baselineSeconds: baselineSeconds, totalSeconds: provenance.loadSeconds + total.seconds),
            memory: .init(peakResidentBytes: SystemMemory.peakResidentBytes))
        self.report = report
        return report
    }
}
