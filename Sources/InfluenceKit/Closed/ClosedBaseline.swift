/// The baselines of the paper's evaluation: every user fills its min(k, valid out-degree) slots
/// with friends ranked by a local score, never into seeds (unless the problem allows it).
///
/// - `degree`: the friend's out-degree in G (number of friends), largest first;
/// - `fof`: the friend's friends-of-friends count, the friends of w that u does not already have
///   (|N⁺(w) \ (N⁺(u) ∪ {u})|: the new audience w opens), largest first;
/// - `random`: a uniform random choice, from the stream (seed, u), so the same seed gives the same
///   subnetwork for any thread count.
///
/// Ties go to the earlier arc in adjacency order.
public enum ClosedBaseline: String, Sendable, Codable, CaseIterable {
    /// The three baselines: out-degree, friends-of-friends count, random (see the type).
    case degree, fof, random

    /// The baseline's k-subnetwork.
    ///
    /// - Complexity: degree O(m log k'); fof O(Σ over users u with more valid arcs than k of
    ///   Σ_{w ∈ N⁺(u)} outdeg(w)); random O(m).
    public func subnetwork(_ problem: ClosedNetworkProblem, seed: UInt64) -> KSubnetwork {
        let g = problem.graph
        var arcs: [Int] = []
        var valid: [Int] = []
        var scored: [(score: Int, arc: Int)] = []
        var marks = [UInt32](repeating: 0, count: self == .fof ? g.nodeCount : 0)
        var epoch: UInt32 = 0
        for u in 0..<g.nodeCount where problem.capacity[u] > 0 {
            valid.removeAll(keepingCapacity: true)
            for a in g.outOffsets[u]..<g.outOffsets[u + 1] where problem.isValid(arc: a) { valid.append(a) }
            let slots = problem.capacity[u]
            if valid.count <= slots { arcs.append(contentsOf: valid); continue }
            switch self {
            case .random:
                var rng = Xoshiro256StarStar(seed: seed, stream: 0xC105_ED00_0000_0000 | UInt64(u))
                for i in 0..<slots {
                    let j = i + Int(rng.nextBelow(UInt64(valid.count - i)))
                    valid.swapAt(i, j)
                }
                arcs.append(contentsOf: valid[0..<slots])
            case .degree, .fof:
                scored.removeAll(keepingCapacity: true)
                if self == .fof {
                    epoch &+= 1
                    marks[u] = epoch
                    for a in g.outOffsets[u]..<g.outOffsets[u + 1] { marks[Int(g.outTargets[a])] = epoch }
                }
                for a in valid {
                    let w = Int(g.outTargets[a])
                    if self == .degree {
                        scored.append((g.outDegree(w), a))
                    } else {
                        var count = 0
                        for b in g.outOffsets[w]..<g.outOffsets[w + 1] where marks[Int(g.outTargets[b])] != epoch { count += 1 }
                        scored.append((count, a))
                    }
                }
                scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.arc < $1.arc }
                arcs.append(contentsOf: scored[0..<slots].map(\.arc))
            }
        }
        return KSubnetwork(arcs: arcs)
    }
}
