import InfluenceKit

/// Seeds chosen by a regressor on node embeddings that learns the greedy's marginal gains, with
/// the RR estimate checking its shortlist, and checked against the degree baseline.
///
/// 1. Embeddings: DGI (`DeepGraphInfomax`) on the graph with `StructuralFeatures` (identity-free:
///    degrees, reversed PageRank, two-hop reach; the IM graphs have no node attributes),
///    `dimensions` wide.
/// 2. Targets: at least `rrSets` RR sets of the bound model, more (doubling, at most 2^22) until the
///    most-covered node is in 16,384 of them. Under the current seed set S, the marginal
///    gain of v is n · (sets containing v and no seed) / θ — what the greedy needs, not the
///    single-node spread (which ignores overlap with S). The regressor sees the gains of
///    `trainingNodes` nodes only, drawn once without replacement with weight 1 + degree (so the
///    few high-gain nodes are represented).
/// 3. Regressor: before every pick, ridge regression of log(1 + gain under S) on the features
///    [embedding h_v, the structural features, max cosine similarity of h_v to S, whether v is
///    adjacent to S, log(1 + neighbours of v in S), 1] (λ = `ridge` · mean diagonal of the
///    Gram matrix), solved by Cholesky, refitted on the gains under the current S; every node
///    not in S gets a predicted gain ĝ, scaled by (1 − `similarityPenalty` · max cos⁺(h_v, S)).
/// 4. Pick: of the `candidates` nodes with the largest scaled ĝ, the one whose gain on the RR
///    sets is largest (ties: smaller id). The regressor prunes the candidates; the sets decide
///    among the few it keeps (the learned-pruning design of GCOMB, Manchanda et al., NeurIPS
///    2020, https://proceedings.neurips.cc/paper/2020/hash/e7532dbeff7ef901f2e70daacb3f452d-Abstract.html).
/// 5. Check: the ranking and the degree baseline's are scored on fresh RR sets at every prefix;
///    when the learned ranking falls below degree at some k, the answer is degree's ranking and
///    `SeedRanking.note` says so (a front end reports it).
///
/// The answer for k′ < k is the prefix of the answer for k. Every random choice (DGI, RR sets,
/// the training sample) flows from `seed`.
public struct EmbeddingSeedSelector: SeedSelector {
    /// The method's knobs.
    public struct Configuration: Sendable {
        /// DGI embedding width.
        public var dimensions = 64
        /// DGI epochs at most.
        public var maxEpochs = 300
        /// DGI learning rate.
        public var learningRate = 0.005
        /// RR sets behind the marginal gains, at least (the same number again checks the answer).
        public var rrSets = 100_000
        /// Nodes whose gains train the regressor.
        public var trainingNodes = 2_000
        /// Ridge strength, relative to the mean diagonal of the Gram matrix.
        public var ridge = 0.01
        /// Penalty on the largest cosine similarity to a chosen seed, in [0, 1].
        public var similarityPenalty = 0.5
        /// How many nodes of largest predicted gain the RR sets choose among (1: the regressor alone).
        public var candidates = 64
        /// The defaults. Complexity: O(1).
        public init() {}
    }

    /// The coverage the most-covered node must reach before the sets stop growing (see `prepare`).
    public static let resolvingCoverage = 16_384
    /// The most RR sets the selection grows to (2^22; the check draws as many again).
    public static let maximumSets = 1 << 22

    /// The bound diffusion model.
    public let model: any DiffusionModel
    /// The knobs.
    public let configuration: Configuration
    /// The seed of every random choice.
    public let seed: UInt64
    /// Worker threads.
    public let threads: Int
    public var name: String { "embedding" }
    public var nestedPrefixes: Bool { true }

    /// A selector. Complexity: O(1).
    public init(model: any DiffusionModel, configuration: Configuration = Configuration(), seed: UInt64, threads: Int) {
        self.model = model
        self.configuration = configuration
        self.seed = seed
        self.threads = threads
    }

    /// What the learned choice is built from, for inspection: embeddings, the training nodes,
    /// their single-node spread estimates, and every node's predicted single-node spread (the
    /// regressor before the first pick).
    public struct Scores: Sendable {
        /// DGI embeddings, n × dimensions.
        public var embeddings: Matrix<Float>
        /// The training nodes, ascending.
        public var trainingNodes: [Int]
        /// n · cov(v) / θ for every node.
        public var estimatedSpread: [Double]
        /// The regressor's prediction for every node, with S empty.
        public var predictedSpread: [Double]
    }

    /// The embeddings, the RR sets and the training nodes every pick shares.
    struct Prepared {
        var embeddings: Matrix<Float>
        var structural: Matrix<Float>
        var pool: RRSetCollection
        var training: [Int]
    }

