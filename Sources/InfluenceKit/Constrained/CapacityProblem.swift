/// A capacity-constrained IM instance (KDD 2023, "Capacity Constrained Influence Maximization in
/// Social Networks", §2): a graph G with a bound model, the active participants A, each AP's
/// candidates, the capacity k, and the blocked problem P on which the spread is measured.
///
/// P is the subgraph induced by V \ A with the model's parameters computed on the full G (under
/// weighted cascade, p(u, v) = 1/indeg_G(v)): arcs into or out of an AP are dead, every other arc
/// keeps its G probability or weight. P is an ordinary `InfluenceGraph` (renumbered densely, G's
/// labels kept) with its own bound model, the G model restricted to it
/// (`DiffusionModel.restricted(to:originalArcs:)`), so RR sets on P are rooted uniformly on P and never
/// enter an AP, and the simulator, the RR sampler and the exact oracle all run on P unchanged.
///
/// Candidates C_u are the out-neighbours of u outside A, in adjacency order, each once. An AP
/// without candidates is dropped (`skipped`); the remaining APs keep their file order.
public struct CapacityProblem: Sendable {
    /// The full graph G and the model bound to it.
    public let graph: InfluenceGraph
    /// The diffusion model bound to G.
    public let model: any DiffusionModel
    /// Seeds each AP may pick.
    public let k: Int
    /// Every AP (dense G ids, in file order).
    public let activeParticipants: [Int]
    /// The APs that take part (those with candidates), in file order (dense G ids).
    public let participants: [Int]
    /// APs without candidates, dropped (dense G ids).
    public let skipped: [Int]
    /// P: the subgraph induced by V \ A, with the values its model was bound with (`subgraphModel.graph`).
    public let subgraph: InfluenceGraph
    /// The model on P: `model` restricted to P (G's probabilities or weights).
    public let subgraphModel: any DiffusionModel
    /// G id of each P node.
    public let nodeOfP: [Int]
    /// P id of each G node (−1 for an AP).
    public let nodeInP: [Int]
    /// Candidates of participant `i` are `candidates[candidateOffsets[i]..<candidateOffsets[i + 1]]` (P ids).
    public let candidateOffsets: [Int]
    /// The candidates of every participant, back to back (P ids); see `candidateOffsets`.
    public let candidates: [Int]

    /// Number of participating APs, d.
    public var participantCount: Int { participants.count }
    /// n_P, the nodes of P.
    public var nodeCount: Int { subgraph.nodeCount }

    /// The candidates of participant `i` (P ids, adjacency order). Complexity: O(1).
    public func candidates(of i: Int) -> ArraySlice<Int> { candidates[candidateOffsets[i]..<candidateOffsets[i + 1]] }

