import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Spreads with closed forms: the oracle must match them to rounding, Monte Carlo to 4 standard
/// errors.
@Suite struct ClosedFormTests {
    static let configuration = MonteCarloSimulator.Configuration(runs: 200_000, seed: 7, threads: 2)

    /// IC along a path 0 → 1 → … → L with probability p: σ({0}) = 1 + p + p² + … + p^L.
    @Test(arguments: [(Float(0.5), 6), (Float(0.3), 4), (Float(0.9), 10), (Float(1.0), 5)])
    func independentCascadePath(_ p: Float, _ length: Int) throws {
        let graph = try tinyGraph(length + 1, (0..<length).map { ($0, $0 + 1, p) })
        let q = Double(p)
        let expected = (0...length).reduce(0.0) { total, k in total + pow(q, k) }
        let exact = try ExactSpread.spread(of: [0], under: bind(graph, .ic))
        #expect(abs(exact - expected) < 1e-9 * expected)
        let estimate = try MonteCarloSimulator(model: bind(graph, .ic), configuration: Self.configuration).estimate(seeds: [0])
        expectWithinStandardErrors(estimate, expected)
    }

    /// LT in-star: leaves 1…4 point at the centre 0 with weights w_i. With seeds S among the
    /// leaves, σ(S) = |S| + Σ_{i∈S} w_i (the centre activates iff θ ≤ Σ_{i∈S} w_i).
    @Test(arguments: [[1], [1, 2], [2, 3, 4], [1, 2, 3, 4]])
    func linearThresholdInStar(_ seeds: [Int]) throws {
        let w: [Float] = [0, 0.1, 0.2, 0.3, 0.35]
        let graph = try tinyGraph(5, (1...4).map { ($0, 0, w[$0]) })
        let expected = Double(seeds.count) + seeds.reduce(0.0) { $0 + Double(w[$1]) }
        let exact = try ExactSpread.spread(of: seeds, under: bind(graph, .lt))
        #expect(abs(exact - expected) < 1e-6)
        let estimate = try MonteCarloSimulator(model: bind(graph, .lt), configuration: Self.configuration).estimate(seeds: seeds)
        expectWithinStandardErrors(estimate, expected)
    }

    /// IC in-star with the same probabilities: the centre activates unless every seed fails,
    /// σ(S) = |S| + 1 − Π_{i∈S}(1 − p_i). IC out-star from the centre: σ = 1 + Σ p_i.
    @Test func independentCascadeStars() throws {
        let p: [Float] = [0, 0.1, 0.2, 0.3, 0.35]
        let inStar = try tinyGraph(5, (1...4).map { ($0, 0, p[$0]) })
        let inExpected = 3 + 1 - (1 - Double(p[2])) * (1 - Double(p[3])) * (1 - Double(p[4]))
        #expect(abs(try ExactSpread.spread(of: [2, 3, 4], under: bind(inStar, .ic)) - inExpected) < 1e-9)
        let inEstimate = try MonteCarloSimulator(model: bind(inStar, .ic), configuration: Self.configuration).estimate(seeds: [2, 3, 4])
        expectWithinStandardErrors(inEstimate, inExpected)

        let outStar = try tinyGraph(5, (1...4).map { (0, $0, p[$0]) })
        let outExpected = 1 + p.reduce(0.0) { $0 + Double($1) }
        #expect(abs(try ExactSpread.spread(of: [0], under: bind(outStar, .ic)) - outExpected) < 1e-6)
        let outEstimate = try MonteCarloSimulator(model: bind(outStar, .ic), configuration: Self.configuration).estimate(seeds: [0])
        expectWithinStandardErrors(outEstimate, outExpected)
    }

    /// LT along a path with weight w: the same spread as IC, 1 + w + … + w^L.
    @Test func linearThresholdPath() throws {
        let graph = try tinyGraph(6, (0..<5).map { ($0, $0 + 1, Float(0.6)) })
        let expected = (0...5).reduce(0.0) { total, k in total + pow(Double(Float(0.6)), k) }
        #expect(abs(try ExactSpread.spread(of: [0], under: bind(graph, .lt)) - expected) < 1e-9)
        let estimate = try MonteCarloSimulator(model: bind(graph, .lt), configuration: Self.configuration).estimate(seeds: [0])
        expectWithinStandardErrors(estimate, expected)
    }
}

func pow(_ x: Double, _ k: Int) -> Double { (0..<k).reduce(1.0) { product, _ in product * x } }
