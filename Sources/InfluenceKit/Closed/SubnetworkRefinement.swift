/// PSNA's refinement step (step 5 of `PSNA`): re-scores every user's slots on the k-subnetwork
/// built so far, with the probabilities of that subnetwork frozen, and refills them.
///
/// The value of user u keeping arc a = (u, w) is what the post gains through w once u shares it:
/// p(u, w) times the expected number of nodes w's kept arcs reach, not counting the way back to
/// u (a post w received from u gains nothing by going back to u). It is the paper's expected
/// subtree size carried over from the maximum-probability tree to the subnetwork itself, by
/// `depth` rounds of non-backtracking messages on the kept arcs:
///
///   m₁(w, z) = p(w, z),   mₜ(w, z) = p(w, z) · (1 + Σ_{kept (z, y), y ≠ w} mₜ₋₁(z, y)),
///
/// and score(u, w) = p(u, w) · (1 + Σ_{kept (w, y), y ≠ u} m_depth(w, y)) for every valid arc,
/// kept or not (the expected size of the depth-limited tree of paths from w that never step
/// straight back). `refill` then rebuilds the subnetwork from the seeds outwards: every node
/// reached keeps its min(k, valid out-degree) best-scored valid arcs (ties: adjacency order) and
/// their heads are reached in turn, so every node of the result is reachable from a seed and has
/// its slots full, as after PSNA's filling pass.
///
/// PSNA accepts the refilled subnetwork only when its objective estimate, on the same common
/// worlds as the iterations', is higher, and repeats while it is.
struct SubnetworkRefinement {
    let problem: ClosedNetworkProblem
    /// The arc (w, u) of each arc (u, w), or −1 when G has none.
    let reverse: [Int]

    /// Complexity: O(m log m) (the arcs sorted by their unordered pair).
    init(_ problem: ClosedNetworkProblem) {
        self.problem = problem
        let keys = ClosedNetworkProblem.arcsByUnorderedPair(problem.graph)
        var reverse = [Int](repeating: -1, count: problem.graph.arcCount)
        var i = 0
        while i < keys.count {
            var j = i + 1
            while j < keys.count && keys[j].key == keys[i].key { j += 1 }
            // Within one pair, an arc's reverse is the first arc of the other direction.
            for x in i..<j where reverse[keys[x].arc] < 0 {
                let tail = problem.tail(of: keys[x].arc)
                if let y = (i..<j).first(where: { problem.tail(of: keys[$0].arc) != tail }) { reverse[keys[x].arc] = keys[y].arc }
            }
            i = j
        }
        self.reverse = reverse
    }

    /// score(a) for every arc a (0 for arcs that are not valid), on the kept arcs `kept`
    /// (increasing arc ids). Complexity: O(depth · (n + m)).
    func scores(kept: [Int], depth: Int) -> [Double] {
        let g = problem.graph
        let p = problem.probabilities
        var isKept = [Bool](repeating: false, count: g.arcCount)
        for a in kept { isKept[a] = true }
        var message = [Double](repeating: 0, count: g.arcCount)
        for a in kept { message[a] = p[a] }
        var outSum = [Double](repeating: 0, count: g.nodeCount)
        @inline(__always) func sums() {
            for v in 0..<g.nodeCount { outSum[v] = 0 }
            for a in kept { outSum[problem.tail(of: a)] += message[a] }
        }
        @inline(__always) func through(_ a: Int) -> Double {
            let w = problem.head(of: a), r = reverse[a]
            let back = r >= 0 && isKept[r] ? message[r] : 0
            return p[a] * (1 + max(0, outSum[w] - back))
        }
        var next = [Double](repeating: 0, count: g.arcCount)
        for _ in 1..<max(1, depth) {
            sums()
            for a in kept { next[a] = through(a) }
            for a in kept { message[a] = next[a] }
        }
        sums()
        var result = [Double](repeating: 0, count: g.arcCount)
        for a in 0..<g.arcCount where problem.isValid(arc: a) { result[a] = through(a) }
        return result
    }

    /// `arcs` made whole: the nodes reachable from the seeds through them, each with its slots
    /// full (a reached node with free slots takes its best-scored valid arcs not kept, largest
    /// first, ties by arc id; their heads are reached in turn), and only the arcs of reached
    /// tails. Returns increasing arc ids. Complexity: O(n + |arcs| + Σ outdeg log outdeg over the
    /// nodes filled).
    func complete(_ arcs: [Int], score: [Double]) -> [Int] {
        let g = problem.graph
        var isKept = [Bool](repeating: false, count: g.arcCount)
        for a in arcs { isKept[a] = true }
        var reached = [Bool](repeating: false, count: g.nodeCount)
        var queue: [Int] = []
        for s in problem.seeds where !reached[s] { reached[s] = true; queue.append(s) }
        var result: [Int] = []
        var scored: [(score: Double, arc: Int)] = []
        var next = 0
        while next < queue.count {
            let u = queue[next]
            next += 1
            let first = result.count
            scored.removeAll(keepingCapacity: true)
            for a in g.outOffsets[u]..<g.outOffsets[u + 1] where problem.isValid(arc: a) {
                if isKept[a] { result.append(a) } else { scored.append((score[a], a)) }
            }
            let free = problem.capacity[u] - (result.count - first)
            if free > 0 && !scored.isEmpty {
                scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.arc < $1.arc }
                for (_, a) in scored.prefix(free) { result.append(a) }
            }
            for a in result[first...] {
                let w = problem.head(of: a)
                if !reached[w] { reached[w] = true; queue.append(w) }
            }
        }
        result.sort()
        return result
    }
}