    func prepare() throws(InfluenceError) -> Prepared {
        let graph = model.graph
        let n = graph.nodeCount, c = configuration
        let features = StructuralFeatures.of(graph)
        var dgi = DeepGraphInfomax(configuration: .init(dimensions: c.dimensions, learningRate: c.learningRate, maxEpochs: c.maxEpochs,
                                                        seed: seed, threads: threads, normalizeFeatures: false))
        try dgi.train(features: features, edges: UndirectedEdges(graph))
        guard case .dense(let structural) = features else { preconditionFailure("structural features are dense") }
        // At least `rrSets` sets, doubled (at most to `maximumSets`) until the node of largest
        // coverage is in `resolvingCoverage` of them: gains of the leading nodes then carry a
        // relative standard error near 1%, enough to tell apart candidates 3% apart.
        let sampler = try RRSetSampler(model: model)
        var pool = RRSetCollection(nodeCount: n)
        var target = RRSetSampler.roundedToTasks(min(c.rrSets, Self.maximumSets))
        while true {
            try sampler.extend(&pool, to: target, seed: seed, poolID: RRPool.selection, workers: threads)
            var cover = [Int](repeating: 0, count: n)
            for m in pool.members { cover[Int(m)] += 1 }
            let top = cover.max() ?? 0
            guard top < Self.resolvingCoverage, pool.count < Self.maximumSets else { break }
            let wanted = Double(pool.count) * Double(Self.resolvingCoverage) / Double(max(top, 1)) * 1.1
            target = RRSetSampler.roundedToTasks(min(Self.maximumSets, max(2 * pool.count, Int(wanted.rounded(.up)))))
        }
        // Weighted sampling without replacement (Efraimidis–Spirakis: the m largest u^(1/w)).
        var rng = Xoshiro256StarStar(seed: seed, stream: 0x454D_4245_4400_0000)
        let m = min(n, c.trainingNodes)
        var keys = (0..<n).map { v -> (Double, Int) in
            let w = 1 + Double(graph.outDegree(v) + graph.inDegree(v))
            return (log(max(rng.nextUnitDouble(), 1e-300)) / w, v)
        }
        keys.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        let training = keys.prefix(m).map(\.1).sorted()
        return Prepared(embeddings: dgi.embeddings!, structural: structural, pool: pool, training: training)
    }

    /// The embeddings, single-node estimates and the first fit's predictions. Complexity: one DGI
    /// training, θ RR sets, one ridge fit.
    public func scores() throws(InfluenceError) -> Scores {
        let p = try prepare()
        let n = model.graph.nodeCount
        var cover = [Int](repeating: 0, count: n)
        for m in p.pool.members { cover[Int(m)] += 1 }
        let estimate = cover.map { Double(n) * Double($0) / Double(p.pool.count) }
        var learner = GainLearner(graph: model.graph, prepared: p, ridge: configuration.ridge)
        let predicted = learner.predict(targets: p.training.map { log1p(estimate[$0]) }).map { max(0, expm1($0)) }
        return Scores(embeddings: p.embeddings, trainingNodes: p.training, estimatedSpread: estimate, predictedSpread: predicted)
    }

    /// The regressor's features and fits as S grows.
    struct GainLearner {
        let graph: InfluenceGraph
        let h: Matrix<Float>
        let unit: Matrix<Float>
        let structural: Matrix<Float>
        let training: [Int]
        let ridge: Double
        var maxSimilarity: [Double]
        var adjacent: [Bool]
        var neighboursInS: [Int]
        var taken: [Bool]

        init(graph: InfluenceGraph, prepared: Prepared, ridge: Double) {
            self.graph = graph
            h = prepared.embeddings
            unit = Activations.rowNormalized(prepared.embeddings).0
            structural = prepared.structural
            training = prepared.training
            self.ridge = ridge
            let n = graph.nodeCount
            maxSimilarity = [Double](repeating: 0, count: n)
            adjacent = [Bool](repeating: false, count: n)
            neighboursInS = [Int](repeating: 0, count: n)
            taken = [Bool](repeating: false, count: n)
        }

        var width: Int { h.columns + structural.columns + 3 }

        /// The features of v under the current S (without the intercept).
        func features(_ v: Int, into x: inout [Float]) {
            let d = h.columns, f = structural.columns
            for j in 0..<d { x[j] = h.values[v * d + j] }
            for j in 0..<f { x[d + j] = structural.values[v * f + j] }
            x[d + f] = Float(maxSimilarity[v])
            x[d + f + 1] = adjacent[v] ? 1 : 0
            x[d + f + 2] = Float(log1p(Double(neighboursInS[v])))
        }

