import Testing
@_spi(Kernels) @testable import InfluenceKit

@Suite("Closed: PSNA and the baselines against the exact optimum")
struct ClosedOracleTests {
    /// Over 24 seeded random instances of at most 12 arcs (k = 1 and 2), against the exact
    /// live-edge values of every maximal k-subnetwork (enumerated: an optimum is maximal):
    /// - the Monte Carlo objective of PSNA's k-subnetwork (10,000 worlds) agrees with its exact
    ///   value within 4 standard errors (≈ 1% of it), and so does the union spread;
    /// - the k-subnetwork `ClosedNetworkIM` returns (PSNA, or a baseline that scored higher on
    ///   the same worlds) is exactly at least every baseline's, less 0.5% of OPT, and at least
    ///   `Self.optimumShare` (0.97) of OPT. Measured: these reject 62 of the 126 maximal
    ///   k-subnetworks enumerated (a uniformly random one reaches 0.953 of OPT on average, which
    ///   the old `mean ≥ 0.95` accepted); the returned one meets them on every instance (it is
    ///   OPT on all 24, and PSNA's own k-subnetwork is returned on all 24; before PSNA's
    ///   refinement step: mean 0.998 of OPT, least 0.974, PSNA's own on 23).
    @Test func psnaAgainstTheBruteForceOptimum() throws {
        var rng = Xoshiro256StarStar(seed: 20221102)
        var enumerated = 0, rejected = 0, psnaOwn = 0, ratios: [Double] = []
        for instance in 0..<24 {
            let k = 1 + instance % 2
            let n = 5 + instance % 3
            let problem = try randomClosedInstance(&rng, n: n, m: 9 + instance % 4, seeds: 1 + instance % 2, k: k)
            let all = try maximalSubnetworkValues(problem)
            let opt = all.max()!
            let psna = try PSNA(epsilon: 1e-4, estimationRuns: 2_000, seed: UInt64(instance), threads: 2).run(problem)
            let exact = try exactObjective(problem, psna.subnetwork.arcs)
            let mc = try SubnetworkEvaluator(problem, subnetwork: psna.subnetwork)
                .evaluate(seeds: problem.seeds, runs: 10_000, seed: 99, threads: 2)
            #expect(abs(mc.objective.mean - exact.objective) <= 4 * mc.objective.standardError + 1e-9,
                    "instance \(instance): MC \(mc.objective.mean) ± \(mc.objective.standardError) vs exact \(exact.objective)")
            let union = try #require(mc.union)
            #expect(abs(union.mean - exact.union) <= 4 * union.standardError + 1e-9)
            #expect(psna.subnetwork.arcs.allSatisfy { problem.isValid(arc: $0) })
            let bestBaseline = try ClosedBaseline.allCases.map { try exactObjective(problem, $0.subnetwork(problem, seed: 5).arcs).objective }.max()!
            let model = try IndependentCascade(graph: problem.graph, probabilities: .file)
            var closed = try ClosedNetworkIM(model: model, seeds: problem.seeds,
                                             configuration: .init(k: k, evaluationRuns: 10_000, seed: 5, threads: 2))
            let report = try closed.run()
            let returned = try exactObjective(problem, try #require(closed.subnetwork).arcs).objective
            if report.winner == "psna" { psnaOwn += 1 }
            let floor = max(bestBaseline - 0.005 * opt, Self.optimumShare * opt)
            enumerated += all.count
            rejected += all.filter { $0 < floor }.count
            ratios.append(returned / opt)
            #expect(returned >= floor, "instance \(instance): returned \(returned) (\(report.winner)), PSNA \(exact.objective), best baseline \(bestBaseline), OPT \(opt)")
        }
        print("closed: returned / OPT over 24 tiny instances: mean \(ratios.reduce(0, +) / 24), min \(ratios.min()!); PSNA's own returned on \(psnaOwn); the assertion rejects \(rejected) of \(enumerated) maximal k-subnetworks")
    }
    static let optimumShare = 0.97

