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
