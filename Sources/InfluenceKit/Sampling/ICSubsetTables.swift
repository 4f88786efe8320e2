#if canImport(Glibc)
import Glibc
#endif

/// Per-node tables for subset sampling under independent cascade (Guo, Tang, Tang, Xiao,
/// "Influence Maximization Revisited: Efficient Sampling with Bound Tightened", SIGMOD 2020).
///
/// Drawing the live in-arcs of a node is subset sampling: each arc is live independently with its
/// probability. Each node gets the cheapest exact method for its in-arcs:
/// - `.none` — no in-arc can be live (no in-arcs, or all probabilities 0);
/// - `.all` — every in-arc has probability 1;
/// - `.geometric` — all in-arcs share one probability p < 1: jump from live arc to live arc with
///   geometric skips ⌊ln U / ln(1 − p)⌋, so a node costs about 1 + d·p draws instead of d;
/// - `.bucketed` — unequal probabilities: the in-arcs sorted by probability are cut into buckets
///   with probabilities in (2^−(j+1), 2^−j]; each bucket is skipped through geometrically with
///   its largest probability p̄ and a candidate arc is kept with probability p/p̄ ≥ 1/2;
/// - `.coins` — one coin per arc, chosen when that is expected to be cheaper (few arcs or large
///   probabilities).
/// All methods draw exactly the same distribution as one coin per arc.
struct ICSubsetTables: Sendable {
    enum Mode: UInt8 {
        case none = 0, all = 1, coins = 2, geometric = 3, bucketed = 4
    }

    /// Each node's in-arc range, mode and parameter: 1/ln(1 − p) for `.geometric`; for
    /// `.bucketed`, the bit pattern of (first bucket << 8 | bucket count).
    let nodes: PinnedBuffer<SamplingNode>
    /// In-arc sources of `.bucketed` nodes sorted by decreasing probability, at the same row
    /// positions as the graph's reverse CSR (empty when no node is bucketed).
    let sortedSources: PinnedBuffer<UInt32>
    /// Probabilities matching `sortedSources`.
    let sortedProbabilities: PinnedBuffer<Float>
    /// End (exclusive arc position) of each bucket; a bucket starts where the previous one of the
    /// same node ends, the first at the node's row start.
    let bucketEnds: PinnedBuffer<Int>
    /// Largest probability in each bucket, p̄.
    let bucketMaxProbability: PinnedBuffer<Float>
    /// 1 / ln(1 − p̄) per bucket, or 0 when the bucket is drawn with one coin per arc.
    let bucketInverseLogMiss: PinnedBuffer<Double>
    /// How many nodes use each mode (for reports and tests).
    let modeCounts: [Int]

    /// Bytes held by the tables.
    var memoryBytes: Int {
        nodes.memoryBytes + sortedSources.memoryBytes + sortedProbabilities.memoryBytes
            + bucketEnds.memoryBytes + bucketMaxProbability.memoryBytes + bucketInverseLogMiss.memoryBytes
    }

