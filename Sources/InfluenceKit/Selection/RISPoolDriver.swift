/// The pool handling every RIS algorithm shares: a pilot for the mean set size, memory estimates
/// checked before each growth, growing pools in whole tasks, indexing them for greedy, and the
/// counts a report needs (sets drawn, peak bytes). IMM and OPIM-C drive their pools through it, and
/// so do the constrained variants.
public struct RISPoolDriver: Sendable {
    /// The sampler pools are drawn with.
    public let sampler: RRSetSampler
    /// Seed of every pool.
    public let seed: UInt64
    /// Sampling and indexing threads.
    public let workers: Int
    /// The memory limit checked before each growth.
    public let memory: MemoryBudget
    /// Where growth is reported.
    public let progress: any ProgressReporter
    /// Mean RR-set size of a pilot of 64 sets (at least 1), for estimates before any pool exists.
    public let pilotMeanSetSize: Double
    /// Sets drawn through this driver.
    public private(set) var generated = 0
    /// The most bytes the pools and index held at once, as reported to `noteHeld(_:)` and `index`.
    public private(set) var peakBytes = 0

    /// A driver; draws the pilot. Complexity: the sampling cost of 64 sets.
    public init(sampler: RRSetSampler, seed: UInt64, workers: Int, memory: MemoryBudget,
                progress: any ProgressReporter = SilentProgress()) {
        self.sampler = sampler
        self.seed = seed
        self.workers = max(1, workers)
        self.memory = memory
        self.progress = progress
        pilotMeanSetSize = max(1, sampler.pilotMeanSetSize(seed: seed))
    }

    /// Number of nodes of the graph.
    public var nodeCount: Int { sampler.graph.nodeCount }

    /// The mean set size of `pools` (the pilot's when they are empty). Complexity: O(pools).
    public func meanSetSize(_ pools: [RRSetCollection]) -> Double {
        let sets = pools.reduce(0) { $0 + $1.count }
        guard sets > 0 else { return pilotMeanSetSize }
        return Double(pools.reduce(0) { $0 + $1.memberCount }) / Double(sets)
    }

    /// Estimated peak bytes of growing `pools` and indexing `indexedSets` sets (see
    /// `MemoryBudget.estimate`). Complexity: O(pools).
    public func estimate(_ pools: [MemoryBudget.Growth], indexedSets: Int, meanSetSize: Double) -> Int {
        MemoryBudget.estimate(pools: pools, indexedSets: indexedSets, meanSetSize: meanSetSize, nodeCount: nodeCount,
                              workers: workers)
    }

    /// Throws when the estimate exceeds the limit. Complexity: O(pools).
    public func check(_ pools: [MemoryBudget.Growth], indexedSets: Int, meanSetSize: Double, step: String) throws(InfluenceError) {
        try memory.check(estimate(pools, indexedSets: indexedSets, meanSetSize: meanSetSize), step: step)
    }

    /// Grows `pool` (pool id `poolID`) to at least `count` sets. Complexity: as `RRSetSampler.extend`.
    public mutating func grow(_ pool: inout RRSetCollection, to count: Int, poolID: UInt64, phase: String) throws(InfluenceError) {
        let before = pool.count
        try sampler.extend(&pool, to: count, seed: seed, poolID: poolID, workers: workers, progress: progress, phase: phase)
        generated += pool.count - before
    }

    /// A fresh pool of at least `count` sets. Complexity: as `RRSetSampler.extend`.
    public mutating func fresh(_ count: Int, poolID: UInt64, phase: String) throws(InfluenceError) -> RRSetCollection {
        var pool = RRSetCollection(nodeCount: nodeCount)
        try grow(&pool, to: count, poolID: poolID, phase: phase)
        return pool
    }

    /// The inverted index of `pool`, recording `alsoHeld` (other pools kept meanwhile) plus the pool
    /// and index in the peak. Complexity: as `RRSetCollection.makeInvertedIndex`.
    public mutating func index(_ pool: RRSetCollection, alsoHeld: Int = 0) -> RRSetInvertedIndex {
        let index = pool.makeInvertedIndex(workers: workers)
        peakBytes = max(peakBytes, alsoHeld + pool.memoryBytes + index.memoryBytes)
        return index
    }
}
