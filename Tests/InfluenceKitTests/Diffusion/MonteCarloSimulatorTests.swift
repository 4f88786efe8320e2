import Testing
@testable import InfluenceKit

/// Reproducibility and the adaptive stopping rule of `MonteCarloSimulator`.
@Suite struct MonteCarloSimulatorTests {
    static let graph = try! randomGraph(nodes: 400, arcs: 2_400, seed: 99)

    @Test(arguments: DiffusionModelKind.allCases)
    func resultsAreBitIdenticalForAnyThreadCount(_ model: DiffusionModelKind) {
        // 1000 runs: the last block is partial.
        let results = [1, 2, 4].map { threads in
            MonteCarloSimulator(graph: Self.graph, model: model, configuration: .init(runs: 1_000, seed: 5, threads: threads))
                .nodeActivationProbabilities(seeds: [0, 17, 123])
        }
        #expect(results[0].0.standardDeviation > 0)
        for other in results.dropFirst() {
            #expect(other.0 == results[0].0)
            #expect(other.1 == results[0].1)
        }
    }

    @Test func differentSeedsGiveDifferentRuns() {
        let a = MonteCarloSimulator(graph: Self.graph, model: .ic, configuration: .init(runs: 500, seed: 1)).estimate(seeds: [3])
        let b = MonteCarloSimulator(graph: Self.graph, model: .ic, configuration: .init(runs: 500, seed: 2)).estimate(seeds: [3])
        #expect(a != b)
    }

    /// Run `i` is the cascade of stream (seed, i), whatever range it is simulated in.
    @Test(arguments: DiffusionModelKind.allCases)
    func runIUsesStreamI(_ model: DiffusionModelKind) {
        let simulator = MonteCarloSimulator(graph: Self.graph, model: model, configuration: .init(runs: 0, seed: 42, threads: 2))
        let seeds = [5, 6, 7]
        // One call over 0..<200 equals calls over 0..<64, 64..<128, 128..<200.
        var whole = MonteCarloTally()
        simulator.simulate(seeds: seeds, runs: 0..<200, countNodes: true, into: &whole)
        var pieces = MonteCarloTally()
        for range in [0..<64, 64..<128, 128..<200] { simulator.simulate(seeds: seeds, runs: range, countNodes: true, into: &pieces) }
        #expect(whole == pieces)
        // Run 150 alone is the kernel on stream (42, 150).
        var single = MonteCarloTally()
        simulator.simulate(seeds: seeds, runs: 150..<151, into: &single)
        let workspace = SimulationWorkspace(nodeCount: Self.graph.nodeCount)
        let randomness = RunRandomness(seed: 42, run: 150)
        let ids: [UInt32] = seeds.map { UInt32($0) }
        let outcome = ids.withUnsafeBufferPointer { seedBuffer in
            Self.graph.withCascadeArcs { arcs in
                switch model {
                case .ic: IndependentCascade.cascade(from: seedBuffer, arcs: arcs, scratch: workspace.beginRun(), maxSteps: .max, randomness: randomness)
                case .lt: LinearThreshold.cascade(from: seedBuffer, arcs: arcs, scratch: workspace.beginRun(), maxSteps: .max, randomness: randomness)
                }
            }
        }
        #expect(single.sum == outcome.activated && single.runs == 1)
        #expect(single.arcsExamined == outcome.arcsExamined)
    }

    /// Run `i` is one live-edge world whatever the seed set: run by run, a superset of seeds
    /// reaches at least as many nodes (IC and LT are monotone in every world), and the order of
    /// the seeds does not matter.
    @Test(arguments: DiffusionModelKind.allCases)
    func commonRandomNumbersAcrossSeedSets(_ model: DiffusionModelKind) {
        let simulator = MonteCarloSimulator(graph: Self.graph, model: model, configuration: .init(runs: 0, seed: 8, threads: 2))
        var pairedSquares = 0.0, spreadSmall = 0.0, spreadLarge = 0.0, squaresSmall = 0.0, squaresLarge = 0.0
        let runs = 300
        for run in 0..<runs {
            var small = MonteCarloTally(), large = MonteCarloTally(), reordered = MonteCarloTally()
            simulator.simulate(seeds: [10, 20], runs: run..<(run + 1), into: &small)
            simulator.simulate(seeds: [10, 20, 30], runs: run..<(run + 1), into: &large)
            simulator.simulate(seeds: [30, 20, 10, 20], runs: run..<(run + 1), into: &reordered)
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

    @Test func untilRelativeErrorStopsAtTheTarget() {
        let simulator = MonteCarloSimulator(graph: Self.graph, model: .ic, configuration: .init(runs: 256, seed: 9, threads: 2))
        let target = 0.01
        let estimate = simulator.estimate(seeds: [1, 2], untilRelativeError: target, maxRuns: 1_000_000)
        #expect(estimate.runs > 256, "the first batch alone should not reach 1%")
        #expect(estimate.runs < 1_000_000)
        #expect(estimate.halfWidth <= target * estimate.mean)
        #expect(estimate.runs % MonteCarloSimulator.runsPerTask == 0)
        // The adaptive result is the plain estimate with the same number of runs.
        let plain = MonteCarloSimulator(graph: Self.graph, model: .ic, configuration: .init(runs: estimate.runs, seed: 9, threads: 1))
            .estimate(seeds: [1, 2])
        #expect(plain == estimate)
    }

    @Test func untilRelativeErrorHonoursTheCap() {
        let simulator = MonteCarloSimulator(graph: Self.graph, model: .lt, configuration: .init(runs: 100, seed: 9, threads: 2))
        let estimate = simulator.estimate(seeds: [1], untilRelativeError: 1e-6, maxRuns: 3_000)
        #expect(estimate.runs == 3_000)
        #expect(estimate.halfWidth > 1e-6 * estimate.mean)
    }

    @Test func noVarianceStopsAfterTheFirstBatch() throws {
        let graph = try tinyGraph(3, [(0, 1, 1), (1, 2, 1)])
        let simulator = MonteCarloSimulator(graph: graph, model: .ic, configuration: .init(runs: 128, seed: 1, threads: 1))
        let estimate = simulator.estimate(seeds: [0], untilRelativeError: 0.001, maxRuns: 10_000)
        #expect(estimate.runs == 128 && estimate.mean == 3 && estimate.standardError == 0)
    }

    @Test func estimateFieldsAreConsistent() {
        let estimate = MonteCarloSimulator(graph: Self.graph, model: .ic, configuration: .init(runs: 3_000, seed: 4, threads: 2))
            .estimate(seeds: [0, 1, 2, 3])
        #expect(estimate.runs == 3_000)
        #expect(abs(estimate.standardError - estimate.standardDeviation / 3_000.0.squareRoot()) < 1e-12)
        #expect(abs((estimate.confidenceHigh - estimate.confidenceLow) / 2 - 1.959964 * estimate.standardError) < 1e-6)
        #expect(estimate.min >= 4 && estimate.min <= estimate.mean && estimate.mean <= estimate.max)
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
}
