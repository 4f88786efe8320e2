/// A k-subnetwork G_k ⊆ G: the arcs each user keeps (shares with), at most k per user, as forward
/// arc ids of the graph in increasing order (so grouped by tail, in the graph's adjacency order).
public struct KSubnetwork: Sendable, Equatable {
    /// Kept forward arcs of the graph, increasing.
    public let arcs: [Int]

    /// - Parameter arcs: forward arc ids, in any order; duplicates count once.
    /// - Complexity: O(a log a) for a arcs.
    public init(arcs: [Int]) {
        var sorted = arcs.sorted()
        var kept = 0
        for i in sorted.indices where i == 0 || sorted[i] != sorted[kept - 1] {
            sorted[kept] = sorted[i]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        self.arcs = sorted
    }

    /// Number of kept arcs. Complexity: O(1).
    public var arcCount: Int { arcs.count }

    /// The friends (heads) user `u` keeps, in adjacency order. Complexity: O(log |arcs| + result).
    public func friends(of u: Int, in graph: InfluenceGraph) -> [Int] {
        let first = graph.outOffsets[u], end = graph.outOffsets[u + 1]
        var low = 0, high = arcs.count
        while low < high { let mid = (low + high) / 2; if arcs[mid] < first { low = mid + 1 } else { high = mid } }
        var result: [Int] = []
        while low < arcs.count && arcs[low] < end { result.append(Int(graph.outTargets[arcs[low]])); low += 1 }
        return result
    }

    /// The largest number of arcs any user keeps. Complexity: O(|arcs|).
    public func maximumOutDegree(tails: (Int) -> Int) -> Int {
        var best = 0, run = 0, previous = -1
        for a in arcs {
            let u = tails(a)
            run = u == previous ? run + 1 : 1
            previous = u
            best = max(best, run)
        }
        return best
    }
}
