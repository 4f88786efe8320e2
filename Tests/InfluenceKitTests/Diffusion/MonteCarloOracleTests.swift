import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Monte Carlo against the exact live-edge oracle on the tiny-graph battery, both models.
///
/// Each case is simulated from its own seed (so the cases are independent) and gives
/// z = (mean − σ)/SE. Per case, |z| < 5 and every node's activation frequency lies within 5 of
/// its binomial standard errors of the exact probability (about 10⁻⁴ false failures over all
/// nodes and models). Pooled over the battery, the signed Z = Σz/√N and the chi-square Σz²
/// (N degrees of freedom) must stay within 5 standard deviations. A 1% multiplicative bias of
/// the IC probabilities would move the pooled Z by at least 8 (`icBatteryWouldCatchAOnePercentBias`
/// computes it exactly, with the oracle on the biased probabilities).
@Suite struct MonteCarloOracleTests {
    static let runs = 200_000

    struct Outcome: Sendable {
        var name: String
        var z: Double
        var standardError: Double
    }

    /// Simulates case `index` and checks it alone; returns its z.
    static func simulate(_ index: Int, _ kind: DiffusionModelKind, sourceLocation: SourceLocation = #_sourceLocation) throws -> Outcome? {
        let tiny = TinyCase.battery[index]
        let graph = try tiny.graph()
        let model = try bind(graph, kind)
        let exact = try ExactSpread.spread(of: tiny.seeds, under: model)
        let exactNodes = try ExactSpread.activationProbabilities(of: tiny.seeds, under: model)
        #expect(abs(exactNodes.reduce(0, +) - exact) < 1e-9, sourceLocation: sourceLocation)
        let simulator = try MonteCarloSimulator(model: model,
                                                configuration: .init(runs: runs, seed: 20_240_611 &+ UInt64(index), threads: 2))
        let (estimate, nodes) = try simulator.nodeActivationProbabilities(seeds: tiny.seeds)
        #expect(estimate.runs == runs, sourceLocation: sourceLocation)
        #expect(abs(nodes.reduce(0, +) - estimate.mean) < 1e-9, sourceLocation: sourceLocation)
        for v in 0..<tiny.nodeCount {
            let p = min(1, max(0, exactNodes[v]))
            let standardError = (p * (1 - p) / Double(runs)).squareRoot()
            #expect(abs(nodes[v] - p) <= max(5 * standardError, 1e-12),
                    "\(tiny.name) \(kind): node \(v) activated with frequency \(nodes[v]), exact \(p)", sourceLocation: sourceLocation)
        }
        guard estimate.standardError > 0 else {
            #expect(abs(estimate.mean - exact) < 1e-9, "\(tiny.name) \(kind): no variance, yet \(estimate.mean) vs \(exact)",
                    sourceLocation: sourceLocation)
            return nil
        }
        let z = (estimate.mean - exact) / estimate.standardError
        #expect(abs(z) < 5, "\(tiny.name) \(kind): mean \(estimate.mean) vs exact \(exact), z = \(z)", sourceLocation: sourceLocation)
        return Outcome(name: tiny.name, z: z, standardError: estimate.standardError)
    }

    /// The pooled statistics of one model's battery.
    static func pooled(_ outcomes: [Outcome]) -> (signed: Double, chiSquareZ: Double) {
        let k = Double(outcomes.count)
        let signed = outcomes.reduce(0) { $0 + $1.z } / k.squareRoot()
        let chi = outcomes.reduce(0) { $0 + $1.z * $1.z }
        return (signed, chiSquareDeviate(chi, degreesOfFreedom: outcomes.count))
    }

    @Test(arguments: DiffusionModelKind.allCases)
    func batteryMatchesTheOracle(_ kind: DiffusionModelKind) throws {
        let outcomes = try TinyCase.battery.indices.compactMap { try Self.simulate($0, kind) }
        #expect(outcomes.count >= 12)
        let (signed, chiZ) = Self.pooled(outcomes)
        let detail = outcomes.map { "\($0.name): \(($0.z * 100).rounded() / 100)" }.joined(separator: ", ")
        reportStatistic("Monte Carlo battery \(kind): pooled z \(signed), chi-square deviate \(chiZ); \(detail)")
        #expect(abs(signed) < 5, "\(kind): pooled z = \(signed) (\(detail))")
        #expect(chiZ < 5, "\(kind): chi-square deviate \(chiZ) (\(detail))")
    }

    /// The battery's power, computed rather than hoped for: with the IC probabilities multiplied by
    /// 1.01 (capped at 1) the exact spreads move by Δσᵢ, i.e. by Δσᵢ/SEᵢ standard errors of this
    /// battery's runs; pooled, that is Σ(Δσᵢ/SEᵢ)/√N, which must clear the threshold 5 by a wide
    /// margin.
    @Test func icBatteryWouldCatchAOnePercentBias() throws {
        var shifts: [Double] = []
        for (index, tiny) in TinyCase.battery.enumerated() {
            let graph = try tiny.graph()
            let biasedGraph = try tinyGraph(tiny.nodeCount, tiny.arcs.map { ($0.0, $0.1, min(1, $0.2 * 1.01)) })
            let exact = try exactSpread(tiny.seeds, graph, .ic)
            let biased = try exactSpread(tiny.seeds, biasedGraph, .ic)
            // The standard error of this case's runs (a few thousand runs estimate it to a few %).
            let probe = try simulator(graph, .ic, .init(runs: 8_192, seed: 20_240_611 &+ UInt64(index), threads: 2)).estimate(seeds: tiny.seeds)
            guard probe.standardError > 0 else { continue }
            let standardError = probe.standardDeviation / Double(Self.runs).squareRoot()
            shifts.append((biased - exact) / standardError)
        }
        let pooledShift = shifts.reduce(0, +) / Double(shifts.count).squareRoot()
        reportStatistic("Monte Carlo battery IC: a 1% bias would move the pooled z by \(pooledShift)")
        #expect(pooledShift >= 8, "a 1% bias would move the pooled z by \(pooledShift): \(shifts)")
    }
}
