import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Weak and strong components on the CSR, symmetry, and the byte-exact label lookup, on small
/// hand-made graphs with known answers (serialized: one test calls igraph).
@Suite(.serialized) struct ComponentsTests {
    static func graph(_ n: Int, _ arcs: [(Int, Int)]) throws -> InfluenceGraph {
        try InfluenceGraph(nodeCount: n, sources: arcs.map(\.0), targets: arcs.map(\.1))
    }

    /// The partition a component numbering induces, as sorted sets of nodes.
    static func partition(_ components: GraphComponents) -> Set<[Int]> {
        var groups: [UInt32: [Int]] = [:]
        for (node, c) in components.component.enumerated() { groups[c, default: []].append(node) }
        #expect(groups.count == components.count)
        #expect(Set(groups.keys) == Set((0..<components.count).map(UInt32.init)))
        return Set(groups.values.map { $0.sorted() })
    }

    @Test func handMadeGraphs() throws {
        // Two cycles 0→1→2→0 and 3→4→3 joined by 2→3; 5 hangs off 4; 6 is isolated; 7→8.
        let g = try Self.graph(9, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 3), (4, 5), (7, 8)])
        #expect(Self.partition(g.stronglyConnectedComponents()) == [[0, 1, 2], [3, 4], [5], [6], [7], [8]])
        #expect(Self.partition(g.weaklyConnectedComponents()) == [[0, 1, 2, 3, 4, 5], [6], [7, 8]])
        #expect(g.stronglyConnectedComponents().summary == ComponentSummary(count: 6, largest: 3))
        #expect(g.weaklyConnectedComponents().summary == ComponentSummary(count: 3, largest: 6))
        #expect(g.weaklyConnectedComponents().sizes == [6, 1, 2])

        // A directed path: every node its own strong component, one weak component.
        let path = try Self.graph(5, [(3, 4), (0, 1), (2, 3), (1, 2)])
        #expect(path.stronglyConnectedComponents().count == 5)
        #expect(path.weaklyConnectedComponents().summary == ComponentSummary(count: 1, largest: 5))
        // Arcs pointing into one node from both sides.
        let converging = try Self.graph(3, [(0, 1), (2, 1)])
        #expect(Self.partition(converging.weaklyConnectedComponents()) == [[0, 1, 2]])

        let empty = try Self.graph(0, [])
        #expect(empty.stronglyConnectedComponents().summary == ComponentSummary(count: 0, largest: 0))
        #expect(empty.weaklyConnectedComponents().summary == ComponentSummary(count: 0, largest: 0))
    }

    /// Strong components come out in Tarjan's completion order: sinks first.
    @Test func strongComponentsInTopologicalCompletionOrder() throws {
        let g = try Self.graph(4, [(0, 1), (1, 0), (1, 2), (2, 3), (3, 2)])
        let scc = g.stronglyConnectedComponents()
        #expect(scc.count == 2)
        #expect(scc.component[2] == scc.component[3] && scc.component[0] == scc.component[1])
        #expect(scc.component[2] < scc.component[0])
    }

    /// A 60,000-node cycle and path: depth-first depths that would overflow an 8 MiB stack if
    /// each level were a recursive call; the explicit stacks handle them.
    @Test func longPathsDoNotRecurse() throws {
        let n = 60_000
        let cycle = try Self.graph(n, (0..<n).map { ($0, ($0 + 1) % n) })
        #expect(cycle.stronglyConnectedComponents().summary == ComponentSummary(count: 1, largest: n))
        #expect(cycle.weaklyConnectedComponents().summary == ComponentSummary(count: 1, largest: n))
        let path = try Self.graph(n, (0..<(n - 1)).map { ($0, $0 + 1) })
        #expect(path.stronglyConnectedComponents().summary == ComponentSummary(count: n, largest: 1))
    }

    /// Agrees with igraph on a random graph (repeatable from its seed).
    @Test func agreesWithIGraph() throws {
        var random = SplitMix64(seed: 3)
        let n = 300
        let arcs = (0..<450).map { _ in (Int(random.next() % UInt64(n)), Int(random.next() % UInt64(n))) }
        let text = arcs.map { "\($0.0) \($0.1)" }.joined(separator: "\n") + "\n"
        let loaded = try loadedFrom(text, name: "components.txt")
        let handle = try loaded.igraphGraph()
        #expect(loaded.graph.stronglyConnectedComponents().summary == (try handle.components(strong: true)))
        #expect(loaded.graph.weaklyConnectedComponents().summary == (try handle.components(strong: false)))
    }

    @Test func symmetry() throws {
        #expect(try Self.graph(3, [(0, 1), (1, 0), (1, 2), (2, 1)]).isSymmetric)
        #expect(!(try Self.graph(3, [(0, 1), (1, 0), (1, 2)]).isSymmetric))
        #expect(!(try Self.graph(2, [(0, 1)]).isSymmetric))
        #expect(try Self.graph(3, [(0, 1), (1, 2)], undirected: true).isSymmetric)
        #expect(try Self.graph(4, []).isSymmetric)
        // Same in-degree and out-degree everywhere, yet not symmetric: a directed triangle.
        #expect(!(try Self.graph(3, [(0, 1), (1, 2), (2, 0)]).isSymmetric))
    }

    static func graph(_ n: Int, _ arcs: [(Int, Int)], undirected: Bool) throws -> InfluenceGraph {
        try InfluenceGraph(nodeCount: n, sources: arcs.map(\.0), targets: arcs.map(\.1), undirected: undirected)
    }

    /// `café` precomposed (NFC) and decomposed (NFD) are equal Swift strings but different labels.
    @Test func labelLookupIsByteExact() throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        #expect(nfc == nfd)
        let labels = NodeLabels.strings([nfd, "x", nfc])
        #expect(labels.nodes(exactlyLabelled: [nfc, nfd, "y", "x", nfc]) == [2, 0, nil, 1, 2])
        #expect(NodeLabels.strings([nfd]).nodes(exactlyLabelled: [nfc]) == [nil])
        // Repeated graph labels: the first node.
        #expect(NodeLabels.strings(["a", "a"]).nodes(exactlyLabelled: ["a"]) == [0])
        // Integer labels match their canonical decimal form only.
        let integers = NodeLabels.integers([10, -3, 7])
        #expect(integers.nodes(exactlyLabelled: ["7", "07", "+7", "-3", "10", "11", "x", "７"]) == [2, nil, nil, 1, 0, nil, nil, nil])
        let identity = NodeLabels.identity(count: 3)
        #expect(identity.nodes(exactlyLabelled: ["0", "2", "3", "-1", "01", ""]) == [0, 2, nil, nil, nil, nil])
    }
}
