import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Reproducibility, the adaptive stopping rule and the argument checks of `MonteCarloSimulator`.
@Suite struct MonteCarloSimulatorTests {
    static let graph = try! randomGraph(nodes: 400, arcs: 2_400, seed: 99)

    @Test(arguments: DiffusionModelKind.allCases)
    func resultsAreBitIdenticalForAnyThreadCount(_ model: DiffusionModelKind) throws {
        // 1000 runs: the last block is partial.
        let results = try [1, 2, 4].map { threads in
            try simulator(Self.graph, model, .init(runs: 1_000, seed: 5, threads: threads))
                .nodeActivationProbabilities(seeds: [0, 17, 123])
        }
        #expect(results[0].0.standardDeviation > 0)
        for other in results.dropFirst() {
            #expect(other.0 == results[0].0)
            #expect(other.1 == results[0].1)
        }
    }

    @Test func differentSeedsGiveDifferentRuns() throws {
        let a = try simulator(Self.graph, .ic, .init(runs: 500, seed: 1)).estimate(seeds: [3])
        let b = try simulator(Self.graph, .ic, .init(runs: 500, seed: 2)).estimate(seeds: [3])
        #expect(a != b)
    }

    /// One cascade by the shared level-by-level driver with the model's own arc rule, on stream
    /// (seed, run): what the simulator's run `run` must be.
    static func levelCascade(_ model: any DiffusionModel, seeds: [Int], seed: UInt64, run: Int,
                             workspace: SimulationWorkspace, maxSteps: Int = .max) -> (activated: [UInt32], arcs: Int) {
        let graph = model.graph
        let ids: [UInt32] = seeds.map { UInt32($0) }
        let randomness = RunRandomness(seed: seed, run: run)
        let scratch = workspace.beginRun()
        let outcome = ids.withUnsafeBufferPointer { seedBuffer in
            graph.withForwardCSR { offsets, targets in
                if let ic = model as? IndependentCascade {
                    return ic.coinThresholds.withUnsafeBufferPointer { thresholds in
                        LevelCascade.run(ICArcRule(thresholds: thresholds.baseAddress ?? EmptyStorage.uint64), from: seedBuffer,
                                         offsets: offsets, targets: targets, scratch: scratch, maxSteps: maxSteps, randomness: randomness)
                    }
                }
                return model.arcInfluence.withUnsafeBufferPointer { values in
                    LevelCascade.run(LTArcRule(weights: values.baseAddress ?? EmptyStorage.float), from: seedBuffer, offsets: offsets,
                                     targets: targets, scratch: scratch, maxSteps: maxSteps, randomness: randomness)
                }
            }
        }
        return (Array(UnsafeBufferPointer(start: scratch.queue, count: outcome.activated)), outcome.arcsExamined)
    }

    /// Run `i` is the cascade of stream (seed, i), whatever range it is simulated in.
    @Test(arguments: DiffusionModelKind.allCases)
    func runIUsesStreamI(_ kind: DiffusionModelKind) throws {
        let model = try bind(Self.graph, kind)
        let simulator = try MonteCarloSimulator(model: model, configuration: .init(runs: 0, seed: 42, threads: 2))
        let seeds = [5, 6, 7]
        // One call over 0..<200 equals calls over 0..<64, 64..<128, 128..<200.
        var whole = MonteCarloTally()
        try simulator.simulate(seeds: seeds, runs: 0..<200, countNodes: true, into: &whole)
        var pieces = MonteCarloTally()
        for range in [0..<64, 64..<128, 128..<200] { try simulator.simulate(seeds: seeds, runs: range, countNodes: true, into: &pieces) }
        #expect(whole == pieces)
        // Run 150 alone is the kernel on stream (42, 150).
        var single = MonteCarloTally()
        try simulator.simulate(seeds: seeds, runs: 150..<151, into: &single)
        let outcome = Self.levelCascade(model, seeds: seeds, seed: 42, run: 150, workspace: SimulationWorkspace(nodeCount: Self.graph.nodeCount))
        #expect(single.sum == outcome.activated.count && single.runs == 1)
        #expect(single.arcsExamined == outcome.arcs)
    }