    /// Builds the instance.
    ///
    /// - Parameters:
    ///   - model: a model bound to G that can be restricted to a subgraph (IC, LT).
    ///   - activeParticipants: dense G ids of the APs (repeats count once).
    ///   - k: the capacity of each AP.
    /// - Throws: `InfluenceError(.usage)`: parameter `k` when k < 1, `activeParticipants` when the
    ///   set is empty, holds a non-node, or no AP has a candidate; `model` when the model cannot be
    ///   restricted to P.
    /// - Complexity: O(n + m).
    public init(model: any DiffusionModel, activeParticipants: [Int], k: Int) throws(InfluenceError) {
        let graph = model.graph
        guard k >= 1 else {
            throw InfluenceError(.usage, parameter: "k", "capacity k = \(k) (expected each AP to pick at least 1 friend)")
        }
        guard !activeParticipants.isEmpty else {
            throw InfluenceError(.usage, parameter: "activeParticipants", "empty AP set (expected at least one AP)")
        }
        let n = graph.nodeCount
        var isAP = [Bool](repeating: false, count: n)
        var aps: [Int] = []
        for u in activeParticipants {
            guard u >= 0, u < n else {
                throw InfluenceError(.usage, parameter: "activeParticipants", "AP \(u) is not a node (expected an id in 0..<\(n))")
            }
            if !isAP[u] { isAP[u] = true; aps.append(u) }
        }
        // P's numbering: the non-AP nodes in G order.
        var inP = [Int](repeating: -1, count: n), ofP: [Int] = []
        ofP.reserveCapacity(n - aps.count)
        for v in 0..<n where !isAP[v] { inP[v] = ofP.count; ofP.append(v) }
        let nP = ofP.count
        var offsets = [Int](repeating: 0, count: nP + 1), targets: [UInt32] = [], originalArcs: [Int] = []
        for (i, u) in ofP.enumerated() {
            for a in graph.outOffsets[u]..<graph.outOffsets[u + 1] {
                let v = Int(graph.outTargets[a])
                if inP[v] >= 0 { targets.append(UInt32(inP[v])); originalArcs.append(a) }
            }
            offsets[i + 1] = targets.count
        }
        let labels: NodeLabels
        switch graph.labels {
        case .identity: labels = .integers(ofP.map { Int64($0) })
        case .integers(let all): labels = .integers(ofP.map { all[$0] })
        case .strings(let all): labels = .strings(ofP.map { all[$0] })
        }
        let topology = try InfluenceGraph(nodeCount: nP, outOffsets: offsets, outTargets: targets, arcValues: nil,
                                          parallelArcs: nil, labels: labels, statistics: graph.statistics)
        subgraphModel = try model.restricted(to: topology, originalArcs: originalArcs)
        // Candidates: out-neighbours outside A, adjacency order, each once.
        var seen = [Int](repeating: -1, count: n)
        var kept: [Int] = [], dropped: [Int] = [], candidateOffsets = [0], candidates: [Int] = []
        for u in aps {
            let before = candidates.count
            for a in graph.outOffsets[u]..<graph.outOffsets[u + 1] {
                let v = Int(graph.outTargets[a])
                if inP[v] >= 0, seen[v] != u { seen[v] = u; candidates.append(inP[v]) }
            }
            if candidates.count == before { dropped.append(u) } else { kept.append(u); candidateOffsets.append(candidates.count) }
        }
        guard !kept.isEmpty else {
            throw InfluenceError(.usage, parameter: "activeParticipants",
                                 "no AP has a candidate (expected APs with out-neighbours outside the AP set)")
        }
        self.graph = graph
        self.model = model
        self.k = k
        self.activeParticipants = aps
        participants = kept
        skipped = dropped
        subgraph = subgraphModel.graph
        nodeOfP = ofP
        nodeInP = inP
        self.candidateOffsets = candidateOffsets
        self.candidates = candidates
    }

    /// Σ_u ln C(|C_u|, k): the log of the number of feasible assignments' seed choices, which
    /// θmax's union bound runs over. Complexity: O(d).
    public var logAssignmentCount: Double {
        (0..<participantCount).reduce(0) { $0 + Combinatorics.logBinomial(candidateOffsets[$1 + 1] - candidateOffsets[$1], k) }
    }

    /// χ: the number of distinct seeds of a random feasible assignment (APs in order, each picking
    /// up to k of its still-free candidates uniformly at random), drawn from `seed`.
    /// Complexity: O(Σ|C_u|).
    public func randomAssignmentSize(seed: UInt64) -> Int {
        var rng = Xoshiro256StarStar(seed: seed, stream: 0xC1A0)
        var taken = [Bool](repeating: false, count: nodeCount)
        var total = 0
        for i in 0..<participantCount {
            var free = candidates(of: i).filter { !taken[$0] }
            var picked = 0
            while picked < k, !free.isEmpty {
                let j = Int(rng.nextBelow(UInt64(free.count)))
                taken[free[j]] = true
                free.swapAt(j, free.count - 1); free.removeLast()
                picked += 1; total += 1
            }
        }
        return total
    }
}
