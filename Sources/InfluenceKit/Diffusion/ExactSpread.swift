/// The exact expected spread σ(S) of a tiny instance, by enumerating live-edge worlds: the ground
/// truth every estimator is tested against (ALGORITHMS.md §1).
///
/// Live-edge view (Kempe, Kleinberg, Tardos, KDD 2003, Claims 2.3 and 2.6, and §4's triggering
/// model): each node independently draws a set of its in-arcs (its triggering set), and the nodes
/// active after t rounds are exactly those within t live arcs of S, so
/// σ(S) = Σ_worlds P(world) · |nodes reachable from S in the world|.
///
/// The oracle asks the model, and never names one. Only what can matter is enumerated: arcs of
/// positive `arcInfluence` whose tail is reachable from S through such arcs and whose head is not
/// a seed. A model with `independentArcProbabilities` (IC) is enumerated arc by arc, arcs with
/// p = 1 always live and p = 0 never; any other model node by node, over the outcomes its
/// `triggeringAlternatives(of:among:limit:)` lists for the node's relevant in-arcs (LT: one per
/// arc and "none", in-arcs from nodes S cannot reach merged into "none"). An instance above
/// `worldLimit` worlds is refused.
public enum ExactSpread {
    /// The most live-edge worlds an exact computation enumerates, 2^24.
    public static let worldLimit = 1 << 24

    /// σ(S), exactly (up to floating-point rounding).
    ///
    /// - Parameters:
    ///   - seeds: dense node ids; duplicates count once.
    ///   - model: the bound model whose live-edge worlds are enumerated.
    ///   - maxSteps: rounds after the seeds (nil: until no new activation).
    /// - Throws: `InfluenceError(.usage)` for a seed that is not a node; `InfluenceError(.resource)`
    ///   when the instance has more than 2^24 live-edge worlds.
    /// - Complexity: O(W · (n' + m')) with W the number of worlds (2^u for independent arcs, u the
    ///   uncertain relevant arcs; otherwise Π_v (outcomes of v)) and n', m' the relevant nodes and
    ///   arcs.
    public static func spread(of seeds: [Int], under model: any DiffusionModel,
                              maxSteps: Int? = nil) throws(InfluenceError) -> Double {
        var total = 0.0
        try enumerateWorlds(seeds: seeds, model: model, maxSteps: maxSteps) { probability, reached in
            total += probability * Double(reached.count)
        }
        return total
    }

    /// For every node, the exact probability that it ends active; the values sum to σ(S).
    ///
    /// - Throws: as `spread(of:under:maxSteps:)`.
    /// - Complexity: as `spread(of:under:maxSteps:)`, plus O(n) memory.
    public static func activationProbabilities(of seeds: [Int], under model: any DiffusionModel,
                                               maxSteps: Int? = nil) throws(InfluenceError) -> [Double] {
        var probabilities = [Double](repeating: 0, count: model.graph.nodeCount)
        try enumerateWorlds(seeds: seeds, model: model, maxSteps: maxSteps) { probability, reached in
            for v in reached { probabilities[Int(v)] += probability }
        }
        return probabilities
    }

    /// The number of live-edge worlds an exact computation for `seeds` would enumerate (saturating
    /// at `UInt64.max`).
    ///
    /// - Throws: `InfluenceError(.usage)` for a seed that is not a node.
    /// - Complexity: O(n + m).
    public static func worldCount(of seeds: [Int], under model: any DiffusionModel) throws(InfluenceError) -> UInt64 {
        let instance = try RelevantInstance(seeds: seeds, model: model)
        return instance.worlds
    }

    /// Calls `visit(P(world), nodes reached)` for every live-edge world.
    private static func enumerateWorlds(seeds: [Int], model: any DiffusionModel, maxSteps: Int?,
                                        _ visit: (Double, ArraySlice<UInt32>) -> Void) throws(InfluenceError) {
        if let maxSteps, maxSteps < 0 { throw InfluenceError(.usage, parameter: "maxSteps", "maxSteps is \(maxSteps) (expected a count ≥ 0)") }
        let instance = try RelevantInstance(seeds: seeds, model: model)
        guard instance.worlds <= UInt64(worldLimit) else {
            throw InfluenceError(.resource, instance.refusal())
        }
        var walker = WorldWalker(instance: instance, maxSteps: maxSteps ?? Int.max)
        if instance.independentArcs {
            walker.enumerateIndependentArcs(visit)
        } else {
            walker.enumerateOutcomes(visit)
        }
    }
}
