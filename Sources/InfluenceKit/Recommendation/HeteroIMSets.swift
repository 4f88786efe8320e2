/// The RR sets HeteroIM covers (CIKM 2025, §5): every arc i→j is live with probability P_ij·U_j
/// (i invites j and j accepts), and r sets are rooted at every node in turn (stratified roots:
/// each node is the root of exactly r sets, so no node's reach is missed by chance).
///
/// The sets are drawn by the engine's RR sampler (`RRSetSampler`, independent cascade with
/// SUBSIM subset sampling) on the invitation graph with P·U as its `value` column, with stratified roots:
/// set j is rooted at node j mod n and drawn from the stream of its task, so the pool is the same
/// for any thread count, and the pool for r sets per node is a prefix of the pool for 2r. (The
/// sampler keeps probabilities as `Float`: P·U is rounded to 24 bits, a relative 6·10⁻⁸.)
public struct HeteroIMSets: Sendable {
    /// The sets and their node → set index.
    public let pool: RRSetCollection
    /// The inverted index of `pool`: for each node, the sets that contain it.
    public let index: RRSetInvertedIndex
    /// r.
    public let setsPerNode: Int
    /// The seed the sets were drawn from.
    public let seed: UInt64

    /// The pool id of HeteroIM's sets (apart from the seed-selection pools).
    static let poolID: UInt64 = 0x4E7

    /// The independent-cascade model HeteroIM samples under: the invitation graph itself (topology
    /// and labels shared, not copied) with P·U of each arc as its `value` column.
    /// Complexity: O(m).
    static func model(of graph: InviteGraph) throws(InfluenceError) -> IndependentCascade {
        var values = [Float](repeating: 0, count: graph.arcCount)
        graph.invite.withUnsafeBufferPointer { invite in
            graph.acceptance.withUnsafeBufferPointer { acceptance in
                graph.graph.outTargets.withUnsafeBufferPointer { targets in
                    values.withUnsafeMutableBufferPointer { values in
                        for a in 0..<values.count { values[a] = Float(invite[a] * acceptance[Int(targets[a])]) }
                    }
                }
            }
        }
        let sampled = try graph.graph.adding(ValueColumn(name: ValueColumns.value, scope: .arc, values: values))
        return try IndependentCascade(graph: sampled, probabilities: .file)
    }

    /// Samples the sets.
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `setsPerNode`) when r < 1, or the pool would
    ///   hold 2^32 sets or more; (parameter `threads`) for a bad thread count.
    /// - Complexity: O(r · Σ_v (|R_v| + live arcs examined)) / threads.
    public init(graph: InviteGraph, setsPerNode r: Int, seed: UInt64, threads: Int = 1,
                progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) {
        guard r >= 1 else { throw InfluenceError(.usage, parameter: "setsPerNode", "r = \(r) (expected at least 1 RR set per node)") }
        try Parallel.checkThreadCount(threads)
        let n = graph.nodeCount
        let (total, overflow) = r.multipliedReportingOverflow(by: n)
        guard !overflow, total < Int(UInt32.max) - RRSetSampler.setsPerTask else {
            throw InfluenceError(.usage, parameter: "setsPerNode", "r = \(r) gives \(r) · \(n) RR sets (expected fewer than 2^32)")
        }
        let sampler = try RRSetSampler(model: try Self.model(of: graph))
        var drawn = RRSetCollection(nodeCount: n)
        try sampler.extend(&drawn, to: total, seed: seed, poolID: Self.poolID, workers: threads, progress: progress,
                           phase: "sampling RR sets", stratifiedRoots: true)
        // Whole tasks of 256 sets may overshoot r·n: keep exactly r sets per node.
        var pool: RRSetCollection
        if drawn.count == total {
            pool = drawn
        } else {
            pool = RRSetCollection(nodeCount: n)
            pool.reserve(sets: total, members: drawn.offsets[total])
            var sizes = [UInt32](repeating: 0, count: total)
            for j in 0..<total { sizes[j] = UInt32(drawn.offsets[j + 1] - drawn.offsets[j]) }
            drawn.members.withUnsafeBufferPointer { members in
                sizes.withUnsafeBufferPointer { pool.append(memberRun: UnsafeBufferPointer(rebasing: members[0..<drawn.offsets[total]]), sizes: $0) }
            }
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
