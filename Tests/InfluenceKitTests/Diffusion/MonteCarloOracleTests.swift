import Testing
@testable import InfluenceKit

/// Monte Carlo against the exact live-edge oracle on the tiny-graph battery, both models.
@Suite struct MonteCarloOracleTests {
    static let runs = 200_000

    @Test(arguments: TinyCase.battery, DiffusionModelKind.allCases)
    func spreadAndNodeProbabilitiesMatchTheOracle(_ tiny: TinyCase, _ model: DiffusionModelKind) throws {
        let graph = try tiny.graph()
        let exact = try ExactSpread.spread(of: tiny.seeds, in: graph, model: model)
        let exactNodes = try ExactSpread.activationProbabilities(of: tiny.seeds, in: graph, model: model)
        #expect(abs(exactNodes.reduce(0, +) - exact) < 1e-9)
        let simulator = MonteCarloSimulator(graph: graph, model: model,
                                            configuration: .init(runs: Self.runs, seed: 20_240_611, threads: 2))
        let (estimate, nodes) = simulator.nodeActivationProbabilities(seeds: tiny.seeds)
        #expect(estimate.runs == Self.runs)
        expectWithinStandardErrors(estimate, exact, "\(tiny.name) \(model)")
        #expect(estimate.confidenceLow <= estimate.mean && estimate.mean <= estimate.confidenceHigh)
        #expect(estimate.min >= Double(Set(tiny.seeds).count) && estimate.max <= Double(tiny.nodeCount))
        for v in 0..<tiny.nodeCount {
            let p = min(1, max(0, exactNodes[v]))
            let standardError = (p * (1 - p) / Double(Self.runs)).squareRoot()
            #expect(abs(nodes[v] - p) <= max(4 * standardError, 1e-9),
                    "\(tiny.name) \(model): node \(v) activated with frequency \(nodes[v]), exact \(p)")
        }
    }
}
