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
/// - `.binomial` — all in-arcs share one probability p < 1 and few are live on average (weighted
///   cascade: one): draw how many are live, K ~ Binomial(d, p), by inverting a precomputed
///   distribution table, then which K, uniformly without replacement (given K, every K-subset of
///   equally likely arcs is equally likely); a node costs about 2 + K draws and no logarithm;
/// - `.geometric` — all in-arcs share one probability p < 1: jump from live arc to live arc with
///   geometric skips ⌊ln U / ln(1 − p)⌋, so a node costs about 1 + d·p draws instead of d;
/// - `.bucketed` — unequal probabilities: the in-arcs sorted by probability are cut into buckets
///   with probabilities in (2^−(j+1), 2^−j]; each bucket is skipped through geometrically with
///   its largest probability p̄ and a candidate arc is kept with probability p/p̄ ≥ 1/2;
/// - `.coins` — one coin per arc, chosen when that is expected to be cheaper (few arcs or large
///   probabilities); `.uniformCoins` when they share one probability, kept in the node's record
///   so the per-arc probabilities are not read.
/// All methods draw exactly the same distribution as one coin per arc (to the 2^−53 resolution of
/// a uniform draw: the binomial tables end where the remaining mass falls below it). Coins and the
/// bucket's keep-or-drop draws compare 63 bits against a `CoinThreshold`; the probabilities the
/// tables are built from are the thresholds' (Double, not rounded to Float).
struct ICSubsetTables: Sendable {
    enum Mode: UInt8 {
        case none = 0, all = 1, coins = 2, geometric = 3, bucketed = 4, binomial = 5, uniformCoins = 6
    }

    /// Each node's in-arc range, mode and parameter: 1/ln(1 − p) for `.geometric`, the bit
    /// pattern of the shared `CoinThreshold` for `.uniformCoins`; for `.bucketed` and `.binomial`, the bit pattern of (first bucket or table
    /// entry << 8 | count).
    let nodes: PinnedBuffer<SamplingNode>
    /// In-arc sources of `.bucketed` nodes sorted by decreasing probability, at the same row
    /// positions as the graph's reverse CSR (empty when no node is bucketed).
    let sortedSources: PinnedBuffer<UInt32>
    /// Per arc of `sortedSources`, a `CoinThreshold`: of p in a bucket drawn with one coin per
    /// arc, of p / p̄ (keeping a candidate) in a bucket skipped through geometrically.
    let sortedThresholds: PinnedBuffer<UInt64>
    /// End (exclusive arc position) of each bucket; a bucket starts where the previous one of the
    /// same node ends, the first at the node's row start.
    let bucketEnds: PinnedBuffer<Int>
    /// 1 / ln(1 − p̄) per bucket, or 0 when the bucket is drawn with one coin per arc.
    let bucketInverseLogMiss: PinnedBuffer<Double>
    /// How many nodes use each mode (for reports and tests).
    let modeCounts: [Int]

    /// Whether sampling reads the per-arc thresholds (some node draws one coin per arc).
    var readsArcThresholds: Bool { modeCounts[Int(Mode.coins.rawValue)] > 0 || modeCounts[Int(Mode.bucketed.rawValue)] > 0 }
    /// Binomial distribution tables of `.binomial` nodes (shared by nodes with the same d and p);
    /// a node's parameter holds the bit pattern of (table start << 8 | table length).
    let binomialCDF: PinnedBuffer<Double>

    /// Bytes held by the tables.
    var memoryBytes: Int {
        nodes.memoryBytes + sortedSources.memoryBytes + sortedThresholds.memoryBytes
            + bucketEnds.memoryBytes + bucketInverseLogMiss.memoryBytes
            + binomialCDF.memoryBytes
    }

    /// Builds the tables.
    ///
    /// - Parameter costs: the method costs each node's choice minimises (expected coins d, skips
    ///   (d·p + 1) × skip, binomial count + d·p × arc; buckets (2·Σp + buckets) × skip).
    /// - Precondition: m < 2³² and every in-degree below 2²⁹ (`SamplingNode`'s packing).
    /// - Complexity: O(n + m log d_max).
    init(graph: InfluenceGraph, inThresholds: [UInt64], costs: SubsetSamplingCosts) {
        self.init(graph: graph, inThresholds: inThresholds, nodeThresholds: nil, costs: costs)
    }

    /// The tables when every in-arc of node v has the threshold `nodeThresholds[v]` (weighted
    /// cascade): the same tables as from the per-arc thresholds, without them.
    /// Complexity: O(n) plus the binomial tables.
    init(graph: InfluenceGraph, nodeThresholds: [UInt64], costs: SubsetSamplingCosts) {
        self.init(graph: graph, inThresholds: [], nodeThresholds: nodeThresholds, costs: costs)
    }

