@_spi(Kernels) @testable import InfluenceKit

/// A closed-network instance from (u, v, p) arcs on nodes 0..<n.
func closedProblem(_ n: Int, _ arcs: [(Int, Int, Double)], seeds: [Int], k: Int,
                   allowArcsIntoSeeds: Bool = false) throws -> ClosedNetworkProblem {
    let graph = try InfluenceGraph(nodeCount: n, sources: arcs.map(\.0), targets: arcs.map(\.1), values: arcs.map(\.2))
    let model = try IndependentCascade(graph: graph, probabilities: .file)
    return try ClosedNetworkProblem(model: model, seeds: seeds, k: k, allowArcsIntoSeeds: allowArcsIntoSeeds)
}

/// The forward arc id of u → v.
func arcId(_ problem: ClosedNetworkProblem, _ u: Int, _ v: Int) -> Int {
    let g = problem.graph
    return (g.outOffsets[u]..<g.outOffsets[u + 1]).first { Int(g.outTargets[$0]) == v }!
}

/// (u, v) of arc ids.
func pairs(_ problem: ClosedNetworkProblem, _ arcs: [Int]) -> [[Int]] {
    arcs.map { [problem.tail(of: $0), problem.head(of: $0)] }
}

/// Σ_s σ_{G_k}({s}) and σ_{G_k}(S) exactly, by the live-edge oracle on the kept arcs.
func exactObjective(_ problem: ClosedNetworkProblem, _ arcs: [Int]) throws -> (objective: Double, union: Double) {
    let kept = arcs.sorted()
    let graph = try InfluenceGraph(nodeCount: problem.graph.nodeCount, sources: kept.map { problem.tail(of: $0) },
                                   targets: kept.map { problem.head(of: $0) }, values: kept.map { problem.probabilities[$0] })
    let model = try IndependentCascade(graph: graph, probabilities: .file)
    var total = 0.0
    for s in problem.seeds { total += try ExactSpread.spread(of: [s], under: model) }
    return (total, try ExactSpread.spread(of: problem.seeds, under: model))
}

/// The best exact objective over every maximal k-subnetwork (each node keeps exactly
/// min(k, valid out-degree) valid arcs). Adding an arc never lowers a run's reach, so an optimum
/// is always maximal; every maximal choice is enumerated.
func bruteForceOptimum(_ problem: ClosedNetworkProblem) throws -> (value: Double, arcs: [Int], count: Int) {
    let g = problem.graph
    let choices: [[[Int]]] = (0..<g.nodeCount).map { u in
        let valid = (g.outOffsets[u]..<g.outOffsets[u + 1]).filter { problem.isValid(arc: $0) }
        return subsets(valid, size: problem.capacity[u])
    }
    var best = -1.0, bestArcs: [Int] = [], count = 0
    var current: [Int] = []
    func visit(_ u: Int) throws {
        if u == g.nodeCount {
            count += 1
            let value = try exactObjective(problem, current).objective
            if value > best + 1e-12 { best = value; bestArcs = current }
            return
        }
        for choice in choices[u] {
            current.append(contentsOf: choice)
            try visit(u + 1)
            current.removeLast(choice.count)
        }
    }
    try visit(0)
    return (best, bestArcs.sorted(), count)
}

/// The exact objective of every maximal k-subnetwork (each node keeps exactly
/// min(k, valid out-degree) valid arcs), in enumeration order.
func maximalSubnetworkValues(_ problem: ClosedNetworkProblem) throws -> [Double] {
    let g = problem.graph
    let choices: [[[Int]]] = (0..<g.nodeCount).map { u in
        subsets((g.outOffsets[u]..<g.outOffsets[u + 1]).filter { problem.isValid(arc: $0) }, size: problem.capacity[u])
    }
    var values: [Double] = []
    var current: [Int] = []
    func visit(_ u: Int) throws {
        if u == g.nodeCount { values.append(try exactObjective(problem, current).objective); return }
        for choice in choices[u] {
            current.append(contentsOf: choice)
            try visit(u + 1)
            current.removeLast(choice.count)
        }
    }
    try visit(0)
    return values
}

/// Every subset of `items` with exactly `size` elements, in lexicographic order.
func subsets(_ items: [Int], size: Int) -> [[Int]] {
    if size == 0 { return [[]] }
    guard items.count >= size else { return [] }
    var result: [[Int]] = []
    for (i, x) in items.enumerated() {
        for rest in subsets(Array(items[(i + 1)...]), size: size - 1) { result.append([x] + rest) }
    }
    return result
}

/// A random tiny directed instance: n nodes, m distinct arcs (no self-loops), p in [0.1, 0.9].
func randomClosedInstance(_ rng: inout Xoshiro256StarStar, n: Int, m: Int, seeds: Int, k: Int) throws -> ClosedNetworkProblem {
    var arcs: [(Int, Int, Double)] = []
    var seen = Set<Int>()
    while arcs.count < m {
        let u = Int(rng.nextBelow(UInt64(n))), v = Int(rng.nextBelow(UInt64(n)))
        guard u != v, seen.insert(u * n + v).inserted else { continue }
        arcs.append((u, v, 0.1 + 0.8 * rng.nextUnitDouble()))
    }
    var chosen: [Int] = []
    while chosen.count < seeds {
        let s = Int(rng.nextBelow(UInt64(n)))
        if !chosen.contains(s) { chosen.append(s) }
    }
    return try closedProblem(n, arcs, seeds: chosen, k: k)
}
