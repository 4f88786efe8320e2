import Testing
@testable import InfluenceKit

/// HeteroIR and the baselines against values worked out by hand on the 7-node instance.
@Suite struct HeteroIRTests {
    // HeteroInf(2) = 0.5·0.4 = 0.2; HeteroInf(3) = 0.25·0.4 + 0.8·0.5 = 0.5 (c = 1: 0.4);
    // HeteroInf(4) = 0.1·0.5 = 0.05.
    // β(0,2) = 0.5·0.5·1.2 = 0.3, β(0,3) = 0.4·1·1.5 = 0.6, β(1,3) = 0.2·1·1.5 = 0.3,
    // β(1,4) = 0.9·0.2·1.05 = 0.189.
    @Test func handComputedScores() throws {
        let graph = try SevenNodes.graph()
        let ir = try HeteroIR(graph: graph)
        #expect(abs(ir.heteroInf[2] - 0.2) < 1e-12 && abs(ir.heteroInf[3] - 0.5) < 1e-12 && abs(ir.heteroInf[4] - 0.05) < 1e-12)
        #expect(ir.heteroInf[5] == 0 && ir.heteroInf[0] > 0)
        let recommender = try InviteeRecommender(graph: graph, configuration: .init(algorithm: .heteroIR))
        let lists = try recommender.recommend(for: ["0", "1"], k: 2)
        #expect(lists.map { $0.invitees.map(\.invitee) } == [["3", "2"], ["3", "4"]])
        let expected = [[0.6, 0.3], [0.3, 0.189]]
        for (list, want) in zip(lists, expected) {
            for (entry, w) in zip(list.invitees, want) { #expect(abs(entry.score - w) < 1e-12, "\(entry)") }
        }
        let top1 = try HeteroIR(graph: graph, topC: 1)
        #expect(abs(top1.heteroInf[3] - 0.4) < 1e-12)
        #expect(throws: InfluenceError.self) { try HeteroIR(graph: graph, topC: 0) }
    }

    @Test func uIsNeverDropped() throws {
        // Without U, inviter 1 would rank 4 (0.9·1.05) above 3 (0.2·1.5); with U = 0.2 on 4, 3 wins.
        let noU = try InviteeRecommender(graph: try InviteGraph(arcs: SevenNodes.arcs), configuration: .init(algorithm: .heteroIR))
        #expect(try noU.recommend(for: ["1"], k: 1)[0].invitees[0].invitee == "4")
        let withU = try InviteeRecommender(graph: try SevenNodes.graph(), configuration: .init(algorithm: .heteroIR))
        #expect(try withU.recommend(for: ["1"], k: 1)[0].invitees[0].invitee == "3")
    }

    @Test func baselines() throws {
        let recommender = try InviteeRecommender(graph: try SevenNodes.graph(), configuration: .init(algorithm: .p, seed: 3))
        func top(_ a: RecommendationAlgorithm) throws -> [[String]] {
            try recommender.recommend(for: ["0", "1"], k: 2, method: .algorithm(a)).map { $0.invitees.map(\.invitee) }
        }
        #expect(try top(.p) == [["2", "3"], ["4", "3"]])
        #expect(try top(.pu) == [["3", "2"], ["3", "4"]])      // 0.25 < 0.4; 0.2 > 0.18
        #expect(try top(.degree) == [["3", "2"], ["3", "4"]])  // out-degrees 1, 2, 1
        let random = try top(.random), again = try top(.random)
        #expect(random.map { Set($0) } == [["2", "3"], ["3", "4"]] && random == again)
        // HeteroIM's RR sets depend on the inviters: a recommender built without them draws the
        // request's own, the same as one built for HeteroIM with the same seed.
        let im = try InviteeRecommender(graph: try SevenNodes.graph(), configuration: .init(seed: 3))
        #expect(try recommender.recommend(for: ["0"], k: 1, method: .algorithm(.heteroIM)) == im.recommend(for: ["0"], k: 1))
    }

    @Test func tradeOffEndsAreTheTwoMethods() throws {
        let graph = try SevenNodes.graph()
        let recommender = try InviteeRecommender(graph: graph, configuration: .init(setsPerNode: 200, seed: 4))
        for k in 1...2 {
            let ir = try recommender.recommend(for: ["0", "1"], k: k, method: .algorithm(.heteroIR))
            let im = try recommender.recommend(for: ["0", "1"], k: k, method: .algorithm(.heteroIM))
            let zero = try recommender.recommend(for: ["0", "1"], k: k, method: .tradeOff(0))
            let one = try recommender.recommend(for: ["0", "1"], k: k, method: .tradeOff(1))
            #expect(zero.map { $0.invitees.map(\.invitee) } == ir.map { $0.invitees.map(\.invitee) })
            #expect(one.map { $0.invitees.map(\.invitee) } == im.map { $0.invitees.map(\.invitee) })
        }
        // Normalised per inviter: inviter 0's β are 0.6 and 0.3 → 1 and 0.5; ŝ = 1 for both;
        // λ = 0.25: 1 and 0.5^0.75.
        let blended = RecommendationTradeOff.scores(lambda: 0.25, graph: graph, inviters: [0], willingness: try HeteroIR(graph: graph).scores(),
                                                    spread: [Double](repeating: 5, count: graph.arcCount))
        let a02 = graph.arcs(from: 0).first { graph.outTargets[$0] == 2 }!, a03 = graph.arcs(from: 0).first { graph.outTargets[$0] == 3 }!
        #expect(abs(blended[a03] - 1) < 1e-12 && abs(blended[a02] - 0.594_603_557_501_360_5) < 1e-12)
        let spreadOnly = RecommendationTradeOff.scores(lambda: 1, graph: graph, inviters: [0], willingness: [Double](repeating: 0, count: graph.arcCount),
                                                       spread: [Double](repeating: 2, count: graph.arcCount))
        #expect(spreadOnly[a02] == 1 && spreadOnly[a03] == 1, "λ = 1 ignores willingness, even when it is 0")
    }
}
