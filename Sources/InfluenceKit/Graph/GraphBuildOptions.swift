/// How an `ArcList` becomes an `InfluenceGraph`.
public struct GraphBuildOptions: Sendable, Equatable {
    /// IC probabilities.
    public var probabilities: ProbabilityScheme
    /// With `.file` probabilities, LT weights come from the file; a node whose in-weights sum
    /// above 1 is an error unless this rescales them to sum to 1.
    public var normalizeLT: Bool
    /// Merge parallel arcs into one: IC probabilities combine as 1 − Π(1 − p) and LT weights add,
    /// so the cascade is unchanged.
    public var dedupe: Bool

    public init(probabilities: ProbabilityScheme = .weightedCascade, normalizeLT: Bool = false, dedupe: Bool = false) {
        self.probabilities = probabilities
        self.normalizeLT = normalizeLT
        self.dedupe = dedupe
    }
}
