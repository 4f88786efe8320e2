import CIgraph

/// Sizes of a graph's connected components.
public struct ComponentSummary: Sendable, Codable, Equatable {
    /// Number of components.
    public var count: Int
    /// Nodes in the largest one.
    public var largest: Int
}

extension IGraphHandle {
    /// Weakly (`strong: false`) or strongly connected components, by igraph. Complexity: O(n + m).
    public func components(strong: Bool) throws(IGraphError) -> ComponentSummary {
        try IGraphLock.run { () throws(IGraphError) -> ComponentSummary in
            var sizes = igraph_vector_int_t()
            try IGraphLock.check(igraph_vector_int_init(&sizes, 0), "igraph_vector_int_init")
            defer { igraph_vector_int_destroy(&sizes) }
            var count: igraph_integer_t = 0
            try IGraphLock.check(igraph_connected_components(&graph, nil, &sizes, &count, strong ? IGRAPH_STRONG : IGRAPH_WEAK),
                                 "igraph_connected_components")
            var largest = 0
            let data = ik_vector_int_data(&sizes)!
            for i in 0..<Int(igraph_vector_int_size(&sizes)) { largest = max(largest, Int(data[i])) }
            return ComponentSummary(count: Int(count), largest: largest)
        }
    }

    /// PageRank of every vertex by igraph's PRPACK solver, along arcs (or against them with
    /// `reversed`, computed on the transposed graph). Complexity: iterative, about O(m) per sweep.
    public func pageRank(damping: Double = 0.85, reversed: Bool = false) throws(IGraphError) -> [Double] {
        if reversed {
            let (s, t) = try edgeList()
            let transposed = try IGraphHandle(nodeCount: vertexCount, sources: t, targets: s)
            return try transposed.pageRank(damping: damping, reversed: false)
        }
        return try IGraphLock.run { () throws(IGraphError) -> [Double] in
            var result = igraph_vector_t()
            try IGraphLock.check(igraph_vector_init(&result, 0), "igraph_vector_init")
            defer { igraph_vector_destroy(&result) }
            var value: igraph_real_t = 0
            try IGraphLock.check(igraph_pagerank(&graph, IGRAPH_PAGERANK_ALGO_PRPACK, &result, &value, igraph_vss_all(),
                                                 true, damping, nil, nil), "igraph_pagerank")
            let data = ik_vector_data(&result)!
            return (0..<Int(igraph_vector_size(&result))).map { data[$0] }
        }
    }
}
