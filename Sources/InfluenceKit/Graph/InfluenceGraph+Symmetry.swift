extension InfluenceGraph {
    /// Whether every arc u→v has its reverse v→u (always true for an undirected load). A directed
    /// file that lists each edge in both directions gives a symmetric graph.
    ///
    /// Complexity: O(n + m) time (one epoch-stamped mark per node), O(n) extra memory.
    public var isSymmetric: Bool {
        let n = nodeCount
        // mark[u] == v + 1: u → v is an arc (u is an in-neighbour of v).
        var mark = [UInt32](repeating: 0, count: n)
        for v in 0..<n {
            let stamp = UInt32(v + 1)
            for slot in inOffsets[v]..<inOffsets[v + 1] { mark[Int(inSources[slot])] = stamp }
            for arc in outOffsets[v]..<outOffsets[v + 1] where mark[Int(outTargets[arc])] != stamp {
                return false
            }
        }
        return true
    }
}
