import Testing
import InfluenceKit

/// The README's library example, run as written (on the bundled karate club), with checks that
/// each step gave the right answer rather than just an answer.
@Suite(.serialized) struct LibraryUsageTests {
    /// The use-case part of the example: requests in, records out, a record rerun from its JSON.
    @Test func readmeUseCasesRun() throws {
        let input = try GraphInput.load(TestPaths.fixture("../../Graphs/karate.txt"), options: GraphLoadOptions(undirected: true))
        let seeds = try SeedsRequest(k: 3, epsilon: 0.1, seed: 1, threads: 2).run(on: input)
        // On karate the hubs 33 and 0 are the first two picks of every method with a guarantee.
        #expect(Set(seeds.seeds.prefix(2).map(\.label)) == ["33", "0"], "\(seeds.seeds.map(\.label))")
        let spread = try SimulateRequest(seeds: seeds.seeds.map(\.label), runs: 20_000, threads: 2).run(on: input)
        // Monte Carlo and fresh RR sets estimate the same σ(S): within 5 combined standard errors.
        let combined = (spread.spread.standardError * spread.spread.standardError
                        + seeds.spread.standardError * seeds.spread.standardError).squareRoot()
        #expect(abs(spread.spread.estimate - seeds.spread.estimate) < 5 * combined)
        let rerun = try RunDocument.decode(Array(try ReportJSON.text(seeds).utf8)).run()
        #expect(rerun.changedHash == nil && (rerun.record as? SeedsRecord)?.seeds == seeds.seeds)
        let stop = CancellationFlag()
        let compared = try CompareRequest(ks: [1, 2], algorithms: [.opimC, .degree, .pagerank], runs: 2_000, threads: 2)
            .run(on: input, context: RunContext(cancellation: stop))
        #expect(compared.rows.count == 6 && compared.rows.filter { $0.k == 1 }.allSatisfy { $0.seeds.map(\.label) == ["33"] || $0.seeds.map(\.label) == ["0"] })
        stop.cancel()
        let cancelled = try #require(throws: InfluenceError.self) {
            try SeedsRequest(k: 2, threads: 2).run(on: input, context: RunContext(cancellation: stop))
        }
        #expect(cancelled == InfluenceError.cancelled)
        let cim = try CIMRequest(k: 2, apFile: TestPaths.fixture("../../Graphs/karate-aps.txt"), apSet: 1, baselines: true, threads: 2)
            .run(on: input)
        #expect(cim.result.assignment.map(\.ap) == ["0", "33"] && cim.result.assignment.allSatisfy { $0.seeds.count == 2 })
        let closed = try ClosedRequest(seeds: seeds.seeds.map(\.label), k: 3, threads: 2).run(on: input)
        #expect(closed.keptArcs.count == closed.result.result.subnetwork.arcs)
    }

    @Test func readmeExampleRuns() throws {
        // A graph from a file, or from arrays (same checks as the loader).
        let graph = try GraphLoader.load(TestPaths.fixture("../../Graphs/karate.txt"), options: GraphLoadOptions(undirected: true)).graph
        #expect(graph.nodeCount == 34 && graph.arcCount == 156)
        let small = try InfluenceGraph(sources: [0, 0, 1], targets: [1, 2, 2], values: [0.5, 0.2, 0.4])

        // The whole "pick seeds" use case.
        let report = try SeedsRequest(k: 2, model: .ic, probabilities: .weightedCascade, threads: 2).run(on: GraphInput(graph))
        #expect(report.seeds.count == 2 && Set(report.seeds.map(\.node)).count == 2)
        #expect(report.algorithm == "OPIM-C+refine")
        // The reported interval is the evaluation pool's: n·Λ/θ with Λ of θ fresh sets (here fresh
        // RR sets are cheaper than forward cascades).
        #expect(report.spread.method == .rrSets && report.spread.samples == report.rrSets.evaluation)

        // Bind a model, then simulate, sample or enumerate with it.
        let ic = try IndependentCascade(graph: small, probabilities: .file)
        let lt = try LinearThreshold(graph: graph, weights: .inverseInDegree)
        let simulator = try MonteCarloSimulator(model: lt, configuration: .init(runs: 10_000, seed: 1, threads: 2))
        let estimate = try simulator.estimate(seeds: [0, 1, 2])
        let exact = try ExactSpread.spread(of: [0], under: ic)
        // 0 → 1 with 0.5; 2 is reached directly (0.2) or through 1 (0.5 · 0.4): 1 − 0.8 · 0.8.
        #expect(abs(exact - (1 + 0.5 + 0.36)) < 1e-6)
        // Monte Carlo and RR sets estimate the same LT spread (both unbiased).
        let rr = try SpreadInterval.estimate(seeds: [0, 1, 2], sampler: RRSetSampler(model: lt), sets: 40_000, seed: 3, workers: 2)
        let combined = (estimate.standardError * estimate.standardError + rr.standardError * rr.standardError).squareRoot()
        #expect(abs(estimate.mean - rr.estimate) < 5 * combined, "Monte Carlo \(estimate.mean), RR sets \(rr.estimate)")
        #expect(estimate.mean > 3 + 1, "three seeds of karate's core reach well beyond themselves")

        // Pieces for constrained greedy variants: the coverage state.
        let sampler = try RRSetSampler(model: ic)
        let pool = sampler.sample(1 << 14, seed: 1, poolID: RRPool.selection, workers: 2)
        var coverage = try CoverageState(pool: pool, index: pool.makeInvertedIndex())
        let candidate = coverage.bestCandidate()
        let best = try #require(candidate)
        // Node 0 reaches every RR set it is in: the best single node of this graph.
        #expect(best.node == 0 && best.gain == pool.coverage(of: [0]))
        coverage.take(best.node)
        #expect(coverage.coverage == best.gain)

        let path = TestPaths.temporary("readme.infgraph")
        defer { removeTemporary(path) }
        try GraphSnapshot.write(graph, to: path)
        let reloaded = try GraphLoader.load(path).graph
        #expect(reloaded.outTargets == graph.outTargets && reloaded.inSources == graph.inSources && reloaded.labels == graph.labels)
    }
}
