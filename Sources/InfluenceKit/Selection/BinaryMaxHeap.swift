/// The one binary max-heap of the library: the score heaps of the heuristics and CELF
/// (`ScoreHeap`) and greedy max coverage (`LazyMaxHeap`) are built on it.
///
/// Complexity: O(n) to heapify, O(log n) per insertion, removal or replacement of the top.
struct BinaryMaxHeap<Element: Comparable>: Sendable where Element: Sendable {
    private(set) var elements: [Element]

    /// Heapifies `elements`. Complexity: O(n).
    init(_ elements: [Element]) {
        self.elements = elements
        var i = elements.count / 2
        while i > 0 {
            i -= 1
            siftDown(i)
        }
    }

    var isEmpty: Bool { elements.isEmpty }
    var count: Int { elements.count }

    /// The largest element.
    var top: Element? { elements.first }

    /// Adds `element`. Complexity: O(log n).
    mutating func insert(_ element: Element) {
        elements.append(element)
        var i = elements.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if !(elements[parent] < element) { break }
            elements[i] = elements[parent]
            i = parent
        }
        elements[i] = element
    }

    /// Removes and returns the largest element. Complexity: O(log n).
    @discardableResult
    mutating func removeTop() -> Element? {
        guard let first = elements.first else { return nil }
        let last = elements.removeLast()
        if !elements.isEmpty {
            elements[0] = last
            siftDown(0)
        }
        return first
    }

    /// Replaces the largest element by `element` (which may be smaller). Complexity: O(log n).
    mutating func replaceTop(with element: Element) {
        elements[0] = element
        siftDown(0)
    }

    private mutating func siftDown(_ start: Int) {
        let count = elements.count
        let value = elements[start]
        var i = start
        while true {
            let left = 2 * i + 1
            if left >= count { break }
            var child = left
            if left + 1 < count, elements[left] < elements[left + 1] { child = left + 1 }
            if !(value < elements[child]) { break }
            elements[i] = elements[child]
            i = child
        }
        elements[i] = value
    }
}

/// The one top-k helper: the `k` indices of largest `scores`, largest first, ties by smaller index.
///
/// Complexity: O(n + k log n).
enum TopK {
    static func indices(of scores: [Double], _ k: Int) -> [Int] {
        var heap = ScoreHeap(scores)
        var result: [Int] = []
        result.reserveCapacity(max(0, min(k, scores.count)))
        while result.count < k, let (node, _) = heap.pop() { result.append(node) }
        return result
    }
}
