import Testing
@testable import InfluenceKit

/// What IC and LT answer when an engine asks instead of switching on them: their triggering
/// outcomes, whether their arcs are independent, and themselves restricted to a subgraph.
@Suite struct TriggeringAlternativesTests {
    /// 0→2 (0.5), 1→2 (0.25), 2→3 (1): node 2 has two in-arcs, node 3 one certain in-arc.
    func graph() throws -> InfluenceGraph { try tinyGraph(4, [(0, 2, 0.5), (1, 2, 0.25), (2, 3, 1)]) }

    @Test func independentCascadeListsEverySubsetOfItsUncertainArcs() throws {
        let g = try graph()
        let ic = try IndependentCascade(graph: g, probabilities: .file)
        let a02 = 0, a12 = 1, a23 = 2
        #expect(ic.triggeringAlternatives(of: 2, among: [a02, a12], limit: 16) == [
            TriggeringAlternative(liveArcs: [], probability: 0.5 * 0.75),
            TriggeringAlternative(liveArcs: [a02], probability: 0.5 * 0.75),
            TriggeringAlternative(liveArcs: [a12], probability: 0.5 * 0.25),
            TriggeringAlternative(liveArcs: [a02, a12], probability: 0.5 * 0.25),
        ])
        // A certain arc is in the one outcome; the limit refuses more outcomes than it allows.
        #expect(ic.triggeringAlternatives(of: 3, among: [a23], limit: 1) == [TriggeringAlternative(liveArcs: [a23], probability: 1)])
        #expect(ic.triggeringAlternatives(of: 2, among: [a02, a12], limit: 3) == nil)
        #expect(ic.independentArcProbabilities == ic.probabilities)
    }

    @Test func linearThresholdListsOneArcOrNone() throws {
        let lt = try LinearThreshold(graph: try graph(), weights: .file(rescale: false))
        #expect(lt.triggeringAlternatives(of: 2, among: [0, 1], limit: 16) == [
            TriggeringAlternative(liveArcs: [0], probability: 0.5),
            TriggeringAlternative(liveArcs: [1], probability: 0.25),
            TriggeringAlternative(liveArcs: [], probability: 0.25),
        ])
        // An in-arc not asked about merges into "none"; weights summing to 1 leave no "none".
        #expect(lt.triggeringAlternatives(of: 2, among: [1], limit: 16)?.last == TriggeringAlternative(liveArcs: [], probability: 0.75))
        #expect(lt.triggeringAlternatives(of: 3, among: [2], limit: 16) == [TriggeringAlternative(liveArcs: [2], probability: 1)])
        #expect(lt.independentArcProbabilities == nil)
    }

    /// Closed networks need independent arcs: LT is refused there, by the one shared message.
    @Test func independentCascadeOnlyVariantsRefuseOtherModels() throws {
        let lt = try LinearThreshold(graph: try graph(), weights: .file(rescale: false))
        #expect(throws: InfluenceError(.usage, parameter: "model", "closed networks are defined under the independent cascade model (got lt; expected ic)")) {
            try ClosedNetworkProblem(model: lt, seeds: [0], k: 1)
        }
    }

    /// Restricting keeps each kept arc's parameter: the subgraph 0→2→3 without node 1.
    @Test func restrictingToASubgraphKeepsTheArcsParameters() throws {
        let g = try graph()
        let sub = try InfluenceGraph(nodeCount: 3, outOffsets: [0, 1, 2, 2], outTargets: [1, 2], arcValues: nil,
                                     parallelArcs: nil, labels: .identity(count: 3), statistics: g.statistics)
        let ic = try IndependentCascade(graph: g, probabilities: .file).restricted(to: sub, originalArcs: [0, 2])
        #expect((ic as? IndependentCascade)?.probabilities == [0.5, 1])
        let lt = try LinearThreshold(graph: g, weights: .file(rescale: false)).restricted(to: sub, originalArcs: [0, 2])
        #expect((lt as? LinearThreshold)?.weights == [0.5, 1])
        #expect(try ExactSpread.spread(of: [0], under: ic) == 2)
    }
}
