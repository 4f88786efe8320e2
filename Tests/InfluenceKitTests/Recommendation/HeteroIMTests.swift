import Testing
@testable import InfluenceKit

/// HeteroIM's greedy and pair scores against values worked out by hand on fixed RR sets.
@Suite struct HeteroIMTests {
    // Coverage: 2 ∈ {R0, R5}, 3 ∈ {R1, R2, R4, R7}, 4 ∈ {R3, R6}.
    // Greedy takes 3 (4 sets): inviter 0 is in R2, R4 and inviter 1 in R1, R2 of them, so both
    // pairs (0, 3) and (1, 3) score 1 + 2 = 3. Then 2 and 4 both cover 2 sets: 2 (smaller id)
    // first: 0 ∈ R0, so (0, 2) scores 2; then 4: 1 ∈ R3, R6, so (1, 4) scores 3.
    @Test func handComputedScoresOnFixedSets() throws {
        let graph = try SevenNodes.graph()
        let scores = try HeteroIM.scores(graph: graph, sets: SevenNodes.fixedSets(), inviters: [0, 1])
        func score(_ u: Int, _ v: Int) -> Double { scores.score[graph.arcs(from: u).first { Int(graph.outTargets[$0]) == v }!] }
        #expect(score(0, 3) == 3 && score(1, 3) == 3 && score(0, 2) == 2 && score(1, 4) == 3)
        #expect(scores.order[3] == 0 && scores.order[2] == 1 && scores.order[4] == 2)
        #expect(scores.order[5] == Int.max && scores.order[0] == Int.max, "only candidates are picked")
        #expect(scores.coverage == 8 && scores.coveringPicks == 3)
    }

    @Test func listsTieToTheEarlierPickAndCapacityCapsReuse() throws {
        let graph = try SevenNodes.graph()
        let scores = try HeteroIM.scores(graph: graph, sets: SevenNodes.fixedSets(), inviters: [0, 1])
        let lists = PairRanking.rank(graph, inviters: [0, 1], k: 2, capacity: nil, score: scores.score, tieKey: scores.order)
        // Inviter 1: 3 and 4 both score 3; 3 was picked first.
        #expect(lists.labels(graph) == [["3", "2"], ["3", "4"]])
        #expect(lists.scores == [[3, 2], [3, 3]])
        let one = PairRanking.rank(graph, inviters: [0, 1], k: 1, capacity: nil, score: scores.score, tieKey: scores.order)
        #expect(one.labels(graph) == [["3"], ["3"]])
        // Capacity 1: (0, 3) comes first (same score and pick as (1, 3), earlier inviter), so 1 gets 4.
        let capped = PairRanking.rank(graph, inviters: [0, 1], k: 1, capacity: 1, score: scores.score, tieKey: scores.order)
        #expect(capped.labels(graph) == [["3"], ["4"]])
        let cappedTwo = PairRanking.rank(graph, inviters: [0, 1], k: 2, capacity: 1, score: scores.score, tieKey: scores.order)
        #expect(cappedTwo.labels(graph) == [["3", "2"], ["4"]])
    }

    @Test func zeroCoverageCandidatesComeLastByIdAndScoreOne() throws {
        let graph = try SevenNodes.graph()
        var pool = RRSetCollection(nodeCount: 7)
        pool.append(set: [4, 1])   // only 4 is covered
        let scores = try HeteroIM.scores(graph: graph, sets: HeteroIMSets(pool: pool, setsPerNode: 1, seed: 0), inviters: [0, 1])
        #expect(scores.order[4] == 0 && scores.order[2] == 1 && scores.order[3] == 2)
        let lists = PairRanking.rank(graph, inviters: [0, 1], k: 2, capacity: nil, score: scores.score, tieKey: scores.order)
        #expect(lists.labels(graph) == [["2", "3"], ["4", "3"]] && lists.scores == [[1, 1], [2, 1]])
    }

    /// Each RR set holds the nodes that reach its root over arcs live with probability P·U:
    /// on 0 → 1 → 2 with P·U = 0.6 and 0.5, node 0 is in a set rooted at 2 with probability 0.3.
    /// 400,000 sets per node put the estimate within 0.0029 (4 standard errors, under 1%).
    @Test func setsContainTheTailsWithTheLiveArcProbability() throws {
        let graph = try InviteGraph(arcs: [.init(inviter: "a", invitee: "b", invite: 0.75), .init(inviter: "b", invitee: "c", invite: 0.5)],
                                    acceptance: ["b": 0.8])
        let r = 400_000
        let sets = try HeteroIMSets(graph: graph, setsPerNode: r, seed: 11, threads: 2)
        #expect(sets.pool.count == 3 * r)
        var both = 0, one = 0
        for rep in 0..<r {
            let members = Set(sets.pool.members(of: rep * 3 + 2))
            #expect(members.contains(2))
            if members.contains(1) { one += 1 }
            if members.contains(0) { both += 1 }
        }
        #expect(abs(Double(one) / Double(r) - 0.5) < 0.0032)
        #expect(abs(Double(both) / Double(r) - 0.3) < 0.0029)
    }

    @Test func samplingIsTheSameForAnyThreadCountAndNested() throws {
        let graph = try SevenNodes.graph()
        let one = try HeteroIMSets(graph: graph, setsPerNode: 300, seed: 5, threads: 1)
        let three = try HeteroIMSets(graph: graph, setsPerNode: 300, seed: 5, threads: 3)
        #expect(one.pool.members == three.pool.members && one.pool.offsets == three.pool.offsets)
        let half = try HeteroIMSets(graph: graph, setsPerNode: 150, seed: 5, threads: 2)
        #expect(Array(one.pool.offsets.prefix(half.pool.offsets.count)) == half.pool.offsets)
        #expect(Array(one.pool.members.prefix(half.pool.memberCount)) == half.pool.members)
        let other = try HeteroIMSets(graph: graph, setsPerNode: 300, seed: 6, threads: 1)
        #expect(other.pool.members != one.pool.members)
    }
}