    private init(graph: InfluenceGraph, inThresholds: [UInt64], nodeThresholds: [UInt64]?, costs: SubsetSamplingCosts) {
        let n = graph.nodeCount
        var mode = [UInt8](repeating: Mode.none.rawValue, count: n)
        var inverseLogMiss = [Double](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 7)
        var binomialStart = [Int](repeating: 0, count: n), binomialLength = [Int](repeating: 0, count: n)
        var tables = [Double]()
        var tableOf = [BinomialKey: (Int, Int)]()
        var bucketed = [Int]()
        let offsets = graph.inOffsets, thresholds = inThresholds
        for v in 0..<n {
            let start = offsets[v], end = offsets[v + 1]
            let d = end - start
            var chosen = Mode.none
            if d > 0 {
                var low = UInt64.max, high: UInt64 = 0, sum = 0.0
                if let nodeThresholds {
                    low = nodeThresholds[v]; high = low; sum = Double(d) * CoinThreshold.probability(low)
                } else {
                    for a in start..<end {
                        let t = thresholds[a]
                        low = min(low, t); high = max(high, t); sum += CoinThreshold.probability(t)
                    }
                }
                if high == 0 {
                    chosen = .none
                } else if low >= CoinThreshold.always {
                    chosen = .all
                } else if low == high {
                    let p = CoinThreshold.probability(low)
                    let mean = Double(d) * p
                    let coins = Double(d) * costs.coin
                    let skips = (mean + 1) * costs.skip
                    let binomial = mean <= costs.binomialMaxMean ? costs.binomialCount + mean * costs.binomialArc : .infinity
                    if binomial < coins && binomial <= skips {
                        chosen = .binomial
                        let key = BinomialKey(degree: d, threshold: low)
                        if let found = tableOf[key] {
                            (binomialStart[v], binomialLength[v]) = found
                        } else {
                            let table = Self.binomialTable(degree: d, probability: p)
                            let entry = (tables.count, table.count)
                            tables.append(contentsOf: table)
                            tableOf[key] = entry
                            (binomialStart[v], binomialLength[v]) = entry
                        }
                    } else if skips < coins {
                        chosen = .geometric
                        inverseLogMiss[v] = 1 / log1p(-p)
                    } else {
                        chosen = .uniformCoins
                        inverseLogMiss[v] = Double(bitPattern: low)
                    }
                } else {
                    // Expected candidates with buckets: at most 2·Σp + number of buckets (≤ 2 + log2 of the spread).
                    let buckets = 2 + max(0, log2(Double(high) / Double(max(low, 1))))
                    if (2 * sum + buckets) * costs.skip < Double(d) * costs.coin {
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

        var sortedSources = [UInt32](), sortedThresholds = [UInt64]()
        var bucketFirst = [Int](repeating: 0, count: n), bucketCount = [Int](repeating: 0, count: n)
        var bucketEnds = [Int](), bucketInverse = [Double]()
        if !bucketed.isEmpty {
            sortedSources = graph.inSources
            sortedThresholds = thresholds
            var row = [(UInt64, UInt32)]()
            for v in 0..<n {
                guard mode[v] == Mode.bucketed.rawValue else { continue }
                bucketFirst[v] = bucketEnds.count
                let start = offsets[v], end = offsets[v + 1]
                row.removeAll(keepingCapacity: true)
                for a in start..<end where thresholds[a] > 0 { row.append((thresholds[a], graph.inSources[a])) }
                row.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
                for (i, arc) in row.enumerated() {
                    sortedThresholds[start + i] = arc.0
                    sortedSources[start + i] = arc.1
                }
                // Cut into buckets by j = ⌊−log2 p⌋ (capped), in decreasing probability.
                var i = 0
                while i < row.count {
                    let j = Self.bucket(of: CoinThreshold.probability(row[i].0))
                    var e = i + 1
                    while e < row.count, Self.bucket(of: CoinThreshold.probability(row[e].0)) == j { e += 1 }
                    let top = CoinThreshold.probability(row[i].0)
                    let size = Double(e - i)
                    bucketEnds.append(start + e)
                    if top < 1, (size * top + 1) * costs.skip < size * costs.coin {
                        bucketInverse.append(1 / log1p(-top))
                        // Candidates come at rate p̄: keep each with probability p / p̄.
                        for k in i..<e {
                            sortedThresholds[start + k] = CoinThreshold.of(CoinThreshold.probability(row[k].0) / top)
                        }
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
            let parameter: Double
            switch mode[v] {
            case Mode.bucketed.rawValue: parameter = Double(bitPattern: UInt64(bucketFirst[v]) << 8 | UInt64(bucketCount[v]))
            case Mode.binomial.rawValue: parameter = Double(bitPattern: UInt64(binomialStart[v]) << 8 | UInt64(binomialLength[v]))
            default: parameter = inverseLogMiss[v] // 1/ln(1 − p) for skips, the threshold's bits for uniform coins
            }
            nodes.append(SamplingNode(start: offsets[v], degree: offsets[v + 1] - offsets[v], mode: mode[v], parameter: parameter))
        }
        self.nodes = PinnedBuffer(nodes)
        self.sortedSources = PinnedBuffer(sortedSources)
        self.sortedThresholds = PinnedBuffer(sortedThresholds)
        self.bucketEnds = PinnedBuffer(bucketEnds)
        self.bucketInverseLogMiss = PinnedBuffer(bucketInverse)
        self.modeCounts = counts
        self.binomialCDF = PinnedBuffer(tables)
    }

    private struct BinomialKey: Hashable {
        var degree: Int
        var threshold: UInt64
    }

    /// Cumulative probabilities P(K ≤ j) of K ~ Binomial(d, p), j = 0, 1, …, until the remaining
    /// mass is below 2^−53 (or j = d); the last entry is set to 1 so every uniform draw in [0, 1)
    /// finds its K. At most 255 entries.
    static func binomialTable(degree d: Int, probability p: Double) -> [Double] {
        var table = [Double]()
        var mass = exp(Double(d) * log1p(-p)) // P(K = 0)
        var cumulative = 0.0
        let ratio = p / (1 - p)
        var j = 0
        while true {
            cumulative += mass
            table.append(cumulative)
            if j == d || 1 - cumulative < 0x1.0p-53 || table.count == 255 { break }
            mass *= Double(d - j) / Double(j + 1) * ratio
            j += 1
        }
        table[table.count - 1] = 1
        return table
    }

    /// The bucket index j with p in (2^−(j+1), 2^−j], capped at 62.
    static func bucket(of p: Double) -> Int {
        if p >= 1 { return 0 }
        return min(62, Int((-log2(p)).rounded(.down)))
    }
}
