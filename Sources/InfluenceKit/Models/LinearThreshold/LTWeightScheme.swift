/// How LT arc weights are assigned (ALGORITHMS.md §1).
public enum LTWeightScheme: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// w(u, v) = 1/indeg(v), parallel input arcs counted: every node's in-weights sum to 1.
    case inverseInDegree
    /// The graph's `weight` arc column when it has one (a fourth column, or one a header names as
    /// the weight), else its `value` column. A node whose in-weights sum above 1 is an error,
    /// unless `rescale` divides them by their sum.
    case file(rescale: Bool)

    public var description: String {
        switch self {
        case .inverseInDegree: return "1/indeg"
        case .file(let rescale): return rescale ? "file (rescaled)" : "file"
        }
    }
}
