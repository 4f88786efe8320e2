/// How an `ArcList` becomes an `InfluenceGraph`.
public struct GraphBuildOptions: Sendable, Equatable, Codable {
    /// Merge parallel arcs into one forward arc that remembers the input arcs it stands for; each
    /// diffusion model then combines their parameters by its own rule (IC 1 − Π(1 − p), LT Σw), so
    /// the cascade is unchanged under every scheme.
    public var dedupe: Bool

    /// Options; by default parallel arcs are kept. Complexity: O(1).
    public init(dedupe: Bool = false) {
        self.dedupe = dedupe
    }
}
