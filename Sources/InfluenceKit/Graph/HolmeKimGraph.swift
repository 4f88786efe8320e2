/// A seeded Holme–Kim graph: preferential attachment with triad formation (P. Holme, B. J. Kim,
/// "Growing scale-free networks with tunable clustering", Phys. Rev. E 65, 026107, 2002), the
/// model of networkx's `powerlaw_cluster_graph(n, m, p)`.
///
/// Nodes 0..<m start without edges. Each later node v draws m distinct attachment targets with
/// probability proportional to degree (the m initial nodes count once each until they have
/// edges), links to the first, and then m − 1 times: with probability `triadProbability` links to
/// a random neighbour of the node it last linked to by attachment (a triangle; skipped when every
/// such neighbour is already linked), otherwise to its next attachment target not yet linked. So
/// there are at most (n − m) · m undirected edges (fewer only when triangles used up a node's
/// attachment targets), no self-loops and no duplicates. Every random choice comes from
/// `Xoshiro256StarStar(seed:)`.
public enum HolmeKimGraph {
    /// The undirected edges (u < v not implied: u is the newer node).
    ///
    /// - Throws: `InfluenceError(.usage)` unless 1 ≤ m < n and 0 ≤ p ≤ 1.
    /// - Complexity: O(n · m · (m + max degree)) time, O(n · m) memory.
    public static func edges(nodes n: Int, perNode m: Int, triadProbability p: Double, seed: UInt64) throws(InfluenceError) -> (sources: [UInt32], targets: [UInt32]) {
        guard m >= 1, m < n, n < Int(UInt32.max) else {
            throw InfluenceError(.usage, parameter: "perNode", "m = \(m) edges per node for n = \(n) nodes (expected 1 ≤ m < n)")
        }
        guard p >= 0 && p <= 1 else {
            throw InfluenceError(.usage, parameter: "triadProbability", "triad probability \(p) (expected a probability in [0, 1])")
        }
        var rng = Xoshiro256StarStar(seed: seed)
        var adjacency = [[UInt32]](repeating: [], count: n)
        var repeated = (0..<m).map { UInt32($0) }
        var sources: [UInt32] = [], targets: [UInt32] = []
        sources.reserveCapacity((n - m) * m)
        targets.reserveCapacity((n - m) * m)
        var chosen: [UInt32] = []
        for v in m..<n {
            let source = UInt32(v)
            chosen.removeAll(keepingCapacity: true)
            while chosen.count < m {
                let t = repeated[Int(rng.nextBelow(UInt64(repeated.count)))]
                if !chosen.contains(t) { chosen.append(t) }
            }
            var next = 0
            func link(_ t: UInt32) {
                sources.append(source); targets.append(t)
                adjacency[v].append(t); adjacency[Int(t)].append(source)
                repeated.append(t)
            }
            var target = chosen[next]; next += 1
            link(target)
            var count = 1
            while count < m {
                if rng.nextUnitDouble() < p {
                    let options = adjacency[Int(target)].filter { $0 != source && !adjacency[v].contains($0) }
                    if !options.isEmpty {
                        link(options[Int(rng.nextBelow(UInt64(options.count)))])
                        count += 1
                        continue
                    }
                }
                // The next attachment target; one already linked through a triangle is passed over.
                while next < chosen.count && adjacency[v].contains(chosen[next]) { next += 1 }
                guard next < chosen.count else { break }
                target = chosen[next]; next += 1
                link(target)
                count += 1
            }
            for _ in 0..<m { repeated.append(source) }
        }
        return (sources, targets)
    }
}
