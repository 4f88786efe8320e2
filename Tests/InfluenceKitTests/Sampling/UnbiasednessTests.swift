import Testing
@_spi(Kernels) @testable import InfluenceKit

/// n·Λ(S)/θ is unbiased for σ(S) (Borgs et al., SODA 2014): on the tiny graphs of the battery it
/// agrees with the exact spread, for IC (plain coins and subset sampling under each cost model)
/// and LT, with one set at a time and with eight interleaved.
///
/// For each sampler variant, case i gives zᵢ = (σ̂ᵢ − σᵢ)/SEᵢ with the binomial standard error
/// SEᵢ = n·√(q(1 − q)/θ) at the exact q = σ/n. Each case draws from its own seed, so the zᵢ are
/// independent: per case |zᵢ| < 5; pooled, Z = Σzᵢ/√N and the chi-square Σzᵢ² (N degrees of
/// freedom, Wilson–Hilferty) within 5. `icPoolWouldCatchAOnePercentBias` computes, with the oracle,
/// how far a 1% bias of the IC probabilities would move Z at this θ.
@Suite struct UnbiasednessTests {
    static let sets = 250_000

    struct Variant: Sendable, CustomTestStringConvertible {
        var model: DiffusionModelKind
        var method: RRSamplingMethod
        var costs: SubsetSamplingCosts
        var lanes: Int
        var testDescription: String { "\(model) \(method) \(costsName) \(lanes) lane(s)" }
        var costsName: String {
            costs.skip == 1 ? "skips" : costs.binomialCount == 1 ? "binomial" : "measured"
        }
    }

    static let variants: [Variant] = [
        Variant(model: .ic, method: .plain, costs: .measured, lanes: 1),
        Variant(model: .ic, method: .subset, costs: .skipsOnly, lanes: 1),
        Variant(model: .ic, method: .subset, costs: .binomialOnly, lanes: 1),
        Variant(model: .ic, method: .subset, costs: .measured, lanes: 8),
        Variant(model: .lt, method: .subset, costs: .measured, lanes: 1),
        Variant(model: .lt, method: .subset, costs: .measured, lanes: 8),
    ]

    /// zᵢ of case `index` under `variant`, nil when the case has no variance (σ = n or σ = |S|
    /// with nothing reachable are then checked to be exact).
    static func z(_ index: Int, _ variant: Variant, sets: Int = sets) throws -> (z: Double, standardError: Double)? {
        let tiny = TinyCase.battery[index]
        let graph = try tiny.graph()
        let model = try bind(graph, variant.model)
        let exact = try ExactSpread.spread(of: tiny.seeds, under: model)
        let sampler = try RRSetSampler(model: model, method: variant.method, costs: variant.costs, lanes: variant.lanes)
        let pool = sampler.sample(sets, seed: 77 &+ UInt64(index), poolID: 1, workers: 2)
        let interval = SpreadInterval(covered: pool.coverage(of: tiny.seeds), sets: pool.count, nodeCount: graph.nodeCount)
        let n = Double(graph.nodeCount)
        let q = exact / n
        let standardError = n * (q * (1 - q) / Double(pool.count)).squareRoot()
        guard standardError > 1e-12 else {
            #expect(abs(interval.estimate - exact) < 1e-9, "\(tiny.name) \(variant): \(interval.estimate) vs exact \(exact)")
            return nil
        }
        let z = (interval.estimate - exact) / standardError
        #expect(abs(z) < 5, "\(tiny.name) \(variant): \(interval.estimate) vs exact \(exact) (z = \(z))")
        return (z, standardError)
    }

    @Test(arguments: variants)
    func coverageEstimatesTheExactSpread(_ variant: Variant) throws {
        let zs = try TinyCase.battery.indices.compactMap { try Self.z($0, variant)?.z }
        #expect(zs.count >= 12)
        let k = Double(zs.count)
        let signed = zs.reduce(0, +) / k.squareRoot()
        let chi = zs.reduce(0) { $0 + $1 * $1 }
        let chiZ = chiSquareDeviate(chi, degreesOfFreedom: zs.count)
        let detail = zs.map { String(($0 * 100).rounded() / 100) }.joined(separator: ", ")
        reportStatistic("RR unbiasedness \(variant.testDescription): pooled z \(signed), chi-square deviate \(chiZ); \(detail)")
        #expect(abs(signed) < 5, "\(variant): pooled z = \(signed) (\(detail))")
        #expect(chiZ < 5, "\(variant): chi-square \(chi) on \(zs.count) df, deviate \(chiZ) (\(detail))")
    }

    /// With the IC probabilities multiplied by 1.01 (capped at 1), σ moves by Δσᵢ = Δσᵢ/SEᵢ
    /// standard errors at θ = `sets`; the pooled shift must clear the threshold 5 widely.
    @Test func icPoolWouldCatchAOnePercentBias() throws {
        var shifts: [Double] = []
        for tiny in TinyCase.battery {
            let graph = try tiny.graph()
            let biasedGraph = try tinyGraph(tiny.nodeCount, tiny.arcs.map { ($0.0, $0.1, min(1, $0.2 * 1.01)) })
            let exact = try exactSpread(tiny.seeds, graph, .ic)
            let biased = try exactSpread(tiny.seeds, biasedGraph, .ic)
            let n = Double(tiny.nodeCount), q = exact / n
            let standardError = n * (q * (1 - q) / Double(RRSetSampler.roundedToTasks(Self.sets))).squareRoot()
            guard standardError > 1e-12 else { continue }
            shifts.append((biased - exact) / standardError)
        }
        let pooledShift = shifts.reduce(0, +) / Double(shifts.count).squareRoot()
        reportStatistic("RR unbiasedness IC: a 1% bias would move the pooled z by \(pooledShift)")
        #expect(pooledShift >= 8, "a 1% bias would move the pooled z by \(pooledShift): \(shifts)")
    }
}
