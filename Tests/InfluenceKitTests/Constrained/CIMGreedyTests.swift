import Testing
@_spi(Kernels) @testable import InfluenceKit

@Suite("CIM: Monte Carlo greedy and baselines")
struct CIMGreedyTests {
    @Test func monteCarloRoundRobinOnSixNodes() throws {
        let p = try sixNodeProblem()
        var gains = try MonteCarloGains(model: p.subgraphModel, configuration: .init(runs: 20_000, seed: 3, threads: 2))
        let picks = try ConstrainedGreedy.roundRobin(p, oracle: &gains)
        #expect(picks.map { p.subgraph.label(of: $0.node) } == ["3", "4"])
        // 20,000 runs: standard errors below 0.01.
        #expect(abs(picks[0].gain - 2.230453) < 0.04 && abs(picks[1].gain - 0.831276) < 0.04)
        var mg = try MonteCarloGains(model: p.subgraphModel, configuration: .init(runs: 20_000, seed: 3, threads: 2))
        let mgPicks = try ConstrainedGreedy.marginalGain(p, oracle: &mg)
        #expect(Set(mgPicks.map { p.subgraph.label(of: $0.node) }) == ["3", "4"])
    }

    /// Monte Carlo greedy on 8 brute-forced instances: within ½ of OPT (with 2% slack for 4,000 runs).
    @Test func monteCarloGreedyWithinHalf() throws {
        for seed in UInt64(1)...8 {
            let p = try randomInstance(seed: seed)
            let optimum = try bruteForceAssignment(p).value
            for algorithm in [CapacityAlgorithm.rrGreedy, .mgGreedy] {
                var gains = try MonteCarloGains(model: p.subgraphModel, configuration: .init(runs: 4_000, seed: seed, threads: 1))
                let picks = algorithm == .rrGreedy ? try ConstrainedGreedy.roundRobin(p, oracle: &gains)
                                                   : try ConstrainedGreedy.marginalGain(p, oracle: &gains)
                let value = try exactOnP(p, picks.map(\.node))
                #expect(value >= 0.49 * optimum, "\(algorithm.rawValue), seed \(seed)")
            }
        }
    }

    /// Lazy round robin picks exactly what the eager scan picks: Monte Carlo on common random
    /// numbers is submodular, and coverage too.
    @Test func lazyRoundRobinEqualsEager() throws {
        for seed in UInt64(1)...8 {
            let p = try randomInstance(seed: seed)
            var eager = try MonteCarloGains(model: p.subgraphModel, configuration: .init(runs: 500, seed: seed, threads: 1))
            var lazy = try MonteCarloGains(model: p.subgraphModel, configuration: .init(runs: 500, seed: seed, threads: 1))
            let a = try ConstrainedGreedy.roundRobin(p, oracle: &eager)
            let b = try ConstrainedGreedy.roundRobin(p, oracle: &lazy, lazy: true)
            #expect(a == b, "seed \(seed)")
            #expect(lazy.evaluations <= eager.evaluations)
        }
    }

    @Test func costEstimateAndRefusal() throws {
        let p = try sixNodeProblem()
        let cost = try MonteCarloGains.estimateCost(p, algorithm: .rrGreedy, configuration: .init(runs: 1000, seed: 1, threads: 1))
        #expect(cost.evaluations == Double(p.k * p.candidates.count) && cost.seconds > 0)
        var run = try CapacityConstrainedIM(model: p.model, activeParticipants: p.activeParticipants,
                                            configuration: .init(k: 1, algorithm: .mgGreedy, threads: 1, monteCarloBudgetSeconds: 1e-12))
        do {
            try run.run()
            Issue.record("a run above its budget was not refused")
        } catch {
            #expect(error.kind == .resource && error.parameter == "monteCarloBudget")
        }
    }

    @Test func baselinesAreFeasibleAndRefillTakenNodes() throws {
        // AP 0 and AP 1 share their best-degree candidate 3: AP 1 refills with 4.
        let p = try sixNodeProblem()
        let degree = try CapacityBaseline.degree.assignment(p, seed: 1)
        #expect(degree.map { p.subgraph.label(of: $0.node) } == ["3", "4"])
        for seed in UInt64(1)...10 {
            let q = try randomInstance(seed: seed)
            for kind in [CapacityBaseline.degree, .random] {
                let picks = try kind.assignment(q, seed: seed)
                #expect(Set(picks.map(\.node)).count == picks.count)
                var perAP = [Int](repeating: 0, count: q.participantCount)
                for pick in picks { perAP[pick.participant] += 1; #expect(q.candidates(of: pick.participant).contains(pick.node)) }
                for i in 0..<q.participantCount {
                    let free = Set(q.candidates(of: i)).count
                    #expect(perAP[i] <= q.k && (perAP[i] == q.k || perAP[i] <= free))
                }
            }
        }
        #expect(throws: InfluenceError.self) { try CapacityBaseline.pagerank.assignment(p, seed: 1) }
    }

    @Test func facadeReportsAssignmentAndBaselines() throws {
        let p = try sixNodeProblem()
        var run = try CapacityConstrainedIM(model: p.model, activeParticipants: [0, 1],
                                            configuration: .init(k: 1, threads: 1, baselines: [.degree, .random]))
        let report = try run.run()
        #expect(run.assignment.map(\.ap) == [0, 1])
        #expect(run.assignment.map(\.seeds) == [[3], [4]])
        #expect(report.assignment.map(\.ap) == ["0", "1"])
        #expect(report.baselines?.map(\.name) == ["degree", "random"])
        #expect(report.spread.low <= 3.061728 && 3.061728 <= report.spread.high)
    }
}
