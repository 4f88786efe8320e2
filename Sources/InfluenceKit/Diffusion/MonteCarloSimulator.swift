/// Estimates the expected spread σ(S) of a seed set by simulating cascades (Kempe, Kleinberg,
/// Tardos, KDD 2003, §2; the estimator of every greedy and evaluation in the IM literature).
///
/// Run `i` draws only from `Xoshiro256StarStar(seed: configuration.seed, stream: i)` (through
/// `RunRandomness`, which makes run `i` one fixed live-edge world), so
/// - the result is bit-identical for any thread count (runs are grouped in blocks of
///   `runsPerTask`, block totals merged in block order), and
/// - two seed sets evaluated with the same seed see the same world in run `i` (common random
///   numbers: run by run a superset of seeds reaches a superset of nodes, and the difference of
///   two estimates has far less variance than with independent runs).
///
/// The simulator is configured, then queried; it holds no mutable state and may be shared.
public struct MonteCarloSimulator: Sendable {
    /// How many runs, from which seed, on how many threads.
    public struct Configuration: Sendable, Equatable {
        /// Number of simulated cascades (the first batch for `estimate(seeds:untilRelativeError:maxRuns:)`).
        public var runs: Int
        /// Seed of every random choice.
        public var seed: UInt64
        /// Worker threads.
        public var threads: Int
        /// Rounds after the seeds (nil: until no new activation).
        public var maxSteps: Int?

        public init(runs: Int = 10_000, seed: UInt64 = 1, threads: Int = Parallel.processorCount, maxSteps: Int? = nil) {
            self.runs = runs
            self.seed = seed
            self.threads = threads
            self.maxSteps = maxSteps
        }
    }

    /// Runs per block of work. Blocks are the unit of parallel hand-out and of the fixed-order
    /// merge, so this constant (not the thread count) decides the floating-point result.
    public static let runsPerTask = 64

    /// The graph simulated on.
    public let graph: InfluenceGraph
    /// The diffusion model.
    public let model: DiffusionModelKind
    /// Runs, seed, threads and step bound.
    public let configuration: Configuration

    /// A simulator for `model` on `graph`.
    ///
    /// Complexity: O(1).
    public init(graph: InfluenceGraph, model: DiffusionModelKind, configuration: Configuration = Configuration()) {
        precondition(configuration.runs >= 0, "MonteCarloSimulator: runs must not be negative")
        precondition(configuration.maxSteps.map { $0 >= 0 } ?? true, "MonteCarloSimulator: maxSteps must not be negative")
        self.graph = graph
        self.model = model
        self.configuration = configuration
    }

    /// Estimates σ(S) from `configuration.runs` cascades.
    ///
    /// - Parameter seeds: dense node ids (`0..<graph.nodeCount`); duplicates count once.
    /// - Complexity: O(R · (|S| + Σ out-degree of the activated nodes)) over the threads, with
    ///   R = `configuration.runs`; memory O(threads · n).
    public func estimate(seeds: [Int]) -> SpreadEstimate {
        var tally = MonteCarloTally()
        simulate(seeds: seeds, runs: 0..<configuration.runs, into: &tally)
        return tally.estimate
    }

    /// Estimates σ(S) and, for every node, the probability that it ends active (the fraction of
    /// runs in which it did). The probabilities sum to the mean spread.
    ///
    /// - Complexity: as `estimate(seeds:)`, plus O(threads · n) memory and time to combine.
    public func nodeActivationProbabilities(seeds: [Int]) -> (SpreadEstimate, [Double]) {
        var tally = MonteCarloTally()
        simulate(seeds: seeds, runs: 0..<configuration.runs, countNodes: true, into: &tally)
        return (tally.estimate, tally.activationProbabilities)
    }

    /// Adds batches of runs until the 95% confidence half-width is at most `untilRelativeError`
    /// times the mean, or `maxRuns` runs were made.
    ///
    /// The first batch has `configuration.runs` runs; each later one is sized from the variance
    /// seen so far to reach the target, and is at least a quarter of the runs already made. Run
    /// `i` always uses stream `i`, so the result equals `estimate(seeds:)` with the same final
    /// run count whenever batch boundaries fall on multiples of `runsPerTask` (they do, except
    /// possibly at `maxRuns`).
    ///
    /// - Complexity: O(R · (|S| + Σ out-degree of the activated nodes)), R the final run count.
    public func estimate(seeds: [Int], untilRelativeError: Double, maxRuns: Int) -> SpreadEstimate {
        simulate(seeds: seeds, untilRelativeError: untilRelativeError, maxRuns: maxRuns).estimate
    }

