extension RRSetSampler {
    /// Grows `pool` until it holds at least `count` sets (rounded up to whole tasks), drawing in
    /// parallel on `workers` threads.
    ///
    /// - Parameters:
    ///   - pool: the pool to grow.
    ///   - count: the number of sets it must hold at least.
    ///   - seed: the run's seed; `poolID` separates independent pools of one run.
    ///   - poolID: the pool's number within the run (``RRPool``).
    ///   - workers: sampling threads (the sets do not depend on them).
    ///   - progress: receives the phase named `phase`.
    ///   - share: in a run over several ranks, the tasks this rank draws (`count` is then the
    ///     size of the whole pool across ranks, and `pool.globalCount` follows it).
    ///   - phase: the name progress lines show.
    ///   - stratifiedRoots: root set j of the pool at node j mod n (every node in turn) instead of
    ///     uniformly at random; the pool must be grown the same way throughout.
    /// - Precondition: `pool` was only ever grown by this method with the same seed, pool id,
    ///   share and root rule (its size is a whole number of tasks).
    /// - Complexity: O(sampling cost of the new sets) / workers, plus one copy of their members.
    public func extend(_ pool: inout RRSetCollection, to count: Int, seed: UInt64, poolID: UInt64, workers: Int,
                       progress: any ProgressReporter = SilentProgress(), phase: String = "sampling",
                       share: TaskShare = .whole, stratifiedRoots: Bool = false) throws(InfluenceError) {
        let drawn = pool.globalCount
        guard drawn % Self.setsPerTask == 0, (pool.count + pool.stoppedSets) % Self.setsPerTask == 0 else {
            throw InfluenceError(.usage, parameter: "pool", "the pool holds \(pool.count) sets (expected a pool grown only by this sampler, in whole tasks of \(Self.setsPerTask))")
        }
        guard pool.nodeCount == graph.nodeCount else {
            throw InfluenceError(.usage, parameter: "pool", "the pool was drawn on a graph of \(pool.nodeCount) nodes (expected \(graph.nodeCount))")
        }
        let goal = Self.roundedToTasks(count)
        guard goal > drawn, graph.nodeCount > 0 else { return }
        var stopAt: [UInt8]?
        if !pool.sentinels.isEmpty {
            guard share.size == 1 else {
                throw InfluenceError(.usage, parameter: "pool", "a residual pool (HIST's second phase) is drawn in one process (expected one rank)")
            }
            var flags = [UInt8](repeating: 0, count: graph.nodeCount)
            for s in pool.sentinels {
                guard s >= 0, s < graph.nodeCount else {
                    throw InfluenceError(.usage, parameter: "sentinels", "sentinel \(s) is not a node (expected 0 ≤ id < \(graph.nodeCount))")
                }
                flags[s] = 1
            }
            stopAt = flags
        }
        // Global tasks drawn..<goal; this rank draws every share.size-th from its first one.
        let goalTask = goal / Self.setsPerTask
        let firstTask = share.firstOwned(atOrAfter: drawn / Self.setsPerTask)
        let taskCount = share.ownedCount(from: drawn / Self.setsPerTask, to: goalTask)
        let stride = share.size
        if share.size > 1 { pool.distributedCount = goal }
        guard taskCount > 0 else { return }
        let newSets = taskCount * Self.setsPerTask
        let workers = max(1, min(workers, taskCount))
        let expected = pool.count > 0 ? Int(pool.meanSetSize * Double(newSets) / Double(workers) * 1.1) : 4096
        progress.begin(phase, total: newSets, unit: "RR sets")
        let work = ReverseWork(nodeCount: graph.nodeCount,
                               job: .generate(firstTask: firstTask, taskCount: taskCount, taskStride: stride, poolID: poolID,
                                              expectedMembers: expected, stratified: stratifiedRoots, stopAt: stopAt),
                               seed: seed, workers: workers, lanes: lanes, progress: progress)
        dispatch(work)
        let spaces = work.spaces
        progress.end()
        // A cancelled run drew only some tasks (its use case's flag, or the reporter's).
        if progress.isCancelled || CancellationFlag.current?.isCancelled == true { throw InfluenceError.cancelled }

        // Re-assemble in task order.
        var owner = [(space: Int, run: Int)](repeating: (0, 0), count: taskCount)
        var newMembers = 0, keptSets = 0
        for (s, space) in spaces.enumerated() {
            for (r, run) in space.runs.enumerated() {
                owner[(run.task - firstTask) / stride] = (s, r)
                newMembers += run.memberCount
                keptSets += run.setCount
            }
            // Integer counts: their sum does not depend on which worker drew which task.
            for (node, stops) in space.stopsAt { pool.stopsAt[Int(node), default: 0] += stops }
        }
        pool.stoppedSets += newSets - keptSets
        pool.reserve(sets: keptSets, members: newMembers)
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
    public func sample(_ count: Int, seed: UInt64, poolID: UInt64, workers: Int, progress: any ProgressReporter = SilentProgress(),
                       phase: String = "sampling") -> RRSetCollection {
        var pool = RRSetCollection(nodeCount: graph.nodeCount)
        try! extend(&pool, to: count, seed: seed, poolID: poolID, workers: workers, progress: progress, phase: phase)
        return pool
    }

    /// Draws at least `count` fresh RR sets (rounded up to whole tasks) without storing them and
    /// counts those that contain a node of `seeds`; each set stops at the first seed it reaches.
    ///
    /// - Parameters:
    ///   - seeds: dense node ids of the seed set.
    ///   - count: the number of sets to draw at least.
    ///   - seed: the run's seed.
    ///   - poolID: the number of this pool within the run (``RRPool``).
    ///   - workers: sampling threads (the counts do not depend on them).
    ///   - progress: receives the phase named `phase`.
    ///   - phase: the name progress lines show.
    ///   - share: in a run over several ranks, the tasks this rank draws; `covered` then counts
    ///     this rank's sets only (the ranks' counts sum to the single-process count).
    /// - Returns: the number of sets drawn (by all ranks) and how many a seed covers.
    /// - Complexity: at most the sampling cost of the sets, O(n) memory per worker.
    public func countCovered(by seeds: [Int], sets count: Int, seed: UInt64, poolID: UInt64, workers: Int,
                             progress: any ProgressReporter = SilentProgress(), phase: String = "evaluating",
                             share: TaskShare = .whole) -> (sets: Int, covered: Int) {
        let goal = Self.roundedToTasks(max(count, 1))
        guard graph.nodeCount > 0 else { return (0, 0) }
        var flags = [UInt8](repeating: 0, count: graph.nodeCount)
        for s in seeds where s >= 0 && s < graph.nodeCount { flags[s] = 1 }
        let taskCount = share.ownedCount(from: 0, to: goal / Self.setsPerTask)
        guard taskCount > 0 else { return (goal, 0) }
        progress.begin(phase, total: taskCount * Self.setsPerTask, unit: "RR sets")
        let work = ReverseWork(nodeCount: graph.nodeCount,
                               job: .count(firstTask: share.rank, taskCount: taskCount, taskStride: share.size, poolID: poolID, flags: flags),
                               seed: seed, workers: workers, lanes: lanes, progress: progress)
        dispatch(work)
        let covered = work.covered
        progress.end()
        return (goal, covered)
    }

    /// Mean RR-set size from `sets` sets of a pilot stream, drawn one at a time and not kept
    /// (for memory estimates before a pool is drawn).
    ///
    /// Complexity: the sampling cost of the sets, O(n) memory.
    public func pilotMeanSetSize(sets: Int = 64, seed: UInt64) -> Double {
        guard graph.nodeCount > 0, sets > 0 else { return 0 }
        let work = ReverseWork(nodeCount: graph.nodeCount, job: .pilot(sets: sets), seed: seed, workers: 1, lanes: 1,
                               progress: SilentProgress())
        dispatch(work)
        return work.meanSize
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
    /// HIST's residual selection pool (second phase), independent of the sentinel phase's pools.
    public static let residualSelection: UInt64 = 6
    /// HIST's residual validation pool (second phase).
    public static let residualValidation: UInt64 = 7
}
