import ArgumentParser
import GraphInfomax
import InfluenceKit

/// The `embedding` seed-selection method's knobs (`seeds --algorithm embedding`, `compare`).
struct EmbeddingSelectionOptions: ParsableArguments {
    @Option(name: .customLong("embedding-dim"), help: ArgumentHelp("embedding: DGI dimensions on the structural features.", valueName: "D"))
    var dimensions: Int = 64

    @Option(name: .customLong("embedding-rr-sets"), help: ArgumentHelp("embedding: RR sets behind the marginal-gain estimates, at least (more until the best node is in 16,384; as many again check the answer against degree).", valueName: "N"))
    var rrSets: Int = 100_000

    @Option(name: .customLong("embedding-training-nodes"), help: ArgumentHelp("embedding: nodes whose marginal gains train the regressor.", valueName: "N"))
    var trainingNodes: Int = 2_000

    @Option(name: .customLong("embedding-penalty"), help: ArgumentHelp("embedding: diversity penalty λ on the largest cosine similarity to a chosen seed.", valueName: "λ"))
    var penalty: Double = 0.5

    func validate() throws {
        if dimensions < 1 || dimensions > 4096 { throw ValidationError("--embedding-dim takes 1 to 4096 (got \(dimensions))") }
        if rrSets < 1 { throw ValidationError("--embedding-rr-sets must be positive (got \(rrSets))") }
        if trainingNodes < 2 { throw ValidationError("--embedding-training-nodes must be at least 2 (got \(trainingNodes))") }
        if !(0...1).contains(penalty) { throw ValidationError("--embedding-penalty takes a value in [0, 1] (got \(penalty))") }
    }

    /// The knobs as a request carries them.
    var parameters: EmbeddingSelectionParameters {
        EmbeddingSelectionParameters(dimensions: dimensions, rrSets: rrSets, trainingNodes: trainingNodes, penalty: penalty)
    }

    var configuration: EmbeddingSeedSelector.Configuration {
        var c = EmbeddingSeedSelector.Configuration()
        c.dimensions = dimensions
        c.rrSets = rrSets
        c.trainingNodes = trainingNodes
        c.similarityPenalty = penalty
        return c
    }

    /// The factory `SelectionAlgorithm.Context.embeddingSelector` takes.
    var factory: @Sendable (SelectionAlgorithm.Context) throws(InfluenceError) -> any SeedSelector {
        let c = configuration
        return { context throws(InfluenceError) in
            EmbeddingSeedSelector(model: context.model, configuration: c, seed: context.seed, threads: context.threads)
        }
    }
}
