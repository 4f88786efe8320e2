import InfluenceKit

/// The `embedding` seed selector for InfluenceKit's use cases: pass it as
/// `RunContext(learnedSelectors: EmbeddingSelectorFactory())` so that seeds and compare requests
/// can run `algorithm: embedding`.
public struct EmbeddingSelectorFactory: LearnedSelectorFactory {
    /// Complexity: O(1).
    public init() {}

    /// An `EmbeddingSeedSelector` with the request's knobs. Complexity: O(1) (the work is in `select`).
    public func embeddingSelector(_ parameters: EmbeddingSelectionParameters,
                                  context: SelectionAlgorithm.Context) throws(InfluenceError) -> any SeedSelector {
        try parameters.validate()
        var configuration = EmbeddingSeedSelector.Configuration()
        configuration.dimensions = parameters.dimensions
        configuration.rrSets = parameters.rrSets
        configuration.trainingNodes = parameters.trainingNodes
        configuration.similarityPenalty = parameters.penalty
        return EmbeddingSeedSelector(model: context.model, configuration: configuration, seed: context.seed, threads: context.threads)
    }
}
