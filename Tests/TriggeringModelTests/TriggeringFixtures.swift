import InfluenceKit

/// Small instances for the triggering-model checks: hand-made graphs with correlated
/// distributions, seeded random ones, and IC and LT written as triggering distributions.
enum TriggeringFixtures {
    typealias Outcome = GeneralTriggeringModel.Outcome

    /// The forward arc u → v of `graph`.
    static func arc(_ graph: InfluenceGraph, _ u: Int, _ v: Int) -> Int {
        guard let a = (graph.outOffsets[u]..<graph.outOffsets[u + 1]).first(where: { Int(graph.outTargets[$0]) == v }) else {
            preconditionFailure("no arc \(u) → \(v)")
        }
        return a
    }

    /// Distributions from (node, [(tails of the set, probability)]); nodes not listed (and the
    /// leftover probability of listed ones) draw the empty set.
    static func distributions(_ graph: InfluenceGraph, _ listed: [Int: [([Int], Double)]]) -> [[Outcome]] {
        (0..<graph.nodeCount).map { v in
            let given = (listed[v] ?? []).map { tails, p in Outcome(arcs: tails.map { arc(graph, $0, v) }, probability: p) }
            let rest = 1 - given.reduce(0) { $0 + $1.probability }
            return rest > 1e-12 || given.isEmpty ? given + [Outcome(arcs: [], probability: max(0, rest))] : given
        }
    }

    /// A diamond with a tail, 0→1, 0→2, 1→3, 2→3, 3→4, 2→4: node 3 takes both in-arcs together
    /// more often than independence would (positively correlated), node 4 one or the other
    /// (negatively correlated). Dyadic probabilities keep every world probability exact.
    static func diamond() throws -> GeneralTriggeringModel {
        let g = try InfluenceGraph(sources: [0, 0, 1, 2, 3, 2], targets: [1, 2, 3, 3, 4, 4])
        return GeneralTriggeringModel(graph: g, distributions: distributions(g, [
            1: [([0], 0.75)],
            2: [([0], 0.5)],
            3: [([1, 2], 0.375), ([1], 0.125), ([2], 0.125)],
            4: [([3], 0.5), ([2], 0.25)],
        ]))
    }

    /// Seven nodes with cycles (0→1→2→0, 1→3→1) and two paths into 6, eleven arcs.
    static func cycles() throws -> GeneralTriggeringModel {
        let g = try InfluenceGraph(sources: [0, 1, 2, 2, 1, 3, 3, 4, 5, 4, 0],
                                   targets: [1, 2, 0, 4, 3, 1, 5, 6, 6, 5, 3])
        return GeneralTriggeringModel(graph: g, distributions: distributions(g, [
            0: [([2], 0.4)],
            1: [([0, 3], 0.3), ([0], 0.35), ([3], 0.1)],
            2: [([1], 0.9)],
            3: [([1, 0], 0.2), ([1], 0.3), ([0], 0.3)],
            4: [([2], 0.7)],
            5: [([3, 4], 0.5), ([4], 0.2)],
            6: [([4, 5], 0.45), ([5], 0.3), ([4], 0.05)],
        ]))
    }

    /// A seeded random instance: `nodes` nodes, each ordered pair an arc with probability
    /// `density` (in-degree capped at 4), each node's distribution 1 to 4 distinct random subsets
    /// of its in-arcs with random weights, plus the empty set.
    static func random(seed: UInt64, nodes: Int = 8, density: Double = 0.2) throws -> GeneralTriggeringModel {
        var rng = Xoshiro256StarStar(seed: seed)
        var sources: [Int] = [], targets: [Int] = []
        for v in 0..<nodes {
            var degree = 0
            for u in 0..<nodes where u != v && degree < 4 && rng.nextUnitDouble() < density {
                sources.append(u); targets.append(v); degree += 1
            }
        }
        let g = try InfluenceGraph(nodeCount: nodes, sources: sources, targets: targets)
        let distributions: [[Outcome]] = (0..<nodes).map { v in
            let inArcs = (g.inOffsets[v]..<g.inOffsets[v + 1]).map { g.inArcs[$0] }
            var sets: [[Int]] = [[]]
            if !inArcs.isEmpty {
                for _ in 0..<(1 + Int(rng.nextBelow(4))) {
                    let mask = 1 + Int(rng.nextBelow(UInt64((1 << inArcs.count) - 1)))
                    let set = inArcs.indices.filter { (mask >> $0) & 1 == 1 }.map { inArcs[$0] }
                    if !sets.contains(set) { sets.append(set) }
                }
            }
            let weights = sets.map { _ in 0.05 + rng.nextUnitDouble() }
            let total = weights.reduce(0, +)
            return zip(sets, weights).map { Outcome(arcs: $0, probability: $1 / total) }
        }
        return GeneralTriggeringModel(graph: g, distributions: distributions)
    }

    /// Independent cascade as a triggering model: every subset of a node's in-arcs, with the
    /// product of p over its arcs and of 1 − p over the others (in-arcs in reverse-CSR order).
    static func independentCascade(_ ic: IndependentCascade) -> GeneralTriggeringModel {
        let g = ic.graph
        let distributions: [[Outcome]] = (0..<g.nodeCount).map { v in
            let inArcs = (g.inOffsets[v]..<g.inOffsets[v + 1]).map { g.inArcs[$0] }
            return (0..<(1 << inArcs.count)).map { mask in
                var p = 1.0
                for (i, a) in inArcs.enumerated() { p *= (mask >> i) & 1 == 1 ? Double(ic.probabilities[a]) : 1 - Double(ic.probabilities[a]) }
                return Outcome(arcs: inArcs.indices.filter { (mask >> $0) & 1 == 1 }.map { inArcs[$0] }, probability: p)
            }
        }
        return GeneralTriggeringModel(graph: g, distributions: distributions)
    }

    /// Linear threshold as a triggering model: one in-arc with its weight, or none with the rest.
    static func linearThreshold(_ lt: LinearThreshold) -> GeneralTriggeringModel {
        let g = lt.graph
        let distributions: [[Outcome]] = (0..<g.nodeCount).map { v in
            let inArcs = (g.inOffsets[v]..<g.inOffsets[v + 1]).map { g.inArcs[$0] }
            let single = inArcs.map { Outcome(arcs: [$0], probability: Double(lt.weights[$0])) }
            let none = 1 - single.reduce(0) { $0 + $1.probability }
            return single + [Outcome(arcs: [], probability: max(0, none))]
        }
        return GeneralTriggeringModel(graph: g, distributions: distributions)
    }
}
