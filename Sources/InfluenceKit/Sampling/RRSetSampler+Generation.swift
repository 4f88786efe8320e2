extension RRSetSampler {
    /// Grows `pool` until it holds at least `count` sets (rounded up to whole tasks), drawing in
    /// parallel on `workers` threads.
    ///
    /// - Parameters:
    ///   - seed: the run's seed; `poolID` separates independent pools of one run.
    ///   - phase: the name progress lines show.
    /// - Precondition: `pool` was only ever grown by this method with the same seed and pool id
    ///   (its size is a whole number of tasks).
    /// - Complexity: O(sampling cost of the new sets) / workers, plus one copy of their members.
    public func extend(_ pool: inout RRSetCollection, to count: Int, seed: UInt64, poolID: UInt64, workers: Int,
                       progress: ProgressMeter = .silent, phase: String = "sampling") {
        precondition(pool.count % Self.setsPerTask == 0, "pools grow in whole tasks")
        precondition(pool.nodeCount == graph.nodeCount, "the pool belongs to another graph")
        let goal = Self.roundedToTasks(count)
        guard goal > pool.count, graph.nodeCount > 0 else { return }
        let firstTask = pool.count / Self.setsPerTask
        let taskCount = (goal - pool.count) / Self.setsPerTask
        let workers = max(1, min(workers, taskCount))
        let expected = pool.count > 0 ? Int(pool.meanSetSize * Double(goal - pool.count) / Double(workers) * 1.1) : 4096
        progress.begin(phase, total: goal - pool.count, unit: "RR sets")
        let spaces = dispatch(Generation(nodeCount: graph.nodeCount, firstTask: firstTask, taskCount: taskCount,
                                         seed: seed, poolID: poolID, workers: workers, expectedMembers: expected,
                                         lanes: lanes, progress: progress))
        progress.end()

        // Re-assemble in task order.
        var owner = [(space: Int, run: Int)](repeating: (0, 0), count: taskCount)
        var newMembers = 0
        for (s, space) in spaces.enumerated() {
            for (r, run) in space.runs.enumerated() {
                owner[run.task - firstTask] = (s, r)
                newMembers += run.memberCount
            }
        }
        pool.reserve(sets: goal - pool.count, members: newMembers)
        for t in 0..<taskCount {
            let space = spaces[owner[t].space]
            let run = space.runs[owner[t].run]
            space.sizes.withUnsafeBufferPointer { sizes in
                pool.append(memberRun: UnsafeBufferPointer(start: space.buffer.base + run.memberStart, count: run.memberCount),
                            sizes: UnsafeBufferPointer(rebasing: sizes[run.sizeStart..<(run.sizeStart + run.setCount)]))
            }
        }
    }

    /// A new pool of at least `count` sets.
    ///
    /// Complexity: as `extend`.
    public func sample(_ count: Int, seed: UInt64, poolID: UInt64, workers: Int, progress: ProgressMeter = .silent,
                       phase: String = "sampling") -> RRSetCollection {
        var pool = RRSetCollection(nodeCount: graph.nodeCount)
        extend(&pool, to: count, seed: seed, poolID: poolID, workers: workers, progress: progress, phase: phase)
        return pool
    }

    /// Draws at least `count` fresh RR sets (rounded up to whole tasks) without storing them and
    /// counts those that contain a node of `seeds`; each set stops at the first seed it reaches.
    ///
    /// - Returns: the number of sets drawn and how many a seed covers.
    /// - Complexity: at most the sampling cost of the sets, O(n) memory per worker.
    public func countCovered(by seeds: [Int], sets count: Int, seed: UInt64, poolID: UInt64, workers: Int,
                             progress: ProgressMeter = .silent, phase: String = "evaluating") -> (sets: Int, covered: Int) {
        let goal = Self.roundedToTasks(max(count, 1))
        guard graph.nodeCount > 0 else { return (0, 0) }
        var flags = [UInt8](repeating: 0, count: graph.nodeCount)
        for s in seeds where s >= 0 && s < graph.nodeCount { flags[s] = 1 }
        let taskCount = goal / Self.setsPerTask
        progress.begin(phase, total: goal, unit: "RR sets")
        let covered = flags.withUnsafeBufferPointer { flagBuffer in
            dispatch(Counting(nodeCount: graph.nodeCount, taskCount: taskCount, seed: seed, poolID: poolID,
                              workers: max(1, min(workers, taskCount)), flags: flagBuffer.baseAddress!, lanes: lanes,
                              progress: progress))
        }
        progress.end()
        return (goal, covered)
    }

    /// Mean RR-set size from `sets` sets of a pilot stream, drawn one at a time and not kept
    /// (for memory estimates before a pool is drawn).
    ///
    /// Complexity: the sampling cost of the sets, O(n) memory.
    public func pilotMeanSetSize(sets: Int = 64, seed: UInt64) -> Double {
        guard graph.nodeCount > 0, sets > 0 else { return 0 }
        return dispatch(Pilot(nodeCount: graph.nodeCount, sets: sets, seed: seed))
    }
}

