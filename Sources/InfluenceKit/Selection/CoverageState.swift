/// The state of a greedy max-coverage run on a pool of RR sets: every node's marginal coverage
/// (how many uncovered sets contain it), the sets covered so far and the nodes taken. Greedy
/// variants drive it: plain greedy (`MaxCoverage`) takes the best node k times; a partition-matroid
/// or round-robin greedy takes the best node its constraint allows and excludes the rest.
///
/// Marginal coverages are kept exact: taking a node marks its uncovered sets covered and
/// decrements the count of every member of each (each set is covered once, so O(Σ|R|) over a whole
/// run). A lazy max-heap keyed by (coverage, −node) finds the best candidate, ties going to the
/// smaller node id.
///
/// Distributed (a `Communicator` of several ranks, each holding its share of the pool): each rank
/// keeps its own sets, index, covered flags and marginal counts, and after every take the ranks
/// all-reduce the marginal counts (4 bytes a node) so that every rank holds the global gains and
/// picks the same best candidate the single pool would give. The per-rank best candidates alone
/// would not do: a node second on every rank can be first overall, so only the summed counts
/// reproduce the single-process choice, and with them every rank computes the same argmax, so no
/// broadcast of the chosen node is needed.
public struct CoverageState: Sendable {
    /// The pool and its node → set index.
    public let pool: RRSetCollection
    /// The pool's inverted index: for each node, the sets that contain it.
    public let index: RRSetInvertedIndex
    private var degree: [UInt32]
    /// Distributed: the ranks' `degree` summed (the gains greedy ranks by); empty in one process.
    private var globalDegree: [UInt32] = []
    private let communicator: (any Communicator)?
    private var covered: [Bool]
    private var unavailable: [Bool]
    private var heap: LazyMaxHeap
    /// Sets covered by the nodes taken, Λ(S).
    public private(set) var coverage = 0
    /// The nodes taken, in order.
    public private(set) var taken: [Int] = []

    /// A fresh state: nothing taken, every node's gain its coverage alone.
    ///
    /// - Parameters:
    ///   - pool: the RR sets to cover.
    ///   - index: the pool's inverted index (`pool.makeInvertedIndex()`).
    ///   - communicator: the ranks that share the pool (nil or one rank: the pool is whole).
    /// - Throws: `InfluenceError(.usage)` when the index is not the pool's or the pool holds 2³² sets or more.
    /// - Complexity: O(n) (distributed: plus one all-reduce of n counts).
    public init(pool: RRSetCollection, index: RRSetInvertedIndex, communicator: (any Communicator)? = nil) throws(InfluenceError) {
        let n = pool.nodeCount
        guard index.nodeOffsets.count == n + 1, index.setIDs.count == pool.memberCount else {
            throw InfluenceError(.usage, parameter: "index", "the index does not belong to the pool (expected pool.makeInvertedIndex())")
        }
        guard pool.globalCount < Int(UInt32.max) else {
            throw InfluenceError(.resource, parameter: "pool", "greedy handles fewer than 2^32 sets (got \(pool.globalCount))")
        }
        self.pool = pool
        self.index = index
        let distributed = communicator.map { $0.size > 1 } ?? false
        self.communicator = distributed ? communicator : nil
        var degree = [UInt32](repeating: 0, count: n)
        var keys = [UInt64]()
        keys.reserveCapacity(n)
        if distributed {
            for v in 0..<n { degree[v] = UInt32(index.degree(of: v)) }
            var global = degree
            communicator!.sum(&global)
            for v in 0..<n where global[v] > 0 { keys.append(LazyMaxHeap.key(global[v], v)) }
            globalDegree = global
        } else {
            for v in 0..<n {
                let d = index.degree(of: v)
                degree[v] = UInt32(d)
                if d > 0 { keys.append(LazyMaxHeap.key(UInt32(d), v)) }
            }
        }
        self.degree = degree
        covered = [Bool](repeating: false, count: pool.count)
        unavailable = [Bool](repeating: false, count: n)
        heap = LazyMaxHeap(keys: keys)
    }

    /// Number of nodes.
    public var nodeCount: Int { pool.nodeCount }

    /// The gains greedy ranks by: across all ranks when distributed.
    private var gains: [UInt32] { communicator == nil ? degree : globalDegree }

