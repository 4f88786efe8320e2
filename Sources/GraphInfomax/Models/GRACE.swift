import InfluenceKit

/// GRACE: graph contrastive representation learning (Zhu et al. 2020,
/// https://arxiv.org/abs/2006.04131). Each epoch draws two views — edges dropped with rates
/// `edgeDropRates`, feature columns masked with rates `featureMaskRates` — encodes both with the
/// shared two-layer GCN, projects them, and takes one Adam step on the symmetric InfoNCE loss at
/// temperature τ (`InfoNCELoss`). The embedding is the encoder's output on the unaugmented graph.
///
/// The same seed gives the same embeddings for any thread count.
public struct GRACE: Sendable {
    public struct Configuration: Sendable {
        public var dimensions: Int
        public var learningRate: Double
        public var weightDecay: Double
        public var temperature: Double
        public var epochs: Int
        public var edgeDropRates: (Double, Double)
        public var featureMaskRates: (Double, Double)
        public var blockRows: Int
        public var seed: UInt64
        public var threads: Int
        public var normalizeFeatures: Bool

        public init(dimensions: Int = 128, learningRate: Double = 0.0005, weightDecay: Double = 0.00001, temperature: Double = 0.5,
                    epochs: Int = 200, edgeDropRates: (Double, Double) = (0.2, 0.4), featureMaskRates: (Double, Double) = (0.3, 0.4),
                    blockRows: Int = 256, seed: UInt64 = 1, threads: Int = 1, normalizeFeatures: Bool = true) {
            self.dimensions = dimensions
            self.learningRate = learningRate
            self.weightDecay = weightDecay
            self.temperature = temperature
            self.epochs = epochs
            self.edgeDropRates = edgeDropRates
            self.featureMaskRates = featureMaskRates
            self.blockRows = blockRows
            self.seed = seed
            self.threads = threads
            self.normalizeFeatures = normalizeFeatures
        }
    }

    public let configuration: Configuration
    public private(set) var parameters: GRACEParameters<Float>?
    public private(set) var embeddings: Matrix<Float>?
    public private(set) var report: TrainingReport?

    public init(configuration: Configuration = Configuration()) { self.configuration = configuration }

    /// The two views of `epoch`, from (seed, epoch).
    public static func views(edges: UndirectedEdges, features: Int, configuration c: Configuration, epoch: Int) -> (GraphView<Float>, GraphView<Float>) {
        func view(_ k: UInt64, drop: Double, mask: Double) -> GraphView<Float> {
            var rng = Xoshiro256StarStar(seed: c.seed, stream: 0x4752_4143_0000_0000 | UInt64(epoch) << 1 | k)
            let kept = edges.dropping(rate: drop, using: &rng)
            let m = (0..<features).map { _ in rng.nextUnitDouble() < mask ? Float(0) : 1 }
            return GraphView(adjacency: kept.normalizedAdjacency(), featureMask: m)
        }
        return (view(0, drop: c.edgeDropRates.0, mask: c.featureMaskRates.0), view(1, drop: c.edgeDropRates.1, mask: c.featureMaskRates.1))
    }

    /// Trains for `epochs` epochs; `epochDone(epoch, loss)` after each. Stores the outcome of
    /// `fit` in `parameters`, `embeddings` and `report`.
    ///
    /// - Throws: as `fit`. Complexity: as `fit`.
    public mutating func train(features: FeatureMatrix<Float>, edges: UndirectedEdges,
                               epochDone: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in }) throws(InfluenceError) {
        let trained = try fit(features: features, edges: edges, epochDone: epochDone)
        parameters = trained.parameters
        embeddings = trained.embeddings
        report = trained.report
    }

    /// Trains for `epochs` epochs and returns the parameters of the lowest loss, the embeddings
    /// and the report, leaving the value unchanged; `epochDone(epoch, loss)` after each epoch.
    ///
    /// - Throws: `InfluenceError(.usage)` naming the parameter (`dimensions`, `epochs`,
    ///   `temperature`, `rates`, `threads`, `features`); `.resource` (parameter `learningRate`)
    ///   when the loss stops being finite; `InfluenceError.cancelled` when `isCancelled()`, asked
    ///   after each epoch, answers true.
    /// - Complexity: per epoch O(n²·d / threads) for the InfoNCE loss in row blocks, plus
    ///   O(nnz(X)·d + nnz(Â)·d) for the encoder.
    public func fit(features: FeatureMatrix<Float>, edges: UndirectedEdges,
                    epochDone: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in },
                    isCancelled: () -> Bool = { false }) throws(InfluenceError) -> TrainedEncoder<GRACEParameters<Float>> {
        let c = configuration
        guard c.dimensions >= 1, c.dimensions <= 65_536 else { throw InfluenceError(.usage, parameter: "dimensions", "dimensions = \(c.dimensions) (expected 1 to 65536)") }
        guard c.epochs >= 1 else { throw InfluenceError(.usage, parameter: "epochs", "epochs = \(c.epochs) (expected at least 1)") }
        guard c.temperature > 0, c.temperature.isFinite else { throw InfluenceError(.usage, parameter: "temperature", "τ = \(c.temperature) (expected a positive number)") }
        for r in [c.edgeDropRates.0, c.edgeDropRates.1, c.featureMaskRates.0, c.featureMaskRates.1] where !(0..<1).contains(r) {
            throw InfluenceError(.usage, parameter: "rates", "augmentation rate \(r) (expected a value in [0, 1))")
        }
        try Parallel.checkThreadCount(c.threads)
        guard features.rows == edges.nodeCount, edges.nodeCount >= 2 else {
            throw InfluenceError(.usage, parameter: "features", "features have \(features.rows) rows for a graph of \(edges.nodeCount) nodes (expected one row per node, at least 2 nodes)")
        }
        let watch = Stopwatch()
        let x = c.normalizeFeatures ? features.rowNormalized() : features
        var p = GRACEParameters<Float>(features: x.columns, dimensions: c.dimensions, seed: c.seed)
        var flat = p.flattened
        var adam = Adam<Float>(parameterCount: flat.count, learningRate: Float(c.learningRate), weightDecay: Float(c.weightDecay))
        var best = p, bestLoss = Double.infinity, bestEpoch = 0
        var losses: [Double] = []
        for epoch in 1...c.epochs {
            let views = Self.views(edges: edges, features: x.columns, configuration: c, epoch: epoch)
            let (loss, g) = GRACEObjective.lossAndGradient(p, features: x, views: views, temperature: Float(c.temperature),
                                                           blockRows: c.blockRows, threads: c.threads)
            let value = Double(loss)
            losses.append(value)
            epochDone(epoch, value)
            if isCancelled() { throw InfluenceError.cancelled }
            guard value.isFinite else {
                throw InfluenceError(.resource, parameter: "learningRate", "the loss became \(value) at epoch \(epoch) (expected a finite loss; lower the learning rate)")
            }
            if value < bestLoss { bestLoss = value; best = p; bestEpoch = epoch }
            adam.update(&flat, gradient: g.flattened)
            p = GRACEParameters(flattened: flat, shape: p)
        }
        let full = GraphView<Float>(adjacency: edges.normalizedAdjacency(), featureMask: [Float](repeating: 1, count: x.columns))
        let vectors = GRACEObjective.encode(best, features: x, view: full, threads: c.threads)
        return TrainedEncoder(parameters: best, embeddings: vectors, report: TrainingReport(
            method: "grace", epochs: c.epochs, bestEpoch: bestEpoch, bestLoss: bestLoss, losses: losses,
            seconds: watch.seconds, peakResidentBytes: SystemMemory.peakResidentBytes))
    }
}
