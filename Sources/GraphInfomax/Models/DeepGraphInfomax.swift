import InfluenceKit

/// Deep Graph Infomax (Veličković, Fedus, Hamilton, Liò, Bengio, Hjelm; ICLR 2019,
/// https://arxiv.org/abs/1809.10341), trained as the paper's transductive setup: row-normalised
/// features, a 512-dimensional one-layer GCN with PReLU, row-shuffle corruption, sigmoid-of-mean
/// readout, a bilinear discriminator and binary cross-entropy; Adam at 0.001, stopped after
/// `patience` epochs without a lower training loss, and the parameters of the lowest loss restored.
///
/// Configure, run `train`, then query `embeddings` (H on the real graph) and `report`.
/// The same seed gives the same embeddings for any thread count.
public struct DeepGraphInfomax: Sendable {
    public struct Configuration: Sendable, Codable, Equatable {
        public var dimensions: Int
        public var learningRate: Double
        public var weightDecay: Double
        /// Epochs without a lower loss before stopping.
        public var patience: Int
        /// The most epochs to run.
        public var maxEpochs: Int
        public var seed: UInt64
        public var threads: Int
        /// Row-normalise the features first (the paper's preprocessing).
        public var normalizeFeatures: Bool

        public init(dimensions: Int = 512, learningRate: Double = 0.001, weightDecay: Double = 0, patience: Int = 20,
                    maxEpochs: Int = 10_000, seed: UInt64 = 1, threads: Int = 1, normalizeFeatures: Bool = true) {
            self.dimensions = dimensions
            self.learningRate = learningRate
            self.weightDecay = weightDecay
            self.patience = patience
            self.maxEpochs = maxEpochs
            self.seed = seed
            self.threads = threads
            self.normalizeFeatures = normalizeFeatures
        }

        func validate() throws(InfluenceError) {
            guard dimensions >= 1, dimensions <= 65_536 else {
                throw InfluenceError(.usage, parameter: "dimensions", "dimensions = \(dimensions) (expected 1 to 65536)")
            }
            guard maxEpochs >= 1 else { throw InfluenceError(.usage, parameter: "epochs", "epochs = \(maxEpochs) (expected at least 1)") }
            guard patience >= 1 else { throw InfluenceError(.usage, parameter: "patience", "patience = \(patience) (expected at least 1)") }
            guard learningRate > 0, learningRate.isFinite else {
                throw InfluenceError(.usage, parameter: "learningRate", "learning rate \(learningRate) (expected a positive number)")
            }
            try Parallel.checkThreadCount(threads)
        }
    }

    public let configuration: Configuration
    public private(set) var parameters: DGIParameters<Float>?
    public private(set) var embeddings: Matrix<Float>?
    public private(set) var report: TrainingReport?

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Trains on `features` over `edges`; `epochDone(epoch, loss)` is called after each epoch.
    /// Stores the outcome of `fit` in `parameters`, `embeddings` and `report`.
    ///
    /// - Throws: as `fit`.
    /// - Complexity: as `fit`.
    public mutating func train(features: FeatureMatrix<Float>, edges: UndirectedEdges,
                               epochDone: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in }) throws(InfluenceError) {
        let trained = try fit(features: features, edges: edges, epochDone: epochDone)
        parameters = trained.parameters
        embeddings = trained.embeddings
        report = trained.report
    }

    /// Trains on `features` over `edges` and returns the kept parameters, the embeddings and the
    /// report, leaving the value unchanged; `epochDone(epoch, loss)` is called after each epoch.
    ///
    /// - Throws: `InfluenceError(.usage)` for bad configuration values or features whose row
    ///   count is not the node count; `.resource` (parameter `learningRate`) when the loss
    ///   stops being finite; `InfluenceError.cancelled` when `isCancelled()`, asked after each
    ///   epoch, answers true.
    /// - Complexity: per epoch O(nnz(X)·d + nnz(Â)·d + n·d + d²).
    public func fit(features: FeatureMatrix<Float>, edges: UndirectedEdges,
                    epochDone: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in },
                    isCancelled: () -> Bool = { false }) throws(InfluenceError) -> TrainedEncoder<DGIParameters<Float>> {
        try configuration.validate()
        guard features.rows == edges.nodeCount else {
            throw InfluenceError(.usage, parameter: "features",
                                 "features have \(features.rows) rows for a graph of \(edges.nodeCount) nodes (expected one row per node)")
        }
        let c = configuration
        let watch = Stopwatch()
        let x = c.normalizeFeatures ? features.rowNormalized() : features
        let a: SparseMatrix<Float> = edges.normalizedAdjacency()
        let n = x.rows
        var p = DGIParameters<Float>(features: x.columns, dimensions: c.dimensions, seed: c.seed)
        var flat = p.flattened
        var adam = Adam<Float>(parameterCount: flat.count, learningRate: Float(c.learningRate), weightDecay: Float(c.weightDecay))
        var best = p, bestLoss = Double.infinity, bestEpoch = 0, waited = 0
        var losses: [Double] = []
        var epoch = 0
        while epoch < c.maxEpochs {
            epoch += 1
            let permutation = Self.permutation(n, seed: c.seed, epoch: epoch)
            let (loss, gradient) = DGIObjective.lossAndGradient(p, features: x, adjacency: a, permutation: permutation, threads: c.threads)
            let value = Double(loss)
            losses.append(value)
            epochDone(epoch, value)
            if isCancelled() { throw InfluenceError.cancelled }
            guard value.isFinite else {
                throw InfluenceError(.resource, parameter: "learningRate", "the loss became \(value) at epoch \(epoch) (expected a finite loss; lower the learning rate)")
            }
            if value < bestLoss {
                bestLoss = value; best = p; bestEpoch = epoch; waited = 0
            } else {
                waited += 1
                if waited >= c.patience { break }
            }
            adam.update(&flat, gradient: gradient.flattened)
            p = DGIParameters(flattened: flat, shape: p)
        }
        let vectors = DGIObjective.encode(best, features: x, adjacency: a, threads: c.threads)
        return TrainedEncoder(parameters: best, embeddings: vectors, report: TrainingReport(
            method: "dgi", epochs: epoch, bestEpoch: bestEpoch, bestLoss: bestLoss, losses: losses,
            seconds: watch.seconds, peakResidentBytes: SystemMemory.peakResidentBytes))
    }

    /// The embeddings of an untrained encoder (Glorot weights from `seed`): the baseline a trained
    /// encoder must beat.
    public static func randomEncoder(features: FeatureMatrix<Float>, edges: UndirectedEdges, dimensions: Int = 512,
                                     seed: UInt64, threads: Int = 1, normalizeFeatures: Bool = true) -> Matrix<Float> {
        let x = normalizeFeatures ? features.rowNormalized() : features
        let p = DGIParameters<Float>(features: x.columns, dimensions: dimensions, seed: seed)
        return DGIObjective.encode(p, features: x, adjacency: edges.normalizedAdjacency(), threads: threads)
    }

    /// The corruption of epoch `epoch`: a uniform permutation (Fisher–Yates) from (seed, epoch).
    public static func permutation(_ n: Int, seed: UInt64, epoch: Int) -> [Int] {
        var rng = Xoshiro256StarStar(seed: seed, stream: 0x4447_4900_0000_0000 | UInt64(epoch))
        var p = Array(0..<n)
        if n > 1 { for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, Int(rng.nextBelow(UInt64(i + 1)))) } }
        return p
    }
}
