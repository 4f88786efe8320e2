/// The whole "pick seeds" use case in one call: bind the model, run IMM or OPIM-C, estimate the
/// seeds' spread on fresh RR sets independent of the selection, and return the record that
/// `infmax seeds` prints — with every parameter needed to reproduce the run.
///
/// ```swift
/// let graph = try GraphLoader.load("graph.txt").graph
/// let report = try SeedSearch.run(.init(k: 10), on: graph)
/// print(report.seeds.map(\.label), report.spread.estimate)
/// ```
public enum SeedSearch {
    /// What to run.
    public struct Request: Sendable, Codable, Equatable {
        /// Seeds to pick (1 ≤ k ≤ n).
        public var k: Int
        /// `.opimC` (default) or `.imm`.
        public var algorithm: SelectionAlgorithm
        /// The model and its scheme.
        public var model: ModelSpecification
        /// ε, δ, ℓ, precision, sampling method, memory limit.
        public var ris: RISParameters
        /// Fresh RR sets for the spread interval (nil: enough for about 1% relative standard
        /// error at the selection's coverage, between 2^14 and 2^22, and no more than the
        /// selection pool held).
        public var evaluationSets: Int?
        /// Seed of every random choice.
        public var seed: UInt64
        /// Worker threads (the result does not depend on them).
        public var threads: Int

        /// A request; by default OPIM-C under IC with weighted cascade, the default `RISParameters`,
        /// automatically sized evaluation, seed 1 and every processor. Complexity: O(1).
        public init(k: Int, algorithm: SelectionAlgorithm = .opimC, model: ModelSpecification = ModelSpecification(model: .ic),
                    ris: RISParameters = RISParameters(), evaluationSets: Int? = nil, seed: UInt64 = 1,
                    threads: Int = Parallel.processorCount) {
            self.k = k
            self.algorithm = algorithm
            self.model = model
            self.ris = ris
            self.evaluationSets = evaluationSets
            self.seed = seed
            self.threads = threads
        }
    }

