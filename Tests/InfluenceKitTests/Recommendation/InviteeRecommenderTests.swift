import Dispatch
import Synchronization
import Testing
@testable import InfluenceKit

/// The pipeline API: load once, call from many threads, same answers for any thread count;
/// the automatic choice of r; the README example as written.
@Suite struct InviteeRecommenderTests {
    /// A random instance: 400 nodes, inviters 0..<40 with 12 candidates each, spread arcs among the rest.
    static func randomGraph(seed: UInt64) throws -> InviteGraph {
        var rng = Xoshiro256StarStar(seed: seed)
        var arcs: [InviteGraph.Arc] = [], seen = Set<[Int]>()
        func add(_ a: Int, _ b: Int) {
            guard a != b, seen.insert([a, b]).inserted else { return }
            arcs.append(.init(inviter: String(a), invitee: String(b), invite: Double(rng.nextBelow(1000)) / 1000))
        }
        for i in 0..<40 { for _ in 0..<12 { add(i, 40 + Int(rng.nextBelow(360))) } }
        for _ in 0..<1200 { add(40 + Int(rng.nextBelow(360)), 40 + Int(rng.nextBelow(360))) }
        var acceptance: [String: Double] = [:]
        for v in 40..<400 { acceptance[String(v)] = 0.2 + Double(rng.nextBelow(800)) / 1000 }
        return try InviteGraph(arcs: arcs, acceptance: acceptance)
    }

