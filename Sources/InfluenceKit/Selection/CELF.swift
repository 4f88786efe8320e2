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

    public let graph: InfluenceGraph
    public let model: DiffusionModelKind
    public let configuration: Configuration
    /// Called after each block of first-round nodes and after each choice, with work done and
    /// total, from the calling thread.
    public let progress: (@Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void)?

    public var name: String { "celf" }
    public var nestedPrefixes: Bool { true }

    public init(graph: InfluenceGraph, model: DiffusionModelKind, configuration: Configuration,
                progress: (@Sendable (_ phase: String, _ done: Int, _ total: Int) -> Void)? = nil) {
        self.graph = graph
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
        guard configuration.runs >= 1 else { throw InfluenceError(.usage, "celf: runs = \(configuration.runs) (expected at least 1)") }
        let watch = Stopwatch()
        let n = graph.nodeCount
        let runs = Double(configuration.runs)
        let simulator = MonteCarloSimulator(graph: graph, model: model, configuration: configuration)

        // Round 1: σ({v}) for every node, as integer sums over the runs.
        let singles = singletonSums(Array(0..<n))
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
                progress?("celf", seeds.count, k)
                continue
            }
            var tally = MonteCarloTally()
            simulator.simulate(seeds: seeds + [v], runs: 0..<configuration.runs, into: &tally)
            evaluations += 1
            gain[v] = Double(tally.sum - currentSum)
            evaluatedInRound[v] = round
            heap.push(v, gain[v])
        }
        return Report(seeds: seeds, gains: gains, spreads: spreads, evaluations: evaluations, seconds: watch.seconds, elapsed: elapsed)
    }

    /// Σ over runs `0..<runs` of σ({v}) for each of `nodes` (one task per node, runs in order on
    /// the worker), with the arcs examined.
    func singletonSums(_ nodes: [Int]) -> [Int] {
        switch model {
        case .ic: return singletonSums(IndependentCascade.self, nodes).sums
        case .lt: return singletonSums(LinearThreshold.self, nodes).sums
        }
    }

    /// The generic kernel driver behind `singletonSums(_:)`; also returns the arcs examined.
    func singletonSums<Model: CascadeModel>(_ model: Model.Type, _ nodes: [Int]) -> (sums: [Int], arcs: Int) {
        let workers = max(1, min(configuration.threads, nodes.count))
        let workspaces = (0..<workers).map { _ in SimulationWorkspace(nodeCount: graph.nodeCount) }
        var sums = [Int](repeating: 0, count: nodes.count)
        var arcs = [Int](repeating: 0, count: nodes.count)
        let runs = configuration.runs, seed = configuration.seed
        let maxSteps = configuration.maxSteps ?? Int.max
        let blockSize = 256
        let blocks = (nodes.count + blockSize - 1) / blockSize
        sums.withUnsafeMutableBufferPointer { sumBuffer in
            arcs.withUnsafeMutableBufferPointer { arcBuffer in
                nodes.withUnsafeBufferPointer { nodeBuffer in
                    graph.withCascadeArcs { cascadeArcs in
                        let shared = UncheckedSendableBox((sumBuffer, arcBuffer, nodeBuffer, cascadeArcs))
                        for block in 0..<blocks {
                            let first = block * blockSize, last = min(nodes.count, first + blockSize)
                            Parallel.forEachTask(last - first, workers: workers) { worker, task in
                                let (sumBuffer, arcBuffer, nodeBuffer, cascadeArcs) = shared.value
                                let index = first + task
                                var seedId = UInt32(truncatingIfNeeded: nodeBuffer[index])
                                var total = 0, examined = 0
                                withUnsafeMutablePointer(to: &seedId) { pointer in
                                    let seeds = UnsafeBufferPointer(start: pointer, count: 1)
                                    for run in 0..<runs {
                                        let outcome = Model.cascade(from: seeds, arcs: cascadeArcs, scratch: workspaces[worker].beginRun(),
                                                                    maxSteps: maxSteps, randomness: RunRandomness(seed: seed, run: run))
                                        total += outcome.activated
                                        examined += outcome.arcsExamined
                                    }
                                }
                                sumBuffer[index] = total
                                arcBuffer[index] = examined
                            }
                            progress?("celf round 1", last, nodes.count)
                        }
                    }
                }
            }
        }
        return (sums, arcs.reduce(0, +))
    }
}
