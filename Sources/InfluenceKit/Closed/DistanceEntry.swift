/// A Dijkstra entry of `MaximumProbabilityTree`: a tentative distance −log p_path and its node,
/// ordered so that `BinaryMaxHeap` returns the *smallest* distance first and, among equal
/// distances, the smaller node id (the tree does not depend on insertion order). Stale entries
/// (a node pushed once per improvement) are skipped when popped.
struct DistanceEntry: Comparable {
    /// −log of the path probability.
    var distance: Double
    /// The node reached.
    var node: UInt32

    /// `a` ranks below `b`: a larger distance, or an equal one and a larger node id (the order is
    /// reversed, so the max-heap pops the nearest node). Complexity: O(1).
    @inline(__always)
    static func < (a: DistanceEntry, b: DistanceEntry) -> Bool {
        a.distance > b.distance || (a.distance == b.distance && a.node > b.node)
    }
}
