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

    /// Inclusion frequency of every node, and the mean and variance of the set size, over `sets`
    /// RR sets.
    static func statistics(_ sampler: RRSetSampler, sets: Int, seed: UInt64) -> (frequencies: [Double], mean: Double, variance: Double) {
        let pool = sampler.sample(sets, seed: seed, poolID: 1, workers: 2)
        var counts = [Int](repeating: 0, count: pool.nodeCount)
        for v in pool.members { counts[Int(v)] += 1 }
        let mean = pool.meanSetSize
        var squares = 0.0
        for j in 0..<pool.count {
            let size = Double(pool.offsets[j + 1] - pool.offsets[j])
            squares += (size - mean) * (size - mean)
        }
        return (counts.map { Double($0) / Double(pool.count) }, mean, squares / Double(pool.count - 1))
    }

    /// Compares plain coins with subset sampling under `costs`: every node's inclusion frequency
    /// within 4.5 standard errors of the difference (family-wise about 0.2% over 300 nodes, by the
    /// union bound, whatever the correlation between nodes), and the mean set size (sets are
    /// independent) within 4.5 standard errors.
    static func compare(_ graph: InfluenceGraph, costs: ICSubsetTables.Costs, expectModes: [ICSubsetTables.Mode],
                        sets: Int = 200_000, lanes: Int = 1) {
        let plain = RRSetSampler(graph: graph, model: .ic, method: .plain, costs: .measured, lanes: 1)
        let subset = RRSetSampler(graph: graph, model: .ic, method: .subset, costs: costs, lanes: lanes)
        for mode in expectModes {
            #expect(subset.icSubset!.modeCounts[Int(mode.rawValue)] > 0, "no node uses \(mode)")
        }
        let a = statistics(plain, sets: sets, seed: 31)
        let b = statistics(subset, sets: sets, seed: 32)
        var compared = 0, worst = 0.0
        for v in 0..<graph.nodeCount {
            let p = a.frequencies[v], q = b.frequencies[v]
            let variance = (p * (1 - p) + q * (1 - q)) / Double(sets)
            guard variance > 0 else {
                #expect(p == q)
                continue
            }
            worst = max(worst, abs(p - q) / variance.squareRoot())
            compared += 1
        }
        #expect(worst < 4.5)
        #expect(compared > 250)
        let sizeError = ((a.variance + b.variance) / Double(sets)).squareRoot()
        #expect(abs(a.mean - b.mean) < 4.5 * sizeError, "mean sizes \(a.mean) and \(b.mean)")
    }

    @Test func geometricSkipsMatchCoins() throws {
        Self.compare(try Self.weightedCascade(), costs: .skipsOnly, expectModes: [.geometric])
    }

    @Test func binomialCountsMatchCoins() throws {
        Self.compare(try Self.weightedCascade(), costs: .binomialOnly, expectModes: [.binomial])
    }

    /// Eight interleaved sets per task (the schedule of large graphs) draw the same distribution.
    @Test func interleavedSetsMatchCoins() throws {
        Self.compare(try Self.weightedCascade(), costs: .measured, expectModes: [.binomial, .uniformCoins], lanes: 8)
    }

    @Test func bucketsMatchCoins() throws {
        Self.compare(try Self.unequal(), costs: .skipsOnly, expectModes: [.bucketed])
    }

    /// Many live arcs per node (p = 0.3, in-degrees 5 to 60): K reaches well past 1, so the draw
    /// without replacement and its rejection are exercised. Two layers (270 leaves without in-arcs
    /// pointing at 30 hubs) keep the sets small.
    @Test func binomialCountsWithManyLiveArcsMatchCoins() throws {
        var random = Xoshiro256StarStar(seed: 23)
        var arcs: [(Int, Int, Float)] = []
        for hub in 0..<30 {
            let degree = 5 + 2 * hub
            var sources: Set<Int> = []
            while sources.count < degree { sources.insert(30 + Int(random.nextBelow(270))) }
            arcs += sources.sorted().map { ($0, hub, 0.3) }
        }
        Self.compare(try tinyGraph(300, arcs), costs: .binomialOnly, expectModes: [.binomial], sets: 100_000)
    }

    @Test func measuredCostsMixMethods() throws {
        let tables = ICSubsetTables(graph: try Self.weightedCascade(), costs: .measured)
        #expect(tables.modeCounts[Int(ICSubsetTables.Mode.uniformCoins.rawValue)] > 0)
        #expect(tables.modeCounts[Int(ICSubsetTables.Mode.binomial.rawValue)] > 0)
    }

    @Test func binomialTables() {
        // d = 2, p = 1/2: P(K ≤ 0) = 1/4, P(K ≤ 1) = 3/4, then 1.
        #expect(ICSubsetTables.binomialTable(degree: 2, probability: 0.5) == [0.25, 0.75, 1])
        let wc = ICSubsetTables.binomialTable(degree: 1000, probability: 0.001)
        #expect(abs(wc[0] - 0.367695) < 1e-6)
        #expect(wc.count < 30 && wc.last == 1)
        #expect(zip(wc, wc.dropFirst()).allSatisfy { $0 <= $1 })
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
