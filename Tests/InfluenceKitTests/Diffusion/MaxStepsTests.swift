import Testing
@_spi(Kernels) @testable import InfluenceKit

/// `maxSteps` bounds the rounds after the seeds, in both the kernels and the oracle.
@Suite struct MaxStepsTests {
    @Test(arguments: DiffusionModelKind.allCases)
    func certainPathStopsAfterTheGivenRounds(_ model: DiffusionModelKind) throws {
        let graph = try tinyGraph(8, (0..<7).map { ($0, $0 + 1, Float(1)) })
        for steps in [0, 1, 2, 5, 7, 20] {
            let expected = Double(min(steps, 7) + 1)
            #expect(try ExactSpread.spread(of: [0], under: bind(graph, model), maxSteps: steps) == expected)
            let estimate = try MonteCarloSimulator(model: bind(graph, model),
                                               configuration: .init(runs: 100, seed: 3, threads: 2, maxSteps: steps))
                .estimate(seeds: [0])
            #expect(estimate.mean == expected && estimate.standardDeviation == 0)
        }
    }

    @Test(arguments: [TinyCase.battery[4], TinyCase.battery[9], TinyCase.battery[11]], DiffusionModelKind.allCases)
    func boundedCascadesMatchTheOracle(_ tiny: TinyCase, _ model: DiffusionModelKind) throws {
        let graph = try tiny.graph()
        for steps in [1, 2] {
            let exact = try ExactSpread.spread(of: tiny.seeds, under: bind(graph, model), maxSteps: steps)
            #expect(exact <= (try ExactSpread.spread(of: tiny.seeds, under: bind(graph, model))) + 1e-12)
            let estimate = try MonteCarloSimulator(model: bind(graph, model),
                                               configuration: .init(runs: 100_000, seed: 11, threads: 2, maxSteps: steps))
                .estimate(seeds: tiny.seeds)
            expectWithinStandardErrors(estimate, exact, "\(tiny.name) \(model) T=\(steps)")
        }
    }
}
