/// What a training run did: epochs run, the epoch and value of the lowest loss (whose parameters
/// were kept), the loss of every epoch, wall time and peak memory.
public struct TrainingReport: Sendable, Codable, Equatable {
    public var method: String
    public var epochs: Int
    public var bestEpoch: Int
    public var bestLoss: Double
    public var losses: [Double]
    public var seconds: Double
    public var peakResidentBytes: Int

    public init(method: String, epochs: Int, bestEpoch: Int, bestLoss: Double, losses: [Double], seconds: Double, peakResidentBytes: Int) {
        self.method = method
        self.epochs = epochs
        self.bestEpoch = bestEpoch
        self.bestLoss = bestLoss
        self.losses = losses
        self.seconds = seconds
        self.peakResidentBytes = peakResidentBytes
    }
}

/// What training an encoder produced: the parameters it kept (those of the lowest loss), the
/// node embeddings they give on the real graph, and the training report.
public struct TrainedEncoder<Parameters: Sendable>: Sendable {
    /// The kept parameters.
    public let parameters: Parameters
    /// One row per node.
    public let embeddings: Matrix<Float>
    /// Epochs, losses, the best epoch, time and memory.
    public let report: TrainingReport

    /// Complexity: O(1).
    public init(parameters: Parameters, embeddings: Matrix<Float>, report: TrainingReport) {
        self.parameters = parameters
        self.embeddings = embeddings
        self.report = report
    }
}
