import Testing
#if canImport(Glibc)
import Glibc
#endif
@_spi(Kernels) @testable import InfluenceKit

/// Merging many parallel arcs of tiny probability keeps their combined chance: 1 − Π(1 − pᵢ) is
/// computed as −expm1(Σ log1p(−pᵢ)) in Double, where the product of factors 1 − p (each rounded
/// to Double, relative error up to 1e-16 / p) drifts by 2e-5 for 20,000 arcs of 1e-12.
@Suite struct ParallelMergePrecisionTests {
    /// k parallel arcs 0 → 1, each of probability p, merged.
    static func parallel(_ k: Int, _ p: Double) throws -> InfluenceGraph {
        try InfluenceGraph(nodeCount: 2, sources: [Int](repeating: 0, count: k), targets: [Int](repeating: 1, count: k),
                           values: [Double](repeating: p, count: k), options: GraphBuildOptions(dedupe: true))
    }

    /// σ({0}) − 1 = 1 − (1 − p)^k, the closed form.
    static func closedForm(_ k: Int, _ p: Double) -> Double { -expm1(Double(k) * log1p(-p)) }

    @Test(arguments: [1e-8, 1e-10, 1e-12])
    func mergedTinyProbabilitiesMatchTheClosedForm(_ p: Double) throws {
        let k = 20_000
        let graph = try Self.parallel(k, Double(Float(p)))
        #expect(graph.arcCount == 1 && graph.inputArcCount == k)
        let expected = Self.closedForm(k, Double(Float(p)))
        for scheme in [ProbabilityScheme.file, .uniform(Float(p))] {
            let model = try IndependentCascade(graph: graph, probabilities: scheme)
            let spread = try ExactSpread.spread(of: [0], under: model)
            // Float storage of the merged value allows 6e-8 relative; the old product drifted by 2e-5.
            #expect(abs((spread - 1) / expected - 1) < 1e-6, "\(scheme): σ − 1 = \(spread - 1), expected \(expected)")
            // The coin threshold carries the Double value (to its 2^-63 grid), not the Float one.
            let coin = CoinThreshold.probability(model.coinThresholds[0])
            #expect(abs(coin - expected) <= 0x1.0p-63 + 1e-11 * expected, "\(scheme): coin \(coin), expected \(expected)")
        }
    }

    /// The brief's case: 20,000 arcs of 1e-8 merge to σ = 1.00019998.
    @Test func twentyThousandArcsOfOneInAHundredMillion() throws {
        let graph = try Self.parallel(20_000, 1e-8)
        let spread = try ExactSpread.spread(of: [0], under: IndependentCascade(graph: graph, probabilities: .file))
        #expect(abs(spread - 1.00019998) < 1e-9, "σ = \(spread)")
    }

    /// Merging never turns a certain arc uncertain, nor a dead one live.
    @Test func certainAndDeadArcsMergeExactly() throws {
        let graph = try InfluenceGraph(nodeCount: 3, sources: [0, 0, 0, 0], targets: [1, 1, 2, 2], values: [1, 0.5, 0, 0],
                                       options: GraphBuildOptions(dedupe: true))
        let model = try IndependentCascade(graph: graph, probabilities: .file)
        #expect(model.probabilities == [1, 0])
        #expect(model.coinThresholds == [CoinThreshold.always, 0])
    }
}
