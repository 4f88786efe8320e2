/// How IC arc probabilities are assigned (ALGORITHMS.md §1).
public enum ProbabilityScheme: Sendable, Equatable, CustomStringConvertible {
    /// Weighted cascade: p(u,v) = 1 / indeg(v), parallel arcs counted.
    case weightedCascade
    /// Every arc has probability `p`.
    case uniform(Float)
    /// Each arc draws one of {0.1, 0.01, 0.001} uniformly, from the stream of `seed`.
    case trivalency(seed: UInt64)
    /// The third column of the edge list (or the `weight` attribute of igraph formats).
    case file

    public var description: String {
        switch self {
        case .weightedCascade: return "wc"
        case .uniform(let p): return "uniform:\(p)"
        case .trivalency: return "trivalency"
        case .file: return "file"
        }
    }

    /// Parses `wc`, `uniform:P`, `trivalency`, `file`; `seed` feeds trivalency.
    public static func parse(_ text: String, seed: UInt64) throws(InfluenceError) -> ProbabilityScheme {
        switch text {
        case "wc", "weighted-cascade": return .weightedCascade
        case "trivalency": return .trivalency(seed: seed)
        case "file": return .file
        default:
            if text.hasPrefix("uniform:") {
                let value = text.dropFirst("uniform:".count)
                guard let p = Float(value), p.isFinite, p >= 0, p <= 1 else {
                    throw InfluenceError(.usage, "bad probability scheme '\(text)' (expected uniform:P with P a number in [0, 1], e.g. uniform:0.01)")
                }
                return .uniform(p)
            }
            throw InfluenceError(.usage, "unknown probability scheme '\(text)' (expected wc, uniform:P, trivalency or file)")
        }
    }
}
