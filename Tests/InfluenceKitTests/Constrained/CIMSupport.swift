@_spi(Kernels) @testable import InfluenceKit

/// The 6-node instance of ALGORITHMS.md §3: A = {0, 1}, k = 1, every arc of P has p = 1/3 under
/// weighted cascade on the full graph.
func sixNodeProblem(k: Int = 1) throws -> CapacityProblem {
    let arcs = [(0, 2), (0, 3), (0, 4), (1, 3), (1, 4), (2, 5), (3, 5), (4, 5), (5, 2), (3, 2), (3, 4), (4, 3)]
    let graph = try InfluenceGraph(nodeCount: 6, sources: arcs.map(\.0), targets: arcs.map(\.1))
    return try CapacityProblem(model: DiffusionModelKind.ic.bind(to: graph), activeParticipants: [0, 1], k: k)
}

/// P ids of G nodes.
func inP(_ problem: CapacityProblem, _ nodes: [Int]) -> [Int] { nodes.map { problem.nodeInP[$0] } }

/// σ_P of P nodes by the exact oracle.
func exactOnP(_ problem: CapacityProblem, _ seeds: [Int]) throws -> Double {
    try ExactSpread.spread(of: seeds, under: problem.subgraphModel)
}

/// The best σ_P over every feasible assignment (each AP at most k of its candidates, a node to one
/// AP only), by enumerating the distinct unions.
func bruteForceAssignment(_ problem: CapacityProblem) throws -> (value: Double, seeds: [Int]) {
    var best = -1.0, bestSeeds: [Int] = []
    for union in distinctFeasibleUnions(problem) {
        let value = try exactOnP(problem, union)
        if value > best + 1e-12 { best = value; bestSeeds = union }
    }
    return (best, bestSeeds)
}

/// Every distinct feasible union (each AP at most k of its candidates, a node to one AP only), the
/// empty one included, sorted, in the order a depth-first walk over the APs' choices meets them.
/// Monotone σ: only maximal choices can be optimal, but every choice is visited.
func distinctFeasibleUnions(_ problem: CapacityProblem) -> [[Int]] {
    var seen = Set<[Int]>()
    var unions: [[Int]] = []
    var taken = Set<Int>()
    func visit(_ i: Int) {
        if i == problem.participantCount {
            let union = taken.sorted()
            if seen.insert(union).inserted { unions.append(union) }
            return
        }
        let free = problem.candidates(of: i).filter { !taken.contains($0) }
        func choose(_ start: Int, _ left: Int) {
            visit(i + 1)
            guard left > 0 else { return }
            for j in start..<free.count {
                taken.insert(free[j])
                choose(j + 1, left - 1)
                taken.remove(free[j])
            }
        }
        choose(0, problem.k)
    }
    visit(0)
    return unions
}

/// A random tiny instance: 8–12 nodes, 2–3 APs, k ∈ {1, 2}, about 12 arcs inside P (so the oracle
/// enumerates at most 2^12 worlds), a few arcs from each AP, weighted cascade on G.
func randomInstance(seed: UInt64, model: DiffusionModelKind = .ic) throws -> CapacityProblem {
    var rng = Xoshiro256StarStar(seed: seed, stream: 77)
    let n = 8 + Int(rng.nextBelow(5)), d = 2 + Int(rng.nextBelow(2)), k = 1 + Int(rng.nextBelow(2))
    var sources: [Int] = [], targets: [Int] = [], pairs = Set<[Int]>()
    func add(_ u: Int, _ v: Int) { if u != v, pairs.insert([u, v]).inserted { sources.append(u); targets.append(v) } }
    // APs are nodes 0..<d; each reaches 2–4 non-AP nodes.
    for u in 0..<d {
        let friends = 2 + Int(rng.nextBelow(3))
        for _ in 0..<friends { add(u, d + Int(rng.nextBelow(UInt64(n - d)))) }
    }
    // Some arcs into APs and between APs (dead in P, but counted in in-degrees).
    for _ in 0..<3 { add(d + Int(rng.nextBelow(UInt64(n - d))), Int(rng.nextBelow(UInt64(d)))) }
    add(0, 1)
    var inside = 0
    while inside < 12 {
        let before = sources.count
        add(d + Int(rng.nextBelow(UInt64(n - d))), d + Int(rng.nextBelow(UInt64(n - d))))
        if sources.count > before { inside += 1 }
    }
    let graph = try InfluenceGraph(nodeCount: n, sources: sources, targets: targets)
    return try CapacityProblem(model: model.bind(to: graph), activeParticipants: Array(0..<d), k: k)
}

/// Runs an RR variant on `problem` with the default configuration and the given seed.
func runOPIM(_ problem: CapacityProblem, _ algorithm: CapacityAlgorithm, seed: UInt64 = 1, threads: Int = 1,
             precision: Double? = nil, compat: Bool = false) throws -> CapacityOPIM.Report {
    let sampler = try RRSetSampler(model: problem.subgraphModel)
    return try CapacityOPIM(.init(algorithm: algorithm, epsilon: 0.1, seed: seed, workers: threads, precision: precision,
                                  compat: compat)).run(on: problem, sampler: sampler)
}

/// The exact σ_P of every distinct feasible union (each AP at most k of its candidates, a node to
/// one AP only), the empty one included.
func feasibleUnionValues(_ problem: CapacityProblem) throws -> [Double] {
    try distinctFeasibleUnions(problem).map { try exactOnP(problem, $0) }
}
