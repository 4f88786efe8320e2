import InfluenceKit

/// Seeds ranked by embeddings: a regressor learns single-node spread from node embeddings, and
/// seeds are then picked greedily with a diversity penalty.
///
/// 1. Embeddings: DGI (`DeepGraphInfomax`) on the graph with `StructuralFeatures` (identity-free:
///    degrees, reversed PageRank, two-hop reach; the IM graphs have no node attributes),
///    `dimensions` wide.
/// 2. Targets: `rrSets` RR sets of the bound model give every node's single-node spread estimate
///    n · cov(v) / θ; the regressor sees only a random sample of `trainingNodes` of them.
/// 3. Regressor: ridge regression of log(1 + spread) on [embedding, 1] (λ = `ridge` · mean
///    diagonal of the Gram matrix), solved by Cholesky; every node gets a predicted spread ŝ.
/// 4. Greedy with a diversity penalty: take the node of largest
///    ŝ(v) · (1 − `similarityPenalty` · max_{s ∈ S} cos⁺(h_v, h_s)) · (`neighbourDiscount` if v
///    is adjacent to a chosen seed, else 1), S the seeds so far. Scores only fall as S grows, so
///    a lazy max-heap evaluates each candidate again only when it reaches the top.
///
/// The answer for k′ < k is the prefix of the answer for k. Every random choice (DGI, RR sets,
/// the training sample) flows from `seed`.
public struct EmbeddingSeedSelector: SeedSelector {
    public struct Configuration: Sendable {
        public var dimensions = 64
        public var maxEpochs = 300
        public var learningRate = 0.005
        public var rrSets = 100_000
        public var trainingNodes = 2_000
        public var ridge = 0.01
        public var similarityPenalty = 0.5
        public var neighbourDiscount = 0.5
        public init() {}
    }

    public let model: any DiffusionModel
    public let configuration: Configuration
    public let seed: UInt64
    public let threads: Int
    public var name: String { "embedding" }
    public var nestedPrefixes: Bool { true }

    public init(model: any DiffusionModel, configuration: Configuration = Configuration(), seed: UInt64, threads: Int) {
        self.model = model
        self.configuration = configuration
        self.seed = seed
        self.threads = threads
    }

    /// What the learned ranking is built from, for inspection: embeddings, the RR estimates of
    /// the training nodes, and every node's predicted spread.
    public struct Scores: Sendable {
        public var embeddings: Matrix<Float>
        public var trainingNodes: [Int]
        public var estimatedSpread: [Double]
        public var predictedSpread: [Double]
    }

    public func scores() throws(InfluenceError) -> Scores {
        let graph = model.graph
        let n = graph.nodeCount, c = configuration
        var dgi = DeepGraphInfomax(configuration: .init(dimensions: c.dimensions, learningRate: c.learningRate, maxEpochs: c.maxEpochs,
                                                        seed: seed, threads: threads, normalizeFeatures: false))
        try dgi.train(features: StructuralFeatures.of(graph), edges: UndirectedEdges(graph))
        let h = dgi.embeddings!
        let sampler = try RRSetSampler(model: model)
        let pool = sampler.sample(RRSetSampler.roundedToTasks(c.rrSets), seed: seed, poolID: RRPool.selection, workers: threads)
        var cover = [Int](repeating: 0, count: n)
        for m in pool.members { cover[Int(m)] += 1 }
        let estimate = cover.map { Double(n) * Double($0) / Double(pool.count) }
        var rng = Xoshiro256StarStar(seed: seed, stream: 0x454D_4245_4400_0000)
        var nodes = Array(0..<n)
        let m = min(n, c.trainingNodes)
        for i in 0..<m { nodes.swapAt(i, i + Int(rng.nextBelow(UInt64(n - i)))) }
        let train = Array(nodes[0..<m]).sorted()
        let w = Self.ridgeFit(h, rows: train, targets: train.map { log1p(estimate[$0]) }, ridge: c.ridge)
        let d = h.columns
        let predicted = (0..<n).map { v -> Double in
            var s = w[d]
            for j in 0..<d { s += w[j] * Double(h.values[v * d + j]) }
            return max(0, expm1(s))
        }
        return Scores(embeddings: h, trainingNodes: train, estimatedSpread: estimate, predictedSpread: predicted)
    }

