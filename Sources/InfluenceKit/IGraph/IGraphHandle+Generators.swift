import CIgraph

extension IGraphHandle {
    /// One of igraph's named graphs (`igraph_famous`), e.g. "Zachary" (the karate club).
    /// Complexity: O(n + m) of the named graph.
    public static func famous(_ name: String) throws(IGraphError) -> IGraphHandle {
        let handle = IGraphHandle(empty: ())
        try IGraphLock.run { () throws(IGraphError) in
            try IGraphLock.check(igraph_famous(&handle.graph, name), "igraph_famous")
        }
        return handle
    }

    /// A directed graph with power-law out- and in-degrees (`igraph_static_power_law_game`, the
    /// Chung–Lu style static model of Goh et al.), no self-loops or parallel arcs, reproducible
    /// from `seed` (igraph's default RNG is seeded under the igraph lock).
    /// Complexity: O(n + m), igraph's generator.
    public static func staticPowerLaw(nodes: Int, arcs: Int, exponentOut: Double, exponentIn: Double,
                                      seed: UInt64) throws(IGraphError) -> IGraphHandle {
        let handle = IGraphHandle(empty: ())
        try IGraphLock.run { () throws(IGraphError) in
            try IGraphLock.check(igraph_rng_seed(igraph_rng_default(), igraph_uint_t(seed)), "igraph_rng_seed")
            try IGraphLock.check(igraph_static_power_law_game(&handle.graph, igraph_integer_t(nodes), igraph_integer_t(arcs),
                                                              exponentOut, exponentIn, false, false, true),
                                 "igraph_static_power_law_game")
        }
        return handle
    }

    /// A directed Barabási–Albert graph: each new node sends `arcsPerNode` arcs to earlier nodes
    /// chosen by preferential attachment (`igraph_barabasi_game`, psumtree algorithm), reproducible
    /// from `seed`.
    /// Complexity: O(n · arcsPerNode), igraph's generator.
    public static func barabasiAlbert(nodes: Int, arcsPerNode: Int, seed: UInt64) throws(IGraphError) -> IGraphHandle {
        let handle = IGraphHandle(empty: ())
        try IGraphLock.run { () throws(IGraphError) in
            try IGraphLock.check(igraph_rng_seed(igraph_rng_default(), igraph_uint_t(seed)), "igraph_rng_seed")
            try IGraphLock.check(igraph_barabasi_game(&handle.graph, igraph_integer_t(nodes), 1.0, igraph_integer_t(arcsPerNode),
                                                      nil, true, 1.0, true, IGRAPH_BARABASI_PSUMTREE, nil),
                                 "igraph_barabasi_game")
        }
        return handle
    }
}