    /// The simulator on 1 and on 2 threads is bit-identical to a plain loop of `LevelCascade` runs
    /// 0, 1, 2, … in order: the same spreads, arcs, per-node counts, mean and variance.
    @Test(arguments: DiffusionModelKind.allCases)
    func levelCascadeLoopEqualsTheSimulatorOnOneAndTwoThreads(_ kind: DiffusionModelKind) throws {
        let model = try bind(Self.graph, kind)
        let seeds = [3, 77, 250]
        let runs = 333  // six blocks, the last one partial
        let workspace = SimulationWorkspace(nodeCount: Self.graph.nodeCount)
        var counts = [Int](repeating: 0, count: Self.graph.nodeCount)
        var blocks: [MonteCarloTally] = []
        for run in 0..<runs {
            if run % MonteCarloSimulator.runsPerTask == 0 { blocks.append(MonteCarloTally()) }
            let outcome = Self.levelCascade(model, seeds: seeds, seed: 6, run: run, workspace: workspace)
            blocks[blocks.count - 1].add(spread: outcome.activated.count, arcsExamined: outcome.arcs)
            for v in outcome.activated { counts[Int(v)] += 1 }
        }
        var expected = MonteCarloTally()
        for block in blocks { expected.merge(block) }
        expected.activationCounts = counts
        for threads in [1, 2] {
            var tally = MonteCarloTally()
            try MonteCarloSimulator(model: model, configuration: .init(runs: runs, seed: 6, threads: threads))
                .simulate(seeds: seeds, runs: 0..<runs, countNodes: true, into: &tally)
            #expect(tally == expected, "\(threads) threads")
        }
        #expect(expected.sum > runs * seeds.count, "the cascades should reach beyond the seeds")
    }

    /// Run `i` is one live-edge world whatever the seed set: run by run, a superset of seeds
    /// reaches at least as many nodes (IC and LT are monotone in every world), and the order of
    /// the seeds does not matter.
    @Test(arguments: DiffusionModelKind.allCases)
    func commonRandomNumbersAcrossSeedSets(_ model: DiffusionModelKind) throws {
        let simulator = try simulator(Self.graph, model, .init(runs: 0, seed: 8, threads: 2))
        var pairedSquares = 0.0, spreadSmall = 0.0, spreadLarge = 0.0, squaresSmall = 0.0, squaresLarge = 0.0
        let runs = 300
        for run in 0..<runs {
            var small = MonteCarloTally(), large = MonteCarloTally(), reordered = MonteCarloTally()
            try simulator.simulate(seeds: [10, 20], runs: run..<(run + 1), into: &small)
            try simulator.simulate(seeds: [10, 20, 30], runs: run..<(run + 1), into: &large)
            try simulator.simulate(seeds: [30, 20, 10, 20], runs: run..<(run + 1), into: &reordered)
            #expect(large.sum >= small.sum, "run \(run): a superset of seeds reached fewer nodes")
            #expect(reordered.sum == large.sum)
            let d = Double(large.sum - small.sum)
            pairedSquares += d * d
            spreadSmall += Double(small.sum); squaresSmall += Double(small.sum * small.sum)
            spreadLarge += Double(large.sum); squaresLarge += Double(large.sum * large.sum)
        }
        // The paired difference varies much less than the sum of the two variances that
        // independent runs would give.
        let n = Double(runs)
        let varianceSmall = squaresSmall / n - (spreadSmall / n) * (spreadSmall / n)
        let varianceLarge = squaresLarge / n - (spreadLarge / n) * (spreadLarge / n)
        let meanDifference = (spreadLarge - spreadSmall) / n
        let pairedVariance = pairedSquares / n - meanDifference * meanDifference
        #expect(varianceSmall > 0 && varianceLarge > 0)
        #expect(pairedVariance < 0.5 * (varianceSmall + varianceLarge))
    }

    @Test func untilRelativeErrorStopsAtTheTarget() throws {
        let simulator = try simulator(Self.graph, .ic, .init(runs: 256, seed: 9, threads: 2))
        let target = 0.01
        let estimate = try simulator.estimate(seeds: [1, 2], untilRelativeError: target, maxRuns: 1_000_000)
        #expect(estimate.runs > 256, "the first batch alone should not reach 1%")
        #expect(estimate.runs < 1_000_000)
        #expect(estimate.halfWidth <= target * estimate.mean)
        #expect(estimate.runs % MonteCarloSimulator.runsPerTask == 0)
        // The adaptive result is the plain estimate with the same number of runs.
        let plain = try MonteCarloSimulator(model: simulator.model, configuration: .init(runs: estimate.runs, seed: 9, threads: 1))
            .estimate(seeds: [1, 2])
        #expect(plain == estimate)
        // It did not overshoot grossly: half the runs would have missed the target.
        let half = (estimate.runs / 2) / MonteCarloSimulator.runsPerTask * MonteCarloSimulator.runsPerTask
        let fewer = try MonteCarloSimulator(model: simulator.model, configuration: .init(runs: half, seed: 9, threads: 2))
            .estimate(seeds: [1, 2])
        #expect(fewer.halfWidth > target * fewer.mean, "stopped at \(estimate.runs) runs")
    }

