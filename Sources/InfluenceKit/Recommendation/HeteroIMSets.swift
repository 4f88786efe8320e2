/// The RR sets HeteroIM covers: reverse-reachable sets of the two-stage invite/accept cascade that
/// `InviteCascade` evaluates, for one set of inviters.
///
/// In that cascade every arc i→j is live with probability P_ij·U_j, the inviters are seeds that
/// are never counted, an inviter i activates the invitee j on its list when i→j is live (stage 1),
/// and activation then spreads over live arcs whose tail is not an inviter (stage 2). So a
/// non-inviter v ends active exactly when some listed pair (i, j) has i→j live and j reaches v
/// over live arcs between non-inviters. A set here is R_v: the non-inviters that reach the root v
/// over live arcs between non-inviters (the reverse search never enters an inviter). The arcs of
/// the listed pairs are distinct and independent of those arcs, so given R_v the root is reached
/// with probability 1 − Π_{(i, j) listed, j ∈ R_v} (1 − p_ij), p_ij = P_ij·U_j, and over
/// uniformly chosen non-inviter roots
///
///     Spread@K(L) = (number of non-inviters) · E[1 − Π_{(i, j) ∈ L, j ∈ R} (1 − p_ij)]
///
/// exactly (`HeteroIMExactTests` checks it against enumeration of every world). Taking the pair
/// arcs in expectation instead of sampling them removes their share of the noise: the direct term
/// of each pair (its invitee's own activation) is exact. (Sets of all nodes with every arc
/// sampled, as an earlier version drew, also count reach through inviters, which stage 2 never
/// carries, and tie a set to an inviter rather than to the arc on its list.)
///
/// The sets are drawn by the engine's RR sampler (`RRSetSampler`, independent cascade with SUBSIM
/// subset sampling) on a model graph of the non-inviters and the arcs among them, P·U as its
/// `value` column, with stratified roots: set t is rooted at model node t mod n′, so each
/// non-inviter roots exactly r sets, the pool is the same for any thread count, and the pool for
/// r is a prefix of the pool for 2r. (The sampler keeps probabilities as `Float`: P·U is rounded to
/// 24 bits, a relative 6·10⁻⁸; the pairs' p_ij are kept as `Double`.)
public struct HeteroIMSets: Sendable {
    /// The sets, over model nodes (`modelNode`).
    public let pool: RRSetCollection
    /// The inverted index of `pool`: for each model node, the sets that contain it.
    public let index: RRSetInvertedIndex
    /// The inviters the sets were drawn for, ascending.
    public let inviters: [Int]
    /// The invitation graph's forward arc number of each pair: the inviters' out-arcs, inviter by
    /// inviter (ascending), each inviter's in arc order.
    public let pairArcs: [Int]
    /// p = P·U of each pair.
    public let pairProbability: [Double]
    /// The model node of each pair's invitee (-1 when the invitee is an inviter: such a pair
    /// activates no one).
    public let pairTarget: [Int]
    /// The number of non-inviter nodes (the roots, and the model's nodes).
    public let roots: Int
    /// r: sets rooted at each non-inviter.
    public let setsPerNode: Int
    /// The seed the sets were drawn from.
    public let seed: UInt64
    /// The first pair of each inviter (by node id; -1 for other nodes).
    let firstPair: [Int]

    /// The pool id of HeteroIM's sets (apart from the seed-selection pools).
    static let poolID: UInt64 = 0x4E7

    /// The model graph (non-inviters 0..<roots in increasing node id, their arcs among
    /// themselves), the model id of every node (-1 for inviters), and the pairs.
    /// Complexity: O(n + m).
    static func model(of graph: InviteGraph, inviters sortedInviters: [Int]) throws(InfluenceError)
        -> (model: IndependentCascade, modelID: [Int], pairArcs: [Int], firstPair: [Int]) {
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
        for u in 0..<n where !isInviter[u] {
            for a in graph.arcs(from: u) {
                let v = Int(graph.outTargets[a]), p = graph.invite[a] * graph.acceptance[v]
                guard !isInviter[v], p > 0 else { continue }
                sources.append(modelID[u]); targets.append(modelID[v]); values.append(p)
            }
        }
        let model = try InfluenceGraph(nodeCount: roots, sources: sources, targets: targets, values: values)
        return (try IndependentCascade(graph: model, probabilities: .file), modelID, pairArcs, firstPair)
    }