    @Test func concurrentCallsAgreeWithSerialOnes() throws {
        let graph = try Self.randomGraph(seed: 1)
        let recommender = try InviteeRecommender(graph: graph, configuration: .init(setsPerNode: 8, seed: 2, threads: 2))
        let requests: [[String]] = (0..<8).map { r in (0..<40).filter { ($0 + r) % 3 != 0 }.map(String.init) }
        let methods: [RecommendationMethod] = [.algorithm(.heteroIM), .algorithm(.heteroIR), .tradeOff(0.5), .algorithm(.random)]
        var serial: [[InviteeList]] = []
        for (r, request) in requests.enumerated() { serial.append(try recommender.recommend(for: request, k: 3, method: methods[r % 4])) }
        let results = Mutex<[Int: [InviteeList]]>([:])
        DispatchQueue.concurrentPerform(iterations: requests.count) { r in
            let lists = try? recommender.recommend(for: requests[r], k: 3, method: methods[r % 4])
            results.withLock { $0[r] = lists }
        }
        let concurrent = results.withLock { $0 }
        for r in requests.indices { #expect(concurrent[r] == serial[r], "request \(r)") }
        #expect(serial[0].allSatisfy { $0.invitees.count == 3 })
    }

    @Test func sameSeedSameListsForAnyThreadCount() throws {
        let graph = try Self.randomGraph(seed: 3)
        let inviters = (0..<40).map(String.init)
        let one = try InviteeRecommender(graph: graph, configuration: .init(setsPerNode: 4, capacity: 2, seed: 5, threads: 1))
        let two = try InviteeRecommender(graph: graph, configuration: .init(setsPerNode: 4, capacity: 2, seed: 5, threads: 2))
        #expect(try one.recommend(for: inviters, k: 5) == two.recommend(for: inviters, k: 5))
        // The capacity holds: no invitee on more than 2 lists.
        var uses: [String: Int] = [:]
        for list in try one.recommend(for: inviters, k: 5) { for e in list.invitees { uses[e.invitee, default: 0] += 1 } }
        #expect(uses.values.max()! <= 2)
        let free = try InviteeRecommender(graph: graph, configuration: .init(setsPerNode: 4, seed: 5, threads: 1))
        var freeUses: [String: Int] = [:]
        for list in try free.recommend(for: inviters, k: 5) { for e in list.invitees { freeUses[e.invitee, default: 0] += 1 } }
        #expect(freeUses.values.max()! > 2, "the instance needs the cap for the check above to mean something")
    }

    @Test func automaticSetsPerNodeFollowsTheBudgetRule() throws {
        // r·n·s̄ ≤ 2^26: n = 115,684 and s̄ ≈ 20 give 16 (32 would need 74M).
        #expect(SetsPerNodeCalibration.choose(nodes: 115_684, meanSetSize: 20).setsPerNode == 16)
        #expect(SetsPerNodeCalibration.choose(nodes: 115_684, meanSetSize: 18.1).setsPerNode == 32)
        #expect(SetsPerNodeCalibration.choose(nodes: 115_684, meanSetSize: 36.2).setsPerNode == 16)
        #expect(SetsPerNodeCalibration.choose(nodes: 115_684, meanSetSize: 36.3).setsPerNode == 8)
        #expect(SetsPerNodeCalibration.choose(nodes: 1 << 26, meanSetSize: 3).setsPerNode == 1)
        let small = SetsPerNodeCalibration.choose(nodes: 7, meanSetSize: 1.5)
        #expect(small.setsPerNode == SetsPerNodeCalibration.maximum && small.capped)
        // The recommender applies it to the non-inviters (the roots) and the mean size of the sets
        // its r = 1 pilot drew there.
        let graph = try Self.randomGraph(seed: 7)
        let inviters = try (0..<40).map { try #require(graph.node(labelled: String($0))) }
        let roots = graph.nodeCount - 40
        let recommender = try InviteeRecommender(graph: graph, configuration: .init(seed: 3, threads: 2), inviters: inviters)
        let c = try #require(recommender.calibration)
        let pilot = try HeteroIMSets(graph: graph, inviters: inviters, setsPerNode: 1, seed: 3, threads: 1)
        #expect(pilot.roots == roots && pilot.pool.count == roots)
        #expect(c.pilotMeanSetSize == pilot.pool.meanSetSize)
        #expect(c == SetsPerNodeCalibration.choose(nodes: roots, meanSetSize: pilot.pool.meanSetSize))
        #expect(recommender.setsPerNode == c.setsPerNode && recommender.sets!.pool.count == c.setsPerNode * roots)
        // A request for the same inviters uses these sets; for others it draws its own from the same seed.
        let same = try recommender.recommend(forNodes: inviters, k: 3)
        let fresh = try InviteeRecommender(graph: graph, configuration: .init(setsPerNode: c.setsPerNode, seed: 3, threads: 1))
        #expect(try fresh.recommend(forNodes: inviters, k: 3) == same)
    }

    @Test func readmeExampleRuns() throws {
        let arcs = writeTemporary("arcs.tsv", SevenNodes.arcsFile), nodes = writeTemporary("nodes.tsv", SevenNodes.nodesFile)
        let truthPath = writeTemporary("truth.tsv", "inviter\tinvitee\n0\t2\n1\t4\n")
        defer { removeTemporary(arcs); removeTemporary(nodes); removeTemporary(truthPath) }
        // As in the README's "Invitee recommendation" library example:
        let graph = try InviteGraph.load(arcs: arcs, nodeValues: nodes)
        let recommender = try InviteeRecommender(graph: graph, configuration: .init(setsPerNode: 64, seed: 7, threads: 2))
        let lists = try recommender.recommend(for: ["0", "1"], k: 2)
        for list in lists { print(list.inviter, list.invitees.map { "\($0.invitee) \($0.score)" }) }
        let ir = try recommender.recommend(for: ["0", "1"], k: 2, method: .algorithm(.heteroIR))
        let truth = try TruthPairs.read(truthPath)
        let report = try recommender.evaluate(ir, truth: truth, maxK: 2)
        print(report.metrics!.recall, report.spread.map(\.mean))
        // Checks: HeteroIR's hand-computed lists; recall of 0: [3, 2] vs {2} and 1: [3, 4] vs {4}.
        #expect(ir.map { $0.invitees.map(\.invitee) } == [["3", "2"], ["3", "4"]])
        #expect(report.metrics!.recall == [0, 1])
        #expect(lists.count == 2 && lists.allSatisfy { $0.invitees.count == 2 })
        #expect(abs(report.spread[0].mean - 0.78) < 4 * report.spread[0].standardError)
    }
}
