/// Forward-cascade work handed to a model's `runForward(_:)`, which runs it with the model's own
/// arc rule: the engine's loops (Monte Carlo blocks, CELF's singleton sums) are generic over the
/// rule and instantiated once per model, so they are specialised at compile time.
///
/// Part of the `Kernels` SPI: built and read only inside InfluenceKit; a model (in this module or
/// another) only calls `run(rule:)` on it.
@_spi(Kernels) public final class ForwardWork: @unchecked Sendable {
    enum Job {
        /// Runs `runs` (run i on stream i) from `seeds`, merged block by block into `blocks`.
        case runs(seeds: [UInt32], runs: Range<Int>, countNodes: Bool)
        /// Σ over runs 0..<runs of σ({v}) for each node of `nodes`.
        case singletons(nodes: [Int], runs: Int)
    }

    let graph: InfluenceGraph
    let job: Job
    let seed: UInt64
    let threads: Int
    let maxSteps: Int
    let progress: any ProgressReporter

    /// `.runs`: the caller's totals on entry; each block of `MonteCarloSimulator.runsPerTask` runs
    /// is merged into it in run order (activation counts are kept apart, in `activationCounts`).
    var tally = MonteCarloTally()
    /// `.runs` with this set (a run spread over ranks): each block's totals are appended here, in
    /// run order, instead of merged into `tally`, so blocks from several ranks can be merged in one
    /// fixed order.
    var keptBlocks: [MonteCarloTally]?
    /// `.runs` with node counts: per node, the runs in which it ended active.
    var activationCounts: [Int] = []
    /// `.singletons`: the sums, in the order of `nodes`.
    var sums: [Int] = []
    /// `.singletons`: arcs examined in all.
    var arcsExamined = 0

    /// Blocks simulated between two merges (4,096 blocks: 262,144 runs, about 200 KB of totals).
    static let blocksPerWindow = 4096

    init(graph: InfluenceGraph, job: Job, seed: UInt64, threads: Int, maxSteps: Int?, progress: any ProgressReporter) {
        self.graph = graph
        self.job = job
        self.seed = seed
        self.threads = Swift.max(1, threads)
        self.maxSteps = maxSteps ?? Int.max
        self.progress = progress
    }

    /// Runs the job with `rule` (called by the model's `runForward`, with its concrete rule).
    ///
    /// Complexity: the job's runs, each O(seeds + Σ out-degree of the activated nodes).
    public func run<Rule: ForwardArcRule>(rule: Rule) {
        switch job {
        case let .runs(seeds, runs, countNodes): simulateRuns(rule, seeds: seeds, runs: runs, countNodes: countNodes)
        case let .singletons(nodes, runs): singletonSums(rule, nodes: nodes, runs: runs)
        }
    }

    private func simulateRuns<Rule: ForwardArcRule>(_ rule: Rule, seeds: [UInt32], runs: Range<Int>, countNodes: Bool) {
        let n = graph.nodeCount
        guard !runs.isEmpty else { return }
        let perTask = MonteCarloSimulator.runsPerTask
        let firstTask = runs.lowerBound / perTask
        let lastTask = (runs.upperBound - 1) / perTask
        let taskCount = lastTask - firstTask + 1
        let workers = Swift.max(1, Swift.min(threads, taskCount))
        let maxSteps = self.maxSteps, seed = self.seed, progress = self.progress
        let workspaces = (0..<workers).map { _ in SimulationWorkspace(nodeCount: n) }
        let counters = countNodes ? (0..<workers).map { _ in ActivationCounter(nodeCount: n) } : []
        // Blocks are simulated a window at a time and merged in run order before the next window,
        // so the block totals held at once are bounded whatever the number of runs.
        let window = Swift.min(taskCount, Self.blocksPerWindow)
        var blocks = [MonteCarloTally](repeating: MonteCarloTally(), count: window)
        var windowStart = 0
        let cancellation = CancellationFlag.current
        while windowStart < taskCount, !progress.isCancelled, cancellation?.isCancelled != true {
            let windowTasks = Swift.min(window, taskCount - windowStart)
            let windowFirst = firstTask + windowStart
            blocks.withUnsafeMutableBufferPointer { blockBuffer in
                seeds.withUnsafeBufferPointer { seedBuffer in
                    graph.withForwardCSR { offsets, targets in
                        let shared = UnsafeSharing((blockBuffer, seedBuffer, offsets, targets))
                        Parallel.forEachTask(windowTasks, workers: workers, cancellable: true) { worker, task in
                            let (blockBuffer, seedBuffer, offsets, targets) = shared.value
                            let workspace = workspaces[worker]
                            let counts = countNodes ? counters[worker].counts : nil
                            let globalTask = windowFirst + task
                            let begin = Swift.max(runs.lowerBound, globalTask * perTask)
                            let end = Swift.min(runs.upperBound, (globalTask + 1) * perTask)
                            var block = MonteCarloTally()
                            for run in begin..<end {
                                let scratch = workspace.beginRun()
                                let outcome = LevelCascade.run(rule, from: seedBuffer, offsets: offsets, targets: targets,
                                                               scratch: scratch, maxSteps: maxSteps,
                                                               randomness: RunRandomness(seed: seed, run: run))
                                block.add(spread: outcome.activated, arcsExamined: outcome.arcsExamined)
                                if let counts {
                                    for k in 0..<outcome.activated { counts[Int(scratch.queue[k])] &+= 1 }
                                }
                            }
                            blockBuffer[task] = block
                            progress.advance(by: end - begin, worker: worker)
                        }
                    }
                }
            }
            if keptBlocks != nil {
                keptBlocks!.append(contentsOf: blocks[0..<windowTasks])
            } else {
                for b in 0..<windowTasks { tally.merge(blocks[b]) }
            }
            windowStart += windowTasks
        }
        if countNodes {
            var total = [Int](repeating: 0, count: n)
            total.withUnsafeMutableBufferPointer { total in
                for counter in counters {
                    for v in 0..<n { total[v] &+= counter.counts[v] }
                }
            }
            activationCounts = total
        }
    }

