import Testing
import Glibc
@_spi(Kernels) @testable import InfluenceKit

/// Subset sampling (geometric skips, binomial counts, buckets, coins) and the LT reverse walk draw
/// exactly the live-arc distribution of the model.
///
/// The decisive tests run on two-layer graphs, where the distribution of an RR set is known in
/// closed form: hubs have in-arcs from leaves only and leaves have none, so the set of a hub root
/// r is {r} plus the sources of r's live in-arcs, and nothing else. Given the root (stored first),
/// IC arc u → r is in the set with probability exactly p(u, r), independently of the others; under
/// LT the set holds at most one leaf, u with probability w(u, r). Counting, for every arc, the sets
/// of root r that contain its source gives binomial (IC) or multinomial (LT) counts with known
/// parameters, hence exact statistics:
/// - a signed z = Σ(count − expected)/√(Σ variance) over all arcs, N(0, 1) for a correct sampler; a
///   1% multiplicative bias of the probabilities shifts it by 0.01·√(Σ N_r p/(1 − p)), which the
///   set counts below make at least 8 (see `expectedShiftOfOnePercent`), against a threshold of 5
///   (false failure about 6·10⁻⁷ per test);
/// - Pearson's chi-square over all arcs, which catches errors that do not move the total (a wrong
///   arc chosen, a bucket mixed up), at 5 standard deviations of its Wilson–Hilferty transform.
/// The mean set size is 1 + (the summed counts)/sets, so it is covered by the signed z.
///
/// General graphs (several levels, nodes reached twice) are compared with one coin per arc below,
/// and against the exact spread in `UnbiasednessTests`.
@Suite struct SubsetSamplingTests {
    // MARK: - Exact tests on two-layer graphs

    /// Hubs `0..<hubs`, each with in-arcs from `degree(h)` distinct leaves (`hubs..<hubs + leaves`,
    /// without in-arcs); arc values from `value(random, hub)`.
    static func twoLayerArcs(hubs: Int, leaves: Int, seed: UInt64, degree: (Int) -> Int,
                             value: (inout Xoshiro256StarStar, Int) -> Float) -> [(Int, Int, Float)] {
        var random = Xoshiro256StarStar(seed: seed)
        var arcs: [(Int, Int, Float)] = []
        for hub in 0..<hubs {
            var sources = Set<Int>()
            while sources.count < degree(hub) { sources.insert(hubs + Int(random.nextBelow(UInt64(leaves)))) }
            for u in sources.sorted() { arcs.append((u, hub, value(&random, hub))) }
        }
        return arcs
    }

    /// What the counts say, and how far a 1% bias of every probability would move the signed z.
    struct ArcStatistics {
        var signedZ: Double
        var chiSquare: Double
        var degreesOfFreedom: Int
        var expectedShiftOfOnePercent: Double
        var setsChecked: Int

        /// Wilson–Hilferty: chi-square/df as an approximately standard normal deviate.
        var chiSquareZ: Double { chiSquareDeviate(chiSquare, degreesOfFreedom: degreesOfFreedom) }
    }

