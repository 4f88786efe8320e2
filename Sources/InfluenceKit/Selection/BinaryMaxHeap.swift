/// The one binary max-heap of InfluenceKit and GraphInfomax: greedy max coverage (`LazyMaxHeap`),
/// the score heaps of the heuristics and CELF (`ScoreHeap`), the partition-matroid greedy, the
/// embedding seed selector (all on `ScoredNode`) and Dijkstra in the closed-network trees (a
/// min-heap through a reversed order) are built on it.
///
/// The order is `Element`'s `<`; elements that compare equal must be interchangeable (every key
/// of the library breaks ties by node id), so the sequence of removed elements depends only on the
/// operations, not on how the heap arranges its array: any two runs with the same operations give
/// the same results.
///
/// Complexity: O(n) to heapify, O(log n) per insertion, removal or replacement of the top.
package struct BinaryMaxHeap<Element: Comparable> {
    /// The heap in array form: children of slot i at 2i + 1 and 2i + 2, each no larger than i.
    package private(set) var elements: [Element]

    /// Heapifies `elements`. Complexity: O(n).
    package init(_ elements: [Element] = []) {
        self.elements = elements
        self.elements.withUnsafeMutableBufferPointer { heap in
            var i = heap.count / 2
            while i > 0 {
                i -= 1
                Self.siftDown(heap, from: i)
            }
        }
    }

    /// Whether the heap holds nothing. Complexity: O(1).
    package var isEmpty: Bool { elements.isEmpty }

    /// Number of elements. Complexity: O(1).
    package var count: Int { elements.count }

    /// The largest element (nil when empty). Complexity: O(1).
    package var top: Element? { elements.first }

    /// Reserves room for `capacity` elements. Complexity: O(count).
    package mutating func reserveCapacity(_ capacity: Int) {
        elements.reserveCapacity(capacity)
    }

    /// Empties the heap, keeping its storage. Complexity: O(count).
    package mutating func removeAll() {
        elements.removeAll(keepingCapacity: true)
    }

    /// Adds `element`. Complexity: O(log n).
    package mutating func insert(_ element: Element) {
        elements.append(element)
        elements.withUnsafeMutableBufferPointer { heap in
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if !(heap[parent] < element) { break }
                heap[i] = heap[parent]
                i = parent
            }
            heap[i] = element
        }
    }

    /// Removes and returns the largest element (nil when empty). Complexity: O(log n).
    @discardableResult
    package mutating func removeTop() -> Element? {
        guard let first = elements.first else { return nil }
        let last = elements.removeLast()
        if !elements.isEmpty {
            elements.withUnsafeMutableBufferPointer { heap in
                heap[0] = last
                Self.siftDown(heap, from: 0)
            }
        }
        return first
    }

    /// Replaces the largest element by `element` (which may be smaller); the heap must not be
    /// empty. Complexity: O(log n).
    package mutating func replaceTop(with element: Element) {
        precondition(!elements.isEmpty, "replaceTop on an empty heap")
        elements.withUnsafeMutableBufferPointer { heap in
            heap[0] = element
            Self.siftDown(heap, from: 0)
        }
    }

    /// Moves the element at `start` down until no child is larger. Complexity: O(log n).
    @inline(__always)
    private static func siftDown(_ heap: UnsafeMutableBufferPointer<Element>, from start: Int) {
        let count = heap.count
        let value = heap[start]
        var i = start
        while true {
            let left = 2 &* i &+ 1
            if left >= count { break }
            var child = left
            if left &+ 1 < count, heap[left] < heap[left &+ 1] { child = left &+ 1 }
            if !(value < heap[child]) { break }
            heap[i] = heap[child]
            i = child
        }
        heap[i] = value
    }
}

extension BinaryMaxHeap: Sendable where Element: Sendable {}
