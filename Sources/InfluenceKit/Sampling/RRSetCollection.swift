/// A pool of reverse-reachable (RR) sets stored flat: the members of set `j` are
/// `members[offsets[j]..<offsets[j + 1]]`, root first, as dense `UInt32` node ids.
///
/// RR sets are the samples of the RIS family (Borgs, Brautbar, Chayes, Lucier, "Maximizing Social
/// Influence in Nearly Optimal Time", SODA 2014): for a seed set S, n · Pr[S ∩ R ≠ ∅] = σ(S).
/// Pools are filled by `RRSetSampler`, which appends the sets in a fixed order (set `j` always
/// comes from the same random stream), so a pool's content is the same for any thread count.
///
/// Memory: 4 bytes per member plus 8 bytes per set.
///
/// A residual pool (HIST's second phase; Guo, Tang, Tang, Xiao, SIGMOD 2020, §5) has
/// `sentinels`: every set is drawn with a reverse walk that stops as soon as it reaches a
/// sentinel, and such a set is counted (`stoppedSets`, and per sentinel in `stopsAt`) but not
/// stored. The stored sets are those no sentinel reaches, drawn whole. `globalCount` counts both,
/// so it is the pool's θ, and `coverage(of:)` counts every stopped set as covered: on a residual
/// pool, pass seed sets that contain the sentinels (greedy on it starts from them).
public struct RRSetCollection: Sendable {
    /// Number of nodes of the graph the sets were drawn on.
    public let nodeCount: Int
    /// Members of all sets, back to back.
    public private(set) var members: [UInt32]
    /// `count + 1` offsets into `members`.
    public private(set) var offsets: [Int]
    /// In a run over several ranks, the sets of the whole pool across ranks (this rank holds its
    /// `TaskShare` of them); nil in one process.
    @usableFromInline var distributedCount: Int?
    /// A residual pool's sentinels (dense ids): each set stops at the first one it reaches and is
    /// then counted, not stored. Empty for an ordinary pool.
    public let sentinels: [Int]
    /// Sets drawn into a residual pool that reached a sentinel (counted as covered, not stored).
    public internal(set) var stoppedSets = 0
    /// For each sentinel, the stopped sets whose walk reached it first (they sum to `stoppedSets`).
    public internal(set) var stopsAt: [Int: Int] = [:]

    /// An empty pool for a graph of `nodeCount` nodes. Complexity: O(1).
    public init(nodeCount: Int) {
        self.nodeCount = nodeCount
        members = []
        offsets = [0]
        sentinels = []
    }

    /// An empty residual pool whose sets stop at the first of `sentinels` they reach (see the
    /// type's documentation). Complexity: O(|sentinels|).
    public init(nodeCount: Int, sentinels: [Int]) {
        self.nodeCount = nodeCount
        members = []
        offsets = [0]
        self.sentinels = sentinels
    }

    /// Number of RR sets stored (in a residual pool, those no sentinel reached).
    @inlinable public var count: Int { offsets.count - 1 }

    /// Sets of the whole pool, θ: across all ranks in a distributed run (this rank holds `count` of
    /// them), else `count` plus, in a residual pool, the sets counted at a sentinel.
    @inlinable public var globalCount: Int { distributedCount ?? (count + stoppedSets) }

    /// Total number of members, Σ|R|.
    @inlinable public var memberCount: Int { members.count }

    /// Mean RR-set size (0 for an empty pool).
    public var meanSetSize: Double { count == 0 ? 0 : Double(memberCount) / Double(count) }

    /// Bytes held by the pool's storage (capacity, not just what is used).
    public var memoryBytes: Int { members.capacity * 4 + offsets.capacity * 8 }

    /// The members of set `set`, root first. Complexity: O(1).
    public func members(of set: Int) -> ArraySlice<UInt32> {
        members[offsets[set]..<offsets[set + 1]]
    }

    /// Coverage Λ(S): how many sets contain at least one node of `seeds` (in a residual pool,
    /// the stopped sets count as covered: `seeds` must contain the sentinels).
    ///
    /// Complexity: O(Σ|R| + n).
    public func coverage(of seeds: [Int]) -> Int {
        var isSeed = [Bool](repeating: false, count: nodeCount)
        for s in seeds where s >= 0 && s < nodeCount { isSeed[s] = true }
        var covered = 0
        isSeed.withUnsafeBufferPointer { seed in
            members.withUnsafeBufferPointer { mem in
                offsets.withUnsafeBufferPointer { off in
                    for j in 0..<(off.count - 1) {
                        var i = off[j]
                        let end = off[j + 1]
                        while i < end {
                            if seed[Int(mem[i])] { covered += 1; break }
                            i += 1
                        }
                    }
                }
            }
        }
        return covered + stoppedSets
    }

    /// Appends one set (tests and hand-made set systems; samplers append in bulk).
    ///
    /// Complexity: O(|set|) amortised.
    public mutating func append<S: Sequence>(set: S) where S.Element == UInt32 {
        members.append(contentsOf: set)
        offsets.append(members.count)
    }

    /// Reserves room for `sets` more sets with `members` more members in total.
    mutating func reserve(sets: Int, members extra: Int) {
        members.reserveCapacity(members.count + extra)
        offsets.reserveCapacity(offsets.count + sets)
    }

    /// Appends a run of sets: `memberRun` holds their members back to back and `sizes` their sizes.
    mutating func append(memberRun: UnsafeBufferPointer<UInt32>, sizes: UnsafeBufferPointer<UInt32>) {
        members.append(contentsOf: memberRun)
        var end = offsets[offsets.count - 1]
        for size in sizes {
            end += Int(size)
            offsets.append(end)
        }
    }

    /// Removes every set, keeping the storage when asked. Complexity: O(1) (O(capacity) to free).
    public mutating func removeAll(keepingCapacity: Bool = false) {
        members.removeAll(keepingCapacity: keepingCapacity)
        offsets.removeAll(keepingCapacity: keepingCapacity)
        offsets.append(0)
        distributedCount = nil
        stoppedSets = 0
        stopsAt = [:]
    }
}
