/// k distinct nodes drawn uniformly at random: the floor every method should beat.
///
/// The draw is the first k steps of a Fisher–Yates shuffle fed by
/// `Xoshiro256StarStar(seed: seed, stream: 0)`, so the same seed gives the same seeds, and the
/// seeds for k′ < k are the first k′ of those for k.
///
/// Complexity: O(n + k) time, O(n) memory.
public struct RandomSeeds: SeedSelector {
    /// The graph whose nodes are drawn.
    public let graph: InfluenceGraph
    /// Seed of the draw.
    public let seed: UInt64
    public var name: String { "random" }
    public var nestedPrefixes: Bool { true }

    /// A selector drawing from `seed`. Complexity: O(1).
    public init(graph: InfluenceGraph, seed: UInt64) {
        self.graph = graph
        self.seed = seed
    }

    public func select(k: Int) throws(InfluenceError) -> SeedRanking {
        try validate(k: k, nodeCount: graph.nodeCount)
        let watch = Stopwatch()
        let n = graph.nodeCount
        var rng = Xoshiro256StarStar(seed: seed, stream: 0)
        var order = (0..<n).map { UInt32($0) }
        var seeds: [Int] = [], elapsed: [Double] = []
        seeds.reserveCapacity(k)
        for i in 0..<k {
            let j = i + Int(rng.nextBelow(UInt64(n - i)))
            order.swapAt(i, j)
            seeds.append(Int(order[i]))
            elapsed.append(watch.seconds)
        }
        return SeedRanking(seeds: seeds, seconds: watch.seconds, elapsed: elapsed)
    }
}
