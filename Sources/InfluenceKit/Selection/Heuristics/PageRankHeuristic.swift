/// PageRank on the reversed graph: a node scores high when many (high-scoring) nodes are reached
/// from it, i.e. rank flows against the arcs, towards the influencers. Computed by igraph's PRPACK
/// solver (`igraph_pagerank`, unweighted, dangling nodes spread uniformly); seeds are the k highest
/// scores (ties: smaller id). Baseline in Chen, Wang, Yang (KDD 2010,
/// https://doi.org/10.1145/1835804.1835934) after Brin and Page (1998).
///
/// The igraph call runs under InfluenceKit's igraph lock; the time to build the transposed igraph
/// graph and solve is part of the selection time.
///
/// Complexity: about O(m) per power sweep inside PRPACK, O(n + m) to transpose, O(n + k log n)
/// to rank.
public struct PageRankHeuristic: SeedSelector {
    /// The loaded graph (it builds the igraph graph on demand).
    public let loaded: LoadedGraph
    /// Damping factor (0.85 as in the original paper).
    public let damping: Double
    public var name: String { "pagerank" }
    public var nestedPrefixes: Bool { true }

    /// A selector for `loaded`, damping factor `damping`. Complexity: O(1).
    public init(loaded: LoadedGraph, damping: Double = 0.85) {
        self.loaded = loaded
        self.damping = damping
    }

    /// Every node's PageRank on the reversed graph (they sum to 1).
    ///
    /// Complexity: see the type.
    public func scores() throws(InfluenceError) -> [Double] {
        guard damping >= 0, damping < 1 else {
            throw InfluenceError(.usage, "pagerank: damping \(damping) (expected a value in [0, 1))")
        }
        let handle = try loaded.igraphGraph()
        do {
            return try handle.pageRank(damping: damping, reversed: true)
        } catch {
            throw InfluenceError(.resource, "igraph pagerank failed: \(error.message)")
        }
    }

    public func select(k: Int) throws(InfluenceError) -> SeedRanking {
        try validate(k: k, nodeCount: loaded.graph.nodeCount)
        let watch = Stopwatch()
        let ranks = try scores()
        return ScoreHeap.top(k, of: ranks, watch: watch)
    }
}