    private func singletonSums<Rule: ForwardArcRule>(_ rule: Rule, nodes: [Int], runs: Int) {
        let workers = Swift.max(1, Swift.min(threads, nodes.count))
        let workspaces = (0..<workers).map { _ in SimulationWorkspace(nodeCount: graph.nodeCount) }
        var sums = [Int](repeating: 0, count: nodes.count)
        var arcs = [Int](repeating: 0, count: nodes.count)
        let seed = self.seed, maxSteps = self.maxSteps, progress = self.progress
        sums.withUnsafeMutableBufferPointer { sumBuffer in
            arcs.withUnsafeMutableBufferPointer { arcBuffer in
                nodes.withUnsafeBufferPointer { nodeBuffer in
                    graph.withForwardCSR { offsets, targets in
                        let shared = UnsafeSharing((sumBuffer, arcBuffer, nodeBuffer, offsets, targets))
                        Parallel.forEachTask(nodes.count, workers: workers, cancellable: true) { worker, index in
                            let (sumBuffer, arcBuffer, nodeBuffer, offsets, targets) = shared.value
                            var seedId = UInt32(truncatingIfNeeded: nodeBuffer[index])
                            var total = 0, examined = 0
                            withUnsafeMutablePointer(to: &seedId) { pointer in
                                let seeds = UnsafeBufferPointer(start: pointer, count: 1)
                                for run in 0..<runs {
                                    let outcome = LevelCascade.run(rule, from: seeds, offsets: offsets, targets: targets,
                                                                   scratch: workspaces[worker].beginRun(), maxSteps: maxSteps,
                                                                   randomness: RunRandomness(seed: seed, run: run))
                                    total &+= outcome.activated
                                    examined &+= outcome.arcsExamined
                                }
                            }
                            sumBuffer[index] = total
                            arcBuffer[index] = examined
                            progress.advance(by: 1, worker: worker)
                        }
                    }
                }
            }
        }
        self.sums = sums
        arcsExamined = arcs.reduce(0, &+)
    }
}

extension InfluenceGraph {
    /// Calls `body` with the forward CSR's offsets and targets as stable pointers (valid for an
    /// arc-less graph too). Complexity: O(1) besides `body`.
    func withForwardCSR<R>(_ body: (UnsafePointer<Int>, UnsafePointer<UInt32>) throws -> R) rethrows -> R {
        try outOffsets.withUnsafeBufferPointer { offsets in
            try outTargets.withUnsafeBufferPointer { targets in
                try body(offsets.baseAddress!, targets.baseAddress ?? EmptyStorage.uint32)
            }
        }
    }
}

/// A valid address for the kernels' pointers into empty arrays (nothing is ever read through it).
enum EmptyStorage {
    nonisolated(unsafe) static let uint32 = UnsafePointer(UnsafeMutablePointer<UInt32>.allocate(capacity: 1))
    nonisolated(unsafe) static let float = UnsafePointer(UnsafeMutablePointer<Float>.allocate(capacity: 1))
    nonisolated(unsafe) static let uint64 = UnsafePointer(UnsafeMutablePointer<UInt64>.allocate(capacity: 1))
    nonisolated(unsafe) static let double = UnsafePointer(UnsafeMutablePointer<Double>.allocate(capacity: 1))
}
