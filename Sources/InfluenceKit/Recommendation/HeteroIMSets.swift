/// The RR sets HeteroIM covers: reverse-reachable sets of the two-stage invite/accept cascade that
/// `InviteCascade` evaluates, for one set of inviters.
///
/// In that cascade every arc i→j is live with probability P_ij·U_j, the inviters are seeds that
/// are never counted, an inviter i activates the invitee j on its list when i→j is live (stage 1),
/// and activation then spreads over live arcs whose tail is not an inviter (stage 2). So a
/// non-inviter v ends active exactly when some list pair (i, j) has i→j live and j reaches v over
/// live arcs between non-inviters. The RR set of root v therefore holds the *pairs* (i, j) — an
/// inviter's arc, not a node — such that i→j is live and j reaches v that way, and for uniformly
/// chosen non-inviter roots
///
///     Spread@K(L) = (number of non-inviters) · Pr[some pair of L is in the set],
///
/// exactly (`HeteroIMUnbiasednessTests` checks it against enumeration of every world). Sets of
/// nodes instead of pairs would overcount: an inviter in a set says that *some* arc of it is
/// live into the set, not the one on its list, and reverse paths through an inviter would count
/// spread the cascade never carries (stage 2 does not leave an inviter).
///
/// The sets are drawn by the engine's RR sampler (`RRSetSampler`, independent cascade with SUBSIM
/// subset sampling) on a model graph that encodes this: the non-inviters with their arcs among
/// themselves, plus one node per pair (i, j) with the single arc pair → j, all with P·U as the
/// `value` column. With stratified roots (set t rooted at model node t mod n′), the sets rooted at
/// pair nodes are dropped, so each non-inviter roots exactly r sets, the pool is the same for any
/// thread count, and the pool for r is a prefix of the pool for 2r. Only the pair members are kept
/// (the greedy covers with pairs), numbered as `pairArcs`. (The sampler keeps probabilities as
/// `Float`: P·U is rounded to 24 bits, a relative 6·10⁻⁸.)
public struct HeteroIMSets: Sendable {
    /// The sets, over pairs: member p is the pair `pairArcs[p]`. Sets with no pair are kept (they
    /// count in the denominator).
    public let pool: RRSetCollection
    /// The inverted index of `pool`: for each pair, the sets that contain it.
    public let index: RRSetInvertedIndex
    /// The inviters the sets were drawn for, ascending.
    public let inviters: [Int]
    /// The invitation graph's forward arc number of each pair: the inviters' out-arcs, inviter by
    /// inviter (ascending), each inviter's in arc order.
    public let pairArcs: [Int]
    /// The number of non-inviter nodes (the possible roots): a list set covering c of the sets has
    /// estimated spread `roots · c / pool.count` = c / r.
    public let roots: Int
    /// r: sets rooted at each non-inviter.
    public let setsPerNode: Int
    /// The seed the sets were drawn from.
    public let seed: UInt64
    /// The mean size of the sets as the sampler drew them (nodes and pairs, including the dropped
    /// sets rooted at pair nodes): the sampling's memory per set, which `SetsPerNodeCalibration` budgets.
    public let sampledMeanSetSize: Double
    /// The model graph's node count n′ (non-inviters + pairs).
    public let modelNodeCount: Int
    /// The first pair of each inviter (by node id; -1 for other nodes).
    let firstPair: [Int]

    /// The pool id of HeteroIM's sets (apart from the seed-selection pools).
    static let poolID: UInt64 = 0x4E7

    /// The model graph the sets are drawn on, its number of non-inviter nodes, the pairs' arcs and
    /// the first pair of each inviter. Model node ids: non-inviters 0..<roots in increasing node
    /// id, then pair p at roots + p. Complexity: O(n + m).
    static func model(of graph: InviteGraph, inviters sortedInviters: [Int]) throws(InfluenceError)
        -> (model: IndependentCascade, roots: Int, pairArcs: [Int], firstPair: [Int]) {
        let n = graph.nodeCount
        var isInviter = [Bool](repeating: false, count: n)
        for i in sortedInviters { isInviter[i] = true }
        var modelID = [Int](repeating: -1, count: n)
        var roots = 0
        for v in 0..<n where !isInviter[v] { modelID[v] = roots; roots += 1 }
        var pairArcs: [Int] = []
        var firstPair = [Int](repeating: -1, count: n)
        for i in sortedInviters {
            firstPair[i] = pairArcs.count
            pairArcs.append(contentsOf: graph.arcs(from: i))
        }
        var sources: [Int] = [], targets: [Int] = [], values: [Double] = []
        func live(_ a: Int) -> Double { graph.invite[a] * graph.acceptance[Int(graph.outTargets[a])] }
        for u in 0..<n where !isInviter[u] {
            for a in graph.arcs(from: u) {
                let v = Int(graph.outTargets[a])
                guard !isInviter[v], live(a) > 0 else { continue }
                sources.append(modelID[u]); targets.append(modelID[v]); values.append(live(a))
            }
        }
        for (p, a) in pairArcs.enumerated() {
            let j = Int(graph.outTargets[a])
            guard !isInviter[j], live(a) > 0 else { continue }
            sources.append(roots + p); targets.append(modelID[j]); values.append(live(a))
        }
        let model = try InfluenceGraph(nodeCount: roots + pairArcs.count, sources: sources, targets: targets, values: values)
        return (try IndependentCascade(graph: model, probabilities: .file), roots, pairArcs, firstPair)
    }