    /// The totals behind `estimate(seeds:untilRelativeError:maxRuns:)`, optionally with per-node
    /// activation counts, reporting progress as `simulate(seeds:runs:countNodes:into:progress:)`.
    ///
    /// - Complexity: as `estimate(seeds:untilRelativeError:maxRuns:)`.
    public func simulate(seeds: [Int], untilRelativeError: Double, maxRuns: Int, countNodes: Bool = false,
                         progress: (@Sendable (_ runsDone: Int, _ runsPlanned: Int) -> Void)? = nil) -> MonteCarloTally {
        precondition(untilRelativeError > 0, "untilRelativeError must be positive")
        precondition(maxRuns >= 1, "maxRuns must be positive")
        var tally = MonteCarloTally()
        var planned = Swift.min(Swift.max(configuration.runs, 2), maxRuns)
        while true {
            simulate(seeds: seeds, runs: tally.runs..<planned, countNodes: countNodes, into: &tally, progress: progress)
            let estimate = tally.estimate
            if estimate.halfWidth <= untilRelativeError * estimate.mean || tally.runs >= maxRuns { return tally }
            // Runs needed if the variance stays as measured: R · (half-width / target)².
            let ratio = estimate.halfWidth / (untilRelativeError * estimate.mean)
            let needed = Double(tally.runs) * ratio * ratio
            let step = Swift.max(needed - Double(tally.runs), Double(tally.runs) / 4, Double(Self.runsPerTask))
            let target = Swift.min(Double(tally.runs) + step.rounded(.up), Double(maxRuns))
            planned = Swift.min(Int(target).roundedUp(toMultipleOf: Self.runsPerTask), maxRuns)
        }
    }

    /// Simulates runs `runs` (run `i` on stream `i`) and merges their totals into `tally`, block
    /// by block in run order. Calling it for consecutive ranges gives exactly the tally of one
    /// call over their union when the boundaries are multiples of `runsPerTask`.
    ///
    /// - Parameters:
    ///   - countNodes: also count, per node, the runs in which it ended active (into
    ///     `tally.activationCounts`, allocated on first use).
    ///   - progress: called from worker threads after each block with the number of runs done
    ///     (counting from run 0, so batches continue where the previous one ended) and
    ///     `runs.upperBound`; it must be thread-safe and cheap.
    /// - Complexity: O(|runs| · (|S| + Σ out-degree of the activated nodes)) over the threads.
    public func simulate(seeds: [Int], runs: Range<Int>, countNodes: Bool = false, into tally: inout MonteCarloTally,
                         progress: (@Sendable (_ runsDone: Int, _ runsPlanned: Int) -> Void)? = nil) {
        let n = graph.nodeCount
        for s in seeds {
            precondition(s >= 0 && s < n, "MonteCarloSimulator: seed \(s) is not a node (expected 0..<\(n))")
        }
        if countNodes && tally.activationCounts.count != n {
            tally.activationCounts = [Int](repeating: 0, count: n)
        }
        guard !runs.isEmpty else { return }
        let seedIds = seeds.map { UInt32(truncatingIfNeeded: $0) }
        switch model {
        case .ic:
            simulate(IndependentCascade.self, seeds: seedIds, runs: runs, countNodes: countNodes, into: &tally, progress: progress)
        case .lt:
            simulate(LinearThreshold.self, seeds: seedIds, runs: runs, countNodes: countNodes, into: &tally, progress: progress)
        }
    }

    /// The generic driver, instantiated once per model.
    private func simulate<Model: CascadeModel>(_ model: Model.Type, seeds: [UInt32], runs: Range<Int>, countNodes: Bool,
                                               into tally: inout MonteCarloTally,
                                               progress: (@Sendable (Int, Int) -> Void)?) {
        let n = graph.nodeCount
        let perTask = Self.runsPerTask
        let firstTask = runs.lowerBound / perTask
        let lastTask = (runs.upperBound - 1) / perTask
        let taskCount = lastTask - firstTask + 1
        let workers = Swift.max(1, Swift.min(configuration.threads, taskCount))
        let maxSteps = configuration.maxSteps ?? Int.max
        let seed = configuration.seed
        let workspaces = (0..<workers).map { _ in SimulationWorkspace(nodeCount: n) }
        let counters = countNodes ? (0..<workers).map { _ in ActivationCounter(nodeCount: n) } : []
        let done = ProgressCounter()
        var blocks = [MonteCarloTally](repeating: MonteCarloTally(), count: taskCount)
        blocks.withUnsafeMutableBufferPointer { blockBuffer in
            seeds.withUnsafeBufferPointer { seedBuffer in
                graph.withCascadeArcs { arcs in
                    let shared = UncheckedSendableBox((blockBuffer, seedBuffer, arcs))
                    Parallel.forEachTask(taskCount, workers: workers) { worker, task in
                        let (blockBuffer, seedBuffer, arcs) = shared.value
                        let workspace = workspaces[worker]
                        let counts = countNodes ? counters[worker].counts : nil
                        let globalTask = firstTask + task
                        let begin = Swift.max(runs.lowerBound, globalTask * perTask)
                        let end = Swift.min(runs.upperBound, (globalTask + 1) * perTask)
                        var block = MonteCarloTally()
                        for run in begin..<end {
                            let scratch = workspace.beginRun()
                            let outcome = Model.cascade(from: seedBuffer, arcs: arcs, scratch: scratch,
                                                        maxSteps: maxSteps, randomness: RunRandomness(seed: seed, run: run))
                            block.add(spread: outcome.activated, arcsExamined: outcome.arcsExamined)
                            if let counts {
                                for k in 0..<outcome.activated { counts[Int(scratch.queue[k])] &+= 1 }
                            }
                        }
                        blockBuffer[task] = block
                        if let progress {
                            progress(runs.lowerBound + done.add(end - begin), runs.upperBound)
                        }
                    }
                }
            }
        }
        for block in blocks { tally.merge(block) }
        if countNodes {
            tally.activationCounts.withUnsafeMutableBufferPointer { total in
                for counter in counters {
                    for v in 0..<n { total[v] += Int(counter.counts[v]) }
                }
            }
        }
    }
}
