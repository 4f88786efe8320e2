/// HeteroIM (after CIKM 2025, "Heterogeneous Influence Maximization in User Recommendation", §5):
/// greedy maximisation of the two-stage cascade's Spread@K estimated on RR sets (`HeteroIMSets`),
/// over (inviter, invitee) pairs, each inviter taking at most K pairs (and each invitee on at
/// most C lists with a capacity).
///
/// The estimate of lists L is roots / θ · Σ_R (1 − Π_{(i, j) ∈ L, j ∈ R} (1 − p_ij)): a weighted
/// coverage function of the chosen pairs, monotone and submodular, unbiased for the Spread@K the
/// lists are scored by. The marginal gain of pair (i, j) is p_ij · Σ_{R ∋ j} u_R, u_R the
/// probability that set R is not yet covered.
///
/// Lists are rankings a user may cut at any K, so every prefix is a greedy answer: without a
/// capacity the greedy runs in rounds c = 1…K. In round c each inviter may hold at most c pairs,
/// and the lazy greedy takes the pair of largest gain until no inviter holding fewer than c has a
/// pair of positive gain. Round 1 is exactly the greedy for lists of length 1, and the prefix of
/// length c is the greedy at cap c given the shorter prefixes. Each pick is the best pair of its
/// inviter at that moment, so this is a locally greedy algorithm on the K-per-inviter partition
/// matroid (one block per inviter and slot): within ½ of the best lists on the sets (Fisher,
/// Nemhauser, Wolsey 1978), as the single greedy. Lazy evaluation carries over between rounds
/// (gains only fall, so a stale gain stays an upper bound). Ties go to the smaller pair number
/// (inviter id, then arc order). Each inviter's list is its pairs in round order; a pair's score
/// is its estimated marginal spread when taken
/// (gain / r), so scores never rise along a list. When no pair adds anything, free slots are
/// filled by P·U (then invitee id) with score 0.
///
/// With a capacity the greedy is one pass at cap K (the single greedy, ⅓ of the best lists on the
/// sets for the intersection of the two matroids), not rounds: an inviter's first pick then
/// comes after others may hold several pairs, so short prefixes are not the greedy's answer at
/// that K. Measured on the Higgs invite benchmark at capacity 1, rounds gave 17 more Spread@1
/// but 12 less Spread@5 and fell below HeteroIR and P·U at K = 5, which the single greedy beats
/// at every K (`Bench/results/recommend-2026-12-07.md`).
///
/// (Without a capacity, a single greedy at cap K — the previous version — fills lists of length K in one pass: an
/// inviter's first pick is made after other inviters may already hold several pairs, so the
/// prefixes of length 1 and 2 were not the greedy's answer for K = 1 and 2, and blends with
/// HeteroIR scored above it at small K on the benchmark. An earlier version still greedily
/// covered sets of *nodes* with the invitees and then scored pairs by shared coverage: it
/// maximised another function.)
public enum HeteroIM {
    /// The greedy's lists and the pair scores the trade-off blends.
    struct Result {
        /// Each inviter's list, in request order, best first.
        var lists: DenseLists
        /// Estimated marginal spread of every forward arc out of an inviter: at its pick for a
        /// listed pair (0 for fillers), at the end of the greedy for the others (0 elsewhere).
        var score: [Double]
        /// Pairs taken while their gain was positive.
        var coveringPicks: Int
        /// The lists' estimated Spread@K (roots / θ · covered weight).
        var estimate: Double
    }

