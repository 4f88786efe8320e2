import Testing
import Glibc
@testable import InfluenceKit

/// Subset sampling (geometric skips, buckets) draws the same distribution as one coin per arc:
/// node inclusion frequencies agree within their standard errors on graphs of a few hundred nodes.
@Suite struct SubsetSamplingTests {
    /// A random digraph of `nodes` nodes with a few hubs of large in-degree, so that skips apply.
    static func arcs(nodes: Int, arcs count: Int, seed: UInt64, probability: (inout Xoshiro256StarStar) -> Float) -> [(Int, Int, Float)] {
        var random = Xoshiro256StarStar(seed: seed)
        var arcs: [(Int, Int, Float)] = []
        while arcs.count < count {
            let u = Int(random.nextBelow(UInt64(nodes)))
            // Half the arcs point at the first 10 nodes: in-degrees in the dozens.
            let v = random.nextBelow(2) == 0 ? Int(random.nextBelow(10)) : Int(random.nextBelow(UInt64(nodes)))
            if u != v { arcs.append((u, v, probability(&random))) }
        }
        return arcs
    }

    static func weightedCascade() throws -> InfluenceGraph {
        let list = arcs(nodes: 300, arcs: 1500, seed: 21) { _ in 0 }
        return try graphFrom(list.map { "\($0.0) \($0.1)" }.joined(separator: "\n") + "\n", probabilities: .weightedCascade,
                             name: "subset-wc.txt")
    }

    static func unequal() throws -> InfluenceGraph {
        try tinyGraph(300, arcs(nodes: 300, arcs: 1500, seed: 22) { random in
            // Probabilities over four orders of magnitude: several buckets per node.
            let exponent = 4 * random.nextUnitFloat()
            return 0.4 * Float(Glibc.exp(-Double(exponent) * Glibc.log(10.0)))
        })
    }

    /// Inclusion frequency of every node over `sets` RR sets.
    static func frequencies(_ sampler: RRSetSampler, sets: Int, seed: UInt64) -> [Double] {
        let pool = sampler.sample(sets, seed: seed, poolID: 1, workers: 2)
        var counts = [Int](repeating: 0, count: pool.nodeCount)
        for v in pool.members { counts[Int(v)] += 1 }
        return counts.map { Double($0) / Double(pool.count) }
    }

    static func compare(_ graph: InfluenceGraph, expectModes: [ICSubsetTables.Mode]) {
        let plain = RRSetSampler(graph: graph, model: .ic, method: .plain)
        let subset = RRSetSampler(graph: graph, model: .ic, method: .subset, geometricCost: 0)
        for mode in expectModes {
            #expect(subset.icSubset!.modeCounts[Int(mode.rawValue)] > 0, "no node uses \(mode)")
        }
        let sets = 200_000
        let a = frequencies(plain, sets: sets, seed: 31)
        let b = frequencies(subset, sets: sets, seed: 32)
        var sumSquares = 0.0, compared = 0, worst = 0.0
        for v in 0..<graph.nodeCount {
            let variance = (a[v] * (1 - a[v]) + b[v] * (1 - b[v])) / Double(sets)
            guard variance > 0 else {
                #expect(a[v] == b[v])
                continue
            }
            let z = (a[v] - b[v]) / variance.squareRoot()
            sumSquares += z * z
            compared += 1
            worst = max(worst, abs(z))
        }
        // Each z is about N(0, 1): none beyond 4.5 (family-wise about 0.2% for 300 nodes), and
        // their mean square near 1 (its standard deviation is √(2/300) ≈ 0.08).
        #expect(worst < 4.5)
        let meanSquare = sumSquares / Double(compared)
        #expect(meanSquare > 0.75 && meanSquare < 1.3, "mean z² \(meanSquare)")
        #expect(compared > 250)
    }

    @Test func geometricSkipsMatchCoins() throws {
        Self.compare(try Self.weightedCascade(), expectModes: [.geometric])
    }

    @Test func bucketsMatchCoins() throws {
        Self.compare(try Self.unequal(), expectModes: [.bucketed])
    }

    @Test func costModelKeepsCoinsForSmallRows() throws {
        let tables = ICSubsetTables(graph: try Self.weightedCascade(), geometricCost: RRSetSampler.defaultGeometricCost)
        #expect(tables.modeCounts[Int(ICSubsetTables.Mode.coins.rawValue)] > 0)
        #expect(tables.modeCounts[Int(ICSubsetTables.Mode.geometric.rawValue)] > 0)
    }

    @Test func bucketIndex() {
        #expect(ICSubsetTables.bucket(of: 1) == 0)
        #expect(ICSubsetTables.bucket(of: 0.75) == 0)
        #expect(ICSubsetTables.bucket(of: 0.5) == 1)
        #expect(ICSubsetTables.bucket(of: 0.3) == 1)
        #expect(ICSubsetTables.bucket(of: 0.25) == 2)
        #expect(ICSubsetTables.bucket(of: 1e-30) == 62)
    }
}