    @Test func untilRelativeErrorHonoursTheCap() throws {
        let simulator = try simulator(Self.graph, .lt, .init(runs: 100, seed: 9, threads: 2))
        let estimate = try simulator.estimate(seeds: [1], untilRelativeError: 1e-6, maxRuns: 3_000)
        #expect(estimate.runs == 3_000)
        #expect(estimate.halfWidth > 1e-6 * estimate.mean)
    }

    @Test func noVarianceStopsAfterTheFirstBatch() throws {
        let graph = try tinyGraph(3, [(0, 1, 1), (1, 2, 1)])
        let simulator = try simulator(graph, .ic, .init(runs: 128, seed: 1, threads: 1))
        let estimate = try simulator.estimate(seeds: [0], untilRelativeError: 0.001, maxRuns: 10_000)
        #expect(estimate.runs == 128 && estimate.mean == 3 && estimate.standardError == 0)
    }

    /// The estimate's fields are the two-pass statistics of the run-by-run spreads (each run
    /// simulated alone), and the interval is mean ± 1.96 standard errors.
    @Test func estimateFieldsAreTheStatisticsOfTheRuns() throws {
        let runs = 600
        let simulator = try simulator(Self.graph, .ic, .init(runs: runs, seed: 4, threads: 2))
        let estimate = try simulator.estimate(seeds: [0, 1, 2, 3])
        var spreads: [Double] = []
        for run in 0..<runs {
            var one = MonteCarloTally()
            try simulator.simulate(seeds: [0, 1, 2, 3], runs: run..<(run + 1), into: &one)
            spreads.append(Double(one.sum))
        }
        let mean = spreads.reduce(0, +) / Double(runs)
        let variance = spreads.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(runs - 1)
        #expect(estimate.runs == runs)
        #expect(abs(estimate.mean - mean) < 1e-12 * mean)
        #expect(abs(estimate.standardDeviation - variance.squareRoot()) < 1e-9 * variance.squareRoot())
        #expect(abs(estimate.standardError - variance.squareRoot() / Double(runs).squareRoot()) < 1e-9)
        #expect(estimate.min == spreads.min() && estimate.max == spreads.max())
        #expect(estimate.max > estimate.min, "the runs should differ")
        #expect(abs(estimate.confidenceLow - (mean - 1.959964 * estimate.standardError)) < 1e-5)
        #expect(abs(estimate.confidenceHigh - (mean + 1.959964 * estimate.standardError)) < 1e-5)
    }

    @Test func tallyMatchesTwoPassStatistics() {
        let values = [3, 9, 4, 4, 12, 1, 7, 7, 2, 30]
        var tally = MonteCarloTally()
        for v in values { tally.add(spread: v, arcsExamined: 0) }
        var merged = MonteCarloTally()
        var part = MonteCarloTally()
        for (i, v) in values.enumerated() {
            part.add(spread: v, arcsExamined: 0)
            if i % 3 == 2 { merged.merge(part); part = MonteCarloTally() }
        }
        merged.merge(part)
        let mean = Double(values.reduce(0, +)) / Double(values.count)
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count - 1)
        for t in [tally, merged] {
            #expect(t.estimate.mean == mean)
            #expect(abs(t.estimate.standardDeviation - variance.squareRoot()) < 1e-12)
            #expect(t.estimate.min == 1 && t.estimate.max == 30)
        }
    }

    /// Bad configurations and seeds are usage errors naming the parameter.
    @Test func argumentsAreCheckedWithTheirNames() throws {
        let model = try bind(Self.graph, .ic)
        for (configuration, parameter) in [(MonteCarloSimulator.Configuration(runs: -1), "runs"),
                                           (.init(runs: 10, threads: 0), "threads"),
                                           (.init(runs: 10, maxSteps: -2), "maxSteps")] {
            let error = try #require(throws: InfluenceError.self) { try MonteCarloSimulator(model: model, configuration: configuration) }
            #expect(error.kind == .usage && error.parameter == parameter, "\(error)")
        }
        let simulator = try MonteCarloSimulator(model: model, configuration: .init(runs: 10, seed: 1, threads: 1))
        for bad in [[400], [-1], [0, 1000]] {
            let error = try #require(throws: InfluenceError.self) { try simulator.estimate(seeds: bad) }
            #expect(error.kind == .usage && error.parameter == "seeds", "\(error)")
        }
        #expect(throws: InfluenceError.self) { try simulator.estimate(seeds: [1], untilRelativeError: 0, maxRuns: 100) }
        #expect(throws: InfluenceError.self) { try simulator.estimate(seeds: [1], untilRelativeError: 0.1, maxRuns: 0) }
    }
}
