import InfluenceKit

/// The undirected simple graph a GCN sees, and its propagation matrix
/// Â = D^−½ (A + I) D^−½ (Kipf & Welling, ICLR 2017, https://arxiv.org/abs/1609.02907).
///
/// Arcs are taken in both directions (a GCN's graph is undirected), self-loops and repeated
/// arcs in the input are dropped, and every node gets one self-loop here — whatever the graph
/// loader kept or dropped — so D counts it: d_i = 1 + (neighbours of i).
public struct UndirectedEdges: Sendable, Equatable {
    public let nodeCount: Int
    /// Each edge once, `first[e] < second[e]`, sorted.
    public let first: [UInt32]
    public let second: [UInt32]

    public var count: Int { first.count }

    /// The edges of `graph` without direction. Complexity: O(m log m).
    public init(_ graph: InfluenceGraph) {
        var pairs: [UInt64] = []
        pairs.reserveCapacity(graph.arcCount)
        for u in 0..<graph.nodeCount {
            for a in graph.outOffsets[u]..<graph.outOffsets[u + 1] {
                let v = Int(graph.outTargets[a])
                if v == u { continue }
                let (lo, hi) = u < v ? (u, v) : (v, u)
                pairs.append(UInt64(lo) << 32 | UInt64(hi))
            }
        }
        self.init(nodeCount: graph.nodeCount, packedPairs: pairs)
    }

    /// Edges from `(u, v)` pairs (either order; self-loops and repeats dropped).
    public init(nodeCount: Int, pairs: [(Int, Int)]) {
        let packed = pairs.compactMap { (u, v) -> UInt64? in
            precondition(u >= 0 && v >= 0 && u < nodeCount && v < nodeCount, "edge (\(u), \(v)) outside 0..<\(nodeCount)")
            if u == v { return nil }
            return UInt64(min(u, v)) << 32 | UInt64(max(u, v))
        }
        self.init(nodeCount: nodeCount, packedPairs: packed)
    }

    private init(nodeCount: Int, packedPairs: [UInt64]) {
        var pairs = packedPairs
        pairs.sort()
        var first: [UInt32] = [], second: [UInt32] = []
        var last: UInt64 = .max
        for p in pairs where p != last {
            last = p
            first.append(UInt32(truncatingIfNeeded: p >> 32))
            second.append(UInt32(truncatingIfNeeded: p))
        }
        self.nodeCount = nodeCount
        self.first = first
        self.second = second
    }

    private init(nodeCount: Int, first: [UInt32], second: [UInt32]) {
        self.nodeCount = nodeCount
        self.first = first
        self.second = second
    }

    /// Each edge kept with probability 1 − `rate` (GRACE's edge dropping), from `rng`.
    public func dropping<R: RandomNumberGenerator>(rate: Double, using rng: inout R) -> UndirectedEdges {
        var f: [UInt32] = [], s: [UInt32] = []
        for e in 0..<count where Double(rng.next() >> 11) * 0x1p-53 >= rate {
            f.append(first[e])
            s.append(second[e])
        }
        return UndirectedEdges(nodeCount: nodeCount, first: f, second: s)
    }

    /// Â = D^−½ (A + I) D^−½ as a symmetric CSR matrix. Complexity: O(n + m).
    public func normalizedAdjacency<T: TrainingScalar>(_: T.Type = T.self) -> SparseMatrix<T> {
        let n = nodeCount
        var degree = [Int](repeating: 1, count: n)
        for e in 0..<count { degree[Int(first[e])] += 1; degree[Int(second[e])] += 1 }
        var offsets = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { offsets[i + 1] = offsets[i] + degree[i] }
        var next = offsets
        var columns = [UInt32](repeating: 0, count: offsets[n])
        for i in 0..<n { columns[next[i]] = UInt32(i); next[i] += 1 }
        for e in 0..<count {
            let u = Int(first[e]), v = Int(second[e])
            columns[next[u]] = UInt32(v); next[u] += 1
            columns[next[v]] = UInt32(u); next[v] += 1
        }
        let scale = degree.map { 1 / Double($0).squareRoot() }
        var values = [T](repeating: 0, count: offsets[n])
        for i in 0..<n {
            columns[offsets[i]..<offsets[i + 1]].sort()
            for e in offsets[i]..<offsets[i + 1] { values[e] = T(scale[i] * scale[Int(columns[e])]) }
        }
        return SparseMatrix(rows: n, columns: n, offsets: offsets, columnIndices: columns, values: values)
    }
}
