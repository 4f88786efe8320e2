/// Monte Carlo evaluation of a k-subnetwork under IC: in run i every kept arc is live or not by the
/// coin `RunRandomness(seed:run: i)` draws for its arc id *in G*, so two k-subnetworks evaluated
/// with the same seed see the same world in run i wherever they share arcs (common random
/// numbers: the differences between methods are not blurred by independent noise), and adding
/// arcs never shrinks a run's reach.
///
/// Every cascade runs through the one forward-cascade driver, `LevelCascade`, with
/// `SubnetworkArcRule` reading the kept arcs in a CSR of their own.
///
/// One run gives, from the same world, |reach(s)| for each seed s, their sum (the paper's
/// objective Σ_{s∈S} σ_{G_k}({s}) for that world) and |reach(S)| (the union spread). Runs go in
/// blocks of `MonteCarloSimulator.runsPerTask` merged in block order, so the result is identical
/// for any thread count.
public struct SubnetworkEvaluator: Sendable {
    /// Nodes of the graph.
    public let nodeCount: Int
    let offsets: [Int]
    let targets: [UInt32]
    /// The arc id in G of each subnetwork arc: the key of its coin.
    let coinIds: [Int]
    let thresholds: [UInt64]

    /// The per-seed, total and union spreads of one evaluation.
    public struct Evaluation: Sendable, Equatable {
        /// Σ_s |reach(s)| per run: the paper's objective.
        public var objective: SpreadEstimate
        /// |reach(S)| per run (nil when not asked for).
        public var union: SpreadEstimate?
        /// |reach(s)| per run, for each seed in order (empty when not asked for).
        public var perSeed: [SpreadEstimate]
        /// Seconds the evaluation took.
        public var seconds: Double
    }

    /// The evaluator of `subnetwork`, arcs taken with their probabilities in `problem`.
    /// Complexity: O(n + |arcs|).
    public init(_ problem: ClosedNetworkProblem, subnetwork: KSubnetwork) {
        self.init(problem, sortedArcs: subnetwork.arcs)
    }

    /// `sortedArcs`: forward arc ids of G, increasing.
    init(_ problem: ClosedNetworkProblem, sortedArcs arcs: [Int]) {
        let n = problem.graph.nodeCount
        nodeCount = n
        var offsets = [Int](repeating: 0, count: n + 1)
        for a in arcs { offsets[problem.tail(of: a) + 1] += 1 }
        for v in 0..<n { offsets[v + 1] += offsets[v] }
        self.offsets = offsets
        targets = arcs.map { problem.graph.outTargets[$0] }
        coinIds = arcs
        thresholds = arcs.map { problem.thresholds[$0] }
    }

    /// Bytes `evaluate` allocates for `runs` runs of `seeds` seeds on `nodes` nodes: two tallies
    /// and four per-seed counters per block of 64 runs, and a workspace per thread (`Int.max` on
    /// overflow). Complexity: O(1).
    static func scratchBytes(runs: Int, seeds: Int, nodes: Int, threads: Int) -> Int {
        let tasks = runs / MonteCarloSimulator.runsPerTask + 1
        let perTask = 2 * MemoryLayout<MonteCarloTally>.stride + 32 * max(1, seeds)
        let (a, o1) = tasks.multipliedReportingOverflow(by: perTask)
        let (b, o2) = max(1, threads).multipliedReportingOverflow(by: 16 * max(1, nodes))
        let (sum, o3) = a.addingReportingOverflow(b)
        return o1 || o2 || o3 ? Int.max : sum
    }

    /// Throws `InfluenceError(.resource)` naming `parameter` when `scratchBytes` exceeds the
    /// default memory limit. Complexity: O(1).
    static func checkMemory(runs: Int, seeds: Int, nodes: Int, threads: Int, parameter: ParameterKey) throws(InfluenceError) {
        let needed = scratchBytes(runs: runs, seeds: seeds, nodes: nodes, threads: threads)
        let limit = SystemMemory.defaultLimitBytes
        guard needed > limit else { return }
        throw InfluenceError(.resource, parameter: parameter,
            "\(runs) Monte Carlo runs of \(seeds) seed\(seeds == 1 ? "" : "s") need about \(SystemMemory.describe(needed)) of tallies, above the memory limit \(SystemMemory.describe(limit)) (expected fewer runs; 10000 give about two significant digits)")
    }

    /// Evaluates the seeds' spreads over runs `0..<runs`.
    ///
    /// - Throws: `InfluenceError(.usage)` for runs < 1 or a bad thread count.
    /// - Complexity: O(runs · Σ_s (reach(s) + its kept out-arcs)), plus the union's, over the threads;
    ///   memory O(threads · n).
    public func evaluate(seeds: [Int], runs: Int, seed: UInt64, threads: Int, union: Bool = true,
                         perSeed: Bool = true) throws(InfluenceError) -> Evaluation {
        try evaluate(seeds: seeds, runs: runs, seed: seed, threads: threads, union: union, perSeed: perSeed, runTotals: nil)
    }

