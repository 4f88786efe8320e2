#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The instance of IM in a closed social network (ALGORITHMS.md §4): the graph G with its IC
/// probabilities, the seed set S and the share limit k. Every algorithm of this folder chooses a
/// k-subnetwork G_k ⊆ G (each node keeps at most k of its out-arcs) and is scored on it.
///
/// An arc is *valid* for a k-subnetwork when its probability is positive and its head is not a
/// seed (with `allowArcsIntoSeeds`, the published code's behaviour, arcs into seeds are valid
/// too). A node's capacity is min(k, its valid out-degree).
///
/// Undirected inputs are two arcs with the same p: with the trivalency scheme (which draws one
/// value per input arc) the arc with the larger index takes the draw of its reverse arc, so a
/// friendship has one probability in both directions, as in the paper's setting. The other
/// schemes are kept as they are (`file` and `uniform` are already symmetric; weighted cascade
/// is 1/indeg of the head by definition).
public struct ClosedNetworkProblem: Sendable {
    /// The graph G the k-subnetwork is chosen from.
    public let graph: InfluenceGraph
    /// p(a) per forward arc.
    public let probabilities: [Double]
    /// −log p(a) per forward arc (+∞ for p = 0): the Dijkstra weights.
    let weights: [Double]
    /// The coin threshold of p(a) (`CoinThreshold`), for the Monte Carlo evaluation.
    let thresholds: [UInt64]
    /// Tail of each forward arc.
    let tails: [UInt32]
    /// The seeds S (dense ids), in input order.
    public let seeds: [Int]
    /// Whether each node (dense id) is a seed.
    public let isSeed: [Bool]
    /// The share limit k ≥ 1.
    public let k: Int
    /// Arcs into seeds are valid (the published code's behaviour).
    public let allowArcsIntoSeeds: Bool
    /// min(k, valid out-degree) per node.
    public let capacity: [Int]
    /// Valid out-degree per node.
    let validDegree: [Int]
    /// The probabilities were made symmetric on an undirected input (see the type's comment).
    public let symmetrized: Bool
    /// The probability scheme the model was bound with (`trivalency`, `file`, ...).
    public let scheme: String

    /// - Throws: `InfluenceError(.usage)` with parameter `k` (k < 1), `seeds` (none, out of range,
    ///   or twice), `model` (not IC).
    /// - Complexity: O(n + m), O(m log m) to symmetrize an undirected trivalency input.
    public init(model: any DiffusionModel, seeds: [Int], k: Int, allowArcsIntoSeeds: Bool = false) throws(InfluenceError) {
        guard k >= 1 else {
            throw InfluenceError(.usage, parameter: "k", "k = \(k) (expected at least 1 friend each user shares with)")
        }
        let p = try model.independentArcs(for: "closed networks")
        let g = model.graph
        guard !seeds.isEmpty else { throw InfluenceError(.usage, parameter: "seeds", "no seeds (expected at least one seed user)") }
        var isSeed = [Bool](repeating: false, count: g.nodeCount)
        for s in seeds {
            guard s >= 0 && s < g.nodeCount else {
                throw InfluenceError(.usage, parameter: "seeds", "seed \(s) is not a node (expected an id in 0..<\(g.nodeCount))")
            }
            guard !isSeed[s] else { throw InfluenceError(.usage, parameter: "seeds", "seed '\(g.label(of: s))' is given twice (expected distinct seeds)") }
            isSeed[s] = true
        }
        var probabilities = p.map { Double($0) }
        let symmetrize = g.statistics.undirectedInput && model.scheme.hasPrefix("trivalency")
        if symmetrize { Self.symmetrize(&probabilities, graph: g) }
        graph = g
        self.probabilities = probabilities
        weights = probabilities.map { $0 > 0 ? -log($0) : .infinity }
        thresholds = probabilities.map { CoinThreshold.of($0) }
        var tails = [UInt32](repeating: 0, count: g.arcCount)
        for u in 0..<g.nodeCount { for a in g.outOffsets[u]..<g.outOffsets[u + 1] { tails[a] = UInt32(u) } }
        self.tails = tails
        self.seeds = seeds
        self.isSeed = isSeed
        self.k = k
        self.allowArcsIntoSeeds = allowArcsIntoSeeds
        symmetrized = symmetrize
        scheme = model.scheme
        var capacity = [Int](repeating: 0, count: g.nodeCount)
        var validDegree = [Int](repeating: 0, count: g.nodeCount)
        for u in 0..<g.nodeCount {
            var valid = 0
            for a in g.outOffsets[u]..<g.outOffsets[u + 1] where probabilities[a] > 0 && (allowArcsIntoSeeds || !isSeed[Int(g.outTargets[a])]) {
                valid += 1
            }
            capacity[u] = min(k, valid)
            validDegree[u] = valid
        }
        self.capacity = capacity
        self.validDegree = validDegree
    }

    /// Whether arc `a` may be kept. Complexity: O(1).
    @inline(__always)
    public func isValid(arc a: Int) -> Bool {
        probabilities[a] > 0 && (allowArcsIntoSeeds || !isSeed[Int(graph.outTargets[a])])
    }

    /// Tail of arc `a`. Complexity: O(1).
    @inline(__always)
    public func tail(of a: Int) -> Int { Int(tails[a]) }

    /// Head of arc `a`. Complexity: O(1).
    @inline(__always)
    public func head(of a: Int) -> Int { Int(graph.outTargets[a]) }

    /// Every arc of `g` keyed by its unordered pair {u, v}, sorted by pair and then arc id: the
    /// arcs joining the same two nodes, in either direction, stand next to each other.
    /// Complexity: O(m log m).
    static func arcsByUnorderedPair(_ g: InfluenceGraph) -> [(key: UInt64, arc: Int)] {
        var keys = [(key: UInt64, arc: Int)]()
        keys.reserveCapacity(g.arcCount)
        for u in 0..<g.nodeCount {
            for a in g.outOffsets[u]..<g.outOffsets[u + 1] {
                let v = Int(g.outTargets[a])
                keys.append((UInt64(min(u, v)) << 32 | UInt64(max(u, v)), a))
            }
        }
        keys.sort { $0.key != $1.key ? $0.key < $1.key : $0.arc < $1.arc }
        return keys
    }

    /// Gives both arcs of every unordered pair {u, v} the probability of the pair's lowest arc.
    /// Complexity: O(m log m).
    static func symmetrize(_ p: inout [Double], graph g: InfluenceGraph) {
        let keys = arcsByUnorderedPair(g)
        var i = 0
        while i < keys.count {
            var j = i + 1
            while j < keys.count && keys[j].key == keys[i].key { p[keys[j].arc] = p[keys[i].arc]; j += 1 }
            i = j
        }
    }
}