        /// Fits on the training nodes not in S (targets in their order; taken ones are skipped)
        /// and predicts every node (taken ones −∞). Complexity: O(m p² + n p).
        mutating func predict(targets: [Double]) -> [Double] {
            var rows: [Int] = [], y: [Double] = []
            for (r, v) in training.enumerated() where !taken[v] { rows.append(v); y.append(targets[r]) }
            let p = width
            var design = Matrix<Float>(rows: rows.count, columns: p)
            var x = [Float](repeating: 0, count: p)
            for (r, v) in rows.enumerated() { features(v, into: &x); for j in 0..<p { design.values[r * p + j] = x[j] } }
            let w = EmbeddingSeedSelector.ridgeFit(design, rows: Array(0..<rows.count), targets: y, ridge: ridge)
            let n = graph.nodeCount
            var out = [Double](repeating: -.infinity, count: n)
            for v in 0..<n where !taken[v] {
                features(v, into: &x)
                var s = w[p]
                for j in 0..<p { s += w[j] * Double(x[j]) }
                out[v] = s
            }
            return out
        }

        /// Adds v to S. Complexity: O(n d + deg v).
        mutating func take(_ v: Int) {
            taken[v] = true
            for a in graph.outOffsets[v]..<graph.outOffsets[v + 1] { let w = Int(graph.outTargets[a]); adjacent[w] = true; neighboursInS[w] += 1 }
            for a in graph.inOffsets[v]..<graph.inOffsets[v + 1] { let w = Int(graph.inSources[a]); adjacent[w] = true; neighboursInS[w] += 1 }
            let d = unit.columns, n = graph.nodeCount
            unit.values.withUnsafeBufferPointer { u in
                for w in 0..<n where !taken[w] {
                    var dot: Float = 0
                    for j in 0..<d { dot += u[v * d + j] * u[w * d + j] }
                    if Double(dot) > maxSimilarity[w] { maxSimilarity[w] = Double(dot) }
                }
            }
        }
    }

    public func select(k: Int) throws(InfluenceError) -> SeedRanking {
        let graph = model.graph
        guard k >= 1, k <= graph.nodeCount else {
            throw InfluenceError(.usage, parameter: "k", "embedding: k = \(k) (expected 1 ≤ k ≤ \(graph.nodeCount), the graph's node count)")
        }
        let watch = Stopwatch()
        let prepared = try prepare()
        let n = graph.nodeCount, c = configuration
        var state = try CoverageState(pool: prepared.pool, index: prepared.pool.makeInvertedIndex(workers: threads))
        let scale = Double(n) / Double(max(1, prepared.pool.count))
        var learner = GainLearner(graph: graph, prepared: prepared, ridge: c.ridge)
        var seeds: [Int] = [], elapsed: [Double] = []
        let shortlist = max(1, c.candidates)
        while seeds.count < k {
            let targets = prepared.training.map { log1p(scale * Double(state.gain(of: $0))) }
            let predicted = learner.predict(targets: targets)
            var ranked: [(Double, Int)] = []
            ranked.reserveCapacity(n)
            for v in 0..<n where !learner.taken[v] {
                ranked.append((max(0, expm1(predicted[v])) * max(0, 1 - c.similarityPenalty * learner.maxSimilarity[v]), v))
            }
            ranked.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            var best = ranked[0].1
            for (_, v) in ranked.prefix(shortlist) where state.gain(of: v) > state.gain(of: best) || (state.gain(of: v) == state.gain(of: best) && v < best) {
                best = v
            }
            state.take(best)
            learner.take(best)
            seeds.append(best)
            elapsed.append(watch.seconds)
        }
        // The check against degree on fresh sets, prefix by prefix.
        let degree = try DegreeHeuristic(graph: graph).select(k: k).seeds
        let sampler = try RRSetSampler(model: model)
        let fresh = sampler.sample(prepared.pool.count, seed: seed, poolID: RRPool.validation, workers: threads)
        let index = fresh.makeInvertedIndex(workers: threads)
        func prefixCoverage(_ order: [Int]) -> [Int] {
            var covered = [Bool](repeating: false, count: fresh.count)
            var count = 0
            return order.map { v in
                for s in index.sets(containing: v) where !covered[Int(s)] { covered[Int(s)] = true; count += 1 }
                return count
            }
        }
        let ours = prefixCoverage(seeds), theirs = prefixCoverage(degree)
        if let worse = zip(ours, theirs).enumerated().first(where: { $0.element.0 < $0.element.1 }) {
            let freshScale = Double(n) / Double(max(1, fresh.count))
            let note = "embedding: the learned seeds fell below degree's at k = \(worse.offset + 1) on \(fresh.count) fresh RR sets "
                + "(\(Int((Double(worse.element.0) * freshScale).rounded())) < \(Int((Double(worse.element.1) * freshScale).rounded()))); the answer is degree's seeds"
            return SeedRanking(seeds: degree, seconds: watch.seconds, elapsed: [], note: note)
        }
        return SeedRanking(seeds: seeds, seconds: watch.seconds, elapsed: elapsed,
                           note: "embedding: the learned seeds reach at least degree's spread at every k ≤ \(k) on \(fresh.count) fresh RR sets")
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
