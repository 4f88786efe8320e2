/// Per-node tables for reverse sampling under linear threshold: each reached node keeps at most
/// one in-arc, arc (u, v) with probability w(u, v) and none with 1 − Σ w (Kempe, Kleinberg, Tardos,
/// KDD 2003, live-edge view; Tang, Shi, Xiao, SIGMOD 2015, §2 for RR sets).
///
/// - `.none` — no in-arc (or all weights 0): the walk ends;
/// - `.uniformFull` — equal weights summing to 1 (within 10⁻⁵, the loader's tolerance): one
///   uniform index, no search;
/// - `.uniformPartial` — equal weights w summing below 1: U < d·w picks arc ⌊U/w⌋, else none;
/// - `.cumulative` — unequal weights: binary search of U in the node's cumulative weights.
struct LTTables: ReverseSamplingTables {
    enum Mode: UInt8 {
        case none = 0, uniformFull = 1, uniformPartial = 2, cumulative = 3
    }

    /// Each node's in-arc range, mode and, for `.uniformPartial`, the shared weight.
    let nodes: PinnedBuffer<SamplingNode>
    /// Running sums of in-weights along each `.cumulative` row, at the reverse CSR's positions
    /// (empty when no node needs them).
    let cumulative: PinnedBuffer<Double>

    /// Bytes held by the tables.
    var memoryBytes: Int { nodes.memoryBytes + cumulative.memoryBytes }

    var methodName: String { "reverse-walk" }

    /// - Precondition: m < 2³² and every in-degree below 2²⁹ (`SamplingNode`'s packing).
    /// - Complexity: O(n + m).
    init(graph: InfluenceGraph, inWeights weights: [Float]) {
        let n = graph.nodeCount
        var mode = [UInt8](repeating: Mode.none.rawValue, count: n)
        var uniform = [Double](repeating: 0, count: n)
        var needsCumulative = false
        let offsets = graph.inOffsets
        for v in 0..<n {
            let start = offsets[v], end = offsets[v + 1]
            guard end > start else { continue }
            var low = Float.infinity, high: Float = 0, sum = 0.0
            for a in start..<end {
                low = min(low, weights[a]); high = max(high, weights[a]); sum += Double(weights[a])
            }
            if high <= 0 { continue }
            if low == high {
                if sum >= 1 - 1e-5 {
                    mode[v] = Mode.uniformFull.rawValue
                } else {
                    mode[v] = Mode.uniformPartial.rawValue
                    uniform[v] = Double(low)
                }
            } else {
                mode[v] = Mode.cumulative.rawValue
                needsCumulative = true
            }
        }
        var cumulative = [Double]()
        if needsCumulative {
            cumulative = [Double](repeating: 0, count: graph.arcCount)
            for v in 0..<n where mode[v] == Mode.cumulative.rawValue {
                var running = 0.0
                for a in offsets[v]..<offsets[v + 1] {
                    running += Double(weights[a])
                    cumulative[a] = running
                }
            }
        }
        var nodes = [SamplingNode]()
        nodes.reserveCapacity(n)
        for v in 0..<n {
            nodes.append(SamplingNode(start: offsets[v], degree: offsets[v + 1] - offsets[v], mode: mode[v], parameter: uniform[v]))
        }
        self.nodes = PinnedBuffer(nodes)
        self.cumulative = PinnedBuffer(cumulative)
    }
}