    /// Runs the greedy for `inviters` (dense ids, request order, the inviters `sets` were drawn
    /// for) with lists of length `k`. Complexity: O(Σ over evaluated pairs of |{R ∋ j}| + K · P log P),
    /// P the pairs (a pair's gain is summed over its invitee's sets when the lazy greedy asks for it; each of
    /// the K rounds rebuilds the heap of the pairs still waiting).
    static func lists(graph: InviteGraph, sets: HeteroIMSets, inviters: [Int], k: Int, capacity: Int?) throws(InfluenceError) -> Result {
        precondition(sets.isDrawn(for: inviters), "sets drawn for other inviters")
        let pool = sets.pool, index = sets.index
        let pairCount = sets.pairArcs.count
        let r = Double(sets.setsPerNode)
        var uncovered = [Double](repeating: 1, count: pool.count)
        // weight(j) = Σ_{R ∋ j} u_R, summed when asked and kept until the next take.
        var stamp = [Int](repeating: 0, count: sets.roots)
        var cached = (0..<sets.roots).map { Double(index.degree(of: $0)) }
        var takes = 0
        func weight(_ j: Int) -> Double {
            if stamp[j] == takes { return cached[j] }
            var sum = 0.0
            for s in index.sets(containing: j) { sum += uncovered[Int(s)] }
            stamp[j] = takes
            cached[j] = sum
            return sum
        }
        var inviterOf = [Int](repeating: 0, count: pairCount)
        for i in sets.inviters { for a in graph.arcs(from: i) { inviterOf[sets.firstPair[i] + a - graph.outOffsets[i]] = i } }
        var available = [Bool](repeating: true, count: pairCount)
        func gain(_ p: Int) -> Double { sets.pairTarget[p] < 0 ? 0 : sets.pairProbability[p] * weight(sets.pairTarget[p]) }
        var heap = BinaryMaxHeap((0..<pairCount).map { ScoredNode(score: gain($0), node: $0) })
        var slots = [Int](repeating: 0, count: graph.nodeCount)
        var used = [Int](repeating: 0, count: graph.nodeCount)
        var picks: [(pair: Int, score: Double)] = []
        var score = [Double](repeating: 0, count: graph.arcCount)
        var covered = 0.0
        func record(_ p: Int, _ value: Double) {
            let i = inviterOf[p], a = sets.pairArcs[p], j = Int(graph.outTargets[a])
            available[p] = false
            picks.append((p, value))
            score[a] = value
            slots[i] += 1
            if slots[i] == k { for b in graph.arcs(from: i) { available[sets.firstPair[i] + b - graph.outOffsets[i]] = false } }
            used[j] += 1
            if let capacity, used[j] == capacity {
                for slot in graph.inOffsets[j]..<graph.inOffsets[j + 1] {
                    if let q = sets.pair(inviter: Int(graph.inSources[slot]), arc: graph.inArcs[slot], in: graph) { available[q] = false }
                }
            }
        }
        // Rounds: in round c each inviter may hold at most c pairs, and the lazy greedy runs until
        // no inviter below c has a pair of positive gain; a popped pair whose inviter already holds
        // c waits for the next round with its (still valid) upper bound. With a capacity, one
        // round at cap K (see the type's comment).
        var waiting: [ScoredNode] = []
        for cap in capacity == nil ? Array(1...k) : [k] {
            while let top = heap.removeTop() {
                let p = Int(top.node)
                guard available[p] else { continue }
                if slots[inviterOf[p]] >= cap {
                    waiting.append(top)
                    continue
                }
                let fresh = gain(p)
                if fresh < top.score, let next = heap.top, ScoredNode(score: fresh, node: p) < next {
                    heap.insert(ScoredNode(score: fresh, node: p))
                    continue
                }
                // Every pair left has a bound ≤ fresh ≤ 0: gains only fall, so none adds anything later.
                guard fresh > 0 else { break }
                // Take p: every set holding its invitee is covered with a further p.
                let target = sets.pairTarget[p], probability = sets.pairProbability[p]
                for s in index.sets(containing: target) {
                    let delta = uncovered[Int(s)] * probability
                    uncovered[Int(s)] -= delta
                    covered += delta
                }
                takes += 1
                record(p, fresh / r)
            }
            guard !waiting.isEmpty else { break }
            heap = BinaryMaxHeap(waiting)
            waiting.removeAll(keepingCapacity: true)
        }
        let coveringPicks = picks.count
        // Free slots: the pairs that add nothing more, by P·U, then invitee id.
        for i in sets.inviters where slots[i] < k {
            func pu(_ a: Int) -> Double { graph.invite[a] * graph.acceptance[Int(graph.outTargets[a])] }
            let rest = graph.arcs(from: i).sorted { pu($0) != pu($1) ? pu($0) > pu($1) : graph.outTargets[$0] < graph.outTargets[$1] }
            for a in rest where slots[i] < k {
                let p = sets.firstPair[i] + a - graph.outOffsets[i]
                if available[p] { record(p, 0) }
            }
        }
        // The blend reads every candidate's score: the others get their gain at the end.
        let listed = Set(picks.map(\.pair))
        for p in 0..<pairCount where !listed.contains(p) { score[sets.pairArcs[p]] = gain(p) / r }
        var lists = DenseLists(inviters: inviters, invitees: Array(repeating: [], count: inviters.count),
                               scores: Array(repeating: [], count: inviters.count))
        var position = [Int](repeating: -1, count: graph.nodeCount)
        for (t, i) in inviters.enumerated() { position[i] = t }
        for (p, value) in picks {
            let t = position[inviterOf[p]], a = sets.pairArcs[p]
            lists.invitees[t].append(Int(graph.outTargets[a]))
            lists.scores[t].append(value)
        }
        let estimate = pool.count == 0 ? 0 : Double(sets.roots) * covered / Double(pool.count)
        return Result(lists: lists, score: score, coveringPicks: coveringPicks, estimate: estimate)
    }
}
