/// The two diffusion models of ALGORITHMS.md §1, as named on the command line.
public enum DiffusionModelKind: String, Sendable, Codable, CaseIterable {
    /// Independent cascade: each arc is live with its IC probability.
    case ic
    /// Linear threshold: each node keeps at most one in-arc, chosen with the LT weights.
    case lt
}
