import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Merging parallel arcs (`dedupe`) never changes the cascade: each model combines the merged
/// input arcs by its own rule (IC 1 − Π(1 − p), LT Σw), for every scheme, so the exact spread and
/// every node's activation probability are the same with and without dedupe.
///
/// Precision: models store probabilities as Float, and a merged arc stores Float(1 − Π(1 − pᵢ))
/// where the un-merged graph multiplies the Float pᵢ exactly (in Double) during enumeration. The
/// two agree to 10⁻⁹ when every value and its combination is exactly representable (the graph
/// below: dyadic values, in-degrees powers of two, so wc's 1/indeg, uniform:0.25 and the file's
/// values are exact). Values that are not (uniform:0.3, trivalency's 0.1/0.01/0.001, 1/3) differ
/// by the rounding of the merged probability, about 10⁻⁸ in σ; for those the test checks the
/// merged probability is within one Float ulp of 1 − Π(1 − pᵢ) and σ to 2·10⁻⁷.
@Suite struct DedupeSpreadTests {
    /// Parallel arcs 0→1 (twice), 1→2 (twice), 3→4 (three times), plus single arcs. Every node's
    /// input in-degree is 1, 2 or 4, every value a multiple of 1/16, LT in-weights sum to at most
    /// 0.875.
    static let text = """
    0 1 0.25
    0 1 0.125
    2 1 0.125
    5 1 0.25
    1 2 0.375
    1 2 0.25
    1 3 0.5
    2 3 0.25
    3 4 0.125
    3 4 0.0625
    3 4 0.25
    0 4 0.25
    4 5 0.75
    2 5 0.125
    5 0 0.375
    """ + "\n"

    static func pair() throws -> (plain: InfluenceGraph, merged: InfluenceGraph) {
        (try graphFrom(text, values: true, name: "parallel.txt"), try graphFrom(text, values: true, dedupe: true, name: "parallel.txt"))
    }

    static let seedSets = [[0], [1], [2], [3], [4], [5], [0, 3], [1, 5], [2, 4]]

    @Test func theGraphsDiffer() throws {
        let (plain, merged) = try Self.pair()
        #expect(plain.arcCount == 15 && plain.parallelArcs == nil)
        #expect(merged.arcCount == 11 && merged.inputArcCount == 15 && merged.statistics.parallelArcsMerged)
        #expect(plain.statistics.parallelArcs == 4 && merged.statistics.parallelArcs == 4)
        #expect(plain.inputInDegrees() == merged.inputInDegrees())
        #expect(plain.inputInDegrees() == [1, 4, 2, 2, 4, 2])
    }

    struct Scheme: Sendable, CustomTestStringConvertible {
        var scheme: ProbabilityScheme
        var exact: Bool
        var testDescription: String { "\(scheme)" }
    }

    static let icSchemes: [Scheme] = [
        Scheme(scheme: .weightedCascade, exact: true), Scheme(scheme: .file, exact: true),
        Scheme(scheme: .uniform(0.25), exact: true), Scheme(scheme: .uniform(0.3), exact: false),
        Scheme(scheme: .trivalency(seed: 11), exact: false),
    ]

    @Test(arguments: icSchemes)
    func independentCascadeSpreadIsUnchanged(_ scheme: Scheme) throws {
        let (plain, merged) = try Self.pair()
        let a = try IndependentCascade(graph: plain, probabilities: scheme.scheme)
        let b = try IndependentCascade(graph: merged, probabilities: scheme.scheme)
        #expect(b.probabilities.count == 11 && a.probabilities.count == 15)
        // Each merged probability is 1 − Π(1 − pᵢ) of its input arcs' probabilities: exactly for
        // representable values, within one ulp otherwise.
        let groups = try #require(merged.parallelArcs)
        for arc in 0..<merged.arcCount {
            let inputs = groups.inputArcs[groups.offsets[arc]..<groups.offsets[arc + 1]]
            let combined = 1 - inputs.reduce(1.0) { $0 * (1 - Double(a.probabilities[$1])) }
            let tolerance = scheme.exact ? 0 : Double(Float(combined).ulp)
            #expect(abs(Double(b.probabilities[arc]) - combined) <= tolerance, "\(scheme) arc \(arc)")
        }
        let tolerance = scheme.exact ? 1e-9 : 2e-7
        for seeds in Self.seedSets {
            let x = try ExactSpread.spread(of: seeds, under: a), y = try ExactSpread.spread(of: seeds, under: b)
            #expect(abs(x - y) < tolerance, "\(scheme) \(seeds): \(x) without dedupe, \(y) with")
            let px = try ExactSpread.activationProbabilities(of: seeds, under: a)
            let py = try ExactSpread.activationProbabilities(of: seeds, under: b)
            #expect(zip(px, py).allSatisfy { abs($0 - $1) < tolerance }, "\(scheme) \(seeds)")
            #expect(x > Double(seeds.count) + 0.001, "the cascade should go somewhere")
        }
    }

