import Testing
@testable import InfluenceKit

/// n·Λ(S)/θ is unbiased for σ(S) (Borgs et al., SODA 2014): on tiny graphs it falls within a few
/// of its standard errors of the exact spread, for IC (both methods) and LT, with one set at a
/// time and with eight interleaved.
@Suite struct UnbiasednessTests {
    @Test(arguments: TinyCase.battery)
    func coverageEstimatesTheExactSpread(_ tiny: TinyCase) throws {
        let graph = try tiny.graph()
        let variants: [(DiffusionModelKind, RRSetSampler.Method, ICSubsetTables.Costs, Int)] = [
            (.ic, .plain, .measured, 1), (.ic, .subset, .skipsOnly, 1), (.ic, .subset, .binomialOnly, 1),
            (.ic, .subset, .measured, 8), (.lt, .subset, .measured, 1), (.lt, .subset, .measured, 8),
        ]
        for (model, method, costs, lanes) in variants {
            let exact = try ExactSpread.spread(of: tiny.seeds, in: graph, model: model)
            let sampler = RRSetSampler(graph: graph, model: model, method: method, costs: costs, lanes: lanes)
            let pool = sampler.sample(60_000, seed: 77, poolID: 1, workers: 2)
            let interval = SpreadInterval(covered: pool.coverage(of: tiny.seeds), sets: pool.count, nodeCount: graph.nodeCount)
            let tolerance = max(4.5 * interval.standardError, 1e-9)
            #expect(abs(interval.estimate - exact) <= tolerance,
                    "\(tiny.name) \(model) \(method): \(interval.estimate) vs exact \(exact) (SE \(interval.standardError))")
        }
    }
}
