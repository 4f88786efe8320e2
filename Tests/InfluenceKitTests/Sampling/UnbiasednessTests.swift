import Testing
@testable import InfluenceKit

/// n·Λ(S)/θ is unbiased for σ(S) (Borgs et al., SODA 2014): on tiny graphs it falls within a few
/// of its standard errors of the exact spread, for IC (both methods) and LT.
@Suite struct UnbiasednessTests {
    @Test(arguments: TinyCase.battery)
    func coverageEstimatesTheExactSpread(_ tiny: TinyCase) throws {
        let graph = try tiny.graph()
        let variants: [(DiffusionModelKind, RRSetSampler.Method, ICSubsetTables.Costs)] = [
            (.ic, .plain, .measured), (.ic, .subset, .skipsOnly), (.ic, .subset, .binomialOnly), (.ic, .subset, .measured),
            (.lt, .subset, .measured),
        ]
        for (model, method, costs) in variants {
            let exact = try ExactSpread.spread(of: tiny.seeds, in: graph, model: model)
            let sampler = RRSetSampler(graph: graph, model: model, method: method, costs: costs)
            let pool = sampler.sample(60_000, seed: 77, poolID: 1, workers: 2)
            let interval = SpreadInterval(covered: pool.coverage(of: tiny.seeds), sets: pool.count, nodeCount: graph.nodeCount)
            let tolerance = max(4.5 * interval.standardError, 1e-9)
            #expect(abs(interval.estimate - exact) <= tolerance,
                    "\(tiny.name) \(model) \(method): \(interval.estimate) vs exact \(exact) (SE \(interval.standardError))")
        }
    }
}