    /// Sets that `node` would newly cover (across all ranks). Complexity: O(1).
    public func gain(of node: Int) -> Int { Int(gains[node]) }

    /// Whether `node` was taken or excluded.
    /// Complexity: O(1).
    public func isAvailable(_ node: Int) -> Bool { !unavailable[node] }

    /// The available node of largest gain (ties: smaller id), or nil when no available node covers
    /// anything new. Complexity: O(log n) per stale entry refreshed.
    public mutating func bestCandidate() -> (node: Int, gain: Int)? {
        while let top = heap.freshTop(gains) {
            let v = LazyMaxHeap.node(of: top)
            if unavailable[v] { heap.removeTop(); continue }
            return (v, Int(top >> 32))
        }
        return nil
    }

    /// The `count` available nodes of largest gain, best first (ties: smaller id); fewer when fewer
    /// cover anything new. The first is `bestCandidate()`'s. Complexity: O(count · log n) plus
    /// O(log n) per stale entry refreshed.
    public mutating func bestCandidates(_ count: Int) -> [(node: Int, gain: Int)] {
        var popped = [UInt64]()
        popped.reserveCapacity(count)
        while popped.count < count, let top = heap.freshTop(gains) {
            heap.removeTop()
            if unavailable[LazyMaxHeap.node(of: top)] { continue }
            popped.append(top)
        }
        for entry in popped { heap.insert(entry) }
        return popped.map { (LazyMaxHeap.node(of: $0), Int($0 >> 32)) }
    }

    /// Removes `node` from the candidates for good (a constraint forbids it), without taking it.
    /// Complexity: O(1).
    public mutating func exclude(_ node: Int) {
        unavailable[node] = true
    }

    /// Takes `node`: its uncovered sets become covered; returns how many (across all ranks).
    /// Complexity: O(Σ|R| of the newly covered sets) (distributed: plus one all-reduce of n
    /// counts; collective, so every rank takes the same nodes).
    @discardableResult
    public mutating func take(_ node: Int) -> Int {
        unavailable[node] = true
        taken.append(node)
        let gain = Int(gains[node])
        coverage += gain
        guard gain > 0 else { return 0 }
        let pool = self.pool, index = self.index
        pool.members.withUnsafeBufferPointer { members in
            pool.offsets.withUnsafeBufferPointer { offsets in
                index.setIDs.withUnsafeBufferPointer { ids in
                    covered.withUnsafeMutableBufferPointer { covered in
                        degree.withUnsafeMutableBufferPointer { degree in
                            for e in index.nodeOffsets[node]..<index.nodeOffsets[node + 1] {
                                let s = Int(ids[e])
                                if covered[s] { continue }
                                covered[s] = true
                                for m in offsets[s]..<offsets[s + 1] { degree[Int(members[m])] &-= 1 }
                            }
                        }
                    }
                }
            }
        }
        if let communicator {
            globalDegree = degree
            communicator.sum(&globalDegree)
        }
        return gain
    }

    /// Takes `node`, a sentinel of a residual pool, crediting the `sets` stopped sets that reached it
    /// (no stored set contains a sentinel, so nothing else changes); returns `sets`.
    /// Complexity: O(1).
    @discardableResult
    public mutating func takeSentinel(_ node: Int, stoppedSets sets: Int) -> Int {
        unavailable[node] = true
        taken.append(node)
        coverage += sets
        return sets
    }

    /// Λ(S) plus the `k` largest gains among available nodes: by submodularity of coverage, an
    /// upper bound on the coverage of any k nodes added to S, hence (with S = ∅, or minimised over
    /// greedy's prefixes) on the best k-set's coverage (Tang, Tang, Xiao, Yuan, SIGMOD 2018, §4.2).
    /// Capped at θ. Complexity: O(k log n).
    public mutating func topKBound(_ k: Int) -> Int {
        var sum = 0
        var popped = [UInt64]()
        popped.reserveCapacity(k)
        while popped.count < k, let top = heap.freshTop(gains) {
            heap.removeTop()
            if unavailable[LazyMaxHeap.node(of: top)] { continue }
            popped.append(top)
            sum += Int(top >> 32)
        }
        for entry in popped { heap.insert(entry) }
        return min(coverage + sum, pool.globalCount)
    }
}