    /// Checks every set's structure (root first, then distinct in-neighbours of the root; LT: at
    /// most one) and returns the statistics of the per-arc counts against `inValues` (the model's
    /// per-reverse-slot probabilities or weights).
    static func arcStatistics(_ pool: RRSetCollection, graph: InfluenceGraph, inValues: [Float], lt: Bool,
                              sourceLocation: SourceLocation = #_sourceLocation) -> ArcStatistics {
        let n = graph.nodeCount
        var roots = [Int](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: graph.arcCount)
        var malformed = 0
        for j in 0..<pool.count {
            let members = pool.members(of: j)
            let r = Int(members.first!)
            roots[r] += 1
            let row = graph.inOffsets[r]..<graph.inOffsets[r + 1]
            if lt && members.count > 2 { malformed += 1 }
            var seen = Set<UInt32>()
            for u in members.dropFirst() {
                // In-sources are sorted: binary search the slot of u → r.
                var low = row.lowerBound, high = row.upperBound
                while low < high {
                    let mid = (low + high) / 2
                    if graph.inSources[mid] < u { low = mid + 1 } else { high = mid }
                }
                guard low < row.upperBound, graph.inSources[low] == u, seen.insert(u).inserted else { malformed += 1; continue }
                counts[low] += 1
            }
        }
        #expect(malformed == 0, "\(malformed) members are not distinct in-neighbours of their root", sourceLocation: sourceLocation)
        var signed = 0.0, variance = 0.0, chi = 0.0, df = 0, shift = 0.0
        for r in 0..<n where graph.inDegree(r) > 0 {
            let row = graph.inOffsets[r]..<graph.inOffsets[r + 1]
            let trials = Double(roots[r])
            if lt {
                let total = row.reduce(0.0) { $0 + Double(inValues[$1]) }
                var none = trials
                for a in row {
                    let w = Double(inValues[a]), c = Double(counts[a])
                    none -= c
                    signed += c - trials * w
                    if w > 0 { chi += (c - trials * w) * (c - trials * w) / (trials * w); df += 1 } else if c > 0 { chi += .infinity }
                }
                let rest = 1 - total
                if rest > 1e-9 {
                    chi += (none - trials * rest) * (none - trials * rest) / (trials * rest)
                } else {
                    df -= 1
                    if abs(none) > 0.5 { chi += .infinity }
                }
                variance += trials * total * max(0, rest)
                // A bias can only show where the weights leave room for "no arc".
                if rest > 1e-9 { shift += trials * total * 0.01 }
            } else {
                for a in row {
                    let p = Double(inValues[a]), c = Double(counts[a])
                    if p <= 0 || p >= 1 {
                        if c != (p >= 1 ? trials : 0) { chi += .infinity }
                        continue
                    }
                    signed += c - trials * p
                    variance += trials * p * (1 - p)
                    chi += (c - trials * p) * (c - trials * p) / (trials * p * (1 - p))
                    df += 1
                    shift += trials * p * 0.01
                }
            }
        }
        let sd = variance.squareRoot()
        return ArcStatistics(signedZ: signed / sd, chiSquare: chi, degreesOfFreedom: df,
                             expectedShiftOfOnePercent: shift / sd, setsChecked: pool.count)
    }

    static func icTables(_ sampler: RRSetSampler) -> ICSubsetTables? {
        if case .subset(let tables)? = sampler.tables as? ICReverseTables { return tables }
        return nil
    }