    public func select(k: Int) throws(InfluenceError) -> SeedRanking {
        let graph = model.graph
        guard k >= 1, k <= graph.nodeCount else {
            throw InfluenceError(.usage, parameter: "k", "embedding: k = \(k) (expected 1 ≤ k ≤ \(graph.nodeCount), the graph's node count)")
        }
        let watch = Stopwatch()
        let s = try scores()
        let (unit, _) = Activations.rowNormalized(s.embeddings)
        let n = graph.nodeCount, d = unit.columns, c = configuration
        var maxSimilarity = [Double](repeating: 0, count: n)
        var adjacent = [Bool](repeating: false, count: n)
        var taken = [Bool](repeating: false, count: n)
        func score(_ v: Int) -> Double {
            s.predictedSpread[v] * max(0, 1 - c.similarityPenalty * maxSimilarity[v]) * (adjacent[v] ? c.neighbourDiscount : 1)
        }
        // Larger score first, ties to the smaller node.
        var heap = BinaryMaxHeap((0..<n).map { ScoredNode(score: s.predictedSpread[$0], node: $0) })
        var seeds: [Int] = [], elapsed: [Double] = []
        while seeds.count < k, let entry = heap.removeTop() {
            let v = Int(entry.node), stale = entry.score
            if taken[v] { continue }
            let fresh = score(v)
            if fresh < stale, let top = heap.top?.score, fresh < top { heap.insert(ScoredNode(score: fresh, node: v)); continue }
            taken[v] = true
            seeds.append(v)
            elapsed.append(watch.seconds)
            for a in graph.outOffsets[v]..<graph.outOffsets[v + 1] { adjacent[Int(graph.outTargets[a])] = true }
            for a in graph.inOffsets[v]..<graph.inOffsets[v + 1] { adjacent[Int(graph.inSources[a])] = true }
            unit.values.withUnsafeBufferPointer { u in
                for w in 0..<n where !taken[w] {
                    var dot: Float = 0
                    for j in 0..<d { dot += u[v * d + j] * u[w * d + j] }
                    if Double(dot) > maxSimilarity[w] { maxSimilarity[w] = Double(dot) }
                }
            }
        }
        return SeedRanking(seeds: seeds, seconds: watch.seconds, elapsed: elapsed)
    }

    /// Ridge regression of `targets` on [h_row, 1] over `rows`: (AᵀA + λI) w = Aᵀy by Cholesky,
    /// λ = ridge · mean diagonal of AᵀA (the intercept unpenalised).
    static func ridgeFit(_ h: Matrix<Float>, rows: [Int], targets: [Double], ridge: Double) -> [Double] {
        let d = h.columns, p = d + 1
        var gram = [Double](repeating: 0, count: p * p), rhs = [Double](repeating: 0, count: p)
        var a = [Double](repeating: 1, count: p)
        for (r, row) in rows.enumerated() {
            for j in 0..<d { a[j] = Double(h.values[row * d + j]) }
            for i in 0..<p {
                rhs[i] += a[i] * targets[r]
                for j in 0...i { gram[i * p + j] += a[i] * a[j] }
            }
        }
        var trace = 0.0
        for j in 0..<d { trace += gram[j * p + j] }
        let lambda = ridge * max(trace / Double(max(d, 1)), 1e-12)
        for j in 0..<d { gram[j * p + j] += lambda }
        gram[d * p + d] += 1e-9 * max(1, gram[d * p + d])
        // Cholesky: gram = L Lᵀ (lower triangle), then two triangular solves.
        for j in 0..<p {
            var s = gram[j * p + j]
            for k in 0..<j { s -= gram[j * p + k] * gram[j * p + k] }
            let pivot = max(s, 1e-12).squareRoot()
            gram[j * p + j] = pivot
            for i in (j + 1)..<max(j + 1, p) {
                var t = gram[i * p + j]
                for k in 0..<j { t -= gram[i * p + k] * gram[j * p + k] }
                gram[i * p + j] = t / pivot
            }
        }
        var z = rhs
        for i in 0..<p { for k in 0..<i { z[i] -= gram[i * p + k] * z[k] }; z[i] /= gram[i * p + i] }
        for i in stride(from: p - 1, through: 0, by: -1) { for k in (i + 1)..<max(i + 1, p) { z[i] -= gram[k * p + i] * z[k] }; z[i] /= gram[i * p + i] }
        return z
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
