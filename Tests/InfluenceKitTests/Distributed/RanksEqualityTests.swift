import Foundation
import Testing
@testable import InfluenceKit

/// Runs spread over R in-process ranks (`LoopbackCommunicator`) give the single-process answers:
/// seeds, coverages, bounds, RR-set counts, spread intervals, Monte Carlo tallies bit for bit.
/// (The same code under Open MPI is checked by `MPIEqualityTests`.)
@Suite struct RanksEqualityTests {
    static let graph: InfluenceGraph = {
        try! GraphLoader.load(TestPaths.fixture("../../Graphs/demo.txt")).graph
    }()

    /// What must not depend on the rank count: the record without timings, memory and the
    /// distributed section.
    static func comparable(_ report: SeedsRecord) -> SeedsRecord {
        var r = report
        r.timings = .init(loadSeconds: 0, phases: r.timings.phases.map { PhaseTiming(name: $0.name, seconds: 0, rrSets: $0.rrSets) },
                          totalSeconds: 0)
        r.memory = .init(peakResidentBytes: 0, limitBytes: r.memory.limitBytes, peakRRSetBytes: 0)
        r.rounds = r.rounds?.map { var round = $0; round.seconds = 0; return round }
        r.distributed = nil
        return r
    }

    static let requests: [SeedsRequest] = [
        .init(k: 8, algorithm: .opimC, model: .ic, epsilon: 0.2, seed: 5, threads: 2),
        .init(k: 8, algorithm: .imm, model: .ic, epsilon: 0.4, seed: 5, threads: 1),
        .init(k: 6, algorithm: .opimC, model: .lt, epsilon: 0.2, precision: nil, seed: 3, threads: 2),
        .init(k: 6, algorithm: .imm, model: .lt, epsilon: 0.4, seed: 3, threads: 2),
    ]

    @Test(arguments: 0..<requests.count, [2, 3])
    func seedSearchOnRanksIsTheSingleProcessRun(_ index: Int, _ ranks: Int) throws {
        let request = Self.requests[index]
        let graph = Self.graph
        let input = GraphInput(graph)
        let single = try request.run(on: input)
        let outcomes = LoopbackGroup(size: ranks).run { communicator in
            try request.run(on: input, context: RunContext(communicator: communicator))
        }
        for (rank, outcome) in outcomes.enumerated() {
            let report = try outcome.get()
            #expect(Self.comparable(report) == Self.comparable(single), "rank \(rank) of \(ranks), request \(index)")
            #expect(report.distributed?.ranks == ranks && report.distributed?.perRank.count == ranks)
        }
        // The pools really were shared: a rank held fewer RR-set bytes than one process.
        let peaks = try outcomes.map { try $0.get().memory.peakRRSetBytes ?? 0 }
        #expect(peaks.allSatisfy { $0 < single.memory.peakRRSetBytes ?? 0 })
    }

    @Test func poolSharesAreTheSingleProcessPoolTaskForTask() throws {
        let sampler = try RRSetSampler(model: IndependentCascade(graph: Self.graph, probabilities: .weightedCascade))
        var whole = RRSetCollection(nodeCount: Self.graph.nodeCount)
        try sampler.extend(&whole, to: 5 * 256, seed: 9, poolID: 1, workers: 2)
        try sampler.extend(&whole, to: 11 * 256, seed: 9, poolID: 1, workers: 2)
        let ranks = 3
        var shares = [RRSetCollection]()
        for rank in 0..<ranks {
            var pool = RRSetCollection(nodeCount: Self.graph.nodeCount)
            let share = TaskShare(rank: rank, size: ranks)
            try sampler.extend(&pool, to: 5 * 256, seed: 9, poolID: 1, workers: 1, share: share)
            try sampler.extend(&pool, to: 11 * 256, seed: 9, poolID: 1, workers: 2, share: share)
            #expect(pool.globalCount == whole.count)
            #expect(pool.count == share.localSets(of: whole.count))
            shares.append(pool)
        }
        // Set j of task t of the whole pool is set j of rank t mod R's share, in task order.
        var next = [Int](repeating: 0, count: ranks)
        for task in 0..<11 {
            let rank = task % ranks
            for j in 0..<256 {
                #expect(Array(shares[rank].members(of: next[rank])) == Array(whole.members(of: task * 256 + j)))
                next[rank] += 1
            }
        }
    }

    @Test(arguments: [DiffusionModelKind.ic, .lt], [2, 4])
    func monteCarloOnRanksIsBitIdentical(_ kind: DiffusionModelKind, _ ranks: Int) throws {
        let model = try kind.bind(to: Self.graph)
        let simulator = try MonteCarloSimulator(model: model, configuration: .init(runs: 3_000, seed: 8, threads: 2))
        var single = MonteCarloTally()
        // 3,000 runs: 47 blocks, the last one short, from a range that does not start at 0.
        try simulator.simulate(seeds: [0, 5, 9], runs: 100..<3_100, countNodes: true, into: &single)
        let adaptive = try simulator.simulate(seeds: [0, 5, 9], untilRelativeError: 0.01, maxRuns: 50_000)
        let outcomes = LoopbackGroup(size: ranks).run { communicator in
            var tally = MonteCarloTally()
            try simulator.simulate(seeds: [0, 5, 9], runs: 100..<3_100, countNodes: true, into: &tally, communicator: communicator)
            let adaptive = try simulator.simulate(seeds: [0, 5, 9], untilRelativeError: 0.01, maxRuns: 50_000,
                                                  communicator: communicator)
            return (tally, adaptive)
        }
        for outcome in outcomes {
            let (tally, adaptiveTally) = try outcome.get()
            #expect(tally == single)
            #expect(adaptiveTally == adaptive)
        }
    }

    @Test func aFailureOnOneRankIsThrownOnEveryRankAndReportedByIt() throws {
        let outcomes = LoopbackGroup(size: 3).run { communicator in
            let error = communicator.rank == 1 ? InfluenceError(.resource, parameter: "memoryLimit", "too big") : nil
            try communicator.agree(error)
            return communicator.rank
        }
        for (rank, outcome) in outcomes.enumerated() {
            #expect(throws: InfluenceError.self) { try outcome.get() }
            if case .failure(let error as InfluenceError) = outcome {
                #expect(error.kind == .resource)
                #expect((error.parameter == "memoryLimit") == (rank == 1), "rank \(rank): \(error)")
            }
        }
        // Nothing wrong anywhere: nobody throws.
        let fine = LoopbackGroup(size: 3).run { communicator in try communicator.agree(nil); return communicator.rank }
        #expect(try fine.map { try $0.get() } == [0, 1, 2])
    }

    @Test func aMemoryLimitOnlyOneRankExceedsStopsEveryRank() throws {
        let graph = Self.graph
        let outcomes = LoopbackGroup(size: 2).run { communicator in
            // Rank 1's limit holds the graph's scratch but not its share of the RR sets.
            let limit = communicator.rank == 1 ? 2_000_000 : SystemMemory.defaultLimitBytes
            let request = SeedsRequest(k: 10, epsilon: 0.05, seed: 1, threads: 1, memoryLimitBytes: limit)
            return try request.run(on: GraphInput(graph), context: RunContext(communicator: communicator)).seeds.count
        }
        for (rank, outcome) in outcomes.enumerated() {
            guard case .failure(let error as InfluenceError) = outcome else {
                Issue.record("rank \(rank) did not stop")
                continue
            }
            #expect(error.kind == .resource)
            #expect((error.parameter == "memoryLimit") == (rank == 1), "rank \(rank): \(error)")
        }
    }
}