/// Parallel drawing of whole tasks into per-worker workspaces.
private struct Generation: SamplingOperation {
    let nodeCount: Int
    let firstTask: Int
    let taskCount: Int
    let seed: UInt64
    let poolID: UInt64
    let workers: Int
    let expectedMembers: Int
    let lanes: Int
    let progress: ProgressMeter

    func run<Model: ReverseSamplingModel>(_ model: Model) -> [SamplingWorkspace] {
        let spaces = (0..<workers).map { _ in SamplingWorkspace(nodeCount: nodeCount, expectedMembers: expectedMembers, lanes: lanes) }
        let perTask = RRSetSampler.setsPerTask
        Parallel.forEachTask(taskCount, workers: workers) { worker, t in
            let task = firstTask + t
            spaces[worker].generate(model, task: task, sets: perTask, seed: seed,
                                    stream: RRSetSampler.stream(pool: poolID, task: task))
            progress.advance(by: perTask, worker: worker)
        }
        return spaces
    }
}

/// Parallel counting of sets that reach a flagged node.
private struct Counting: SamplingOperation {
    let nodeCount: Int
    let taskCount: Int
    let seed: UInt64
    let poolID: UInt64
    let workers: Int
    let flags: UnsafePointer<UInt8>
    let lanes: Int
    let progress: ProgressMeter

    func run<Model: ReverseSamplingModel>(_ model: Model) -> Int {
        let spaces = (0..<workers).map { _ in SamplingWorkspace(nodeCount: nodeCount, expectedMembers: 1024, lanes: lanes) }
        let perTask = RRSetSampler.setsPerTask
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: taskCount)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        let box = UncheckedSendableBox(counts)
        Parallel.forEachTask(taskCount, workers: workers) { worker, t in
            box.value[t] = spaces[worker].countReaching(model, flags: flags, sets: perTask, seed: seed,
                                                        stream: RRSetSampler.stream(pool: poolID, task: t))
            progress.advance(by: perTask, worker: worker)
        }
        return counts.reduce(0, +)
    }
}

/// Sizes of a few sets drawn one by one.
private struct Pilot: SamplingOperation {
    let nodeCount: Int
    let sets: Int
    let seed: UInt64

    func run<Model: ReverseSamplingModel>(_ model: Model) -> Double {
        let space = SamplingWorkspace(nodeCount: nodeCount, expectedMembers: 1024, lanes: 1)
        var total = 0
        for j in 0..<sets {
            space.generate(model, task: j, sets: 1, seed: seed, stream: RRSetSampler.stream(pool: RRPool.pilot, task: j))
            total += space.buffer.count
            space.buffer.count = 0
            space.sizes.removeAll(keepingCapacity: true)
            space.runs.removeAll(keepingCapacity: true)
        }
        return Double(total) / Double(sets)
    }
}

/// Pool ids of a run: independent pools draw from disjoint streams of the same seed.
public enum RRPool {
    /// The pool greedy selects on (IMM's final pool, OPIM-C's R1).
    public static let selection: UInt64 = 1
    /// OPIM-C's validation pool R2.
    public static let validation: UInt64 = 2
    /// IMM's bound-estimation pool (phase 1).
    public static let estimation: UInt64 = 3
    /// The pool of the reported spread interval, independent of selection.
    public static let evaluation: UInt64 = 4
    /// Pilot sets for memory estimates.
    public static let pilot: UInt64 = 5
}
