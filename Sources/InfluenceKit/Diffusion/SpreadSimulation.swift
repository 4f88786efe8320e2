/// The whole "simulate a seed set" use case in one call: Monte Carlo cascades from the seeds (a
/// fixed count of runs, or batches until a relative confidence half-width), optionally the exact
/// value and the nodes most likely to end active, assembled into the record `infmax simulate`
/// prints. The CLI and the C interface both build their record here, so the same request and seed
/// give the same record.
///
/// ```swift
/// let model = try DiffusionModelKind.ic.bind(to: graph)
/// let report = try SpreadSimulation.run(.init(runs: 10_000, seed: 1), model: model, seeds: [0, 33])
/// print(report.estimate.mean, report.estimate.confidenceLow, report.estimate.confidenceHigh)
/// ```
public enum SpreadSimulation {
    /// What to simulate.
    public struct Request: Sendable, Equatable {
        /// Cascades to simulate (the first batch with `untilRelativeError`), at least 1.
        public var runs: Int
        /// Seed of every random choice: run `i` uses stream (seed, i).
        public var seed: UInt64
        /// Worker threads (the numbers do not depend on them).
        public var threads: Int
        /// Stop each cascade after this many rounds (nil: until no new activation).
        public var maxSteps: Int?
        /// Add runs until the 95% half-width is at most this fraction of the mean (nil: `runs` only).
        public var untilRelativeError: Double?
        /// Cap on runs with `untilRelativeError` (nil: 1,000,000).
        public var maxRuns: Int?
        /// Also list this many nodes of highest activation probability.
        public var nodeProbabilities: Int?
        /// Also compute σ(S) exactly by enumerating live-edge worlds (tiny instances only).
        public var exact: Bool
        /// Memory the simulation's buffers may take (nil: `SystemMemory.defaultLimitBytes`).
        public var memoryLimitBytes: Int?

        /// The cap on adaptive runs used when none is given.
        public static let defaultMaxRuns = 1_000_000

        /// A request; the defaults are 10,000 runs from seed 1 on every processor, no step limit, no
        /// adaptive runs, no node probabilities and no exact value. Complexity: O(1).
        public init(runs: Int = 10_000, seed: UInt64 = 1, threads: Int = Parallel.processorCount, maxSteps: Int? = nil,
                    untilRelativeError: Double? = nil, maxRuns: Int? = nil, nodeProbabilities: Int? = nil,
                    exact: Bool = false, memoryLimitBytes: Int? = nil) {
            self.runs = runs
            self.seed = seed
            self.threads = threads
            self.maxSteps = maxSteps
            self.untilRelativeError = untilRelativeError
            self.maxRuns = maxRuns
            self.nodeProbabilities = nodeProbabilities
            self.exact = exact
            self.memoryLimitBytes = memoryLimitBytes
        }

        /// The cap on adaptive runs in force.
        public var resolvedMaxRuns: Int { maxRuns ?? Self.defaultMaxRuns }

        /// Checks the values and their combinations, naming the parameter at fault. Complexity: O(1).
        public func validate() throws(InfluenceError) {
            guard runs >= 1 else { throw InfluenceError(.usage, parameter: "runs", "runs = \(runs) (expected a positive count, e.g. 10000)") }
            if let nodeProbabilities, nodeProbabilities < 1 {
                throw InfluenceError(.usage, parameter: "nodeProbabilities", "nodeProbabilities = \(nodeProbabilities) (expected a positive count, e.g. 10)")
            }
            if let untilRelativeError, !(untilRelativeError > 0 && untilRelativeError < 1) {
                throw InfluenceError(.usage, parameter: "untilRelativeError",
                                     "relative error \(untilRelativeError) (expected a fraction strictly between 0 and 1, e.g. 0.01)")
            }
            if let maxRuns {
                guard untilRelativeError != nil else {
                    throw InfluenceError(.usage, parameter: "maxRuns", "maxRuns caps untilRelativeError (expected both, or runs alone)")
                }
                guard maxRuns >= 1 else { throw InfluenceError(.usage, parameter: "maxRuns", "maxRuns = \(maxRuns) (expected at least 1)") }
            }
            if untilRelativeError != nil, resolvedMaxRuns < runs {
                throw InfluenceError(.usage, parameter: "maxRuns", "maxRuns (\(resolvedMaxRuns)) is below runs (\(runs)) (expected maxRuns ≥ runs)")
            }
            try MonteCarloSimulator.Configuration(runs: runs, seed: seed, threads: threads, maxSteps: maxSteps,
                                                  memoryLimitBytes: memoryLimitBytes).validate()
        }
    }

