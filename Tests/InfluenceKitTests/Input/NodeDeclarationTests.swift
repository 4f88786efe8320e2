import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Isolated nodes: single-label lines, a declared node count, a node file.
@Suite struct NodeDeclarationTests {
    func failure(_ path: String, _ options: GraphLoadOptions) -> InfluenceError? {
        do { _ = try GraphLoader.load(path, options: options); return nil } catch { return error }
    }

    @Test func aSingleLabelLineDeclaresANode() throws {
        let g = try graphFrom("0 1\n1 2\n# isolated\n3\n2 0\n4\n")
        #expect(g.nodeCount == 5)
        #expect(g.arcCount == 3)
        #expect(g.labels == .identity(count: 5))
        #expect(g.outDegree(3) == 0 && g.inDegree(3) == 0)
        let s = try graphFrom("a b\nlonely\nb a\n", undirected: true)
        #expect(s.labels == .strings(["a", "b", "lonely"]))
        #expect(s.arcCount == 4)
    }

    @Test func declarationsKeepTheValueColumnsAligned() throws {
        let g = try graphFrom("9\n0 1 0.25\n5\n1 2 0.5\n", values: true)
        #expect(g.nodeCount == 5)
        #expect(g.arcValues == [0.25, 0.5])
    }

    /// Citeseer's edge list names 3,279 of its 3,327 papers; the node count keeps the rest.
    @Test func declaredNodeCountKeepsIsolatedNodes() throws {
        let path = writeTemporary("count.txt", "0 1\n1 4\n")
        defer { removeTemporary(path) }
        let g = try GraphLoader.load(path, options: GraphLoadOptions(nodeCount: 7)).graph
        #expect(g.nodeCount == 7)
        #expect(g.labels == .identity(count: 7))
        #expect(g.outTargets == [1, 4])
        if let citeseer = TestPaths.sharedGraph("citeseer/edges.txt") {
            #expect(try GraphLoader.load(citeseer, options: GraphLoadOptions(undirected: true)).graph.nodeCount == 3279)
            let full = try GraphLoader.load(citeseer, options: GraphLoadOptions(undirected: true, nodeCount: 3327)).graph
            #expect(full.nodeCount == 3327)
            #expect(full.arcCount == 9104)
        }
    }

    @Test func idsOutsideTheDeclaredCountAreErrorsWithTheirLine() throws {
        let path = writeTemporary("outside.txt", "0 1\n1 7\n")
        defer { removeTemporary(path) }
        #expect(failure(path, GraphLoadOptions(nodeCount: 7)) == InfluenceError(.data, file: path, line: 2, parameter: "nodeCount",
            "node id 7 is outside 0 to 6 (expected ids below the node count 7)"))
        let words = writeTemporary("words.txt", "0 1\na 2\n")
        defer { removeTemporary(words) }
        #expect(failure(words, GraphLoadOptions(nodeCount: 7)) == InfluenceError(.data, file: words, line: 2, parameter: "nodeCount",
            "node 'a' is not an integer id (expected ids 0 to 6, as the node count 7 says)"))
        let negative = writeTemporary("negative.txt", "0 -1\n")
        defer { removeTemporary(negative) }
        #expect(failure(negative, GraphLoadOptions(nodeCount: 7))?.message == "node id -1 is outside 0 to 6 (expected ids below the node count 7)")
    }

    @Test func aNodeFileListsEveryNodeInItsOrder() throws {
        let nodes = writeTemporary("nodes.txt", "\u{FEFF}# papers\r\ncarol\r\nalice\r\n\r\nbob\r\ndave\r\n")
        let edges = writeTemporary("edges.txt", "alice bob\nbob carol\n")
        defer { removeTemporary(nodes); removeTemporary(edges) }
        let g = try GraphLoader.load(edges, options: GraphLoadOptions(nodeFile: nodes)).graph
        #expect(g.labels == .strings(["carol", "alice", "bob", "dave"]))
        #expect(g.arcCount == 2)
        #expect(g.outTargets[g.outOffsets[1]] == 2) // alice -> bob
    }

    @Test func edgesNamingALabelOutsideTheNodeFileAreAnError() throws {
        let nodes = writeTemporary("nodes.txt", "a\nb\n")
        let edges = writeTemporary("edges.txt", "a b\nb c\n")
        defer { removeTemporary(nodes); removeTemporary(edges) }
        #expect(failure(edges, GraphLoadOptions(nodeFile: nodes)) == InfluenceError(.data, file: edges, line: 2, parameter: "nodeFile",
            "node 'c' is not in the node file \(nodes) (expected only labels listed there; add it to the node file)"))
    }

    @Test func badNodeFilesAreErrorsNamingTheirLine() throws {
        let edges = writeTemporary("edges.txt", "a b\n")
        let twice = writeTemporary("twice.txt", "a\nb\na\n")
        let wide = writeTemporary("wide.txt", "a\nb c\n")
        defer { removeTemporary(edges); removeTemporary(twice); removeTemporary(wide) }
        #expect(failure(edges, GraphLoadOptions(nodeFile: twice)) == InfluenceError(.data, file: twice, line: 3,
            "node 'a' is listed twice (expected each label once)"))
        #expect(failure(edges, GraphLoadOptions(nodeFile: wide)) == InfluenceError(.data, file: wide, line: 2,
            "line has 2 fields (expected one node label per line)"))
        #expect(failure(edges, GraphLoadOptions(nodeCount: 3, nodeFile: twice))?.parameter == "nodeFile")
        #expect(failure(TestPaths.fixture("tiny.gml"), GraphLoadOptions(nodeCount: 3))?.parameter == "nodeCount")
    }
}