    static func expectExact(_ stats: ArcStatistics, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        reportStatistic("two-layer \(label): signed z \(stats.signedZ), chi-square deviate \(stats.chiSquareZ) on \(stats.degreesOfFreedom) df, 1% bias shift \(stats.expectedShiftOfOnePercent)")
        #expect(stats.expectedShiftOfOnePercent >= 8,
                "\(label): a 1% bias would move z by only \(stats.expectedShiftOfOnePercent)", sourceLocation: sourceLocation)
        #expect(abs(stats.signedZ) < 5, "\(label): signed z \(stats.signedZ) over all arcs", sourceLocation: sourceLocation)
        #expect(stats.chiSquareZ < 5,
                "\(label): chi-square \(stats.chiSquare) on \(stats.degreesOfFreedom) df (z \(stats.chiSquareZ))",
                sourceLocation: sourceLocation)
    }

    /// Costs forcing one coin per arc wherever the node has live arcs.
    static let coinsOnly = SubsetSamplingCosts(coin: 1, skip: .infinity, binomialCount: .infinity, binomialArc: .infinity,
                                               binomialMaxMean: 0)

    /// 60 hubs with 20 to 59 in-arcs and 60 leaves. Equal probabilities per hub, between 0.05 and
    /// 0.4 across hubs (geometric, binomial and uniform coins), or probabilities spread over
    /// [0.01, 0.5] within each hub (buckets, coins).
    static func hubs(equal: Bool, seed: UInt64) throws -> InfluenceGraph {
        try tinyGraph(120, twoLayerArcs(hubs: 60, leaves: 60, seed: seed, degree: { 20 + ($0 * 13) % 40 }) { random, hub in
            if equal { return 0.05 + 0.35 * Float((hub * 7) % 60) / 59 }
            return 0.5 * Float(Glibc.exp(-Double(random.nextUnitFloat()) * Glibc.log(50.0)))
        })
    }

    struct ICVariant: Sendable, CustomTestStringConvertible {
        var name: String
        var method: RRSamplingMethod
        var costs: SubsetSamplingCosts
        var lanes: Int
        var equal: Bool
        var mode: ICSubsetTables.Mode?
        var testDescription: String { name }
    }

    static let icVariants: [ICVariant] = [
        ICVariant(name: "plain coins", method: .plain, costs: .measured, lanes: 1, equal: false, mode: nil),
        ICVariant(name: "coins", method: .subset, costs: coinsOnly, lanes: 1, equal: false, mode: .coins),
        ICVariant(name: "uniform coins", method: .subset, costs: coinsOnly, lanes: 1, equal: true, mode: .uniformCoins),
        ICVariant(name: "geometric skips", method: .subset, costs: .skipsOnly, lanes: 1, equal: true, mode: .geometric),
        ICVariant(name: "binomial counts", method: .subset, costs: .binomialOnly, lanes: 1, equal: true, mode: .binomial),
        ICVariant(name: "buckets", method: .subset, costs: .skipsOnly, lanes: 1, equal: false, mode: .bucketed),
        ICVariant(name: "measured, 8 interleaved sets", method: .subset, costs: .measured, lanes: 8, equal: true, mode: nil),
    ]

    @Test(arguments: icVariants)
    func independentCascadeSetsHaveTheExactArcDistribution(_ variant: ICVariant) throws {
        let graph = try Self.hubs(equal: variant.equal, seed: 41)
        let model = try IndependentCascade(graph: graph, probabilities: .file)
        let sampler = try RRSetSampler(model: model, method: variant.method, costs: variant.costs, lanes: variant.lanes)
        if let mode = variant.mode {
            let tables = try #require(Self.icTables(sampler))
            #expect(tables.modeCounts[Int(mode.rawValue)] == 60, "every hub should use \(mode): \(tables.modeCounts)")
        }
        let pool = sampler.sample(300_000, seed: 51, poolID: 1, workers: 2)
        Self.expectExact(Self.arcStatistics(pool, graph: graph, inValues: model.inProbabilities, lt: false), variant.name)
    }

    /// LT reverse walk on 60 hubs: equal weights summing to 1 (one uniform index), equal weights
    /// summing to 0.9 (partial), unequal weights summing to 0.9 (cumulative search).
    @Test(arguments: [1, 8])
    func linearThresholdWalkHasTheExactArcDistribution(_ lanes: Int) throws {
        var arcs = Self.twoLayerArcs(hubs: 60, leaves: 60, seed: 43, degree: { 3 + $0 % 17 }) { random, hub in
            hub % 3 == 2 ? 0.1 + random.nextUnitFloat() : 1
        }
        // Weights per hub: 1/d (full), 0.9/d (partial), unequal summing to 0.9 (cumulative).
        var sums = [Double](repeating: 0, count: 60)
        for arc in arcs { sums[arc.1] += Double(arc.2) }
        for i in arcs.indices {
            let hub = arcs[i].1
            arcs[i].2 = Float(Double(arcs[i].2) / sums[hub] * (hub % 3 == 0 ? 1 : 0.9))
        }
        let weighted = try tinyGraph(120, arcs)
        let model = try LinearThreshold(graph: weighted, weights: .file(rescale: false))
        let sampler = try RRSetSampler(model: model, method: .subset, costs: .measured, lanes: lanes)
        let tables = try #require(sampler.tables as? LTTables)
        var modes = [Int](repeating: 0, count: 4)
        for v in 0..<60 { modes[Int(tables.nodes.base[v].mode)] += 1 }
        #expect(modes[Int(LTTables.Mode.uniformFull.rawValue)] == 20)
        #expect(modes[Int(LTTables.Mode.uniformPartial.rawValue)] == 20)
        #expect(modes[Int(LTTables.Mode.cumulative.rawValue)] == 20)
        let pool = sampler.sample(400_000, seed: 53, poolID: 1, workers: 2)
        Self.expectExact(Self.arcStatistics(pool, graph: weighted, inValues: model.inWeights, lt: true), "LT, \(lanes) lanes")
    }

    // MARK: - General graphs: subset sampling against one coin per arc

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
        return try graphFrom(list.map { "\($0.0) \($0.1)" }.joined(separator: "\n") + "\n", name: "subset-wc.txt")
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

    /// Compares plain coins with subset sampling under `costs` on a general graph (nodes reached
    /// several ways, several levels): every node's inclusion frequency within 4.5 standard errors
    /// of the difference (family-wise about 0.2% over 300 nodes, by the union bound, whatever the
    /// correlation between nodes), and the mean set size (sets are independent) within 4.5
    /// standard errors. This checks the kernels' bookkeeping on deep sets; the 1%-bias detection
    /// is the job of the exact two-layer tests above.
    static func compare(_ graph: InfluenceGraph, costs: SubsetSamplingCosts, expectModes: [ICSubsetTables.Mode],
                        sets: Int = 100_000, lanes: Int = 1) throws {
        let model = try bind(graph, .ic)
        let plain = try RRSetSampler(model: model, method: .plain, costs: .measured, lanes: 1)
        let subset = try RRSetSampler(model: model, method: .subset, costs: costs, lanes: lanes)
        let tables = try #require(icTables(subset))
        for mode in expectModes {
            #expect(tables.modeCounts[Int(mode.rawValue)] > 0, "no node uses \(mode)")
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
        try Self.compare(try Self.weightedCascade(), costs: .skipsOnly, expectModes: [.geometric])
    }

    @Test func binomialCountsMatchCoins() throws {
        try Self.compare(try Self.weightedCascade(), costs: .binomialOnly, expectModes: [.binomial])
    }

    /// Eight interleaved sets per task (the schedule of large graphs) draw the same distribution.
    @Test func interleavedSetsMatchCoins() throws {
        try Self.compare(try Self.weightedCascade(), costs: .measured, expectModes: [.binomial, .uniformCoins], lanes: 8)
    }

    @Test func bucketsMatchCoins() throws {
        try Self.compare(try Self.unequal(), costs: .skipsOnly, expectModes: [.bucketed])
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
        let graph = try tinyGraph(300, arcs)
        try Self.compare(graph, costs: .binomialOnly, expectModes: [.binomial], sets: 100_000)
        // The same graph is two-layer: the exact test applies too.
        let model = try bind(graph, .ic)
        let pool = try RRSetSampler(model: model, method: .subset, costs: .binomialOnly, lanes: 1).sample(100_000, seed: 7, poolID: 1, workers: 2)
        let stats = Self.arcStatistics(pool, graph: graph, inValues: model.inArcInfluence, lt: false)
        #expect(abs(stats.signedZ) < 5 && stats.chiSquareZ < 5, "z \(stats.signedZ), chi-square z \(stats.chiSquareZ)")
    }

    @Test func measuredCostsMixMethods() throws {
        let graph = try Self.weightedCascade()
        let tables = ICSubsetTables(graph: graph, inThresholds: try IndependentCascade(graph: graph).inCoinThresholds, costs: .measured)
        #expect(tables.modeCounts[Int(ICSubsetTables.Mode.uniformCoins.rawValue)] > 0)
        #expect(tables.modeCounts[Int(ICSubsetTables.Mode.binomial.rawValue)] > 0)
        #expect(tables.modeCounts.reduce(0, +) == graph.nodeCount)
    }

    @Test func binomialTables() {
        // d = 2, p = 1/2: P(K ≤ 0) = 1/4, P(K ≤ 1) = 3/4, then 1.
        #expect(ICSubsetTables.binomialTable(degree: 2, probability: 0.5) == [0.25, 0.75, 1])
        let wc = ICSubsetTables.binomialTable(degree: 1000, probability: 0.001)
        #expect(abs(wc[0] - 0.367695) < 1e-6)
        #expect(abs(wc[1] - (0.367695 + 0.368063)) < 1e-5)
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