    /// Samples the sets for `inviters` (dense ids, any order; duplicates are ignored).
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `setsPerNode`) when r < 1, or the sampler
    ///   would draw 2^32 sets or more; (parameter `threads`) for a bad thread count.
    /// - Complexity: O(r · Σ_v (|R_v| + live arcs examined)) / threads over the n′ model nodes.
    public init(graph: InviteGraph, inviters: [Int], setsPerNode r: Int, seed: UInt64, threads: Int = 1,
                progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) {
        guard r >= 1 else { throw InfluenceError(.usage, parameter: "setsPerNode", "r = \(r) (expected at least 1 RR set per node)") }
        try Parallel.checkThreadCount(threads)
        let sorted = Array(Set(inviters)).sorted()
        let (model, roots, pairArcs, firstPair) = try Self.model(of: graph, inviters: sorted)
        let n = roots + pairArcs.count
        let (total, overflow) = r.multipliedReportingOverflow(by: n)
        guard !overflow, total < Int(UInt32.max) - RRSetSampler.setsPerTask else {
            throw InfluenceError(.usage, parameter: "setsPerNode", "r = \(r) gives \(r) · \(n) RR sets (expected fewer than 2^32)")
        }
        var pool = RRSetCollection(nodeCount: pairArcs.count)
        var drawnMembers = 0
        if n > 0 {
            let sampler = try RRSetSampler(model: model)
            var drawn = RRSetCollection(nodeCount: n)
            try sampler.extend(&drawn, to: total, seed: seed, poolID: Self.poolID, workers: threads, progress: progress,
                               phase: "sampling RR sets", stratifiedRoots: true)
            // Keep the sets rooted at non-inviters (t mod n < roots), exactly r per root, and their pair members.
            drawnMembers = drawn.offsets[total]
            var kept: [UInt32] = []
            var sizes: [UInt32] = []
            sizes.reserveCapacity(r * roots)
            drawn.members.withUnsafeBufferPointer { members in
                for t in 0..<total where t % n < roots {
                    let before = kept.count
                    for e in drawn.offsets[t]..<drawn.offsets[t + 1] where Int(members[e]) >= roots {
                        kept.append(members[e] &- UInt32(roots))
                    }
                    sizes.append(UInt32(kept.count - before))
                }
            }
            pool.reserve(sets: sizes.count, members: kept.count)
            kept.withUnsafeBufferPointer { kept in
                sizes.withUnsafeBufferPointer { pool.append(memberRun: kept, sizes: $0) }
            }
        }
        self.pool = pool
        index = pool.makeInvertedIndex(workers: threads)
        self.inviters = sorted
        self.pairArcs = pairArcs
        self.firstPair = firstPair
        self.roots = roots
        setsPerNode = r
        self.seed = seed
        sampledMeanSetSize = total > 0 ? Double(drawnMembers) / Double(total) : 0
        modelNodeCount = n
    }

    /// The pair of inviter `i`'s arc `a` (nil when `i` is not one of the inviters).
    /// Complexity: O(1).
    func pair(inviter i: Int, arc a: Int, in graph: InviteGraph) -> Int? {
        firstPair[i] < 0 ? nil : firstPair[i] + (a - graph.outOffsets[i])
    }

    /// Whether the sets were drawn for exactly these inviters. Complexity: O(|inviters| log).
    func isDrawn(for other: [Int]) -> Bool { Array(Set(other)).sorted() == inviters }

    /// The estimated Spread@K of `lists` (K = 1 … maxK): roots · (covered sets) / sets.
    /// Complexity: O(Σ over listed pairs of their sets).
    func estimate(_ graph: InviteGraph, lists: DenseLists, maxK: Int) -> [Double] {
        var covered = [Bool](repeating: false, count: pool.count)
        var count = 0
        var result: [Double] = []
        for k in 0..<maxK {
            for (t, i) in lists.inviters.enumerated() where k < lists.invitees[t].count {
                let j = lists.invitees[t][k]
                guard let a = graph.arcs(from: i).first(where: { Int(graph.outTargets[$0]) == j }),
                      let p = pair(inviter: i, arc: a, in: graph) else { continue }
                for s in index.sets(containing: p) where !covered[Int(s)] { covered[Int(s)] = true; count += 1 }
            }
            result.append(pool.count == 0 ? 0 : Double(roots) * Double(count) / Double(pool.count))
        }
        return result
    }
}

extension HeteroIMSets {
    /// Sets given as they are, over the pairs of `inviters` (tests with hand-made RR sets).
    /// Complexity: O(n + m + Σ|R|).
    init(graph: InviteGraph, inviters: [Int], pool: RRSetCollection, setsPerNode: Int) throws(InfluenceError) {
        let sorted = Array(Set(inviters)).sorted()
        let (_, roots, pairArcs, firstPair) = try Self.model(of: graph, inviters: sorted)
        precondition(pool.nodeCount == pairArcs.count, "a pool over the pairs")
        self.pool = pool
        index = pool.makeInvertedIndex()
        self.inviters = sorted
        self.pairArcs = pairArcs
        self.firstPair = firstPair
        self.roots = roots
        self.setsPerNode = setsPerNode
        seed = 0
        sampledMeanSetSize = pool.meanSetSize
        modelNodeCount = roots + pairArcs.count
    }
}
