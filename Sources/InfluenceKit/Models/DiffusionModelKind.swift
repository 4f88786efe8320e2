/// The diffusion models by name: the one place where `ic` and `lt` are spelled, used by the CLI
/// and by JSON records to bind a model to a graph. Adding a model adds a case here (and its
/// folder beside this file).
public enum DiffusionModelKind: String, Sendable, Codable, CaseIterable {
    /// Independent cascade: each arc is live with its probability.
    case ic
    /// Linear threshold: each node keeps at most one in-arc, chosen with the LT weights.
    case lt

    /// Binds the model to `graph` from the command line's parameters.
    ///
    /// - Parameters:
    ///   - graph: the graph the model is bound to.
    ///   - probabilities: IC: the scheme itself. LT: `wc` (the default) gives weights 1/indeg(v),
    ///     `file` the graph's arc values; other schemes are IC-only.
    ///   - normalizeLT: LT with `file` weights: rescale a node's in-weights that sum above 1
    ///     (otherwise such a node is an error).
    /// - Throws: `InfluenceError(.usage)` for a combination that does not apply to the model;
    ///   whatever the model's own validation throws.
    /// - Complexity: that of the model's binding, O(n + m).
    public func bind(to graph: InfluenceGraph, probabilities: ProbabilityScheme = .weightedCascade,
                     normalizeLT: Bool = false) throws(InfluenceError) -> any DiffusionModel {
        switch self {
        case .ic:
            if normalizeLT {
                throw InfluenceError(.usage, parameter: "normalizeLT",
                                     "rescaling LT in-weights applies to the LT model only (expected model lt, or no rescaling)")
            }
            return try IndependentCascade(graph: graph, probabilities: probabilities)
        case .lt:
            switch probabilities {
            case .weightedCascade:
                if normalizeLT {
                    throw InfluenceError(.usage, parameter: "normalizeLT",
                                         "1/indeg weights already sum to 1 (rescaling applies to weights from the file)")
                }
                return try LinearThreshold(graph: graph, weights: .inverseInDegree)
            case .file:
                return try LinearThreshold(graph: graph, weights: .file(rescale: normalizeLT))
            case .uniform, .trivalency:
                throw InfluenceError(.usage, parameter: "probabilities",
                                     "scheme '\(probabilities)' assigns IC probabilities (expected wc, for LT weights 1/indeg, or file)")
            }
        }
    }
}

/// A model as a record names it: kind, scheme and rescaling, enough to bind it again.
public struct ModelSpecification: Sendable, Codable, Equatable {
    /// The model's kind (`ic`, `lt`).
    public var model: DiffusionModelKind
    /// The probability scheme as given (LT: `wc` means 1/indeg).
    public var probabilities: ProbabilityScheme
    /// LT with `file` weights: rescale a node's in-weights that sum above 1.
    public var normalizeLT: Bool

    /// A specification; by default weighted cascade, no rescaling. Complexity: O(1).
    public init(model: DiffusionModelKind, probabilities: ProbabilityScheme = .weightedCascade, normalizeLT: Bool = false) {
        self.model = model
        self.probabilities = probabilities
        self.normalizeLT = normalizeLT
    }

    /// Binds the model to `graph`. Complexity: O(n + m).
    public func bind(to graph: InfluenceGraph) throws(InfluenceError) -> any DiffusionModel {
        try model.bind(to: graph, probabilities: probabilities, normalizeLT: normalizeLT)
    }
}
