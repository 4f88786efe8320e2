import Testing
@testable import InfluenceKit

/// Every input format loads the same four-node graph (one self-loop dropped).
@Suite(.serialized) struct FormatLoadingTests {
    static let files = ["tiny.graphml", "tiny.gml", "tiny.net", "tiny.ncol", "tiny.lgl", "tiny.txt", "tiny.txt.gz"]

    @Test(arguments: files)
    func loadsWithExpectedCounts(_ name: String) throws {
        let options = GraphLoadOptions(build: GraphBuildOptions(probabilities: .file))
        let loaded = try GraphLoader.load(TestPaths.fixture(name), options: options)
        let g = loaded.graph
        #expect(g.nodeCount == 4)
        #expect(g.arcCount == 4)
        #expect(g.statistics.selfLoopsDropped == 1)
        #expect(g.statistics.parallelArcs == 0)
        #expect(loaded.igraph != nil, "every text input is built through igraph")
        // Arc carol -> dave has probability 0.75 whatever the format numbers the nodes.
        let index = g.labels.makeIndex()
        let carol = try #require(index.node(for: "carol"))
        let dave = try #require(index.node(for: "dave"))
        let row = g.outOffsets[carol]..<g.outOffsets[carol + 1]
        let arc = try #require(row.first { g.outTargets[$0] == UInt32(dave) })
        #expect(g.outProbabilities[arc] == 0.75)
        #expect(Set((0..<4).map { g.label(of: $0) }) == ["alice", "bob", "carol", "dave"])
    }

    @Test func formatInferredFromExtension() {
        #expect(GraphFormat.infer(from: "a/b.graphml") == .graphml)
        #expect(GraphFormat.infer(from: "x.GML") == .gml)
        #expect(GraphFormat.infer(from: "x.net") == .pajek)
        #expect(GraphFormat.infer(from: "x.ncol.gz") == .ncol)
        #expect(GraphFormat.infer(from: "x.lgl") == .lgl)
        #expect(GraphFormat.infer(from: "x.infgraph") == .infgraph)
        #expect(GraphFormat.infer(from: "soc-Slashdot0902.txt.gz") == .snap)
        #expect(GraphFormat.infer(from: "edges") == .snap)
    }

    @Test func explicitFormatOverridesExtension() throws {
        let path = writeTemporary("ncol-as-data.dat", "a b 0.5\nb c 0.5\n")
        let g = try GraphLoader.load(path, options: GraphLoadOptions(format: .ncol)).graph
        #expect(g.nodeCount == 3)
        #expect(g.arcCount == 2)
    }

    @Test func unknownFormatIsAUsageError() {
        #expect(throws: InfluenceError(.usage, "unknown format 'xlsx' (expected one of: snap, graphml, gml, pajek, ncol, lgl, infgraph)")) {
            try GraphFormat.parse("xlsx")
        }
    }

    @Test func undirectedGraphMLBecomesTwoArcsPerEdge() throws {
        let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <graph id="G" edgedefault="undirected">
            <node id="x"/><node id="y"/><node id="z"/>
            <edge source="x" target="y"/><edge source="y" target="z"/>
          </graph>
        </graphml>
        """
        let g = try GraphLoader.load(writeTemporary("u.graphml", text)).graph
        #expect(g.nodeCount == 3)
        #expect(g.arcCount == 4)
        #expect(g.statistics.undirectedInput)
    }
}

@Suite(.serialized) struct IGraphConstructionTests {
    @Test func onDemandGivesTheSameGraphAndBuildsIGraphWhenAsked() throws {
        let path = TestPaths.fixture("../../Graphs/karate.txt")
        let eager = try GraphLoader.load(path, options: GraphLoadOptions(undirected: true))
        let lazy = try GraphLoader.load(path, options: GraphLoadOptions(undirected: true, igraph: .onDemand))
        #expect(eager.igraph != nil)
        #expect(lazy.igraph == nil)
        #expect(eager.graph.outOffsets == lazy.graph.outOffsets)
        #expect(eager.graph.outTargets == lazy.graph.outTargets)
        #expect(eager.graph.inSources == lazy.graph.inSources)
        #expect(eager.graph.outProbabilities == lazy.graph.outProbabilities)
        let a = try eager.igraphGraph().pageRank()
        let b = try lazy.igraphGraph().pageRank()
        #expect(a.count == 34)
        for i in 0..<34 { #expect(abs(a[i] - b[i]) < 1e-12) }
    }

    @Test func reversedPageRankIsPageRankOfTheTransposedGraph() throws {
        // A directed star into 0: along arcs 0 collects rank; against arcs 0 spreads it.
        let graph = try graphFrom("1 0\n2 0\n3 0\n")
        let handle = try IGraphHandle(graph)
        let along = try handle.pageRank()
        let against = try handle.pageRank(reversed: true)
        #expect(along[0] > along[1])
        #expect(against[0] < against[1])
    }
}
