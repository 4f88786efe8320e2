import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Every input format loads the same four-node graph (one self-loop dropped).
@Suite struct FormatLoadingTests {
    static let files = ["tiny.graphml", "tiny.gml", "tiny.net", "tiny.ncol", "tiny.lgl", "tiny.txt", "tiny.txt.gz"]

    @Test(arguments: files)
    func loadsWithExpectedCounts(_ name: String) throws {
        let options = GraphLoadOptions(readArcValues: true, igraph: .eager)
        let loaded = try GraphLoader.load(TestPaths.fixture(name), options: options)
        let g = loaded.graph
        #expect(g.nodeCount == 4)
        #expect(g.arcCount == 4)
        #expect(g.statistics.selfLoopsDropped == 1)
        #expect(g.statistics.parallelArcs == 0)
        #expect(loaded.igraph != nil, "with eager construction every text input is built through igraph")
        // Arc carol -> dave has probability 0.75 whatever the format numbers the nodes.
        let index = g.labels.makeIndex()
        let carol = try #require(index.node(for: "carol"))
        let dave = try #require(index.node(for: "dave"))
        let row = g.outOffsets[carol]..<g.outOffsets[carol + 1]
        let arc = try #require(row.first { g.outTargets[$0] == UInt32(dave) })
        #expect(g.arcValues?[arc] == 0.75)
        #expect(try IndependentCascade(graph: g, probabilities: .file).probabilities[arc] == 0.75)
        // The default (on demand) gives the same graph; edge lists then skip igraph at load time.
        let lazy = try GraphLoader.load(TestPaths.fixture(name), options: GraphLoadOptions(readArcValues: true))
        #expect(lazy.graph.outTargets == g.outTargets && lazy.graph.arcValues == g.arcValues && lazy.graph.labels == g.labels)
        if GraphFormat.infer(from: name) == .snap { #expect(lazy.igraph == nil) }
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
        defer { removeTemporary(path) }
        let g = try GraphLoader.load(path, options: GraphLoadOptions(format: .ncol)).graph
        #expect(g.nodeCount == 3)
        #expect(g.arcCount == 2)
    }

    @Test func unknownFormatIsAUsageError() {
        #expect(throws: InfluenceError(.usage, parameter: "format", "unknown format 'xlsx' (expected one of: snap, graphml, gml, pajek, ncol, lgl, infgraph)")) {
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
        let path = writeTemporary("u.graphml", text)
        defer { removeTemporary(path) }
        let g = try GraphLoader.load(path).graph
        #expect(g.nodeCount == 3)
        #expect(g.arcCount == 4)
        #expect(g.statistics.undirectedInput)
    }
}

@Suite struct IGraphConstructionTests {
    /// igraph on demand (the default) and eager construction give the same compact graph (both
    /// CSRs, the arc map, labels, statistics), and the igraph graph built on demand from it
    /// answers like the eager one (same PageRank, same components).
    @Test(arguments: ["../../Graphs/karate.txt", "tiny.txt", "sparse.txt"])
    func onDemandGivesTheSameGraphAndBuildsIGraphWhenAsked(_ name: String) throws {
        let path = TestPaths.fixture(name)
        let undirected = name.contains("karate")
        let eager = try GraphLoader.load(path, options: GraphLoadOptions(undirected: undirected, readArcValues: !undirected, igraph: .eager))
        let lazy = try GraphLoader.load(path, options: GraphLoadOptions(undirected: undirected, readArcValues: !undirected))
        #expect(eager.igraph != nil)
        #expect(lazy.igraph == nil)
        let (a, b) = (eager.graph, lazy.graph)
        #expect(a.nodeCount == b.nodeCount)
        #expect(a.outOffsets == b.outOffsets)
        #expect(a.outTargets == b.outTargets)
        #expect(a.inOffsets == b.inOffsets)
        #expect(a.inSources == b.inSources)
        #expect(a.inArcs == b.inArcs)
        #expect(a.arcValues == b.arcValues)
        #expect(a.labels == b.labels)
        #expect(a.statistics == b.statistics)
        let rankEager = try eager.igraphGraph().pageRank()
        let rankLazy = try lazy.igraphGraph().pageRank()
        #expect(rankEager.count == a.nodeCount)
        for i in 0..<a.nodeCount { #expect(abs(rankEager[i] - rankLazy[i]) < 1e-12) }
        #expect(try eager.igraphGraph().components(strong: true) == lazy.igraphGraph().components(strong: true))
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
