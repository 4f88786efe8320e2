#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The maximum-probability-path tree of a candidate graph, rooted at the virtual root x that has an
/// arc of p = 1 to every seed: for every node v reachable from S, the largest product of
/// probabilities over paths from x to v, p_path(v), and the last arc of one such path, v's
/// *critical edge* (the in-arc (u, v) maximising p_path(u) · p(u, v)).
///
/// Dijkstra on the weights −log p over the forward CSR, with the library's binary heap on
/// `DistanceEntry` (nearest first), only through the arcs the caller marks as present
/// (`include`). Ties between equally probable paths keep the first found, with the heap popping
/// smaller node ids first, so the tree is a function of the arc set alone. The workspace is reused across calls; only touched entries are reset.
struct MaximumProbabilityTree {
    let nodeCount: Int
    /// −log p_path(v) (+∞ when unreached).
    private(set) var distance: [Double]
    /// The critical edge of v (−1 for seeds, whose parent is x, and for unreached nodes).
    private(set) var parentArc: [Int]
    /// Nodes in the order Dijkstra settled them (parents before children).
    private(set) var order: [UInt32] = []
    /// Nodes in the subtree of v (itself included), after `computeSubtreeSizes()`.
    private(set) var subtreeSize: [Int32]
    /// The expected subtree size of v, after `computeSubtreeSizes()`: 1 + Σ over v's children c
    /// of p(v, c) · (c's expected subtree size), the expected number of nodes v reaches along the
    /// tree's paths once it is active.
    private(set) var subtreeWeight: [Double]
    private var settled: [Bool]
    private var heap: BinaryMaxHeap<DistanceEntry>

    init(nodeCount n: Int) {
        nodeCount = n
        distance = [Double](repeating: .infinity, count: n)
        parentArc = [Int](repeating: -1, count: n)
        subtreeSize = [Int32](repeating: 0, count: n)
        subtreeWeight = [Double](repeating: 0, count: n)
        settled = [Bool](repeating: false, count: n)
        heap = BinaryMaxHeap()
        heap.reserveCapacity(1024)
    }

    /// p_path(v) (0 when unreached). Complexity: O(1).
    @inline(__always)
    func pathProbability(_ v: Int) -> Double { distance[v].isFinite ? exp(-distance[v]) : 0 }

    /// Whether v is reached from S. Complexity: O(1).
    @inline(__always)
    func isReached(_ v: Int) -> Bool { distance[v].isFinite }

    /// Builds the tree over the arcs `a` of `problem.graph` with `include(a)`.
    ///
    /// - Complexity: O((n' + m') log m') with n' the reached nodes and m' the out-arcs of reached
    ///   nodes (every out-arc of a settled node is looked at once).
    mutating func build(_ problem: ClosedNetworkProblem, include: (Int) -> Bool) {
        for v in order { distance[Int(v)] = .infinity; parentArc[Int(v)] = -1; settled[Int(v)] = false; subtreeSize[Int(v)] = 0; subtreeWeight[Int(v)] = 0 }
        order.removeAll(keepingCapacity: true)
        heap.removeAll()
        for s in problem.seeds {
            distance[s] = 0
            heap.insert(DistanceEntry(distance: 0, node: UInt32(s)))
        }
        let g = problem.graph
        g.outOffsets.withUnsafeBufferPointer { offsets in
        g.outTargets.withUnsafeBufferPointer { targets in
        problem.weights.withUnsafeBufferPointer { weights in
            while let entry = heap.removeTop() {
                let d = entry.distance, node = entry.node
                let u = Int(node)
                if settled[u] || d > distance[u] { continue }
                settled[u] = true
                order.append(node)
                for a in offsets[u]..<offsets[u + 1] where include(a) {
                    let v = Int(targets[a])
                    let candidate = d + weights[a]
                    if candidate < distance[v] && !settled[v] {
                        distance[v] = candidate
                        parentArc[v] = a
                        heap.insert(DistanceEntry(distance: candidate, node: targets[a]))
                    }
                }
            }
        }
        }
        }
    }

    /// Fills `subtreeSize` and `subtreeWeight` from the last `build`. Complexity: O(reached nodes).
    mutating func computeSubtreeSizes(_ problem: ClosedNetworkProblem) {
        for v in order { subtreeSize[Int(v)] = 1; subtreeWeight[Int(v)] = 1 }
        for v in order.reversed() {
            let a = parentArc[Int(v)]
            if a >= 0 {
                subtreeSize[problem.tail(of: a)] += subtreeSize[Int(v)]
                subtreeWeight[problem.tail(of: a)] += problem.probabilities[a] * subtreeWeight[Int(v)]
            }
        }
    }
}