    @Test(arguments: [LTWeightScheme.inverseInDegree, .file(rescale: false), .file(rescale: true)])
    func linearThresholdSpreadIsUnchanged(_ scheme: LTWeightScheme) throws {
        let (plain, merged) = try Self.pair()
        let a = try LinearThreshold(graph: plain, weights: scheme)
        let b = try LinearThreshold(graph: merged, weights: scheme)
        #expect(b.weights.count == 11)
        for seeds in Self.seedSets {
            let x = try ExactSpread.spread(of: seeds, under: a), y = try ExactSpread.spread(of: seeds, under: b)
            #expect(abs(x - y) < 1e-9, "\(scheme) \(seeds): \(x) without dedupe, \(y) with")
            let px = try ExactSpread.activationProbabilities(of: seeds, under: a)
            let py = try ExactSpread.activationProbabilities(of: seeds, under: b)
            #expect(zip(px, py).allSatisfy { abs($0 - $1) < 1e-9 }, "\(scheme) \(seeds)")
        }
    }

    /// The factory binds every applicable (model, scheme) pair to the same spread both ways.
    @Test func everyFactoryBindingKeepsTheSpread() throws {
        let (plain, merged) = try Self.pair()
        let bindings: [(DiffusionModelKind, ProbabilityScheme, Bool)] = [
            (.ic, .weightedCascade, false), (.ic, .file, false), (.lt, .weightedCascade, false), (.lt, .file, false), (.lt, .file, true),
        ]
        for (kind, scheme, normalize) in bindings {
            let a = try kind.bind(to: plain, probabilities: scheme, normalizeLT: normalize)
            let b = try kind.bind(to: merged, probabilities: scheme, normalizeLT: normalize)
            for seeds in Self.seedSets {
                let x = try ExactSpread.spread(of: seeds, under: a), y = try ExactSpread.spread(of: seeds, under: b)
                #expect(abs(x - y) < 1e-9, "\(kind) \(scheme) \(seeds): \(x) vs \(y)")
            }
        }
    }

    /// The example: arcs 0→1, 0→1, 2→1 under weighted cascade. Node 1 has three input
    /// arcs, so each has p = 1/3 and 0 reaches 1 unless both of its arcs fail: σ({0}) = 1 + 5/9
    /// (to Float precision: 1/3 and 5/9 are not representable, see the type's comment).
    @Test func weightedCascadeCountsParallelArcs() throws {
        for dedupe in [false, true] {
            let g = try graphFrom("0 1\n0 1\n2 1\n", dedupe: dedupe, name: "wc-parallel.txt")
            let ic = try IndependentCascade(graph: g)
            #expect(abs(try ExactSpread.spread(of: [0], under: ic) - (1 + 5.0 / 9)) < 1e-6, "dedupe \(dedupe)")
            #expect(abs(try ExactSpread.spread(of: [2], under: ic) - (1 + 1.0 / 3)) < 1e-6, "dedupe \(dedupe)")
            // LT 1/indeg: 0 holds two of node 1's three in-weights.
            let lt = try LinearThreshold(graph: g)
            #expect(abs(try ExactSpread.spread(of: [0], under: lt) - (1 + 2.0 / 3)) < 1e-6, "dedupe \(dedupe)")
        }
    }

    /// Monte Carlo and RR sets on the merged graph estimate the unchanged exact spread.
    @Test func estimatorsOnTheMergedGraphMatchTheExactSpread() throws {
        let (plain, merged) = try Self.pair()
        for kind in DiffusionModelKind.allCases {
            let exact = try exactSpread([0, 3], plain, kind)
            let estimate = try simulator(merged, kind, .init(runs: 40_000, seed: 3, threads: 2)).estimate(seeds: [0, 3])
            #expect(abs(estimate.mean - exact) < 5 * estimate.standardError, "\(kind): \(estimate.mean) vs \(exact)")
            let interval = try SpreadInterval.estimate(seeds: [0, 3], sampler: sampler(merged, kind), sets: 40_000, seed: 5, workers: 2)
            #expect(abs(interval.estimate - exact) < 5 * interval.standardError, "\(kind): \(interval.estimate) vs \(exact)")
        }
    }
}