    /// Builds the tables.
    ///
    /// - Parameter geometricCost: the cost of one geometric skip (a logarithm and a draw) in units
    ///   of one coin; a node or bucket uses skips when (expected live arcs + 1) × cost is below its
    ///   arc count. 0 forces skips wherever they apply.
    /// - Precondition: m < 2³² and every in-degree below 2²⁹ (`SamplingNode`'s packing).
    /// - Complexity: O(n + m log d_max).
    init(graph: InfluenceGraph, geometricCost: Double) {
        let n = graph.nodeCount
        var mode = [UInt8](repeating: Mode.none.rawValue, count: n)
        var inverseLogMiss = [Double](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 5)
        var bucketed = [Int]()
        let offsets = graph.inOffsets, probabilities = graph.inProbabilities
        for v in 0..<n {
            let start = offsets[v], end = offsets[v + 1]
            let d = end - start
            var chosen = Mode.none
            if d > 0 {
                var low = Float.infinity, high: Float = 0, sum = 0.0
                for a in start..<end {
                    let p = probabilities[a]
                    low = min(low, p); high = max(high, p); sum += Double(p)
                }
                if high <= 0 {
                    chosen = .none
                } else if low >= 1 {
                    chosen = .all
                } else if low == high {
                    let p = Double(low)
                    if (Double(d) * p + 1) * geometricCost < Double(d) {
                        chosen = .geometric
                        inverseLogMiss[v] = 1 / log1p(-p)
                    } else {
                        chosen = .coins
                    }
                } else {
                    // Expected candidates with buckets: at most 2·Σp + number of buckets (≤ 2 + log2 of the spread).
                    let buckets = 2 + max(0, log2(Double(high) / Double(max(low, 1e-30))))
                    if (2 * sum + buckets) * geometricCost < Double(d) {
                        chosen = .bucketed
                        bucketed.append(v)
                    } else {
                        chosen = .coins
                    }
                }
            }
            mode[v] = chosen.rawValue
            counts[Int(chosen.rawValue)] += 1
        }

        var sortedSources = [UInt32](), sortedProbabilities = [Float]()
        var bucketFirst = [Int](repeating: 0, count: n), bucketCount = [Int](repeating: 0, count: n)
        var bucketEnds = [Int](), bucketMax = [Float](), bucketInverse = [Double]()
        if !bucketed.isEmpty {
            sortedSources = graph.inSources
            sortedProbabilities = probabilities
            var row = [(Float, UInt32)]()
            for v in 0..<n {
                guard mode[v] == Mode.bucketed.rawValue else { continue }
                bucketFirst[v] = bucketEnds.count
                let start = offsets[v], end = offsets[v + 1]
                row.removeAll(keepingCapacity: true)
                for a in start..<end where probabilities[a] > 0 { row.append((probabilities[a], graph.inSources[a])) }
                row.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
                for (i, arc) in row.enumerated() {
                    sortedProbabilities[start + i] = arc.0
                    sortedSources[start + i] = arc.1
                }
                // Cut into buckets by j = ⌊−log2 p⌋ (capped), in decreasing probability.
                var i = 0
                while i < row.count {
                    let j = Self.bucket(of: row[i].0)
                    var e = i + 1
                    while e < row.count, Self.bucket(of: row[e].0) == j { e += 1 }
                    let top = Double(row[i].0)
                    let size = Double(e - i)
                    bucketEnds.append(start + e)
                    bucketMax.append(row[i].0)
                    if top < 1, (size * top + 1) * geometricCost < size {
                        bucketInverse.append(1 / log1p(-top))
                    } else {
                        bucketInverse.append(0)
                    }
                    i = e
                }
                bucketCount[v] = bucketEnds.count - bucketFirst[v]
            }
        }
        var nodes = [SamplingNode]()
        nodes.reserveCapacity(n)
        for v in 0..<n {
            let parameter = mode[v] == Mode.bucketed.rawValue
                ? Double(bitPattern: UInt64(bucketFirst[v]) << 8 | UInt64(bucketCount[v]))
                : inverseLogMiss[v]
            nodes.append(SamplingNode(start: offsets[v], degree: offsets[v + 1] - offsets[v], mode: mode[v], parameter: parameter))
        }
        self.nodes = PinnedBuffer(nodes)
        self.sortedSources = PinnedBuffer(sortedSources)
        self.sortedProbabilities = PinnedBuffer(sortedProbabilities)
        self.bucketEnds = PinnedBuffer(bucketEnds)
        self.bucketMaxProbability = PinnedBuffer(bucketMax)
        self.bucketInverseLogMiss = PinnedBuffer(bucketInverse)
        self.modeCounts = counts
    }

    /// The bucket index j with p in (2^−(j+1), 2^−j], capped at 62.
    static func bucket(of p: Float) -> Int {
        if p >= 1 { return 0 }
        return min(62, Int((-log2(Double(p))).rounded(.down)))
    }
}
