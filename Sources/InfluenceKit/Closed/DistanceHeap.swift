/// A binary min-heap of (distance, node) pairs on flat arrays, for Dijkstra with lazy deletion
/// (a node may be pushed once per improvement; stale entries are skipped when popped). Ties in
/// distance pop the smaller node id first, so the tree does not depend on insertion order.
struct DistanceHeap {
    private var distances: [Double] = []
    private var nodes: [UInt32] = []

    init(capacity: Int) {
        distances.reserveCapacity(capacity)
        nodes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { nodes.isEmpty }

    mutating func removeAll() {
        distances.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private func less(_ i: Int, _ j: Int) -> Bool {
        distances[i] < distances[j] || (distances[i] == distances[j] && nodes[i] < nodes[j])
    }

    /// Complexity: O(log size).
    mutating func push(_ distance: Double, _ node: UInt32) {
        distances.append(distance)
        nodes.append(node)
        var i = nodes.count - 1
        while i > 0 {
            let parent = (i - 1) >> 1
            guard less(i, parent) else { break }
            distances.swapAt(i, parent)
            nodes.swapAt(i, parent)
            i = parent
        }
    }

    /// The smallest pair, removed. Complexity: O(log size).
    mutating func pop() -> (distance: Double, node: UInt32) {
        let top = (distances[0], nodes[0])
        let last = nodes.count - 1
        distances.swapAt(0, last)
        nodes.swapAt(0, last)
        distances.removeLast()
        nodes.removeLast()
        var i = 0
        let count = nodes.count
        while true {
            let left = 2 * i + 1
            guard left < count else { break }
            var child = left
            if left + 1 < count && less(left + 1, left) { child = left + 1 }
            guard less(child, i) else { break }
            distances.swapAt(i, child)
            nodes.swapAt(i, child)
            i = child
        }
        return top
    }
}
