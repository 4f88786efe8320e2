import InfluenceKit

/// What an `EmbedRequest` produced: the request and graph, the features used, the embedding's
/// shape and content hash, the training summary, timings, memory and versions. The vectors
/// themselves are not in the record (it stays small): `EmbedRequest.embed` returns them beside
/// it, and `embeddingsHash` tells whether two runs gave the same ones, bit for bit.
public struct EmbeddingRecord: UseCaseRecord {
    /// The request type.
    public typealias Request = EmbedRequest

    /// The node features the encoder read.
    public struct Features: Codable, Sendable, Equatable {
        /// The features file, or `structural (…)` with the features' names.
        public var source: String
        /// Feature columns.
        public var columns: Int

        /// Complexity: O(1).
        public init(source: String, columns: Int) {
            self.source = source
            self.columns = columns
        }
    }

    /// How training went.
    public struct Training: Codable, Sendable, Equatable {
        /// Epochs run.
        public var epochs: Int
        /// The epoch of the lowest loss, whose parameters were kept.
        public var bestEpoch: Int
        /// That loss.
        public var bestLoss: Double
        /// The loss of the first epoch (the untrained encoder's).
        public var firstLoss: Double
        /// The loss of the last epoch.
        public var finalLoss: Double

        /// The summary of `report`. Complexity: O(1).
        public init(_ report: TrainingReport) {
            epochs = report.epochs
            bestEpoch = report.bestEpoch
            bestLoss = report.bestLoss
            firstLoss = report.losses.first ?? report.bestLoss
            finalLoss = report.losses.last ?? report.bestLoss
        }
    }

    /// `embed`.
    public var useCase: UseCaseKind
    /// The versions that wrote the record.
    public var versions: RecordVersions
    /// The graph it ran on.
    public var graph: GraphProvenance
    /// The request as it ran.
    public var request: EmbedRequest
    /// `dgi` or `grace`.
    public var method: String
    /// The features used.
    public var features: Features
    /// Nodes (embedding rows).
    public var nodes: Int
    /// Undirected edges the encoder saw.
    public var edges: Int
    /// Embedding dimensions.
    public var dimensions: Int
    /// How training went.
    public var training: Training
    /// The content hash of the embeddings (labels and vectors), `ck64:` and 16 hex digits.
    public var embeddingsHash: String
    /// Wall times: load, `features`, `training`, total.
    public var timings: RecordTimings
    /// Memory.
    public var memory: RecordMemory

    /// Complexity: O(1).
    public init(graph: GraphProvenance, request: EmbedRequest, method: String, features: Features, nodes: Int, edges: Int,
                dimensions: Int, training: Training, embeddingsHash: String, timings: RecordTimings, memory: RecordMemory) {
        useCase = .embed
        versions = RecordVersions()
        self.graph = graph
        self.request = request
        self.method = method
        self.features = features
        self.nodes = nodes
        self.edges = edges
        self.dimensions = dimensions
        self.training = training
        self.embeddingsHash = embeddingsHash
        self.timings = timings
        self.memory = memory
    }
}

/// An embedding run: its record and the embeddings themselves.
public struct EmbeddingRun: Sendable {
    /// The record (small: the embeddings are summarised by their hash).
    public let record: EmbeddingRecord
    /// One vector per node of the graph, labelled as the graph labels it.
    public let embeddings: NodeEmbeddings

    /// Complexity: O(1).
    public init(record: EmbeddingRecord, embeddings: NodeEmbeddings) {
        self.record = record
        self.embeddings = embeddings
    }
}

extension NodeEmbeddings {
    /// A 64-bit hash of the labels and the vectors' bits, `ck64:` and 16 hex digits.
    /// Complexity: O(n·d + total label bytes).
    public var contentHash: String {
        var parts: [UInt64] = [UInt64(count), UInt64(dimensions)]
        parts.append(vectors.values.withUnsafeBytes { Checksum64.of($0) })
        var bytes: [UInt8] = []
        for label in labels {
            withUnsafeBytes(of: UInt32(label.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: label.utf8)
        }
        parts.append(bytes.withUnsafeBytes { Checksum64.of($0) })
        let sum = parts.withUnsafeBytes { Checksum64.of($0) }
        let hex = String(sum, radix: 16)
        return "ck64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
