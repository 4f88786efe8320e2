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
    public struct Configuration: Sendable, Equatable, Codable {
        /// Number of simulated cascades (the first batch for `estimate(seeds:untilRelativeError:maxRuns:)`).
        public var runs: Int
        /// Seed of every random choice.
        public var seed: UInt64
        /// Worker threads.
        public var threads: Int
        /// Rounds after the seeds (nil: until no new activation).
        public var maxSteps: Int?
        /// Memory the simulation's buffers may take, in bytes (nil: `SystemMemory.defaultLimitBytes`).
        public var memoryLimitBytes: Int?

        /// A configuration: 10,000 runs from seed 1 on every processor. Complexity: O(1).
        public init(runs: Int = 10_000, seed: UInt64 = 1, threads: Int = Parallel.processorCount, maxSteps: Int? = nil,
                    memoryLimitBytes: Int? = nil) {
            self.runs = runs
            self.seed = seed
            self.threads = threads
            self.maxSteps = maxSteps
            self.memoryLimitBytes = memoryLimitBytes
        }

        /// Checks the values, naming the parameter at fault. Complexity: O(1).
        public func validate() throws(InfluenceError) {
            guard runs >= 0 else { throw InfluenceError(.usage, parameter: "runs", "runs = \(runs) (expected a count ≥ 0)") }
            try MonteCarloSimulator.checkRunCount(runs, parameter: "runs")
            try Parallel.checkThreadCount(threads)
            if let maxSteps, maxSteps < 0 {
                throw InfluenceError(.usage, parameter: "maxSteps", "maxSteps = \(maxSteps) (expected a count of rounds ≥ 0)")
            }
        }
    }

    /// The most runs one estimate may ask for: 10^12. The standard error falls as 1/√R, so a
    /// million runs already give three significant digits; far beyond this bound the run would
    /// take days, and Σ spread could overflow for graphs of millions of nodes.
    public static let maximumRuns = 1_000_000_000_000

    /// Throws a usage error naming `parameter` when `runs` exceeds `maximumRuns`. Complexity: O(1).
    static func checkRunCount(_ runs: Int, parameter: ParameterKey) throws(InfluenceError) {
        guard runs > maximumRuns else { return }
        throw InfluenceError(.usage, parameter: parameter,
            "\(runs) runs is more than an estimate can use (expected at most 1000000000000; the standard error falls as 1/√runs, so 1000000 runs already give about three significant digits)")
    }

    /// Runs per block of work. Blocks are the unit of parallel hand-out and of the fixed-order
    /// merge, so this constant (not the thread count) decides the floating-point result.
    public static let runsPerTask = 64

    /// The bound diffusion model (and through it the graph).
    public let model: any DiffusionModel
    /// Runs, seed, threads and step bound.
    public let configuration: Configuration

    /// The graph simulated on.
    public var graph: InfluenceGraph { model.graph }

    /// A simulator for `model`.
    ///
    /// - Throws: `InfluenceError(.usage)` for negative runs or steps, or no threads.
    /// - Complexity: O(1).
    public init(model: any DiffusionModel, configuration: Configuration = Configuration()) throws(InfluenceError) {
        try configuration.validate()
        self.model = model
        self.configuration = configuration
    }

    /// Estimates σ(S) from `configuration.runs` cascades.
    ///
    /// - Parameter seeds: dense node ids (`0..<graph.nodeCount`); duplicates count once.
    /// - Throws: `InfluenceError(.usage)` for a seed that is not a node.
    /// - Complexity: O(R · (|S| + Σ out-degree of the activated nodes)) over the threads, with
    ///   R = `configuration.runs`; memory O(threads · n).
    public func estimate(seeds: [Int]) throws(InfluenceError) -> SpreadEstimate {
        var tally = MonteCarloTally()
        try simulate(seeds: seeds, runs: 0..<configuration.runs, into: &tally)
        return tally.estimate
    }

    /// Estimates σ(S) and, for every node, the probability that it ends active (the fraction of
    /// runs in which it did). The probabilities sum to the mean spread.
    ///
    /// - Complexity: as `estimate(seeds:)`, plus O(threads · n) memory and time to combine.
    public func nodeActivationProbabilities(seeds: [Int]) throws(InfluenceError) -> (SpreadEstimate, [Double]) {
        var tally = MonteCarloTally()
        try simulate(seeds: seeds, runs: 0..<configuration.runs, countNodes: true, into: &tally)
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
    public func estimate(seeds: [Int], untilRelativeError: Double, maxRuns: Int) throws(InfluenceError) -> SpreadEstimate {
        try simulate(seeds: seeds, untilRelativeError: untilRelativeError, maxRuns: maxRuns).estimate
    }

    /// The totals behind `estimate(seeds:untilRelativeError:maxRuns:)`, optionally with per-node
    /// activation counts; each batch is a progress phase of `progress`.
    ///
    /// - Complexity: as `estimate(seeds:untilRelativeError:maxRuns:)`.
    public func simulate(seeds: [Int], untilRelativeError: Double, maxRuns: Int, countNodes: Bool = false,
                         progress: any ProgressReporter = SilentProgress(),
                         communicator: any Communicator = SingleProcessCommunicator()) throws(InfluenceError) -> MonteCarloTally {
        guard untilRelativeError > 0, untilRelativeError < 1 else {
            throw InfluenceError(.usage, parameter: "untilRelativeError",
                                 "relative error \(untilRelativeError) (expected a fraction strictly between 0 and 1, e.g. 0.01)")
        }
        guard maxRuns >= 1 else { throw InfluenceError(.usage, parameter: "maxRuns", "maxRuns = \(maxRuns) (expected at least 1)") }
        try Self.checkRunCount(maxRuns, parameter: "maxRuns")
        var tally = MonteCarloTally()
        var planned = Swift.min(Swift.max(configuration.runs, 2), maxRuns)
        while true {
            try simulate(seeds: seeds, runs: tally.runs..<planned, countNodes: countNodes, into: &tally, progress: progress,
                         communicator: communicator)
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
    ///   - seeds: dense node ids of the seeds; duplicates count once.
    ///   - runs: the run numbers to simulate; run `i` draws from stream `i`.
    ///   - countNodes: also count, per node, the runs in which it ended active (into
    ///     `tally.activationCounts`, allocated on first use).
    ///   - progress: a phase "simulating" of `runs.upperBound` runs, counting from run 0 (so
    ///     batches continue where the previous one ended).
    ///   - communicator: the ranks the runs are spread over (each simulates a contiguous range of
    ///     blocks; the block totals are gathered and merged in run order, the node counts summed,
    ///     so every rank ends with the single-process tally, bit for bit).
    ///   - tally: the totals the runs are merged into.
    /// - Throws: `InfluenceError(.usage)` for a seed that is not a node or a negative range.
    /// - Complexity: O(|runs| · (|S| + Σ out-degree of the activated nodes)) over the threads.
    public func simulate(seeds: [Int], runs: Range<Int>, countNodes: Bool = false, into tally: inout MonteCarloTally,
                         progress: any ProgressReporter = SilentProgress(),
                         communicator: any Communicator = SingleProcessCommunicator()) throws(InfluenceError) {
        let n = graph.nodeCount
        let seedIds = try Self.checkedSeeds(seeds, nodeCount: n)
        guard runs.lowerBound >= 0 else {
            throw InfluenceError(.usage, parameter: "runs", "run range starts at \(runs.lowerBound) (expected runs ≥ 0)")
        }
        if countNodes && tally.activationCounts.count != n {
            tally.activationCounts = [Int](repeating: 0, count: n)
        }
        guard !runs.isEmpty else { return }
        try Self.checkRunCount(runs.upperBound, parameter: "runs")
        if communicator.isDistributed {
            return try simulateAcrossRanks(seeds: seedIds, runs: runs, countNodes: countNodes, into: &tally, progress: progress,
                                           communicator: communicator)
        }
        try checkMemory(workers: Swift.min(configuration.threads, runs.count / Self.runsPerTask + 1), countNodes: countNodes)
        progress.begin("simulating", total: runs.upperBound, unit: "runs")
        if runs.lowerBound > 0 { progress.advance(by: runs.lowerBound, worker: 0) }
        let work = ForwardWork(graph: graph, job: .runs(seeds: seedIds, runs: runs, countNodes: countNodes),
                               seed: configuration.seed, threads: configuration.threads, maxSteps: configuration.maxSteps,
                               progress: progress)
        // The totals go through the work (merged block by block, in run order); the per-node
        // counts stay here so they are not copied.
        let counts = tally.activationCounts
        tally.activationCounts = []
        work.tally = tally
        model.runForward(work)
        progress.end()
        tally = work.tally
        work.tally = MonteCarloTally()
        tally.activationCounts = counts
        if countNodes {
            tally.activationCounts.withUnsafeMutableBufferPointer { total in
                for v in 0..<n { total[v] &+= work.activationCounts[v] }
            }
        }
    }

    /// Throws a resource error when the buffers of `workers` workers would not fit the memory limit:
    /// each worker's cascade scratch (marks, queue, LT residuals: at most 16 bytes a node) and, with
    /// node counts, its counters and the merged totals (8 bytes a node each).
    ///
    /// Complexity: O(1).
    func checkMemory(workers: Int, countNodes: Bool) throws(InfluenceError) {
        let n = Double(Swift.max(1, graph.nodeCount))
        let perWorker = n * (16 + (countNodes ? 8 : 0))
        let bytes = Double(Swift.max(1, workers)) * perWorker + (countNodes ? 16 * n : 0)
        let limit = configuration.memoryLimitBytes ?? SystemMemory.defaultLimitBytes
        try MemoryBudget(limitBytes: limit).check(Int(Swift.min(bytes, 0x1p62)), step: "simulating on \(workers) thread\(workers == 1 ? "" : "s")",
                                                  remedy: "a higher memory limit or fewer threads")
    }

    /// `seeds` as kernel ids, each checked to be a node.
    static func checkedSeeds(_ seeds: [Int], nodeCount n: Int) throws(InfluenceError) -> [UInt32] {
        var ids = [UInt32]()
        ids.reserveCapacity(seeds.count)
        for s in seeds {
            guard s >= 0 && s < n else {
                throw InfluenceError(.usage, parameter: "seeds", "seed \(s) is not a node (expected an id in 0..<\(n))")
            }
            ids.append(UInt32(truncatingIfNeeded: s))
        }
        return ids
    }

    /// The `count` nodes of highest value in `probabilities`, highest first, ties by smaller id.
    ///
    /// Complexity: O(n + count · log n).
    public static func topNodes(_ probabilities: [Double], count: Int) -> [Int] {
        TopK.indices(of: probabilities, count)
    }
}
