/// The memory a run may use, and the estimate checked before every pool growth, so that a run
/// that would not fit stops with a message instead of being killed for running out of memory.
public struct MemoryBudget: Sendable, Equatable {
    /// The limit in bytes.
    public let limitBytes: Int

    /// A budget of `limitBytes` (default: 80% of available memory: physical, ulimit, cgroup). Complexity: O(1).
    public init(limitBytes: Int = SystemMemory.defaultLimitBytes) {
        self.limitBytes = limitBytes
    }

    /// One pool's growth in a planned step: sizes in sets before and after.
    public struct Growth: Sendable, Equatable {
        /// Sets before the step.
        public var before: Int
        /// Sets after the step.
        public var after: Int
        /// Complexity: O(1).
        public init(before: Int, after: Int) { self.before = before; self.after = after }
    }

    /// Estimated peak bytes of a step in which `pools` grow (one after the other) and then the
    /// pool of `indexedSets` sets is indexed for greedy: the stored sets, plus the larger of one
    /// growth's transient buffers (the new members in worker buffers and the old storage during
    /// reallocation) and greedy's index and counters.
    ///
    /// - Parameters:
    ///   - pools: the pools that grow, each from its size before to its size after.
    ///   - indexedSets: the sets of the pool greedy then indexes.
    ///   - meanSetSize: mean RR-set size (from a pilot or the sets drawn so far).
    ///   - nodeCount: n, the graph's node count.
    ///   - workers: sampling threads (each holds n visit marks).
    /// - Complexity: O(pools).
    public static func estimate(pools: [Growth], indexedSets: Int, meanSetSize: Double, nodeCount: Int,
                                workers: Int) -> Int {
        let perSet = 4 * meanSetSize + 8
        let stored = pools.reduce(0.0) { $0 + Double($1.after) * perSet }
        var transient = 0.0
        for pool in pools where pool.after > pool.before {
            transient = max(transient, Double(pool.after - pool.before) * (4 * meanSetSize + 4) + Double(pool.before) * perSet)
        }
        let n = Double(nodeCount)
        let index = Double(indexedSets) * (4 * meanSetSize + 1) + n * 21
        let marks = Double(max(1, workers)) * n * 4
        return Int(stored + max(transient, index) + marks)
    }

    /// Throws a resource error when `bytes` exceeds the limit.
    ///
    /// - Parameters:
    ///   - bytes: the estimated peak of the step.
    ///   - step: what was about to happen (e.g. "drawing 4,194,304 RR sets").
    ///   - remedy: what would make it fit (default: the RIS algorithms' levers).
    /// - Complexity: O(1).
    public func check(_ bytes: Int, step: String,
                      remedy: String = "a higher memory limit, a larger epsilon or a smaller k") throws(InfluenceError) {
        guard bytes > limitBytes else { return }
        throw InfluenceError(.resource, parameter: "memoryLimit",
            "\(step) needs about \(SystemMemory.describe(bytes)) of memory, above the limit of \(SystemMemory.describe(limitBytes)) (expected \(remedy))")
    }
}
