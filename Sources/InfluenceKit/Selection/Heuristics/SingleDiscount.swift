/// Single discount (Chen, Wang, Yang, "Efficient influence maximization in social networks",
/// KDD 2009, §4, https://doi.org/10.1145/1557019.1557047): repeatedly take the node with the most
/// out-arcs to unchosen nodes; choosing u discounts every in-neighbour x of u by one per arc x→u
/// (in an undirected graph these are u's neighbours, as in the paper).
///
/// Ties: smaller id first. Parallel arcs count once each, like the out-degree.
///
/// Complexity: O(n + (k + Σ_{chosen u} indeg(u)) log n) time, O(n) memory.
public struct SingleDiscount: SeedSelector {
    /// The graph whose out-arcs rank the nodes.
    public let graph: InfluenceGraph
    public var name: String { "single-discount" }
    public var nestedPrefixes: Bool { true }

    /// A selector for `graph`. Complexity: O(1).
    public init(graph: InfluenceGraph) {
        self.graph = graph
    }

    public func select(k: Int) throws(InfluenceError) -> SeedRanking {
        try validate(k: k, nodeCount: graph.nodeCount)
        let watch = Stopwatch()
        let n = graph.nodeCount
        var score = (0..<n).map { Double(graph.outDegree($0)) }
        var chosen = [Bool](repeating: false, count: n)
        var heap = ScoreHeap(score)
        var seeds: [Int] = [], elapsed: [Double] = []
        seeds.reserveCapacity(k)
        while seeds.count < k, let u = heap.popCurrent(current: score, chosen: chosen) {
            seeds.append(u)
            elapsed.append(watch.seconds)
            chosen[u] = true
            for a in graph.inOffsets[u]..<graph.inOffsets[u + 1] {
                let x = Int(graph.inSources[a])
                if chosen[x] { continue }
                score[x] -= 1
                heap.push(x, score[x])
            }
        }
        return SeedRanking(seeds: seeds, seconds: watch.seconds, elapsed: elapsed)
    }
}