    /// PSNA's own k-subnetwork, before any keep-best step, on the same 24 instances: exactly
    /// optimal (OPT less 1e-9 of it), hence at least every baseline's. Measured: PSNA's own
    /// reaches OPT on all 24 (the refinement step raised it on 3; steps 1–4 alone fall below the
    /// old floor, max(best baseline − 0.5% of OPT, 0.97 OPT), on 1); the assertion rejects
    /// 68 of the 126 maximal k-subnetworks enumerated (the old floor rejected 62).
    @Test func psnaOwnAnswerAgainstTheBaselinesAndTheOptimum() throws {
        var rng = Xoshiro256StarStar(seed: 20221102)
        var enumerated = 0, rejected = 0, improved = 0, belowWithout = 0, ratios: [Double] = []
        for instance in 0..<24 {
            let k = 1 + instance % 2
            let problem = try randomClosedInstance(&rng, n: 5 + instance % 3, m: 9 + instance % 4, seeds: 1 + instance % 2, k: k)
            let all = try maximalSubnetworkValues(problem)
            let opt = all.max()!
            let method = PSNA(epsilon: 1e-4, estimationRuns: 2_000, seed: UInt64(instance), threads: 2)
            var construction = method
            construction.refinementRounds = 0
            let own = try exactObjective(problem, try method.run(problem).subnetwork.arcs).objective
            let without = try exactObjective(problem, try construction.run(problem).subnetwork.arcs).objective
            let bestBaseline = try ClosedBaseline.allCases.map { try exactObjective(problem, $0.subnetwork(problem, seed: 5).arcs).objective }.max()!
            let floor = max(bestBaseline - 0.005 * opt, Self.optimumShare * opt)
            enumerated += all.count
            rejected += all.filter { $0 < opt * (1 - 1e-9) }.count
            if own > without + 1e-12 { improved += 1 }
            if without < floor { belowWithout += 1 }
            ratios.append(own / opt)
            #expect(own >= opt * (1 - 1e-9) && own >= bestBaseline - 1e-12, "instance \(instance): PSNA \(own) (steps 1–4: \(without)), best baseline \(bestBaseline), OPT \(opt)")
        }
        print("closed: PSNA's own / OPT over 24 tiny instances: mean \(ratios.reduce(0, +) / 24), min \(ratios.min()!); refinement raised \(improved); steps 1–4 alone below the floor on \(belowWithout); the assertion rejects \(rejected) of \(enumerated) maximal k-subnetworks")
    }

    /// The edge-insertion greedy (Monte Carlo gains on 2,000 common worlds) against the exact
    /// values of every maximal k-subnetwork of 6 instances: at least 0.97 of OPT on each.
    /// Measured: this rejects 12 of the 33 maximal k-subnetworks enumerated; the greedy reaches
    /// OPT on 4 of the 6 and at least 0.987 of it on the others.
    @Test func greedyCloseToTheOptimum() throws {
        var rng = Xoshiro256StarStar(seed: 4)
        var enumerated = 0, rejected = 0, ratios: [Double] = []
        for instance in 0..<6 {
            let problem = try randomClosedInstance(&rng, n: 6, m: 10, seeds: 1 + instance % 2, k: 1 + instance % 2)
            let all = try maximalSubnetworkValues(problem)
            let opt = all.max()!
            let greedy = try EdgeInsertionGreedy(epsilon: 1e-4, runs: 2_000, seed: 1, threads: 2).run(problem)
            let value = try exactObjective(problem, greedy.subnetwork.arcs).objective
            enumerated += all.count
            rejected += all.filter { $0 < 0.97 * opt }.count
            ratios.append(value / opt)
            #expect(value >= 0.97 * opt, "instance \(instance): greedy \(value), OPT \(opt)")
        }
        print("closed greedy / OPT: \(ratios); the assertion rejects \(rejected) of \(enumerated) maximal k-subnetworks")
    }

    @Test func evaluationIsTheSameForAnyThreadCount() throws {
        var rng = Xoshiro256StarStar(seed: 11)
        let problem = try randomClosedInstance(&rng, n: 30, m: 120, seeds: 3, k: 3)
        let s = ClosedBaseline.degree.subnetwork(problem, seed: 1)
        var results: [SubnetworkEvaluator.Evaluation] = []
        for threads in [1, 2, 3] {
            var e = try SubnetworkEvaluator(problem, subnetwork: s).evaluate(seeds: problem.seeds, runs: 1_000, seed: 8, threads: threads)
            e.seconds = 0
            results.append(e)
        }
        #expect(results[0] == results[1] && results[1] == results[2])
    }

