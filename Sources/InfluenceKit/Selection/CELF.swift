/// CELF: greedy hill climbing with lazy evaluation of Monte Carlo marginal gains (Leskovec, Krause,
/// Guestrin, Faloutsos, VanBriesen, Glance, "Cost-effective outbreak detection in networks",
/// KDD 2007, §4.1, https://doi.org/10.1145/1281192.1281239), applied to the greedy algorithm of
/// Kempe, Kleinberg, Tardos (KDD 2003), which gives 1 − 1/e − ε with enough runs.
///
/// Every spread is the mean of `configuration.runs` cascades, run `i` in the live-edge world of
/// `RunRandomness(seed: configuration.seed, run: i)`: all evaluations share the same worlds per run
/// index (common random numbers), so a marginal gain σ(S ∪ {v}) − σ(S) compares two paired
/// estimates and is never negative. Gains are kept as exact integer sums over the runs.
///
/// Round 1 estimates σ({v}) for every node (parallel over nodes). Then each round pops the node
/// with the largest stale gain; a gain computed in this round is taken, any other is re-estimated
/// (parallel over runs) and pushed back. Submodularity of σ makes a fresh top gain the round's
/// best. Ties: smaller id first.
///
/// Complexity: (n + k·r) evaluations of `runs` cascades each, r the re-evaluations per round
/// (small in practice); see `estimateCost(k:)` before running on a large graph. Memory O(threads·n).
public struct CELF: SeedSelector {
    /// Runs per evaluation, seed, threads, step bound (as for `MonteCarloSimulator`).
    public typealias Configuration = MonteCarloSimulator.Configuration

    /// What a run found, besides the seeds.
    public struct Report: Sendable, Codable, Equatable {
        /// The seeds, in order of choice.
        public var seeds: [Int]
        /// Marginal gain of each seed when it was taken (in nodes).
        public var gains: [Double]
        /// Estimated σ of each prefix: `spreads[i]` = σ(seeds[0...i]).
        public var spreads: [Double]
        /// Spread evaluations made (each of `runs` cascades).
        public var evaluations: Int
        /// Wall time in seconds.
        public var seconds: Double
        /// `elapsed[i]`: seconds from the start to the choice of `seeds[i]`.
        public var elapsed: [Double]
    }

    /// The bound model whose cascades are simulated.
    public let model: any DiffusionModel
    /// Runs, seed and threads of each evaluation.
    public let configuration: Configuration
    /// Receives the first round (a phase over nodes) and the choices (a phase over seeds).
    public let progress: any ProgressReporter

    /// The graph the model is bound to.
    public var graph: InfluenceGraph { model.graph }
    public var name: String { "celf" }
    public var nestedPrefixes: Bool { true }

    /// - Throws: `InfluenceError(.usage)` for a bad configuration or fewer than one run.
    /// - Complexity: O(n + m) to set up the simulator.
    public init(model: any DiffusionModel, configuration: Configuration,
                progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) {
        try configuration.validate()
        guard configuration.runs >= 1 else {
            throw InfluenceError(.usage, parameter: "runs", "celf: runs = \(configuration.runs) (expected at least 1)")
        }
        self.model = model
        self.configuration = configuration
        self.progress = progress
    }

    public func select(k: Int) throws(InfluenceError) -> SeedRanking {
        let report = try run(k: k)
        return SeedRanking(seeds: report.seeds, seconds: report.seconds, elapsed: report.elapsed)
    }

    /// Runs CELF for `k` seeds.
    ///
    /// Complexity: see the type.
    public func run(k: Int) throws(InfluenceError) -> Report {
        try validate(k: k, nodeCount: graph.nodeCount)
        let watch = Stopwatch()
        let n = graph.nodeCount
        let runs = Double(configuration.runs)
        let simulator = try MonteCarloSimulator(model: model, configuration: configuration)

        // Round 1: σ({v}) for every node, as integer sums over the runs.
        progress.begin("celf round 1", total: n, unit: "nodes")
        let singles = singletonSums(Array(0..<n)).sums
        progress.end()
        progress.begin("celf", total: k, unit: "seeds")
        defer { progress.end() }
        var gain = singles.map { Double($0) }
        var evaluatedInRound = [Int](repeating: 0, count: n)
        var chosen = [Bool](repeating: false, count: n)
        var heap = ScoreHeap(gain)
        var evaluations = n

        var seeds: [Int] = [], gains: [Double] = [], spreads: [Double] = [], elapsed: [Double] = []
        var currentSum = 0   // Σ over runs of |activated(S)|
        var round = 0
        while seeds.count < k, let v = heap.popCurrent(current: gain, chosen: chosen) {
            if evaluatedInRound[v] == round {
                chosen[v] = true
                seeds.append(v)
                currentSum += Int(gain[v])
                gains.append(gain[v] / runs)
                spreads.append(Double(currentSum) / runs)
                elapsed.append(watch.seconds)
                round += 1
                progress.advance(by: 1, worker: 0)
                continue
            }
            var tally = MonteCarloTally()
            try simulator.simulate(seeds: seeds + [v], runs: 0..<configuration.runs, into: &tally)
            evaluations += 1
            gain[v] = Double(tally.sum - currentSum)
            evaluatedInRound[v] = round
            heap.push(v, gain[v])
        }
        return Report(seeds: seeds, gains: gains, spreads: spreads, evaluations: evaluations, seconds: watch.seconds, elapsed: elapsed)
    }

    /// Σ over runs `0..<runs` of σ({v}) for each of `nodes` (one task per node, runs in order on
    /// the worker), with the arcs examined in all.
    func singletonSums(_ nodes: [Int]) -> (sums: [Int], arcs: Int) {
        let work = ForwardWork(graph: graph, job: .singletons(nodes: nodes, runs: configuration.runs), seed: configuration.seed,
                               threads: configuration.threads, maxSteps: configuration.maxSteps, progress: progress)
        model.runForward(work)
        return (work.sums, work.arcsExamined)
    }
}
