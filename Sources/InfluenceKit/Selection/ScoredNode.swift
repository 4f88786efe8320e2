/// A heap entry of a node and its score, ordered so that `BinaryMaxHeap` returns the larger score
/// first and, among equal scores, the smaller node id (results do not depend on insertion order).
/// The score heaps of the heuristics and CELF, the partition-matroid greedy and the embedding seed
/// selector rank by it.
package struct ScoredNode: Comparable, Sendable {
    /// The node's score (a gain, a spread estimate, a heuristic's value).
    package var score: Double
    /// The node id.
    package var node: UInt32

    /// The entry of `node` with `score`. Complexity: O(1).
    @inline(__always)
    package init(score: Double, node: Int) {
        self.score = score
        self.node = UInt32(truncatingIfNeeded: node)
    }

    /// `a` ranks below `b`: a smaller score, or an equal score and a larger node id.
    /// Complexity: O(1).
    @inline(__always)
    package static func < (a: ScoredNode, b: ScoredNode) -> Bool {
        a.score < b.score || (a.score == b.score && a.node > b.node)
    }
}
