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

    /// Labels are users byte for byte in held-out pairs, metrics and acceptance: the NFC and NFD
    /// spellings of `café` are two users. Each expectation below fails under `String` keys
    /// (canonical equivalence merges the two): the truth would hold one inviter with both invitees
    /// (recall@1 of [y] would be 1/2, not 0), the NFD invitee would count as a hit for the NFC truth
    /// (recall 1, not 0), and U given for the NFC node would also reach the NFD node (0.3, not 1).
    @Test func labelsAreUsersByteForByte() throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        #expect(nfc == nfd && !nfc.utf8.elementsEqual(nfd.utf8))  // the two spellings under test
        let truth = TruthPairs(pairs: [(nfc, "x"), (nfd, "y"), ("a", nfc)])
        #expect(truth.invitees.count == 3 && truth.pairCount == 3)
        #expect(truth.invitees(of: nfc) == ["x"] && truth.invitees(of: nfd) == ["y"])
        let missed = RankingMetrics(lists: [Self.list(nfc, ["y"])], truth: truth, maxK: 1)
        #expect(missed.inviters == 1 && missed.recall == [0])
        let wrongSpelling = RankingMetrics(lists: [Self.list("a", [nfd])], truth: truth, maxK: 1)
        #expect(wrongSpelling.recall == [0])
        let rightSpelling = RankingMetrics(lists: [Self.list("a", [nfc])], truth: truth, maxK: 1)
        #expect(rightSpelling.recall == [1])

        let graph = try InviteGraph(arcs: [.init(inviter: "a", invitee: nfc, invite: 0.5), .init(inviter: "a", invitee: nfd, invite: 0.5)],
                                    acceptance: [nfc: 0.3])
        #expect(graph.nodeCount == 3)
        let c = try #require(graph.labels.firstIndex { $0.utf8.elementsEqual(nfc.utf8) })
        let d = try #require(graph.labels.firstIndex { $0.utf8.elementsEqual(nfd.utf8) })
        #expect(graph.acceptance[c] == 0.3 && graph.acceptance[d] == 1)
        let both = try InviteGraph(arcs: [.init(inviter: "a", invitee: nfc, invite: 0.5), .init(inviter: "a", invitee: nfd, invite: 0.5)],
                                   acceptance: [ByteLabel(nfc): 0.3, ByteLabel(nfd): 0.7])
        #expect(both.acceptance[c] == 0.3 && both.acceptance[d] == 0.7)
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
