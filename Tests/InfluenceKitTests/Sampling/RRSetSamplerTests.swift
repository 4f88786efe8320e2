import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Reproducibility and the stored/streamed agreement of `RRSetSampler`.
@Suite struct RRSetSamplerTests {
    static func graph() throws -> InfluenceGraph { try randomGraph(nodes: 60, arcs: 240, seed: 11) }

    @Test(arguments: [(DiffusionModelKind.ic, 1), (.ic, 8), (.lt, 1), (.lt, 8)])
    func samePoolForAnyThreadCount(_ model: DiffusionModelKind, _ lanes: Int) throws {
        let sampler = try RRSetSampler(model: bind(try Self.graph(), model), method: .subset, costs: .measured, lanes: lanes)
        let one = sampler.sample(3000, seed: 5, poolID: 1, workers: 1)
        for workers in [2, 4] {
            let other = sampler.sample(3000, seed: 5, poolID: 1, workers: workers)
            #expect(other.members == one.members)
            #expect(other.offsets == one.offsets)
        }
        #expect(one.count == RRSetSampler.roundedToTasks(3000))
    }

    @Test(arguments: [1, 3, 8])
    func growingInStepsEqualsDrawingAtOnce(_ lanes: Int) throws {
        let sampler = try RRSetSampler(model: bind(try Self.graph(), .ic), method: .subset, costs: .measured, lanes: lanes)
        var pool = RRSetCollection(nodeCount: sampler.graph.nodeCount)
        try sampler.extend(&pool, to: 100, seed: 9, poolID: 2, workers: 2)
        try sampler.extend(&pool, to: 700, seed: 9, poolID: 2, workers: 3)
        try sampler.extend(&pool, to: 2048, seed: 9, poolID: 2, workers: 1)
        let once = sampler.sample(2048, seed: 9, poolID: 2, workers: 2)
        #expect(pool.members == once.members)
        #expect(pool.offsets == once.offsets)
        // A pool grown by something else, or drawn on another graph, is refused.
        var odd = RRSetCollection(nodeCount: sampler.graph.nodeCount)
        odd.append(set: [0])
        let e = try #require(throws: InfluenceError.self) { try sampler.extend(&odd, to: 512, seed: 9, poolID: 2, workers: 1) }
        #expect(e.parameter == "pool")
        var other = RRSetCollection(nodeCount: 3)
        #expect(throws: InfluenceError.self) { try sampler.extend(&other, to: 512, seed: 9, poolID: 2, workers: 1) }
    }

    @Test func poolsAndSeedsAreIndependentStreams() throws {
        let sampler = try RRSetSampler(model: bind(try Self.graph(), .ic))
        let a = sampler.sample(512, seed: 1, poolID: 1, workers: 1)
        let b = sampler.sample(512, seed: 1, poolID: 2, workers: 1)
        let c = sampler.sample(512, seed: 2, poolID: 1, workers: 1)
        #expect(a.members != b.members)
        #expect(a.members != c.members)
    }

    @Test func setsAreDistinctNodesRootFirst() throws {
        for (model, lanes) in [(DiffusionModelKind.ic, 1), (.ic, 8), (.lt, 1), (.lt, 8)] {
            let sampler = try RRSetSampler(model: bind(try Self.graph(), model), method: .subset, costs: .measured, lanes: lanes)
            let pool = sampler.sample(1024, seed: 3, poolID: 1, workers: 2)
            for j in 0..<pool.count {
                let members = Array(pool.members(of: j))
                #expect(!members.isEmpty)
                #expect(Set(members).count == members.count)
                #expect(members.allSatisfy { Int($0) < pool.nodeCount })
            }
        }
    }

    /// An arc u → v can only put u in a set after v: every non-root member has an out-arc to an
    /// earlier member (the reverse BFS or walk never jumps).
    @Test func membersAreReverseReachable() throws {
        let graph = try Self.graph()
        for (model, lanes) in [(DiffusionModelKind.ic, 1), (.ic, 8), (.lt, 1), (.lt, 8)] {
            let sampler = try RRSetSampler(model: bind(graph, model), method: .subset, costs: .measured, lanes: lanes)
            let pool = sampler.sample(512, seed: 4, poolID: 1, workers: 1)
            for j in 0..<pool.count {
                let members = Array(pool.members(of: j))
                for (i, u) in members.enumerated().dropFirst() {
                    let heads = graph.outTargets[graph.outOffsets[Int(u)]..<graph.outOffsets[Int(u) + 1]]
                    #expect(heads.contains { members[..<i].contains($0) })
                }
                if model == .lt {
                    // A walk: each member is an in-neighbour of the one before it.
                    for i in 1..<members.count {
                        let heads = graph.outTargets[graph.outOffsets[Int(members[i])]..<graph.outOffsets[Int(members[i]) + 1]]
                        #expect(heads.contains(members[i - 1]))
                    }
                }
            }
        }
    }

    /// Streaming coverage with early stops estimates the same coverage fraction as a stored pool
    /// (a stop changes where the next set's draws start, so the sets differ; the distribution
    /// does not), and it is reproducible for any thread count.
    @Test(arguments: [(DiffusionModelKind.ic, 1), (.ic, 8), (.lt, 1), (.lt, 8)])
    func streamedCoverageAgreesWithStoredCoverage(_ model: DiffusionModelKind, _ lanes: Int) throws {
        let sampler = try RRSetSampler(model: bind(try Self.graph(), model), method: .subset, costs: .measured, lanes: lanes)
        let seeds = [3, 17, 42]
        let sets = 60_000
        let stored = sampler.sample(sets, seed: 8, poolID: 1, workers: 2)
        let streamed = sampler.countCovered(by: seeds, sets: sets, seed: 8, poolID: RRPool.evaluation, workers: 3)
        let again = sampler.countCovered(by: seeds, sets: sets, seed: 8, poolID: RRPool.evaluation, workers: 1)
        #expect(streamed == again)
        #expect(streamed.sets == stored.count)
        let a = Double(stored.coverage(of: seeds)) / Double(stored.count)
        let b = Double(streamed.covered) / Double(streamed.sets)
        let standardError = ((a * (1 - a) + b * (1 - b)) / Double(stored.count)).squareRoot()
        #expect(abs(a - b) <= 4.5 * standardError, "stored \(a), streamed \(b)")
    }

    @Test func graphWithoutArcs() throws {
        let graph = try tinyGraph(4, [])
        for (model, lanes) in [(DiffusionModelKind.ic, 1), (.ic, 8), (.lt, 1), (.lt, 8)] {
            let sampler = try RRSetSampler(model: bind(graph, model), method: .subset, costs: .measured, lanes: lanes)
            let pool = sampler.sample(256, seed: 1, poolID: 1, workers: 2)
            #expect(pool.memberCount == pool.count)
        }
    }

    @Test func pilotMeanSize() throws {
        // A path 0 → 1 → 2 with p = 1: RR sets are {0}, {1, 0}, {2, 1, 0}, mean size 2.
        let graph = try tinyGraph(3, [(0, 1, 1), (1, 2, 1)])
        let mean = try RRSetSampler(model: bind(graph, .ic)).pilotMeanSetSize(sets: 3000, seed: 1)
        #expect(abs(mean - 2) < 0.1)
    }
}
