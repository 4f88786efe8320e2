import Testing
@_spi(Kernels) @testable import InfluenceKit

/// OPIM-C's time budget, and the default spread measure (forward Monte Carlo when cheaper than
/// fresh RR sets) against the exact oracle.
@Suite struct StoppingRuleTests {
    /// A deadline already past ends the run after its first round: the seeds are that round's and
    /// the guarantee is the ratio it proved (not the target), and the rounds are the unbudgeted
    /// run's first one. Rejects a run that ignores the deadline (more than one round), one that
    /// reports the target instead of the ratio reached, and one that returns other seeds.
    @Test func aPastDeadlineEndsTheRunAfterItsFirstRound() throws {
        let sampler = try RRSetSampler(model: bind(try randomGraph(nodes: 200, arcs: 900, seed: 5), .ic))
        let configuration = OPIMC.Configuration(k: 5, epsilon: 0.2, seed: 1, workers: 2, precision: RISParameters.defaultPrecision)
        let free = try OPIMC(configuration).run(on: sampler)
        try #require(free.rounds.count > 1, "the unbudgeted run must take several rounds for the test to mean anything")
        #expect(!free.stoppedAtDeadline)
        var budgeted = configuration
        budgeted.deadline = .now
        let report = try OPIMC(budgeted).run(on: sampler)
        #expect(report.stoppedAtDeadline)
        #expect(report.rounds.count == 1)
        var first = report.rounds[0], reference = free.rounds[0]
        first.seconds = 0; reference.seconds = 0
        #expect(first == reference)
        let round = report.rounds[0]
        let expected = round.rrSetsR1 >= report.thetaMax ? max(round.ratio, report.selection.guarantee.target) : round.ratio
        #expect(report.selection.guarantee.approximation == expected)
        // The seeds are greedy's on the first round's R1 (the same pool the free run started with).
        let r1 = sampler.sample(round.rrSetsR1, seed: 1, poolID: RRPool.selection, workers: 1)
        #expect(report.selection.seeds == (try MaxCoverage.select(5, from: r1)).seeds)
    }

    /// Through the request: a budget far below one round stops at the first round and says so;
    /// an ample budget changes nothing (same seeds and rounds as no budget, and says it did not
    /// stop the run).
    @Test func requestTimeBudget() throws {
        let input = GraphInput(try randomGraph(nodes: 200, arcs: 900, seed: 5))
        let plain = try SeedsRequest(k: 5, epsilon: 0.2, seed: 3, threads: 2).run(on: input)
        #expect(plain.stoppedAtTimeBudget == nil)
        try #require((plain.rounds?.count ?? 0) > 1)
        let tight = try SeedsRequest(k: 5, epsilon: 0.2, seed: 3, threads: 2, timeBudgetSeconds: 1e-9).run(on: input)
        #expect(tight.stoppedAtTimeBudget == true)
        #expect(tight.rounds?.count == 1)
        #expect(tight.guarantee?.approximation == tight.rounds?.first?.ratio)
        let ample = try SeedsRequest(k: 5, epsilon: 0.2, seed: 3, threads: 2, timeBudgetSeconds: 3_600).run(on: input)
        #expect(ample.stoppedAtTimeBudget == false)
        #expect(ample.seeds == plain.seeds && ample.rounds?.count == plain.rounds?.count)
        // A budget is OPIM-C's only, and must be positive.
        for bad in [SeedsRequest(k: 2, timeBudgetSeconds: 0), SeedsRequest(k: 2, algorithm: .imm, timeBudgetSeconds: 1)] {
            let error = try #require(throws: InfluenceError.self) { try bad.run(on: input) }
            #expect(error.parameter == "timeBudgetSeconds")
        }
    }

    /// On the tiny oracle graphs forward cascades are cheaper than RR sets, so the record's spread
    /// is a Monte Carlo estimate: it must reach the default precision (standard error at most 1%
    /// of the estimate, plus the rounding of the last batch), lie within 4 standard errors of the
    /// exact σ(S) of the returned seeds, and not depend on the thread count. Over the battery the
    /// exact window is at most ±4% wide; it rejects an estimate of another seed set (the spreads
    /// of the other k-subsets differ by more than that on at least half of the cases, counted
    /// below) and one with a bias of 5% or more.
    @Test func forwardEvaluationMeetsTheExactSpread() throws {
        var separated = 0, cases = 0
        for tiny in TinyCase.battery where tiny.nodeCount >= 5 {
            let graph = try tiny.graph()
            let model = try bind(graph, .ic)
            let input = GraphInput(graph)
            let request = SeedsRequest(k: 2, probabilities: .file, seed: 7, threads: 2)
            let record = try request.run(on: input)
            var one = request
            one.threads = 1
            let again = try one.run(on: input)
            #expect(record.spread == again.spread, "\(tiny.name)")
            #expect(record.spread.method == .monteCarlo && record.rrSets.evaluation == 0, "\(tiny.name)")
            let exact = try ExactSpread.spread(of: record.seeds.map(\.node), under: model)
            let s = record.spread
            #expect(s.standardError <= 0.0101 * s.estimate + 1e-12, "\(tiny.name): SE \(s.standardError) of \(s.estimate)")
            #expect(abs(s.estimate - exact) <= 4 * s.standardError + 1e-9, "\(tiny.name): \(s.estimate) ± \(s.standardError), exact \(exact)")
            let others = try bruteForceOptimum(model, k: 2).all
            let far = others.filter { abs($0 - exact) > 4 * s.standardError }.count
            if far * 2 >= others.count { separated += 1 }
            cases += 1
        }
        #expect(separated * 2 >= cases, "the window separates the returned set from most others on \(separated) of \(cases) graphs")
    }
}
