/// The highest-out-degree heuristic: the k nodes with the most out-arcs, best first (ties: smaller
/// id). The classic baseline of Kempe, Kleinberg and Tardos (KDD 2003,
/// https://doi.org/10.1145/956750.956769) and Chen, Wang and Yang (KDD 2009,
/// https://doi.org/10.1145/1557019.1557047).
///
/// Complexity: O(n + k log n) time, O(n) memory.
public struct DegreeHeuristic: SeedSelector {
    /// The graph whose out-degrees rank the nodes.
    public let graph: InfluenceGraph
    public var name: String { "degree" }
    public var nestedPrefixes: Bool { true }

    /// A selector for `graph`. Complexity: O(1).
    public init(graph: InfluenceGraph) {
        self.graph = graph
    }

    public func select(k: Int) throws(InfluenceError) -> SeedRanking {
        try validate(k: k, nodeCount: graph.nodeCount)
        let watch = Stopwatch()
        let degrees = graph.outOffsets.withUnsafeBufferPointer { offsets in
            (0..<graph.nodeCount).map { Double(offsets[$0 + 1] - offsets[$0]) }
        }
        return ScoreHeap.top(k, of: degrees, watch: watch)
    }
}
