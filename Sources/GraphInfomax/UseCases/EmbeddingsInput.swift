import InfluenceKit

/// Where a probe's embeddings came from: the file, its content hash and its shape.
public struct EmbeddingsProvenance: Codable, Sendable, Equatable {
    /// The embeddings file (`.npy` or TSV), or the name a caller gave embeddings in memory.
    public var path: String
    /// `NodeEmbeddings.contentHash` of what was read.
    public var contentHash: String
    /// Rows (nodes).
    public var nodes: Int
    /// Dimensions.
    public var dimensions: Int

    /// Complexity: O(1).
    public init(path: String, contentHash: String, nodes: Int, dimensions: Int) {
        self.path = path
        self.contentHash = contentHash
        self.nodes = nodes
        self.dimensions = dimensions
    }
}

/// Node embeddings with their provenance and load time: what a `ProbeRequest` runs on. A
/// document names them under `embeddings` (`{"path": "emb.npy"}`).
public struct EmbeddingsInput: UseCaseInput {
    /// The embeddings.
    public let embeddings: NodeEmbeddings
    /// Where they came from.
    public let provenance: EmbeddingsProvenance
    /// Seconds spent reading them (0 in memory).
    public let loadSeconds: Double

    /// Wraps embeddings in memory (an `EmbeddingRun`'s, say); `name` is how records name them.
    /// Complexity: O(n·d) for the content hash.
    public init(_ embeddings: NodeEmbeddings, name: String = "embeddings", loadSeconds: Double = 0) {
        self.embeddings = embeddings
        self.loadSeconds = loadSeconds
        provenance = EmbeddingsProvenance(path: name, contentHash: embeddings.contentHash, nodes: embeddings.count,
                                          dimensions: embeddings.dimensions)
    }

    /// Reads a `.npy` (rows labelled 0..n−1) or a TSV with the label first (`NodeEmbeddings.load`).
    ///
    /// - Throws: `InfluenceError(.data)` with file and line for a malformed file; `.io`.
    /// - Complexity: O(file size).
    public static func load(_ path: String) throws(InfluenceError) -> EmbeddingsInput {
        var watch = Stopwatch()
        let embeddings = try NodeEmbeddings.load(path)
        return EmbeddingsInput(embeddings, name: path, loadSeconds: watch.lap())
    }

    /// `embeddings`. Complexity: O(1).
    public static var documentKey: String { "embeddings" }

    /// "node embeddings". Complexity: O(1).
    public static var inputDescription: String { "node embeddings" }

    /// Reads the file a document names. Complexity: O(file size).
    public static func load(_ reference: RunDocument.GraphReference) throws(InfluenceError) -> EmbeddingsInput {
        try load(reference.path)
    }

    /// The provenance's content hash. Complexity: O(1).
    public var contentHash: String { provenance.contentHash }
}