    /// `evaluate`, and Σ_s |reach(s)| of run i into `runTotals[i]` (when given, `runs` entries):
    /// two subnetworks evaluated with the same seed give paired differences run by run.
    func evaluate(seeds: [Int], runs: Int, seed: UInt64, threads: Int, union: Bool, perSeed: Bool,
                  runTotals: UnsafeMutablePointer<Int>?) throws(InfluenceError) -> Evaluation {
        guard runs >= 1 else { throw InfluenceError(.usage, parameter: "runs", "runs = \(runs) (expected at least 1)") }
        try MonteCarloSimulator.checkRunCount(runs, parameter: "runs")
        try Parallel.checkThreadCount(threads)
        try Self.checkMemory(runs: runs, seeds: seeds.count, nodes: nodeCount, threads: threads, parameter: "runs")
        let clock = Stopwatch()
        let n = nodeCount, seedCount = seeds.count
        let block = MonteCarloSimulator.runsPerTask
        let tasks = (runs + block - 1) / block
        let workers = max(1, min(threads, tasks))
        let workspaces = (0..<workers).map { _ in SimulationWorkspace(nodeCount: n) }
        let objectiveTallies = UnsafeMutablePointer<MonteCarloTally>.allocate(capacity: tasks)
        objectiveTallies.initialize(repeating: MonteCarloTally(), count: tasks)
        let unionTallies = UnsafeMutablePointer<MonteCarloTally>.allocate(capacity: tasks)
        unionTallies.initialize(repeating: MonteCarloTally(), count: tasks)
        let seedSlots = perSeed ? tasks * seedCount : 0
        let seedSums = UnsafeMutablePointer<Int>.allocate(capacity: max(1, seedSlots))
        seedSums.initialize(repeating: 0, count: max(1, seedSlots))
        let seedSquares = UnsafeMutablePointer<Double>.allocate(capacity: max(1, seedSlots))
        seedSquares.initialize(repeating: 0, count: max(1, seedSlots))
        let seedMin = UnsafeMutablePointer<Int>.allocate(capacity: max(1, seedSlots))
        seedMin.initialize(repeating: .max, count: max(1, seedSlots))
        let seedMax = UnsafeMutablePointer<Int>.allocate(capacity: max(1, seedSlots))
        seedMax.initialize(repeating: 0, count: max(1, seedSlots))
        defer {
            objectiveTallies.deinitialize(count: tasks); objectiveTallies.deallocate()
            unionTallies.deinitialize(count: tasks); unionTallies.deallocate()
            seedSums.deallocate(); seedSquares.deallocate(); seedMin.deallocate(); seedMax.deallocate()
        }
        let shared = UnsafeSharing((objectiveTallies, unionTallies, seedSums, seedSquares, seedMin, seedMax))
        let totals = UnsafeSharing(runTotals)
        let seedIds = seeds.map { UInt32($0) }
        seedIds.withUnsafeBufferPointer { seedBuffer in
        offsets.withUnsafeBufferPointer { offsets in
        targets.withUnsafeBufferPointer { targets in
        coinIds.withUnsafeBufferPointer { coins in
        thresholds.withUnsafeBufferPointer { thresholds in
            // The kept arcs run through the one forward-cascade driver with the subnetwork's rule.
            let rule = SubnetworkArcRule(thresholds: thresholds.baseAddress ?? EmptyStorage.uint64,
                                         coinIds: coins.baseAddress ?? SubnetworkArcRule.noCoinIds)
            let view = UnsafeSharing((seedBuffer, offsets.baseAddress!, targets.baseAddress ?? EmptyStorage.uint32, rule))
            Parallel.forEachTask(tasks, workers: workers, cancellable: true) { worker, task in
                let (objectiveTallies, unionTallies, seedSums, seedSquares, seedMin, seedMax) = shared.value
                let (seedBuffer, offsets, targets, rule) = view.value
                let workspace = workspaces[worker]
                var objective = MonteCarloTally(), unionTally = MonteCarloTally()
                let first = task * block, last = min(runs, first + block)
                for run in first..<last {
                    let randomness = RunRandomness(seed: seed, run: run)
                    var total = 0
                    for i in 0..<seedCount {
                        let single = UnsafeBufferPointer(rebasing: seedBuffer[i..<(i + 1)])
                        let r = LevelCascade.run(rule, from: single, offsets: offsets, targets: targets,
                                                 scratch: workspace.beginRun(), maxSteps: Int.max, randomness: randomness).activated
                        total &+= r
                        if perSeed {
                            let slot = task * seedCount + i
                            seedSums[slot] &+= r
                            seedSquares[slot] += Double(r) * Double(r)
                            seedMin[slot] = Swift.min(seedMin[slot], r)
                            seedMax[slot] = Swift.max(seedMax[slot], r)
                        }
                    }
                    objective.add(spread: total, arcsExamined: 0)
                    if let runTotals = totals.value { runTotals[run] = total }
                    if union {
                        let reach = LevelCascade.run(rule, from: seedBuffer, offsets: offsets, targets: targets,
                                                     scratch: workspace.beginRun(), maxSteps: Int.max, randomness: randomness)
                        unionTally.add(spread: reach.activated, arcsExamined: 0)
                    }
                }
                objectiveTallies[task] = objective
                unionTallies[task] = unionTally
            }
        }
        }
        }
        }
        }
        var objective = MonteCarloTally(), unionTotal = MonteCarloTally()
        for t in 0..<tasks { objective.merge(objectiveTallies[t]); unionTotal.merge(unionTallies[t]) }
        var perSeedEstimates: [SpreadEstimate] = []
        if perSeed {
            for i in 0..<seedCount {
                var sum = 0, squares = 0.0, low = Int.max, high = 0
                for t in 0..<tasks {
                    let slot = t * seedCount + i
                    sum += seedSums[slot]; squares += seedSquares[slot]
                    low = min(low, seedMin[slot]); high = max(high, seedMax[slot])
                }
                let mean = Double(sum) / Double(runs)
                let variance = runs > 1 ? max(0, (squares - Double(runs) * mean * mean) / Double(runs - 1)) : 0
                perSeedEstimates.append(SpreadEstimate(runs: runs, mean: mean, standardDeviation: variance.squareRoot(),
                                                       min: Double(low), max: Double(high)))
            }
        }
        return Evaluation(objective: objective.estimate, union: union ? unionTotal.estimate : nil,
                          perSeed: perSeedEstimates, seconds: clock.seconds)
    }
}
