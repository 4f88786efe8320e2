/// The pool handling every RIS algorithm shares: a pilot for the mean set size, memory estimates
/// checked before each growth, growing pools in whole tasks, indexing them for greedy, and the
/// counts a report needs (sets drawn, peak bytes). IMM and OPIM-C drive their pools through it, and
/// so do the constrained variants.
///
/// Distributed (a `communicator` of several ranks): the algorithms speak of whole pools, the
/// driver of this rank's share. Pools grow by global tasks, each rank drawing its `TaskShare`;
/// `RRSetCollection.globalCount` is the whole pool's size; memory estimates and checks are per
/// rank (this rank's share of each pool) and agreed by all ranks, so a refusal on one rank ends
/// every rank; coverages and greedy run on the global counts.
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
    /// The ranks sharing the pools (one process: `SingleProcessCommunicator`).
    public let communicator: any Communicator
    /// Mean RR-set size of a pilot of 64 sets (at least 1), for estimates before any pool exists.
    public let pilotMeanSetSize: Double
    /// Sets drawn through this driver (by all ranks).
    public private(set) var generated = 0
    /// The most bytes the pools and index held at once, as reported to `noteHeld(_:)` and `index`
    /// (this rank's, in a distributed run).
    public private(set) var peakBytes = 0
    /// The members the pools held when `peakBytes` was reached (as reported to `index`).
    public private(set) var peakMembers = 0

    /// A driver; draws the pilot. Complexity: the sampling cost of 64 sets.
    public init(sampler: RRSetSampler, seed: UInt64, workers: Int, memory: MemoryBudget,
                progress: any ProgressReporter = SilentProgress(),
                communicator: any Communicator = SingleProcessCommunicator()) {
        self.sampler = sampler
        self.seed = seed
        self.workers = max(1, workers)
        self.memory = memory
        self.progress = progress
        self.communicator = communicator
        pilotMeanSetSize = max(1, sampler.pilotMeanSetSize(seed: seed))
    }

    /// Number of nodes of the graph.
    public var nodeCount: Int { sampler.graph.nodeCount }

    /// This rank's tasks of every pool.
    public var share: TaskShare { TaskShare(communicator) }

    /// The mean set size of `pools` (the pilot's when they are empty; this rank's sets when
    /// distributed, which only memory estimates use). Complexity: O(pools).
    public func meanSetSize(_ pools: [RRSetCollection]) -> Double {
        // Per set drawn: a residual pool's stopped sets take no room.
        let sets = pools.reduce(0) { $0 + $1.count + $1.stoppedSets }
        guard sets > 0 else { return pilotMeanSetSize }
        return Double(pools.reduce(0) { $0 + $1.memberCount }) / Double(sets)
    }

    /// Estimated peak bytes of growing `pools` and indexing `indexedSets` sets (see
    /// `MemoryBudget.estimate`); sizes are of whole pools, the estimate this rank's (its share of
    /// each). Complexity: O(pools).
    public func estimate(_ pools: [MemoryBudget.Growth], indexedSets: Int, meanSetSize: Double) -> Int {
        let share = self.share
        let local = pools.map { MemoryBudget.Growth(before: share.localSets(of: $0.before), after: share.localSets(of: $0.after)) }
        return MemoryBudget.estimate(pools: local, indexedSets: share.localSets(of: indexedSets), meanSetSize: meanSetSize,
                                     nodeCount: nodeCount, workers: workers)
    }

    /// Throws when the estimate exceeds the limit (on every rank when it does on one).
    /// Complexity: O(pools), plus one agreement when distributed.
    public func check(_ pools: [MemoryBudget.Growth], indexedSets: Int, meanSetSize: Double, step: String) throws(InfluenceError) {
        try check(bytes: estimate(pools, indexedSets: indexedSets, meanSetSize: meanSetSize), step: step)
    }

    /// Throws when `bytes` (this rank's estimate) exceeds the limit, on every rank when it does on
    /// one. Complexity: O(1), plus one agreement when distributed.
    public func check(bytes: Int, step: String) throws(InfluenceError) {
        var failure: InfluenceError?
        do { try memory.check(bytes, step: step) } catch { failure = error }
        try communicator.agree(failure)
    }

    /// Λ(`seeds`) on `pool`: sets of the whole pool (all ranks) holding a seed.
    /// Complexity: O(Σ|R| + n) of this rank's share, plus one reduction when distributed.
    public func coverage(of seeds: [Int], in pool: RRSetCollection) -> Int {
        communicator.sum(pool.coverage(of: seeds))
    }

    /// Greedy max coverage for `k` seeds on `pool` (this rank's share) with its `index`, across
    /// all ranks. Complexity: as `MaxCoverage.select`.
    public func select(_ k: Int, from pool: RRSetCollection, index: RRSetInvertedIndex,
                       upperBound: Bool = false, rivals: Int = 0, boundSize: Int? = nil) throws(InfluenceError) -> MaxCoverage.Result {
        try MaxCoverage.select(k, from: pool, index: index, upperBound: upperBound, rivals: rivals, boundSize: boundSize,
                               communicator: communicator.isDistributed ? communicator : nil)
    }

    /// Grows `pool` (pool id `poolID`) to at least `count` sets. Complexity: as `RRSetSampler.extend`.
    public mutating func grow(_ pool: inout RRSetCollection, to count: Int, poolID: UInt64, phase: String) throws(InfluenceError) {
        let before = pool.globalCount
        try sampler.extend(&pool, to: count, seed: seed, poolID: poolID, workers: workers, progress: progress, phase: phase,
                           share: share)
        generated += pool.globalCount - before
    }

    /// A fresh pool of at least `count` sets. Complexity: as `RRSetSampler.extend`.
    public mutating func fresh(_ count: Int, poolID: UInt64, phase: String) throws(InfluenceError) -> RRSetCollection {
        var pool = RRSetCollection(nodeCount: nodeCount)
        try grow(&pool, to: count, poolID: poolID, phase: phase)
        return pool
    }

    /// The inverted index of `pool`, recording `alsoHeld` (other pools kept meanwhile) plus the pool
    /// and index in the peak. Complexity: as `RRSetCollection.makeInvertedIndex`.
    public mutating func index(_ pool: RRSetCollection, alsoHeld: Int = 0, alsoHeldMembers: Int = 0) -> RRSetInvertedIndex {
        let index = pool.makeInvertedIndex(workers: workers)
        let bytes = alsoHeld + pool.memoryBytes + index.memoryBytes
        if bytes > peakBytes {
            peakBytes = bytes
            peakMembers = pool.memberCount + alsoHeldMembers
        }
        return index
    }
}
