import Testing
import InfluenceKit

/// The README's library example, run as written (on the bundled karate club).
@Suite(.serialized) struct LibraryUsageTests {
    @Test func readmeExampleRuns() throws {
        let loaded = try GraphLoader.load(TestPaths.fixture("../../Graphs/karate.txt"),
            options: GraphLoadOptions(undirected: true, build: GraphBuildOptions(probabilities: .uniform(0.1))))
        let graph = loaded.graph
        #expect(graph.nodeCount == 34)
        let simulator = MonteCarloSimulator(graph: graph, model: .ic,
            configuration: .init(runs: 10_000, seed: 1, threads: Parallel.processorCount, maxSteps: nil))
        let estimate = simulator.estimate(seeds: [0, 1, 2])
        #expect(estimate.confidenceLow <= estimate.mean && estimate.mean <= estimate.confidenceHigh)
        #expect(estimate.mean >= 3)
        let path = TestPaths.temporary("readme.infgraph")
        try GraphSnapshot.write(graph, to: path)
        #expect(try GraphLoader.load(path).graph.outTargets == graph.outTargets)
    }
}
