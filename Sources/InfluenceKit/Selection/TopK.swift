/// The one top-k helper: the `k` indices of largest `scores`, largest first, ties by smaller index.
enum TopK {
    /// Complexity: O(n + k log n).
    static func indices(of scores: [Double], _ k: Int) -> [Int] {
        var heap = ScoreHeap(scores)
        var result: [Int] = []
        result.reserveCapacity(max(0, min(k, scores.count)))
        while result.count < k, let (node, _) = heap.pop() { result.append(node) }
        return result
    }
}