    /// Simulates `request` from `seeds` (dense ids of `model.graph`) and returns the record.
    ///
    /// - Parameters:
    ///   - request: what to simulate; validated first.
    ///   - model: the bound model; its graph is the one simulated on.
    ///   - seeds: dense node ids of `model.graph`.
    ///   - graphName: how the record names the graph (a path).
    ///   - progress: receives the simulation phase.
    ///   - communicator: the ranks the runs are spread over (one process by default); the
    ///     estimate is bit-identical for any number of ranks.
    /// - Throws: `InfluenceError` naming the parameter at fault (`runs`, `threads`, `maxSteps`,
    ///   `untilRelativeError`, `maxRuns`, `nodeProbabilities`, `seeds`, `memoryLimit`); the exact
    ///   oracle's refusal of a graph with too many live-edge worlds.
    /// - Complexity: O(R · (|S| + Σ out-degree of the activated nodes)) over the threads, R the
    ///   runs made; the exact value is exponential in the relevant arcs.
    public static func run(_ request: Request, model: any DiffusionModel, seeds: [Int], graphName: String = "graph",
                           progress: any ProgressReporter = SilentProgress(),
                           communicator: any Communicator = SingleProcessCommunicator()) throws(InfluenceError) -> SimulationReport {
        try request.validate()
        let graph = model.graph
        let simulator = try MonteCarloSimulator(
            model: model, configuration: .init(runs: request.runs, seed: request.seed, threads: request.threads,
                                               maxSteps: request.maxSteps, memoryLimitBytes: request.memoryLimitBytes))
        let watch = Stopwatch()
        var tally = MonteCarloTally()
        let countNodes = request.nodeProbabilities != nil
        if let untilRelativeError = request.untilRelativeError {
            tally = try simulator.simulate(seeds: seeds, untilRelativeError: untilRelativeError, maxRuns: request.resolvedMaxRuns,
                                           countNodes: countNodes, progress: progress, communicator: communicator)
        } else {
            try simulator.simulate(seeds: seeds, runs: 0..<request.runs, countNodes: countNodes, into: &tally, progress: progress,
                                   communicator: communicator)
        }
        let seconds = watch.seconds
        let exactValue = request.exact ? try ExactSpread.spread(of: seeds, under: model, maxSteps: request.maxSteps) : nil
        var top: [SimulationReport.NodeProbability]?
        if let count = request.nodeProbabilities {
            let probabilities = tally.activationProbabilities
            top = MonteCarloSimulator.topNodes(probabilities, count: count).map {
                SimulationReport.NodeProbability(label: graph.label(of: $0), probability: probabilities[$0])
            }
        }
        return SimulationReport(
            graph: graphName, nodes: graph.nodeCount, arcs: graph.arcCount,
            probabilities: model.scheme, model: model.name,
            seeds: seeds.map { SimulationReport.Seed(label: graph.label(of: $0)) },
            seed: request.seed, threads: request.threads, maxSteps: request.maxSteps,
            untilRelativeError: request.untilRelativeError,
            maxRuns: request.untilRelativeError == nil ? nil : request.resolvedMaxRuns,
            estimate: tally.estimate, exact: exactValue, nodeProbabilities: top,
            arcsExamined: tally.arcsExamined, seconds: seconds)
    }
}
