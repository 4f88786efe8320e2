import Testing
@_spi(Kernels) @testable import InfluenceKit

/// The real datasets in ../shared/graphs load with the counts their README gives. Each test is
/// skipped, with the reason shown, when the dataset is not beside the checkout.
@Suite(.serialized) struct SharedGraphTests {
    @Test(.enabled(if: TestPaths.sharedGraph("nethept.txt") != nil, "needs ../shared/graphs/nethept.txt, which is not beside this checkout (the shared datasets are optional)"))
    func nethept() throws {
        let g = try GraphLoader.load(TestPaths.sharedGraph("nethept.txt")!, options: GraphLoadOptions(igraph: .onDemand)).graph
        #expect(g.nodeCount == 15_229)
        #expect(g.arcCount == 62_752)
        #expect(g.statistics.selfLoopsDropped == 0)
        #expect(g.statistics.parallelArcs == 0)
        #expect(g.labels == .identity(count: 15_229))
    }

    @Test(.enabled(if: TestPaths.sharedGraph("email-Enron.txt.gz") != nil, "needs ../shared/graphs/email-Enron.txt.gz, which is not beside this checkout (the shared datasets are optional)"))
    func emailEnron() throws {
        let g = try GraphLoader.load(TestPaths.sharedGraph("email-Enron.txt.gz")!, options: GraphLoadOptions(igraph: .onDemand)).graph
        #expect(g.nodeCount == 36_692)
        #expect(g.arcCount == 367_662)
        #expect(g.statistics.selfLoopsDropped == 0)
    }

    @Test(.enabled(if: TestPaths.sharedGraph("soc-Slashdot0902.txt.gz") != nil, "needs ../shared/graphs/soc-Slashdot0902.txt.gz, which is not beside this checkout (the shared datasets are optional)"))
    func slashdot() throws {
        let g = try GraphLoader.load(TestPaths.sharedGraph("soc-Slashdot0902.txt.gz")!).graph
        #expect(g.nodeCount == 82_168)
        #expect(g.arcCount == 870_161)
        #expect(g.statistics.selfLoopsDropped == 78_303)
        #expect(g.statistics.parallelArcs == 0)
        // Weighted cascade: each node's in-probabilities sum to 1 (up to float rounding).
        let ic = try IndependentCascade(graph: g)
        for v in stride(from: 0, to: g.nodeCount, by: 997) where g.inDegree(v) > 0 {
            let sum = (g.inOffsets[v]..<g.inOffsets[v + 1]).reduce(Float(0)) { $0 + ic.inProbabilities[$1] }
            #expect(abs(sum - 1) < 1e-4)
        }
    }
}
