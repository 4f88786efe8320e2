@_spi(Kernels) @testable import InfluenceKit
import Testing

/// The simulator's memory does not grow with the number of runs, and requests it cannot serve are
/// refused before anything is allocated.
@Suite struct SimulationBoundsTests {
    static func path() throws -> InfluenceGraph {
        try tinyGraph(4, [(0, 1, 0.5), (1, 2, 0.5), (2, 3, 0.5), (0, 2, 0.5)])
    }

    /// Runs past one window of blocks (4,096 blocks of 64 runs) merge in run order exactly as
    /// separate calls on the same boundaries do, for any thread count.
    @Test func windowedBlocksMergeInRunOrder() throws {
        let model = try bind(Self.path(), .ic)
        let runs = ForwardWork.blocksPerWindow * MonteCarloSimulator.runsPerTask + 3 * 64 + 5
        var whole = MonteCarloTally(), parts = MonteCarloTally(), twoThreads = MonteCarloTally()
        let one = try MonteCarloSimulator(model: model, configuration: .init(runs: runs, seed: 9, threads: 1))
        let two = try MonteCarloSimulator(model: model, configuration: .init(runs: runs, seed: 9, threads: 2))
        try one.simulate(seeds: [0], runs: 0..<runs, into: &whole)
        try one.simulate(seeds: [0], runs: 0..<(64 * 100), into: &parts)
        try one.simulate(seeds: [0], runs: (64 * 100)..<runs, into: &parts)
        try two.simulate(seeds: [0], runs: 0..<runs, into: &twoThreads)
        #expect(whole.runs == runs)
        #expect(whole == parts)
        #expect(whole == twoThreads)
    }

    @Test func runCountsBeyondTheBoundAreRefused() throws {
        let model = try bind(Self.path(), .ic)
        #expect(throws: InfluenceError.self) {
            try MonteCarloSimulator(model: model, configuration: .init(runs: Int.max))
        }
        let simulator = try MonteCarloSimulator(model: model, configuration: .init(runs: 10))
        var tally = MonteCarloTally()
        do {
            try simulator.simulate(seeds: [0], runs: 0..<(MonteCarloSimulator.maximumRuns + 1), into: &tally)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.parameter == "runs")
            #expect(error.kind == .usage)
        }
        #expect(tally.runs == 0)
    }

    @Test func threadCountsBeyondTheBoundAreRefused() throws {
        let model = try bind(Self.path(), .ic)
        #expect(throws: InfluenceError.self) {
            try MonteCarloSimulator(model: model, configuration: .init(threads: Parallel.maximumThreads + 1))
        }
    }

    /// Per-worker scratch and node counters are checked against the memory limit.
    @Test func simulationBuffersRespectTheMemoryLimit() throws {
        let model = try bind(Self.path(), .ic)
        let simulator = try MonteCarloSimulator(model: model, configuration: .init(runs: 1000, threads: 2, memoryLimitBytes: 100))
        do {
            _ = try simulator.nodeActivationProbabilities(seeds: [0])
            Issue.record("expected a refusal")
        } catch {
            #expect(error.kind == .resource)
            #expect(error.parameter == "memoryLimit")
            #expect(error.message.contains("above the limit of 100 B (expected a higher memory limit or fewer threads)"), "\(error.message)")
        }
        let roomy = try MonteCarloSimulator(model: model, configuration: .init(runs: 1000, threads: 2, memoryLimitBytes: 1 << 20))
        #expect(try roomy.nodeActivationProbabilities(seeds: [0]).0.runs == 1000)
    }
}
