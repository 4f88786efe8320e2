import Testing
@_spi(Kernels) @testable import InfluenceKit

/// LT sums its weights in Double: a node with tens of thousands of tiny in-weights activates at
/// exactly the arc where their running sum reaches its threshold. Summed in Float (24 bits) the
/// residual θ − Σw drifts by rounding at every step: for 30,000 weights 1/30,000 (summing to
/// 1 + 1.1e-8) from θ = 1 it ends at +3.2e-4 instead of −1.1e-8, and the node never activates.
@Suite struct LTResidualPrecisionTests {
    static let inArcs = 30_000

    /// Node 1 with `inArcs` parallel in-arcs from node 0 under LT with 1/indeg weights.
    static func model() throws -> LinearThreshold {
        let k = inArcs
        let graph = try InfluenceGraph(nodeCount: 2, sources: [Int](repeating: 0, count: k), targets: [Int](repeating: 1, count: k))
        return try LinearThreshold(graph: graph)
    }

    /// The arc (0-based) at which node 1 activates when its threshold comes from `word`, arcs
    /// visited in order by the LT forward rule; nil when it stays inactive.
    static func activationArc(_ model: LinearThreshold, word: UInt64) -> Int? {
        let workspace = SimulationWorkspace(nodeCount: 2)
        let scratch = workspace.beginRun()
        let randomness = CoinWords.run(node: 1, emitting: word)
        let targets = model.graph.outTargets
        var tail = 0
        return model.weights.withUnsafeBufferPointer { w in
            targets.withUnsafeBufferPointer { t in
                let rule = LTArcRule(weights: w.baseAddress!)
                for a in 0..<t.count {
                    rule.visit(arc: a, targets: t.baseAddress!, scratch: scratch, randomness: randomness, tail: &tail)
                    if tail == 1 { return a }
                }
                return nil
            }
        }
    }

    @Test func manyTinyWeightsActivateWhereTheirSumReachesTheThreshold() throws {
        let model = try Self.model()
        let weights = model.weights.map { Double($0) }
        #expect(weights.reduce(0, +) >= 1, "the weights sum to at least 1")
        // θ = 1 (word 0), and thresholds well inside (0, 1).
        for word: UInt64 in [0, 1 << 60, 1 << 62, 3 << 62, 0xF000_0000_0000_0000] {
            let theta = CoinWords.run(node: 1, emitting: word).threshold(of: 1)
            var sum = 0.0, expected = weights.count
            for (a, w) in weights.enumerated() {
                sum += w
                if sum >= theta { expected = a; break }
            }
            #expect(expected < weights.count)
            #expect(Self.activationArc(model, word: word) == expected, "θ = \(theta)")
        }
    }

    /// Every run activates node 1 from node 0: σ({0}) = 2 exactly.
    @Test func spreadIsExactlyTwo() throws {
        let model = try Self.model()
        let estimate = try MonteCarloSimulator(model: model, configuration: .init(runs: 50, seed: 3, threads: 2)).estimate(seeds: [0])
        #expect(estimate.mean == 2)
    }
}
