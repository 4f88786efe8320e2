/// The RR sets HeteroIM covers (CIKM 2025, §5): every arc i→j is live with probability P_ij·U_j
/// (i invites j and j accepts), and r sets are rooted at every node in turn (stratified roots:
/// each node is the root of exactly r sets, so no node's reach is missed by chance).
///
/// Set `rep · n + v` is the `rep`-th set rooted at v; it draws from the stream keyed by
/// (seed, rep, v), so the pool is the same for any thread count, and the pool for r sets per node
/// is a prefix of the pool for 2r.
public struct HeteroIMSets: Sendable {
    /// The sets and their node → set index.
    public let pool: RRSetCollection
    public let index: RRSetInvertedIndex
    /// r.
    public let setsPerNode: Int
    public let seed: UInt64

    /// Samples the sets.
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `setsPerNode`) when r < 1, or the pool would
    ///   hold 2^32 sets or more; (parameter `threads`) for a bad thread count.
    /// - Complexity: O(r · Σ_v (|R_v| + in-arcs scanned)).
    public init(graph: InviteGraph, setsPerNode r: Int, seed: UInt64, threads: Int = 1,
                progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) {
        guard r >= 1 else { throw InfluenceError(.usage, parameter: "setsPerNode", "r = \(r) (expected at least 1 RR set per node)") }
        try Parallel.checkThreadCount(threads)
        let n = graph.nodeCount
        guard r.multipliedReportingOverflow(by: n).partialValue < Int(UInt32.max), !r.multipliedReportingOverflow(by: n).overflow else {
            throw InfluenceError(.usage, parameter: "setsPerNode", "r = \(r) gives \(r) · \(n) RR sets (expected fewer than 2^32)")
        }
        // Live-arc thresholds per reverse slot: P of the arc times U of its head.
        var threshold = [UInt64](repeating: 0, count: graph.arcCount)
        for v in 0..<n {
            for s in graph.inOffsets[v]..<graph.inOffsets[v + 1] {
                threshold[s] = CoinThreshold.of(graph.invite[graph.inArcs[s]] * graph.acceptance[v])
            }
        }
        let block = 4096
        let blocks = (n + block - 1) / block
        let tasks = r * blocks
        let workers = max(1, min(threads, tasks))
        var chunks = [[UInt32]](repeating: [], count: tasks)
        var sizes = [[UInt32]](repeating: [], count: tasks)
        progress.begin("sampling RR sets", total: r * n, unit: "sets")
        let marks = (0..<workers).map { _ in PinnedMarks(count: n) }
        chunks.withUnsafeMutableBufferPointer { chunkOut in
            sizes.withUnsafeMutableBufferPointer { sizeOut in
                nonisolated(unsafe) let chunkOut = chunkOut, sizeOut = sizeOut
                graph.inOffsets.withUnsafeBufferPointer { inOffsets in
                    graph.inSources.withUnsafeBufferPointer { inSources in
                        threshold.withUnsafeBufferPointer { threshold in
                            nonisolated(unsafe) let inOffsets = inOffsets, inSources = inSources, threshold = threshold
                            Parallel.forEachTask(tasks, workers: workers) { worker, task in
                                let rep = task / blocks, first = (task % blocks) * block
                                let last = min(n, first + block)
                                let mark = marks[worker]
                                var members: [UInt32] = [], counts: [UInt32] = []
                                counts.reserveCapacity(last - first)
                                for root in first..<last {
                                    var rng = Xoshiro256StarStar(seed: seed, stream: UInt64(rep) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(root))
                                    let epoch = mark.nextEpoch()
                                    let start = members.count
                                    members.append(UInt32(root))
                                    mark.stamp(root, epoch)
                                    var head = start
                                    while head < members.count {
                                        let x = Int(members[head]); head += 1
                                        for s in inOffsets[x]..<inOffsets[x + 1] {
                                            let u = Int(inSources[s])
                                            if mark.isStamped(u, epoch) { continue }
                                            if rng.coin(threshold: threshold[s]) {
                                                mark.stamp(u, epoch)
                                                members.append(UInt32(u))
                                            }
                                        }
                                    }
                                    counts.append(UInt32(members.count - start))
                                }
                                chunkOut[task] = members
                                sizeOut[task] = counts
                                progress.advance(by: last - first, worker: worker)
                            }
                        }
                    }
                }
            }
        }
        progress.end()
        var pool = RRSetCollection(nodeCount: n)
        pool.reserve(sets: r * n, members: chunks.reduce(0) { $0 + $1.count })
        for t in 0..<tasks {
            chunks[t].withUnsafeBufferPointer { m in sizes[t].withUnsafeBufferPointer { pool.append(memberRun: m, sizes: $0) } }
        }
        self.pool = pool
        index = pool.makeInvertedIndex(workers: threads)
        setsPerNode = r
        self.seed = seed
    }
}

extension HeteroIMSets {
    /// Sets given as they are (tests with hand-made RR sets). Complexity: O(Σ|R|).
    init(pool: RRSetCollection, setsPerNode: Int, seed: UInt64) {
        self.pool = pool
        index = pool.makeInvertedIndex()
        self.setsPerNode = setsPerNode
        self.seed = seed
    }
}

/// Epoch-stamped visited marks owned by one worker (a class so each worker's buffer is shared
/// into the parallel closure by reference; only its worker touches it).
final class PinnedMarks: @unchecked Sendable {
    private let marks: UnsafeMutablePointer<UInt32>
    private let count: Int
    private var epoch: UInt32 = 0

    init(count: Int) {
        self.count = count
        marks = .allocate(capacity: max(count, 1))
        marks.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { marks.deallocate() }

    /// A fresh epoch (clearing the marks when the counter wraps). Complexity: O(1) amortised.
    @inline(__always) func nextEpoch() -> UInt32 {
        if epoch == UInt32.max { marks.update(repeating: 0, count: max(count, 1)); epoch = 0 }
        epoch += 1
        return epoch
    }

    @inline(__always) func stamp(_ node: Int, _ epoch: UInt32) { marks[node] = epoch }
    @inline(__always) func isStamped(_ node: Int, _ epoch: UInt32) -> Bool { marks[node] == epoch }
}
