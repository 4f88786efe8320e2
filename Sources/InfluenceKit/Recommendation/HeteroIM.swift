/// HeteroIM (CIKM 2025, "Heterogeneous Influence Maximization in User Recommendation", §5):
/// greedy max coverage of RR sets (arcs live with probability P·U) over the inviters' candidate
/// invitees, scoring each (inviter, invitee) pair as the invitee is taken.
///
/// Candidates are the inviters' out-neighbours. Lazy greedy takes the candidate v of largest
/// marginal coverage (ties to the smaller id); every inviter u with u→v then scores
/// 1 + |{R uncovered, v ∈ R, u ∈ R}| — how much of v's new reach goes through u — and v's
/// uncovered sets become covered. Candidates whose marginal coverage is 0 are taken last, by
/// increasing id, each pair scoring 1. Each inviter's list is its top K by score, ties to the
/// earlier greedy pick (`PairRanking`, with the optional per-invitee capacity).
public enum HeteroIM {
    /// The pair scores and the greedy order of one run.
    struct Scores {
        /// Score of each forward arc out of an inviter (0 elsewhere).
        var score: [Double]
        /// Greedy position of each node (candidates 0, 1, …; others Int.max).
        var order: [Int]
        /// Candidates taken while their marginal coverage was positive.
        var coveringPicks: Int
        /// Sets covered by all candidates together.
        var coverage: Int
    }

    /// Runs the greedy for `inviters` (dense ids) on `sets`. Complexity: O(Σ|R| + n log n).
    static func scores(graph: InviteGraph, sets: HeteroIMSets, inviters: [Int]) throws(InfluenceError) -> Scores {
        let n = graph.nodeCount
        var isInviter = [Bool](repeating: false, count: n)
        for i in inviters { isInviter[i] = true }
        var isCandidate = [Bool](repeating: false, count: n)
        var candidateCount = 0
        for i in inviters {
            for a in graph.arcs(from: i) {
                let v = Int(graph.outTargets[a])
                if !isCandidate[v] { isCandidate[v] = true; candidateCount += 1 }
            }
        }
        var state = try CoverageState(pool: sets.pool, index: sets.index)
        for v in 0..<n where !isCandidate[v] { state.exclude(v) }
        var score = [Double](repeating: 0, count: graph.arcCount)
        var order = [Int](repeating: Int.max, count: n)
        var covered = [Bool](repeating: false, count: sets.pool.count)
        var shared = [Int](repeating: 0, count: n)
        var picked = 0
        var touched: [Int] = []
        let pool = sets.pool, index = sets.index
        while let (v, _) = state.bestCandidate() {
            // For each uncovered set holding v, count the inviters in it.
            for s in index.sets(containing: v) {
                let set = Int(s)
                if covered[set] { continue }
                covered[set] = true
                for m in pool.members(of: set) where isInviter[Int(m)] {
                    if shared[Int(m)] == 0 { touched.append(Int(m)) }
                    shared[Int(m)] += 1
                }
            }
            for slot in graph.inOffsets[v]..<graph.inOffsets[v + 1] {
                let u = Int(graph.inSources[slot])
                guard isInviter[u] else { continue }
                score[graph.inArcs[slot]] = 1 + Double(shared[u])
            }
            for u in touched { shared[u] = 0 }
            touched.removeAll(keepingCapacity: true)
            state.take(v)
            order[v] = picked
            picked += 1
        }
        let coveringPicks = picked
        for v in 0..<n where isCandidate[v] && order[v] == Int.max {
            order[v] = picked
            picked += 1
            for slot in graph.inOffsets[v]..<graph.inOffsets[v + 1] where isInviter[Int(graph.inSources[slot])] {
                score[graph.inArcs[slot]] = 1
            }
        }
        return Scores(score: score, order: order, coveringPicks: coveringPicks, coverage: state.coverage)
    }
}
