/// HeteroIM (after CIKM 2025, "Heterogeneous Influence Maximization in User Recommendation", §5):
/// greedy maximum coverage of the two-stage cascade's RR sets (`HeteroIMSets`) by (inviter,
/// invitee) pairs, each inviter taking at most K pairs (and each invitee on at most C lists with a
/// capacity).
///
/// The evaluated objective, Spread@K of the lists, is `roots · Pr[a listed pair is in an RR set]`:
/// a coverage function of the chosen pairs, so the greedy that takes the pair of largest marginal
/// coverage while its inviter has a free slot (and its invitee is under the capacity) maximises
/// exactly what the lists are scored by (within ½ of the best lists on the sets for the K-per-inviter
/// partition matroid, ⅓ with a capacity). Ties go to the smaller pair number (inviter id, then arc
/// order). Each inviter's list is its pairs in greedy order; a pair's score is its estimated
/// marginal spread when taken (marginal coverage / r), so scores never rise along a list. When no
/// pair covers anything new, free slots are filled by P·U (then invitee id) with score 0.
///
/// (An earlier version greedily covered sets of *nodes* with the invitees and then scored pairs
/// by shared coverage; its sets counted reach through inviters and did not tie a set to the arc
/// on the list, so it maximised another function, and blends with HeteroIR beat it on the
/// benchmark's Spread@K.)
public enum HeteroIM {
    /// The greedy's lists and the pair scores the trade-off blends.
    struct Result {
        /// Each inviter's list, in request order, best first.
        var lists: DenseLists
        /// Estimated marginal spread of every forward arc out of an inviter: at its pick for a
        /// listed pair (0 for fillers), at the end of the greedy for the others (0 elsewhere).
        var score: [Double]
        /// Greedy position of each listed pair's arc (Int.max elsewhere).
        var order: [Int]
        /// Pairs taken while their marginal coverage was positive.
        var coveringPicks: Int
        /// Sets covered by the lists.
        var coverage: Int
    }

    /// Runs the greedy for `inviters` (dense ids, request order, the inviters `sets` were drawn
    /// for) with lists of length `k`. Complexity: O(Σ|R| + P log P), P the inviters' arcs.
    static func lists(graph: InviteGraph, sets: HeteroIMSets, inviters: [Int], k: Int, capacity: Int?) throws(InfluenceError) -> Result {
        precondition(sets.isDrawn(for: inviters), "sets drawn for other inviters")
        var state = try CoverageState(pool: sets.pool, index: sets.index)
        let pairCount = sets.pairArcs.count
        let r = Double(sets.setsPerNode)
        var inviterOf = [Int](repeating: 0, count: pairCount)
        for i in sets.inviters { for a in graph.arcs(from: i) { inviterOf[sets.firstPair[i] + a - graph.outOffsets[i]] = i } }
        var slots = [Int](repeating: 0, count: graph.nodeCount)
        var used = [Int](repeating: 0, count: graph.nodeCount)
        var picks: [(pair: Int, score: Double)] = []
        var score = [Double](repeating: 0, count: graph.arcCount)
        var order = [Int](repeating: Int.max, count: graph.arcCount)
        func excludePairs(into j: Int) {
            for slot in graph.inOffsets[j]..<graph.inOffsets[j + 1] {
                let u = Int(graph.inSources[slot])
                if let p = sets.pair(inviter: u, arc: graph.inArcs[slot], in: graph) { state.exclude(p) }
            }
        }
        func record(_ p: Int, _ value: Double) {
            let i = inviterOf[p], a = sets.pairArcs[p], j = Int(graph.outTargets[a])
            picks.append((p, value))
            score[a] = value
            order[a] = picks.count - 1
            slots[i] += 1
            if slots[i] == k { for b in graph.arcs(from: i) { state.exclude(sets.firstPair[i] + b - graph.outOffsets[i]) } }
            used[j] += 1
            if let capacity, used[j] == capacity { excludePairs(into: j) }
        }
        while let (p, gain) = state.bestCandidate() {
            state.take(p)
            record(p, Double(gain) / r)
        }
        let coveringPicks = picks.count
        // Free slots: the pairs that cover nothing more, by P·U, then invitee id.
        for i in sets.inviters where slots[i] < k {
            let rest = graph.arcs(from: i).filter { state.isAvailable(sets.firstPair[i] + $0 - graph.outOffsets[i]) }
            func pu(_ a: Int) -> Double { graph.invite[a] * graph.acceptance[Int(graph.outTargets[a])] }
            for a in rest.sorted(by: { pu($0) != pu($1) ? pu($0) > pu($1) : graph.outTargets[$0] < graph.outTargets[$1] }) {
                guard slots[i] < k else { break }
                let p = sets.firstPair[i] + a - graph.outOffsets[i]
                guard state.isAvailable(p) else { continue }
                state.exclude(p)
                record(p, 0)
            }
        }
        // The blend reads every candidate's score: the others get their marginal spread at the end.
        for (p, a) in sets.pairArcs.enumerated() where order[a] == Int.max { score[a] = Double(state.gain(of: p)) / r }
        var lists = DenseLists(inviters: inviters, invitees: Array(repeating: [], count: inviters.count),
                               scores: Array(repeating: [], count: inviters.count))
        var position = [Int](repeating: -1, count: graph.nodeCount)
        for (t, i) in inviters.enumerated() { position[i] = t }
        for (p, value) in picks {
            let t = position[inviterOf[p]], a = sets.pairArcs[p]
            lists.invitees[t].append(Int(graph.outTargets[a]))
            lists.scores[t].append(value)
        }
        return Result(lists: lists, score: score, order: order, coveringPicks: coveringPicks, coverage: state.coverage)
    }
}
