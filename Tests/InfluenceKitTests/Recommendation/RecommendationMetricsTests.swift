#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import InfluenceKit

/// Recall@K, NDCG@K and the two-stage cascade against hand-computed values and the exact oracle.
@Suite struct RecommendationMetricsTests {
    static func list(_ inviter: String, _ invitees: [String]) -> InviteeList {
        InviteeList(inviter: inviter, invitees: invitees.map { .init(invitee: $0, score: 0) })
    }

    @Test func recallAndNDCGByHand() {
        // a: [x, y, z] against {y, w}; b: [p] against {p}; c has no truth and is not averaged;
        // "ghost" is a truth invitee that no list can hold: it still counts in |S(d)|.
        let pairs: [(inviter: String, invitee: String)] = [("a", "y"), ("a", "w"), ("b", "p"), ("b", "b"), ("a", "y"), ("d", "q"), ("d", "ghost")]
        let truth = TruthPairs(pairs: pairs)
        #expect(truth.pairCount == 5)
        let lists = [Self.list("a", ["x", "y", "z"]), Self.list("b", ["p"]), Self.list("c", ["p"]), Self.list("d", ["q", "r"])]
        let m = RankingMetrics(lists: lists, truth: truth, maxK: 3)
        #expect(m.inviters == 3 && m.k == [1, 2, 3])
        // Recall: a 0, 1/2, 1/2; b 1, 1, 1; d 1/2, 1/2, 1/2.
        let recall: [Double] = [1.5 / 3, 2.0 / 3, 2.0 / 3]
        let g = 1 / log2(3.0)
        // NDCG: a 0, g/(1+g), g/(1+g); b 1, 1, 1; d 1, 1/(1+g), 1/(1+g).
        let later: Double = (g / (1 + g) + 1 + 1 / (1 + g)) / 3
        let ndcg: [Double] = [2.0 / 3, later, later]
        for c in 0..<3 {
            #expect(abs(m.recall[c] - recall[c]) < 1e-12, "recall@\(c + 1) \(m.recall[c])")
            #expect(abs(m.ndcg[c] - ndcg[c]) < 1e-12, "ndcg@\(c + 1) \(m.ndcg[c])")
        }
    }

    // K = 1 (lists 0: [3], 1: [3]): 3 accepts from 0 (0.4) or 1 (0.2): 1 − 0.6·0.8 = 0.52; from 3,
    // 5 (0.25·0.4 = 0.1) and 6 (0.8·0.5 = 0.4): Spread@1 = 0.52·1.5 = 0.78.
    // K = 2 (0: [3, 2], 1: [3, 4]): 2 w.p. 0.25, 4 w.p. 0.18; 5 = 1 − (1 − 0.25·0.2)(1 − 0.052);
    // 6 = 1 − (1 − 0.208)(1 − 0.18·0.05): Spread@2 = 0.52 + 0.25 + 0.18 + 0.0994 + 0.215128.
    static let exactSpread = [0.78, 1.264528]

    @Test func twoStageCascadeExactByHandAndByEnumeration() throws {
        let recommender = try InviteeRecommender(graph: try SevenNodes.graph(), configuration: .init(algorithm: .heteroIR))
        let lists = try recommender.recommend(for: ["0", "1"], k: 2)
        let exact = try recommender.exactSpread(lists, maxK: 2)
        for k in 0..<2 { #expect(abs(exact[k] - Self.exactSpread[k]) < 1e-12, "K = \(k + 1): \(exact[k])") }
    }

    /// 200,000 worlds: the standard error is about 0.2% of the spread, so 4 of them stay under 1%.
    @Test func monteCarloMatchesTheExactSpread() throws {
        let recommender = try InviteeRecommender(graph: try SevenNodes.graph(), configuration: .init(algorithm: .heteroIR, threads: 2))
        let lists = try recommender.recommend(for: ["0", "1"], k: 2)
        let estimate = try recommender.evaluate(lists, truth: nil, maxK: 2, worlds: 200_000, seed: 9).spread
        for k in 0..<2 {
            let e = estimate[k]
            #expect(e.standardError < 0.003 * Self.exactSpread[k])
            #expect(abs(e.mean - Self.exactSpread[k]) < 4 * e.standardError, "K = \(k + 1): \(e.mean) ± \(e.standardError)")
        }
        let again = try InviteeRecommender(graph: try SevenNodes.graph(), configuration: .init(algorithm: .heteroIR, threads: 1))
        let serial = try again.evaluate(lists, truth: nil, maxK: 2, worlds: 5_000, seed: 9).spread
        let parallel = try recommender.evaluate(lists, truth: nil, maxK: 2, worlds: 5_000, seed: 9).spread
        #expect(serial == parallel)
    }

    @Test func evaluationRefusesListsThatAreNoArcs() throws {
        let recommender = try InviteeRecommender(graph: try SevenNodes.graph(), configuration: .init(algorithm: .p))
        #expect(throws: InfluenceError.self) { try recommender.evaluate([Self.list("0", ["4"])], truth: nil, maxK: 1, worlds: 10) }
        #expect(throws: InfluenceError.self) { try recommender.evaluate([Self.list("9", ["4"])], truth: nil, maxK: 1, worlds: 10) }
    }
}
