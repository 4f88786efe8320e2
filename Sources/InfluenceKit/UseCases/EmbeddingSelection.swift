/// The knobs of the `embedding` seed-selection method (learned scores on node embeddings, no
/// guarantee), as seeds and compare requests carry them. The method itself lives in GraphInfomax,
/// which InfluenceKit cannot name: a front end that links it passes its
/// `LearnedSelectorFactory` in `RunContext.learnedSelectors`.
public struct EmbeddingSelectionParameters: Codable, Sendable, Equatable {
    /// DGI dimensions on the structural features (default 64, 1…4096).
    public var dimensions: Int
    /// RR sets behind the single-node spread estimates (default 100,000).
    public var rrSets: Int
    /// Nodes whose estimates train the regressor (default 2,000, at least 2).
    public var trainingNodes: Int
    /// Diversity penalty λ on the largest cosine similarity to a chosen seed (default 0.5, in [0, 1]).
    public var penalty: Double

    /// Complexity: O(1).
    public init(dimensions: Int = 64, rrSets: Int = 100_000, trainingNodes: Int = 2_000, penalty: Double = 0.5) {
        self.dimensions = dimensions
        self.rrSets = rrSets
        self.trainingNodes = trainingNodes
        self.penalty = penalty
    }

    /// Checks every field, naming it. Complexity: O(1).
    public func validate() throws(InfluenceError) {
        guard (1...4096).contains(dimensions) else {
            throw InfluenceError(.usage, parameter: "embeddingDimensions", "dimensions = \(dimensions) (expected 1 to 4096)")
        }
        guard rrSets >= 1 else { throw InfluenceError(.usage, parameter: "embeddingRRSets", "rrSets = \(rrSets) (expected a positive count)") }
        guard trainingNodes >= 2 else {
            throw InfluenceError(.usage, parameter: "embeddingTrainingNodes", "trainingNodes = \(trainingNodes) (expected at least 2)")
        }
        guard (0...1).contains(penalty) else {
            throw InfluenceError(.usage, parameter: "embeddingPenalty", "penalty = \(penalty) (expected a value in [0, 1])")
        }
    }

    private static let keys = ["dimensions", "rrSets", "trainingNodes", "penalty"]

    /// Decodes the parameters, each absent key taking its default. Complexity: O(1).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldKey.self)
        try c.refuseUnknownKeys(Self.keys)
        let d = EmbeddingSelectionParameters()
        dimensions = try c.field("dimensions", default: d.dimensions)
        rrSets = try c.field("rrSets", default: d.rrSets)
        trainingNodes = try c.field("trainingNodes", default: d.trainingNodes)
        penalty = try c.field("penalty", default: d.penalty)
    }

    /// Encodes every field. Complexity: O(1).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: FieldKey.self)
        try c.field("dimensions", dimensions)
        try c.field("rrSets", rrSets)
        try c.field("trainingNodes", trainingNodes)
        try c.field("penalty", penalty)
    }
}

/// Makes the learned seed selectors that live outside InfluenceKit (GraphInfomax's
/// `EmbeddingSelectorFactory`). A front end that links them puts one in
/// `RunContext.learnedSelectors`; without it, a request for `embedding` is refused with a
/// message saying so.
public protocol LearnedSelectorFactory: Sendable {
    /// The `embedding` selector with `parameters`, for the model, seed and threads of `context`.
    func embeddingSelector(_ parameters: EmbeddingSelectionParameters,
                           context: SelectionAlgorithm.Context) throws(InfluenceError) -> any SeedSelector
}

extension RunContext {
    /// A selection context for `algorithm`s of a request, with the embedding factory wired in.
    func selectionContext(input: GraphInput, model: any DiffusionModel, seed: UInt64, threads: Int, ris: RISParameters,
                          celfRuns: Int, embedding: EmbeddingSelectionParameters) -> SelectionAlgorithm.Context {
        var context = SelectionAlgorithm.Context(loaded: LoadedGraph(graph: input.graph, seconds: input.loadSeconds), model: model,
                                                 seed: seed, threads: threads, ris: ris, celfRuns: celfRuns,
                                                 progress: engineProgress)
        if let factory = learnedSelectors {
            context.embeddingSelector = { (c: SelectionAlgorithm.Context) throws(InfluenceError) -> any SeedSelector in
                try factory.embeddingSelector(embedding, context: c)
            }
        }
        return context
    }
}
