import Testing
@_spi(Kernels) @testable import InfluenceKit

/// A tiny graph given arc by arc, with dense ids `0..<nodeCount` (isolated nodes allowed). The
/// value of each arc is kept as its arc value: `bind` makes it both the IC probability and the LT
/// weight (a node whose values sum above 1 has its LT weights rescaled to sum to 1).
func tinyGraph(_ nodeCount: Int, _ arcs: [(Int, Int, Float)], dedupe: Bool = false) throws -> InfluenceGraph {
    let list = ArcList(nodeCount: nodeCount,
                       sources: arcs.map { UInt32($0.0) }, targets: arcs.map { UInt32($0.1) },
                       values: arcs.map { $0.2 }, labels: .identity(count: nodeCount),
                       selfLoopsDropped: 0, undirected: false)
    return try InfluenceGraph(arcs: list, options: GraphBuildOptions(dedupe: dedupe), format: "test", source: "tiny")
}

/// A random directed graph with `arcCount` arcs and probabilities in [0.01, 0.4], from `seed`.
func randomGraph(nodes: Int, arcs arcCount: Int, seed: UInt64) throws -> InfluenceGraph {
    var random = Xoshiro256StarStar(seed: seed)
    var arcs: [(Int, Int, Float)] = []
    while arcs.count < arcCount {
        let u = Int(random.nextBelow(UInt64(nodes))), v = Int(random.nextBelow(UInt64(nodes)))
        if u != v { arcs.append((u, v, 0.01 + 0.39 * random.nextUnitFloat())) }
    }
    return try tinyGraph(nodes, arcs)
}

/// A tiny instance of the oracle battery.
struct TinyCase: CustomTestStringConvertible, Sendable {
    var name: String
    var nodeCount: Int
    var arcs: [(Int, Int, Float)]
    var seeds: [Int]
    var testDescription: String { name }

    func graph() throws -> InfluenceGraph { try tinyGraph(nodeCount, arcs) }
}

extension TinyCase {
    /// Paths, stars in and out, cycles, DAGs with mixed probabilities, arcs with p = 1 and
    /// p = 0, parallel arcs, LT in-weights summing below 1 and to 1, disconnected parts, seeds
    /// without out-arcs, several seeds.
    static let battery: [TinyCase] = [
        TinyCase(name: "path", nodeCount: 5,
                 arcs: [(0, 1, 0.5), (1, 2, 0.4), (2, 3, 0.7), (3, 4, 0.9)], seeds: [0]),
        TinyCase(name: "out-star", nodeCount: 6,
                 arcs: [(0, 1, 0.1), (0, 2, 0.3), (0, 3, 0.5), (0, 4, 0.7), (0, 5, 0.9)], seeds: [0]),
        TinyCase(name: "in-star, LT in-weights below 1", nodeCount: 5,
                 arcs: [(1, 0, 0.2), (2, 0, 0.3), (3, 0, 0.1), (4, 0, 0.25)], seeds: [1, 3]),
        TinyCase(name: "cycle", nodeCount: 4,
                 arcs: [(0, 1, 0.6), (1, 2, 0.6), (2, 3, 0.6), (3, 0, 0.6)], seeds: [0]),
        TinyCase(name: "DAG with mixed probabilities", nodeCount: 6,
                 arcs: [(0, 1, 0.5), (0, 2, 0.3), (1, 3, 0.4), (2, 3, 0.6), (1, 4, 0.2), (3, 4, 0.5),
                        (3, 5, 0.7), (4, 5, 0.2)], seeds: [0]),
        TinyCase(name: "arcs with p = 1 and p = 0", nodeCount: 5,
                 arcs: [(0, 1, 1.0), (1, 2, 0.0), (1, 3, 0.5), (0, 2, 0.3), (2, 4, 1.0), (3, 4, 0.0)], seeds: [0]),
        TinyCase(name: "parallel arcs", nodeCount: 3,
                 arcs: [(0, 1, 0.3), (0, 1, 0.3), (1, 2, 0.5), (0, 2, 0.2)], seeds: [0]),
        TinyCase(name: "disconnected parts and an isolated node", nodeCount: 7,
                 arcs: [(0, 1, 0.5), (1, 2, 0.5), (3, 4, 0.9), (4, 5, 0.9), (5, 3, 0.4)], seeds: [0]),
        TinyCase(name: "seeds without out-arcs", nodeCount: 5,
                 arcs: [(0, 1, 0.4), (1, 2, 0.6), (3, 1, 0.5), (2, 4, 0.7)], seeds: [4, 3]),
        TinyCase(name: "several seeds", nodeCount: 8,
                 arcs: [(0, 2, 0.3), (1, 2, 0.4), (2, 3, 0.5), (3, 4, 0.6), (4, 5, 0.3), (5, 6, 0.5),
                        (6, 7, 0.4), (1, 5, 0.2), (7, 3, 0.3)], seeds: [0, 1, 6]),
        TinyCase(name: "both directions", nodeCount: 4,
                 arcs: [(0, 1, 0.4), (1, 0, 0.4), (1, 2, 0.4), (2, 1, 0.4), (2, 3, 0.4), (3, 2, 0.4),
                        (0, 3, 0.4), (3, 0, 0.4)], seeds: [0]),
        TinyCase(name: "complete digraph", nodeCount: 4,
                 arcs: [(0, 1, 0.3), (0, 2, 0.3), (0, 3, 0.3), (1, 0, 0.3), (1, 2, 0.3), (1, 3, 0.3),
                        (2, 0, 0.3), (2, 1, 0.3), (2, 3, 0.3), (3, 0, 0.3), (3, 1, 0.3), (3, 2, 0.3)], seeds: [0]),
        TinyCase(name: "seeds pointing at each other", nodeCount: 4,
                 arcs: [(0, 1, 0.5), (1, 0, 0.5), (1, 2, 0.5), (0, 3, 0.5), (2, 3, 0.4)], seeds: [0, 1]),
        TinyCase(name: "LT in-weights summing to 1", nodeCount: 5,
                 arcs: [(0, 2, 0.5), (1, 2, 0.5), (0, 3, 0.5), (2, 3, 0.5), (3, 4, 0.5), (2, 4, 0.5)], seeds: [0]),
        TinyCase(name: "in-weights above 1, rescaled for LT", nodeCount: 4,
                 arcs: [(0, 3, 0.8), (1, 3, 0.7), (2, 3, 0.5), (0, 1, 0.6), (1, 2, 0.6)], seeds: [0]),
    ]
}

/// Expects a Monte Carlo estimate within `sigmas` standard errors of an exact value (exactly
/// equal when the runs had no variance).
func expectWithinStandardErrors(_ estimate: SpreadEstimate, _ exact: Double, sigmas: Double = 4,
                                _ comment: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    let tolerance = max(sigmas * estimate.standardError, 1e-9)
    #expect(abs(estimate.mean - exact) <= tolerance,
            "\(comment) mean \(estimate.mean) vs exact \(exact): \(abs(estimate.mean - exact) / max(estimate.standardError, 1e-300)) standard errors",
            sourceLocation: sourceLocation)
}