    @Test func baselinesFillEveryUsersSlotsWithValidArcs() throws {
        var rng = Xoshiro256StarStar(seed: 12)
        let problem = try randomClosedInstance(&rng, n: 20, m: 90, seeds: 3, k: 2)
        for b in ClosedBaseline.allCases {
            let s = b.subnetwork(problem, seed: 3)
            #expect(s.arcs.allSatisfy { problem.isValid(arc: $0) })
            for u in 0..<20 { #expect(s.friends(of: u, in: problem.graph).count == problem.capacity[u]) }
        }
        // degree: the friends of largest out-degree; random: reproducible from the seed.
        #expect(ClosedBaseline.random.subnetwork(problem, seed: 3) == ClosedBaseline.random.subnetwork(problem, seed: 3))
        #expect(ClosedBaseline.random.subnetwork(problem, seed: 3) != ClosedBaseline.random.subnetwork(problem, seed: 4))
        let degree = ClosedBaseline.degree.subnetwork(problem, seed: 0)
        let g = problem.graph
        for u in 0..<20 {
            let kept = degree.friends(of: u, in: g).map { g.outDegree($0) }.min() ?? .max
            let dropped = (g.outOffsets[u]..<g.outOffsets[u + 1]).filter { problem.isValid(arc: $0) && !degree.arcs.contains($0) }
                .map { g.outDegree(problem.head(of: $0)) }.max() ?? -1
            #expect(dropped <= kept)
        }
    }

    @Test func undirectedTrivalencyGivesBothArcsOfAnEdgeOneProbability() throws {
        let loaded = try loadedFrom("0 1\n1 2\n2 3\n3 0\n0 2\n", undirected: true)
        let model = try IndependentCascade(graph: loaded.graph, probabilities: .trivalency(seed: 5))
        let problem = try ClosedNetworkProblem(model: model, seeds: [0], k: 2)
        #expect(problem.symmetrized)
        for a in 0..<problem.graph.arcCount {
            #expect(problem.probabilities[a] == problem.probabilities[arcId(problem, problem.head(of: a), problem.tail(of: a))])
        }
    }

    @Test func theLibraryFacadeRunsPSNAAndScoresTheBaselinesOnTheSameWorlds() throws {
        var rng = Xoshiro256StarStar(seed: 13)
        let problem = try randomClosedInstance(&rng, n: 40, m: 200, seeds: 3, k: 2)
        let model = try IndependentCascade(graph: problem.graph, probabilities: .file)
        var closed = try ClosedNetworkIM(model: model, seeds: problem.seeds, configuration: .init(k: 2, evaluationRuns: 2_000, threads: 2))
        let report = try closed.run()
        #expect(report.baselines.map(\.name) == ["degree", "fof", "random"])
        #expect(report.perSeed.count == 3 && report.iterations?.isEmpty == false)
        let total = report.perSeed.reduce(0) { $0 + $1.spread.estimate }
        #expect(abs(total - report.result.objective.estimate) < 1e-9)
        #expect(report.result.union.estimate <= report.result.objective.estimate + 1e-9)
        let lines = closed.arcLines().split(separator: "\n")
        #expect(lines.count == closed.subnetwork?.arcCount)
        #expect(report.result.subnetwork.maxFriends <= 2)
    }

    @Test func badArgumentsAreRefusedByName() throws {
        let graph = try InfluenceGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2], values: [0.5, 0.5])
        let model = try IndependentCascade(graph: graph, probabilities: .file)
        #expect(throws: InfluenceError.self) { try ClosedNetworkProblem(model: model, seeds: [0], k: 0) }
        #expect(throws: InfluenceError.self) { try ClosedNetworkProblem(model: model, seeds: [0, 0], k: 1) }
        #expect(throws: InfluenceError.self) { try ClosedNetworkProblem(model: model, seeds: [], k: 1) }
        #expect(throws: InfluenceError.self) { try ClosedNetworkIM(model: model, seeds: [0], configuration: .init(k: 1, epsilon: 1)) }
        let lt = try DiffusionModelKind.lt.bind(to: graph)
        do { _ = try ClosedNetworkProblem(model: lt, seeds: [0], k: 1); Issue.record("LT accepted") } catch { #expect(error.parameter == "model") }
    }
}
