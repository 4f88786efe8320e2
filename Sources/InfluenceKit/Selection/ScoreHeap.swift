/// A max-heap of (score, node) entries with lazy deletion, shared by the score-based selectors (the
/// heuristics, CELF): an entry is current only while its score equals the node's latest score and
/// the node is still unchosen; every score change pushes a fresh entry.
///
/// Order: higher score first, then smaller node id (`ScoredNode`), so results are deterministic.
///
/// Complexity: O(n) to build, O(log n) per push and per pop (amortised over stale entries).
struct ScoreHeap {
    private var heap: BinaryMaxHeap<ScoredNode>

    /// A heap holding every node `0..<initial.count` with its initial score.
    init(_ initial: [Double]) {
        heap = BinaryMaxHeap(initial.indices.map { ScoredNode(score: initial[$0], node: $0) })
    }

    var isEmpty: Bool { heap.isEmpty }

    /// Adds an entry (a node's new score; older entries of the node become stale).
    mutating func push(_ node: Int, _ score: Double) {
        heap.insert(ScoredNode(score: score, node: node))
    }

    /// Removes and returns the best entry.
    mutating func pop() -> (node: Int, score: Double)? {
        guard let top = heap.removeTop() else { return nil }
        return (Int(top.node), top.score)
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
