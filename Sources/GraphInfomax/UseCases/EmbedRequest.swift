import InfluenceKit

/// Learn node embeddings by maximizing mutual information: DGI (default) or GRACE, on the graph
/// taken as undirected, from a feature file or from structural features.
///
/// Every field has a default; in JSON every key may be left out and an unknown key is refused:
///
/// ```json
/// {"method": "grace", "dimensions": 16, "epochs": 50, "seed": 3}
/// ```
///
/// ```swift
/// let input = try GraphInput.load("Graphs/karate.txt", options: GraphLoadOptions(undirected: true))
/// let run = try EmbedRequest(method: .grace, dimensions: 16, epochs: 50).embed(on: input)
/// print(run.record.training.bestLoss, run.embeddings.vector(of: "0") ?? [])
/// ```
public struct EmbedRequest: UseCaseRequest {
    /// The record it produces.
    public typealias Record = EmbeddingRecord
    /// `embed`.
    public static let useCase = UseCaseKind.embed

    /// Node features file ('node f1 f2 …', 'node index:value …' or 'node index' rows; default
    /// nil: structural features from the graph, `StructuralFeatures`).
    public var features: String?
    /// How the features file spells rows: `auto` (default), `dense`, `sparse`, `pairs`.
    public var featureFormat: FeatureFileFormat
    /// The objective: `dgi` (default) or `grace`.
    public var method: EmbeddingMethod
    /// Embedding dimensions (default nil: 512 for dgi, 128 for grace).
    public var dimensions: Int?
    /// Most epochs (default nil: 10,000 for dgi, which stops early by `patience`; 200 for grace).
    public var epochs: Int?
    /// dgi: epochs without a lower loss before stopping (default 20).
    public var patience: Int
    /// Adam's learning rate (default nil: 0.001 for dgi, 0.0005 for grace).
    public var learningRate: Double?
    /// grace: the InfoNCE temperature τ (default 0.5).
    public var temperature: Double
    /// grace: the edge-dropping rates of the two views, each in [0, 1) (default [0.2, 0.4]).
    public var edgeDropRates: [Double]
    /// grace: the feature-masking rates of the two views, each in [0, 1) (default [0.3, 0.4]).
    public var featureMaskRates: [Double]
    /// A file `run(on:context:)` writes the embeddings to: `.npy` (rows labelled 0..n−1) or TSV
    /// (any other name) (default nil: none). `embed(on:context:)` writes nothing.
    public var output: String?
    /// Seed of the initial weights, the corruptions and the views (default 1).
    public var seed: UInt64
    /// Worker threads (default: every core). The same seed and threads give the same embeddings.
    public var threads: Int

    /// Complexity: O(1).
    public init(features: String? = nil, featureFormat: FeatureFileFormat = .auto, method: EmbeddingMethod = .dgi,
                dimensions: Int? = nil, epochs: Int? = nil, patience: Int = 20, learningRate: Double? = nil,
                temperature: Double = 0.5, edgeDropRates: [Double] = [0.2, 0.4], featureMaskRates: [Double] = [0.3, 0.4],
                output: String? = nil, seed: UInt64 = 1, threads: Int = Parallel.processorCount) {
        self.features = features
        self.featureFormat = featureFormat
        self.method = method
        self.dimensions = dimensions
        self.epochs = epochs
        self.patience = patience
        self.learningRate = learningRate
        self.temperature = temperature
        self.edgeDropRates = edgeDropRates
        self.featureMaskRates = featureMaskRates
        self.output = output
        self.seed = seed
        self.threads = threads
    }

    /// Dimensions in force: the request's, or the method's default. Complexity: O(1).
    public var resolvedDimensions: Int { dimensions ?? (method == .dgi ? 512 : 128) }
    /// Most epochs in force. Complexity: O(1).
    public var resolvedEpochs: Int { epochs ?? (method == .dgi ? 10_000 : 200) }
    /// The learning rate in force. Complexity: O(1).
    public var resolvedLearningRate: Double { learningRate ?? (method == .dgi ? 0.001 : 0.0005) }

    /// Checks every field, naming the parameter at fault (`dimensions`, `epochs`, `patience`,
    /// `learningRate`, `temperature`, `edgeDropRates`, `featureMaskRates`, `threads`).
    /// Complexity: O(1).
    public func validate() throws(InfluenceError) {
        if let dimensions, !(1...65_536).contains(dimensions) {
            throw InfluenceError(.usage, parameter: "dimensions", "dimensions = \(dimensions) (expected 1 to 65536, e.g. 512)")
        }
        if let epochs, epochs < 1 { throw InfluenceError(.usage, parameter: "epochs", "epochs = \(epochs) (expected at least 1)") }
        guard patience >= 1 else { throw InfluenceError(.usage, parameter: "patience", "patience = \(patience) (expected at least 1)") }
        if let learningRate, !(learningRate > 0 && learningRate.isFinite) {
            throw InfluenceError(.usage, parameter: "learningRate", "learning rate \(learningRate) (expected a positive number, e.g. 0.001)")
        }
        guard temperature > 0, temperature.isFinite else {
            throw InfluenceError(.usage, parameter: "temperature", "τ = \(temperature) (expected a positive number, e.g. 0.5)")
        }
        for (name, rates) in [("edgeDropRates", edgeDropRates), ("featureMaskRates", featureMaskRates)] {
            guard rates.count == 2, rates.allSatisfy({ (0..<1).contains($0) }) else {
                throw InfluenceError(.usage, parameter: ParameterKey(rawValue: name), "\(name) = \(rates) (expected two rates in [0, 1), one per view)")
            }
        }
        try Parallel.checkThreadCount(threads)
    }

    private static let keys = ["features", "featureFormat", "method", "dimensions", "epochs", "patience", "learningRate",
                               "temperature", "edgeDropRates", "featureMaskRates", "output", "seed", "threads"]

    /// Decodes a request, each absent key taking its default; an unknown key is refused.
    /// Complexity: O(size of the JSON).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldKey.self)
        try c.refuseUnknownKeys(Self.keys)
        let defaults = EmbedRequest()
        features = try c.optionalField("features")
        featureFormat = try c.field("featureFormat", default: defaults.featureFormat)
        method = try c.field("method", default: defaults.method)
        dimensions = try c.optionalField("dimensions")
        epochs = try c.optionalField("epochs")
        patience = try c.field("patience", default: defaults.patience)
        learningRate = try c.optionalField("learningRate")
        temperature = try c.field("temperature", default: defaults.temperature)
        edgeDropRates = try c.field("edgeDropRates", default: defaults.edgeDropRates)
        featureMaskRates = try c.field("featureMaskRates", default: defaults.featureMaskRates)
        output = try c.optionalField("output")
        seed = try c.field("seed", default: defaults.seed)
        threads = try c.field("threads", default: defaults.threads)
    }

    /// Encodes every field (nil ones as null). Complexity: O(1).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: FieldKey.self)
        try c.field("features", features)
        try c.field("featureFormat", featureFormat)
        try c.field("method", method)
        try c.field("dimensions", dimensions)
        try c.field("epochs", epochs)
        try c.field("patience", patience)
        try c.field("learningRate", learningRate)
        try c.field("temperature", temperature)
        try c.field("edgeDropRates", edgeDropRates)
        try c.field("featureMaskRates", featureMaskRates)
        try c.field("output", output)
        try c.field("seed", seed)
        try c.field("threads", threads)
    }
}