    /// Runs `request` on `graph`.
    ///
    /// - Parameters:
    ///   - request: what to run; validated first.
    ///   - graph: the loaded graph; the request's model is bound to it.
    ///   - graphName: how the record names the graph (a path).
    ///   - load: the options the graph was loaded with, recorded for reproduction.
    ///   - loadSeconds: the load time, recorded in the timings.
    ///   - progress: receives the sampling, selection and evaluation phases.
    ///   - communicator: the ranks the run is spread over (every rank calls this with its own copy
    ///     of the graph and the same request; each returns the single-process record, plus the
    ///     rank count and per-rank timings in `distributed`).
    /// - Throws: `InfluenceError` naming the parameter at fault (`k`, `epsilon`, `delta`, `ell`,
    ///   `precision`, `evaluationSets`, `threads`, `memoryLimit`, `probabilities`, `normalizeLT`).
    /// - Complexity: that of the algorithm plus the evaluation sets.
    public static func run(_ request: Request, on graph: InfluenceGraph, graphName: String = "graph",
                           load: GraphLoadOptions? = nil, loadSeconds: Double = 0,
                           progress: any ProgressReporter = SilentProgress(),
                           communicator: any Communicator = SingleProcessCommunicator()) throws(InfluenceError) -> SelectionReport {
        var total = Stopwatch()
        guard request.algorithm.usesRRSets else {
            throw InfluenceError(.usage, parameter: "algorithm",
                                 "'\(request.algorithm.rawValue)' has no guarantee (expected opim-c or imm; compare the others with Comparison)")
        }
        try Parallel.checkThreadCount(request.threads)
        if let sets = request.evaluationSets {
            try SpreadInterval.checkSetCount(sets)
        }
        if request.algorithm == .imm, request.ris.delta != nil {
            throw InfluenceError(.usage, parameter: "delta", "δ applies to OPIM-C; IMM's failure probability is n^−ℓ (set ell instead)")
        }
        try request.ris.validate()
        try SeedSelection.validate(k: request.k, epsilon: request.ris.epsilon, nodeCount: graph.nodeCount)
        let model = try request.model.bind(to: graph)
        let sampler = try RRSetSampler(model: model, method: request.ris.sampling)
        var selector = try RISSelector(model: model, algorithm: request.algorithm, parameters: request.ris, seed: request.seed,
                                       workers: request.threads, progress: progress)
        selector.communicator = communicator
        let outcome = try selector.run(k: request.k, sampler: sampler)
        let selection = outcome.selection

        var evaluationClock = Stopwatch()
        let evaluationCount = request.evaluationSets ?? evaluationSize(for: selection)
        let evaluationBytes = 4 * Int(Double(evaluationCount).squareRoot()) + 8 * graph.nodeCount * request.threads
        var evaluationFailure: InfluenceError?
        do {
            try MemoryBudget(limitBytes: request.ris.memoryLimitBytes).check(evaluationBytes, step: "evaluating on \(evaluationCount) RR sets")
        } catch { evaluationFailure = error }
        try communicator.agree(evaluationFailure)
        let interval = try SpreadInterval.estimate(seeds: selection.seeds, sampler: sampler, sets: evaluationCount,
                                                   seed: request.seed, workers: request.threads, progress: progress,
                                                   communicator: communicator)
        let evaluationSeconds = evaluationClock.lap()

        let gains = selection.marginalGains
        let seeds = selection.seeds.enumerated().map { i, node in
            SelectionReport.Seed(rank: i + 1, label: graph.label(of: node), node: node, marginalGain: gains[i],
                                 marginalCoverage: selection.marginalCoverage[i])
        }
        var rounds: [OPIMC.Round]?, refinement: OPIMC.Refinement?, delta: Double?
        var estimation: [IMM.EstimationRound]?, lowerBound: Double?
        switch outcome {
        case .opimC(let report):
            rounds = report.rounds; refinement = report.refinement; delta = report.delta
        case .imm(let report):
            estimation = report.estimationRounds; lowerBound = report.lowerBound
        }
        let parameters = SelectionReport.Parameters(
            graph: graphName, nodes: graph.nodeCount, arcs: graph.arcCount, load: load,
            probabilities: request.model.probabilities.recorded, modelScheme: model.scheme,
            normalizeLT: request.model.normalizeLT, model: model.name, algorithm: selection.algorithm,
            algorithmName: request.algorithm.rawValue, k: request.k, epsilon: request.ris.epsilon, delta: delta,
            ell: request.algorithm == .imm ? request.ris.ell : nil,
            precision: request.algorithm == .opimC ? request.ris.precision : nil,
            evaluationSets: request.evaluationSets, seed: request.seed, threads: request.threads,
            sampling: sampler.methodName,
            maxMemoryBytes: request.ris.memoryLimitBytes)
        var recorded = parameters
        recorded.graphStatistics = graph.statistics
        let totalSeconds = loadSeconds + total.lap()
        var report = SelectionReport(
            parameters: recorded, seeds: seeds, spread: .init(interval), selectionSpread: selection.selectionSpread,
            guarantee: selection.guarantee,
            rrSets: .init(selection: selection.selectionSets, generated: selection.rrSetsGenerated, evaluation: interval.rrSets),
            rounds: rounds, refinement: refinement, estimationRounds: estimation, lowerBound: lowerBound,
            timings: .init(loadSeconds: loadSeconds, phases: selection.phases, evaluationSeconds: evaluationSeconds,
                           totalSeconds: totalSeconds),
            memory: .init(peakResidentBytes: SystemMemory.peakResidentBytes, peakRRSetBytes: selection.peakRRSetBytes,
                          limitBytes: request.ris.memoryLimitBytes))
        if communicator.isDistributed {
            report.distributed = DistributedRunRecord.gather(
                communicator, phases: selection.phases, evaluationSeconds: evaluationSeconds, loadSeconds: loadSeconds,
                totalSeconds: totalSeconds, peakRRSetBytes: selection.peakRRSetBytes,
                peakResidentBytes: SystemMemory.peakResidentBytes)
        }
        return report
    }

    /// Fresh sets for the spread interval: enough for a relative standard error of about 1%
    /// (a 95% interval of about ±2%) at the coverage the selection pool saw, within [2^14, 2^22],
    /// and no more than the selection pool held (small seed sets, whose tiny coverage would ask
    /// for millions, are then measured about as precisely as they were selected).
    /// Complexity: O(k).
    public static func evaluationSize(for selection: SeedSelection) -> Int {
        let covered = Double(selection.marginalCoverage.reduce(0, +))
        let fraction = covered / Double(max(1, selection.selectionSets))
        guard fraction > 0 else { return 1 << 14 }
        let wanted = (1 - fraction) / (fraction * 0.01 * 0.01)
        let ceiling = min(Double(1 << 22), Double(max(1 << 14, selection.selectionSets)))
        return Int(min(ceiling, max(Double(1 << 14), wanted.rounded(.up))))
    }
}
