/// The growing k-subnetwork of an edge-insertion method (PSNA, the greedy): which arcs are kept,
/// which are candidates (valid out-arcs of nodes already in G_k whose tail has capacity left), the
/// per-user count of kept arcs, and which nodes G_k holds (the seeds from the start).
///
/// Capacity bookkeeping: once a node keeps min(k, valid out-degree) arcs, its remaining candidates
/// are dropped.
struct SubnetworkState {
    enum ArcState: UInt8 { case absent = 0, candidate = 1, kept = 2, dropped = 3 }

    let problem: ClosedNetworkProblem
    private(set) var state: [UInt8]
    private(set) var kept: [Int32]
    private(set) var inNetwork: [Bool]
    /// Kept arcs in insertion order.
    private(set) var insertions: [Int] = []
    /// Nodes of G_k (seeds first, then in order of entry).
    private(set) var members: [Int] = []
    private(set) var candidateCount = 0

    init(_ problem: ClosedNetworkProblem) {
        self.problem = problem
        state = [UInt8](repeating: 0, count: problem.graph.arcCount)
        kept = [Int32](repeating: 0, count: problem.graph.nodeCount)
        inNetwork = [Bool](repeating: false, count: problem.graph.nodeCount)
        for s in problem.seeds { enter(s) }
    }

    @inline(__always) func isCandidate(_ a: Int) -> Bool { state[a] == ArcState.candidate.rawValue }
    @inline(__always) func isKept(_ a: Int) -> Bool { state[a] == ArcState.kept.rawValue }
    /// Kept or candidate: the arcs of the candidate graph.
    @inline(__always) func isPresent(_ a: Int) -> Bool { state[a] == 1 || state[a] == 2 }
    /// Kept arcs, and the valid arcs not dropped whose tail has capacity left: the look-ahead
    /// graph of the ranking tree.
    @inline(__always) func isLookahead(_ a: Int) -> Bool {
        state[a] == ArcState.kept.rawValue
            || (state[a] != ArcState.dropped.rawValue && problem.isValid(arc: a) && hasCapacity(problem.tail(of: a)))
    }
    @inline(__always) func hasCapacity(_ u: Int) -> Bool { Int(kept[u]) < problem.capacity[u] }

    /// Adds `v` to G_k; its valid out-arcs become candidates. Complexity: O(outdeg(v)).
    mutating func enter(_ v: Int) {
        guard !inNetwork[v] else { return }
        inNetwork[v] = true
        members.append(v)
        guard hasCapacity(v) else { return }
        let g = problem.graph
        for a in g.outOffsets[v]..<g.outOffsets[v + 1] where state[a] == 0 && problem.isValid(arc: a) {
            state[a] = ArcState.candidate.rawValue
            candidateCount += 1
        }
    }

    /// Keeps candidate arc `a` when its tail has capacity left; a tail that becomes full loses its
    /// other candidates. Does not add the head to G_k (the caller decides when).
    ///
    /// - Returns: whether the arc was kept. Complexity: O(1), O(outdeg(tail)) when the tail fills.
    @discardableResult
    mutating func keep(_ a: Int) -> Bool {
        let u = problem.tail(of: a)
        guard state[a] == ArcState.candidate.rawValue, hasCapacity(u) else { return false }
        state[a] = ArcState.kept.rawValue
        candidateCount -= 1
        kept[u] += 1
        insertions.append(a)
        if !hasCapacity(u) {
            let g = problem.graph
            for b in g.outOffsets[u]..<g.outOffsets[u + 1] where state[b] == ArcState.candidate.rawValue {
                state[b] = ArcState.dropped.rawValue
                candidateCount -= 1
            }
        }
        return true
    }

    /// The score a candidate of `u` must reach to take one of u's free slots: the r-th largest
    /// `score` among u's valid arcs not kept (r its free slots); -∞ when u has no more such
    /// arcs than free slots (every one of them fits). Complexity: O(outdeg(u) log outdeg(u)).
    func slotThreshold(_ u: Int, score: (Int) -> Double) -> Double {
        let g = problem.graph
        let free = problem.capacity[u] - Int(kept[u])
        guard free > 0 else { return .infinity }
        var scores: [Double] = []
        for a in g.outOffsets[u]..<g.outOffsets[u + 1] where state[a] != ArcState.kept.rawValue && problem.isValid(arc: a) {
            scores.append(score(a))
        }
        guard scores.count > free else { return -.infinity }
        scores.sort(by: >)
        return scores[free - 1]
    }

    /// The candidates, increasing. Complexity: O(Σ outdeg over G_k's nodes).
    func candidates() -> [Int] {
        let g = problem.graph
        var result: [Int] = []
        for u in members.sorted() where hasCapacity(u) {
            for a in g.outOffsets[u]..<g.outOffsets[u + 1] where state[a] == ArcState.candidate.rawValue { result.append(a) }
        }
        return result
    }

    /// The final filling pass: every node of G_k with capacity left takes its next best valid
    /// arcs, by p(u, w) · (1 − p_path(w)) (`pathProbability`, the last tree's, 0 for nodes it did
    /// not reach: an arc to a friend the post already reaches well is worth less), ties by arc
    /// order; a friend taken this way joins G_k and is filled in turn, until no node of G_k has
    /// capacity and a valid arc left.
    ///
    /// - Returns: the arcs kept by the pass. Complexity: O(Σ outdeg · log outdeg over G_k's nodes).
    @discardableResult
    mutating func fill(value: (Int) -> Double) -> Int {
        let g = problem.graph
        var queue = members.sorted()
        var next = 0, added = 0
        var scored: [(score: Double, arc: Int)] = []
        while next < queue.count {
            let u = queue[next]
            next += 1
            guard hasCapacity(u) else { continue }
            scored.removeAll(keepingCapacity: true)
            for a in g.outOffsets[u]..<g.outOffsets[u + 1] where state[a] != ArcState.kept.rawValue && problem.isValid(arc: a) {
                scored.append((problem.probabilities[a] * value(problem.head(of: a)), a))
            }
            scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.arc < $1.arc }
            for (_, a) in scored where hasCapacity(u) {
                if state[a] != ArcState.candidate.rawValue {
                    state[a] = ArcState.candidate.rawValue
                    candidateCount += 1
                }
                keep(a)
                added += 1
                let w = problem.head(of: a)
                if !inNetwork[w] {
                    inNetwork[w] = true
                    members.append(w)
                    queue.append(w)
                }
            }
        }
        return added
    }

    var subnetwork: KSubnetwork { KSubnetwork(arcs: insertions) }
}
