/// A binary max-heap of (score, node) entries with lazy deletion, shared by the score-based
/// selectors (the heuristics, CELF): an entry is current only while its score equals the node's
/// latest score and the node is still unchosen; every score change pushes a fresh entry.
///
/// Order: higher score first, then smaller node id, so results are deterministic.
///
/// Complexity: O(n) to build, O(log n) per push and per pop (amortised over stale entries).
struct ScoreHeap {
    private var scores: [Double] = []
    private var nodes: [UInt32] = []

    /// A heap holding every node `0..<initial.count` with its initial score.
    init(_ initial: [Double]) {
        scores = initial
        nodes = (0..<initial.count).map { UInt32($0) }
        var i = initial.count / 2
        while i > 0 { i -= 1; siftDown(i) }
    }

    var isEmpty: Bool { nodes.isEmpty }

    @inline(__always)
    private func above(_ i: Int, _ j: Int) -> Bool {
        scores[i] > scores[j] || (scores[i] == scores[j] && nodes[i] < nodes[j])
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        scores.swapAt(i, j)
        nodes.swapAt(i, j)
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        let count = nodes.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var best = i
            if l < count, above(l, best) { best = l }
            if r < count, above(r, best) { best = r }
            if best == i { return }
            swapAt(i, best)
            i = best
        }
    }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard above(i, parent) else { return }
            swapAt(i, parent)
            i = parent
        }
    }

    /// Adds an entry (a node's new score; older entries of the node become stale).
    mutating func push(_ node: Int, _ score: Double) {
        scores.append(score)
        nodes.append(UInt32(node))
        siftUp(nodes.count - 1)
    }

    /// Removes and returns the best entry.
    mutating func pop() -> (node: Int, score: Double)? {
        guard let topNode = nodes.first, let topScore = scores.first else { return nil }
        let last = nodes.count - 1
        swapAt(0, last)
        nodes.removeLast()
        scores.removeLast()
        if !nodes.isEmpty { siftDown(0) }
        return (Int(topNode), topScore)
    }

    /// Pops until an entry is current (`score == current[node]`, node not chosen) and returns it.
    mutating func popCurrent(current: [Double], chosen: [Bool]) -> Int? {
        while let (node, score) = pop() {
            if !chosen[node], score == current[node] { return node }
        }
        return nil
    }

    /// The `k` best nodes of a fixed score vector, best first (ties: smaller id), with the time
    /// on `watch` at each choice.
    ///
    /// Complexity: O(n + k log n).
    static func top(_ k: Int, of scores: [Double], watch: Stopwatch = Stopwatch()) -> SeedRanking {
        var heap = ScoreHeap(scores)
        var seeds: [Int] = [], elapsed: [Double] = []
        seeds.reserveCapacity(k)
        elapsed.reserveCapacity(k)
        while seeds.count < k, let (node, _) = heap.pop() {
            seeds.append(node)
            elapsed.append(watch.seconds)
        }
        return SeedRanking(seeds: seeds, seconds: watch.seconds, elapsed: elapsed)
    }
}
