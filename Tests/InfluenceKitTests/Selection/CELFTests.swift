import Testing
@_spi(Kernels) @testable import InfluenceKit

struct CELFTests {
    /// Two hubs, a weak pair and leaves; the hubs feed each other a little.
    static func hubs() throws -> InfluenceGraph {
        try tinyGraph(11, [(0, 1, 0.5), (0, 2, 0.5), (0, 3, 0.5), (0, 4, 0.5), (0, 5, 0.2),
                           (5, 6, 0.6), (5, 7, 0.6), (5, 8, 0.6), (8, 0, 0.1),
                           (9, 10, 0.3), (3, 10, 0.1)])
    }

    /// Plain greedy on exact spreads: the answer CELF approximates with Monte Carlo gains.
    static func exactGreedy(_ graph: InfluenceGraph, model: DiffusionModelKind, k: Int) throws -> (seeds: [Int], gaps: [Double]) {
        var seeds: [Int] = [], gaps: [Double] = []
        var current = 0.0
        for _ in 0..<k {
            var gains: [(Double, Int)] = []
            for v in 0..<graph.nodeCount where !seeds.contains(v) {
                gains.append((try ExactSpread.spread(of: seeds + [v], under: bind(graph, model)) - current, v))
            }
            gains.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            seeds.append(gains[0].1)
            gaps.append(gains[0].0 - gains[1].0)
            current += gains[0].0
        }
        return (seeds, gaps)
    }

    @Test(arguments: [DiffusionModelKind.ic, .lt])
    func matchesExactGreedyOnATinyGraph(model: DiffusionModelKind) throws {
        let graph = try Self.hubs()
        let truth = try Self.exactGreedy(graph, model: model, k: 3)
        // The test is meaningful only if each round's winner is clear of the runner-up by far more
        // than the Monte Carlo error of 20,000 paired runs (about 0.01 here).
        for gap in truth.gaps { #expect(gap > 0.1, "gaps \(truth.gaps)") }
        let celf = try CELF(model: bind(graph, model), configuration: .init(runs: 20_000, seed: 5, threads: 2))
        let report = try celf.run(k: 3)
        #expect(report.seeds == truth.seeds)
        for (i, spread) in report.spreads.enumerated() {
            let exact = try ExactSpread.spread(of: Array(truth.seeds.prefix(i + 1)), under: bind(graph, model))
            #expect(abs(spread - exact) < 0.06, "prefix \(i + 1): \(spread) vs exact \(exact)")
        }
        // Lazy: fewer evaluations than plain greedy's 11 + 10 + 9.
        #expect(report.evaluations < 11 + 10 + 9, "\(report.evaluations) evaluations")
    }

    /// Common random numbers: CELF's prefix spreads are exactly what the simulator reports for
    /// the same seed, and the gains add up to them.
    @Test func prefixSpreadsAreTheSimulatorsEstimates() throws {
        let graph = try randomGraph(nodes: 80, arcs: 260, seed: 9)
        let configuration = MonteCarloSimulator.Configuration(runs: 700, seed: 17, threads: 2)
        let report = try CELF(model: bind(graph, .ic), configuration: configuration).run(k: 5)
        let simulator = try MonteCarloSimulator(model: bind(graph, .ic), configuration: configuration)
        var total = 0.0
        for i in 0..<5 {
            #expect(try report.spreads[i] == simulator.estimate(seeds: Array(report.seeds.prefix(i + 1))).mean)
            total += report.gains[i]
            #expect(abs(total - report.spreads[i]) < 1e-9)
        }
        // Lazy: far fewer than the n·k evaluations of plain greedy.
        #expect(report.evaluations < 80 * 5)
    }

    /// With one live-edge world per run, the sample-average spread is itself monotone and
    /// submodular (a coverage function), so lazy evaluation must give exactly plain greedy on the
    /// same estimates, with non-increasing gains.
    @Test func lazyEqualsPlainGreedyOnTheSameRuns() throws {
        let graph = try randomGraph(nodes: 40, arcs: 150, seed: 21)
        let configuration = MonteCarloSimulator.Configuration(runs: 200, seed: 3, threads: 2)
        let simulator = try MonteCarloSimulator(model: bind(graph, .ic), configuration: configuration)
        var plain: [Int] = []
        var current = 0.0
        for _ in 0..<4 {
            var best = -1.0, bestNode = -1
            for v in 0..<graph.nodeCount where !plain.contains(v) {
                let gain = try simulator.estimate(seeds: plain + [v]).mean - current
                if gain > best { best = gain; bestNode = v }
            }
            plain.append(bestNode)
            current += best
        }
        let report = try CELF(model: bind(graph, .ic), configuration: configuration).run(k: 4)
        #expect(report.seeds == plain)
        #expect(abs(report.spreads.last! - current) < 1e-9)
        for i in 1..<4 { #expect(report.gains[i] <= report.gains[i - 1]) }
        #expect(report.gains.allSatisfy { $0 >= 0 })
    }

    @Test func sameResultForAnyThreadCount() throws {
        let graph = try randomGraph(nodes: 60, arcs: 200, seed: 4)
        let one = try CELF(model: bind(graph, .lt), configuration: .init(runs: 300, seed: 8, threads: 1)).run(k: 4)
        let two = try CELF(model: bind(graph, .lt), configuration: .init(runs: 300, seed: 8, threads: 2)).run(k: 4)
        #expect(one.seeds == two.seeds)
        #expect(one.spreads == two.spreads)
        #expect(one.evaluations == two.evaluations)
    }

    /// A 5-cycle of certain arcs: every cascade activates all 5 nodes and examines all 5 arcs.
    @Test func costEstimateCountsEvaluationsRunsAndArcs() throws {
        let cycle = try tinyGraph(5, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 0, 1)])
        let celf = try CELF(model: bind(cycle, .ic), configuration: .init(runs: 1000, seed: 1, threads: 2))
        let cost = try celf.estimateCost(k: 2)
        #expect(cost.arcsPerSingletonRun == 5)
        #expect(cost.arcsPerSetRun == 5)
        #expect(cost.evaluations == 5 + 2 * CELF.reevaluationsPerRound)
        #expect(cost.arcs == 1000 * (5 * 5 + 2 * CELF.reevaluationsPerRound * 5))
        #expect(cost.runs == 1000)
        // The time estimate scales the pilot's measured time per cascade: positive, and (cascades
        // of 5 nodes) far below a second per thousand runs.
        #expect(cost.seconds > 0 && cost.seconds < 60)
    }

    @Test func rejectsBadArguments() throws {
        let graph = try Self.hubs()
        let model = try bind(graph, .ic)
        let k = try #require(throws: InfluenceError.self) { try CELF(model: model, configuration: .init(runs: 10)).run(k: 12) }
        #expect(k.kind == .usage && k.parameter == "k")
        let zero = try #require(throws: InfluenceError.self) { try CELF(model: model, configuration: .init(runs: 0)) }
        #expect(zero.kind == .usage && zero.parameter == "runs")
        let threads = try #require(throws: InfluenceError.self) { try CELF(model: model, configuration: .init(runs: 10, threads: 0)) }
        #expect(threads.parameter == "threads")
    }
}