    /// Samples the sets for `inviters` (dense ids, any order; duplicates are ignored).
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `setsPerNode`) when r < 1, or the pool would
    ///   hold 2^32 sets or more; (parameter `threads`) for a bad thread count.
    /// - Complexity: O(r · Σ_v (|R_v| + live arcs examined)) / threads over the non-inviters.
    ///
    /// `memoryLimitBytes` bounds the pool before it is drawn: r · n sets of the mean size a pilot of
    /// one set per node measures (r > 1), each an 8-byte offset plus 8 bytes per member (the member
    /// and its inverted-index entry); above it the call throws `InfluenceError(.resource)`
    /// (parameter `setsPerNode`).
    public init(graph: InviteGraph, inviters: [Int], setsPerNode r: Int, seed: UInt64, threads: Int = 1,
                progress: any ProgressReporter = SilentProgress(),
                memoryLimitBytes: Int = SystemMemory.defaultLimitBytes) throws(InfluenceError) {
        guard r >= 1 else { throw InfluenceError(.usage, parameter: "setsPerNode", "r = \(r) (expected at least 1 RR set per node)") }
        try Parallel.checkThreadCount(threads)
        let sorted = Array(Set(inviters)).sorted()
        let (model, modelID, pairArcs, firstPair) = try Self.model(of: graph, inviters: sorted)
        let n = model.graph.nodeCount
        let (total, overflow) = r.multipliedReportingOverflow(by: n)
        guard !overflow, total < Int(UInt32.max) - RRSetSampler.setsPerTask else {
            throw InfluenceError(.usage, parameter: "setsPerNode", "r = \(r) gives \(r) · \(n) RR sets (expected fewer than 2^32)")
        }
        if r > 1, n > 0 {
            let pilot = try HeteroIMSets(graph: graph, inviters: sorted, setsPerNode: 1, seed: seed, threads: threads,
                                         memoryLimitBytes: memoryLimitBytes)
            let needed = Double(total) * (8 + 8 * pilot.pool.meanSetSize)
            guard needed <= Double(memoryLimitBytes) else {
                throw InfluenceError(.resource, parameter: "setsPerNode",
                    "r = \(r) gives \(total) RR sets of about \((pilot.pool.meanSetSize * 10).rounded() / 10) members, which need about \(SystemMemory.describe(needed >= 9.2e18 ? Int.max : Int(needed))), above the memory limit \(SystemMemory.describe(memoryLimitBytes)) (expected a smaller r (--sets-per-node), or a higher --max-memory)")
            }
        }
        var pool = RRSetCollection(nodeCount: n)
        if n > 0 {
            let sampler = try RRSetSampler(model: model)
            var drawn = RRSetCollection(nodeCount: n)
            try sampler.extend(&drawn, to: total, seed: seed, poolID: Self.poolID, workers: threads, progress: progress,
                               phase: "sampling RR sets", stratifiedRoots: true)
            // Whole tasks of 256 sets may overshoot r·n: keep exactly r sets per node.
            if drawn.count == total {
                pool = drawn
            } else {
                pool.reserve(sets: total, members: drawn.offsets[total])
                var sizes = [UInt32](repeating: 0, count: total)
                for j in 0..<total { sizes[j] = UInt32(drawn.offsets[j + 1] - drawn.offsets[j]) }
                drawn.members.withUnsafeBufferPointer { members in
                    sizes.withUnsafeBufferPointer { pool.append(memberRun: UnsafeBufferPointer(rebasing: members[0..<drawn.offsets[total]]), sizes: $0) }
                }
            }
        }
        self.init(graph: graph, inviters: sorted, modelID: modelID, pairArcs: pairArcs, firstPair: firstPair, pool: pool,
                  setsPerNode: r, seed: seed, threads: threads)
    }

    private init(graph: InviteGraph, inviters: [Int], modelID: [Int], pairArcs: [Int], firstPair: [Int], pool: RRSetCollection,
                 setsPerNode: Int, seed: UInt64, threads: Int) {
        self.pool = pool
        index = pool.makeInvertedIndex(workers: threads)
        self.inviters = inviters
        self.pairArcs = pairArcs
        self.firstPair = firstPair
        pairProbability = pairArcs.map { graph.invite[$0] * graph.acceptance[Int(graph.outTargets[$0])] }
        pairTarget = pairArcs.map { modelID[Int(graph.outTargets[$0])] }
        roots = pool.nodeCount
        self.setsPerNode = setsPerNode
        self.seed = seed
    }

    /// Sets given as they are, over the non-inviters of `inviters` in increasing node id (tests
    /// with hand-made RR sets). Complexity: O(n + m + Σ|R|).
    init(graph: InviteGraph, inviters: [Int], pool: RRSetCollection, setsPerNode: Int) throws(InfluenceError) {
        let sorted = Array(Set(inviters)).sorted()
        let (_, modelID, pairArcs, firstPair) = try Self.model(of: graph, inviters: sorted)
        precondition(pool.nodeCount == graph.nodeCount - sorted.count, "a pool over the non-inviters")
        self.init(graph: graph, inviters: sorted, modelID: modelID, pairArcs: pairArcs, firstPair: firstPair, pool: pool,
                  setsPerNode: setsPerNode, seed: 0, threads: 1)
    }

    /// The pair of inviter `i`'s arc `a` (nil when `i` is not one of the inviters).
    /// Complexity: O(1).
    func pair(inviter i: Int, arc a: Int, in graph: InviteGraph) -> Int? {
        firstPair[i] < 0 ? nil : firstPair[i] + (a - graph.outOffsets[i])
    }

    /// Whether the sets were drawn for exactly these inviters. Complexity: O(|inviters| log).
    func isDrawn(for other: [Int]) -> Bool { Array(Set(other)).sorted() == inviters }

    /// The estimated Spread@K of `lists` (K = 1 … maxK): roots / sets · Σ_R (1 − Π (1 − p)).
    /// Complexity: O(Σ over listed pairs of their sets).
    func estimate(_ graph: InviteGraph, lists: DenseLists, maxK: Int) -> [Double] {
        var uncovered = [Double](repeating: 1, count: pool.count)
        var covered = 0.0
        var result: [Double] = []
        for k in 0..<maxK {
            for (t, i) in lists.inviters.enumerated() where k < lists.invitees[t].count {
                let j = lists.invitees[t][k]
                guard let a = graph.arcs(from: i).first(where: { Int(graph.outTargets[$0]) == j }),
                      let p = pair(inviter: i, arc: a, in: graph), pairTarget[p] >= 0 else { continue }
                for s in index.sets(containing: pairTarget[p]) {
                    let delta = uncovered[Int(s)] * pairProbability[p]
                    uncovered[Int(s)] -= delta
                    covered += delta
                }
            }
            result.append(pool.count == 0 ? 0 : Double(roots) * covered / Double(pool.count))
        }
        return result
    }
}
