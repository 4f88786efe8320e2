/// How IC arc probabilities are assigned (ALGORITHMS.md §1).
public enum ProbabilityScheme: Sendable, Equatable, Hashable, CustomStringConvertible {
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

    /// The scheme with everything needed to rebuild it: the description, and for trivalency its
    /// seed (`trivalency:SEED`), which `parse` reads back.
    public var recorded: String {
        if case .trivalency(let seed) = self { return "trivalency:\(seed)" }
        return description
    }

    /// Parses `wc`, `uniform:P`, `trivalency` (drawn from `seed`), `trivalency:SEED`, `file`.
    /// Complexity: O(length of the text).
    public static func parse(_ text: String, seed: UInt64) throws(InfluenceError) -> ProbabilityScheme {
        if text.hasPrefix("trivalency:") {
            guard let own = UInt64(text.dropFirst("trivalency:".count)) else {
                throw InfluenceError(.usage, parameter: "probabilities", "bad probability scheme '\(text)' (expected trivalency:SEED with SEED a non-negative integer)")
            }
            return .trivalency(seed: own)
        }
        switch text {
        case "wc", "weighted-cascade": return .weightedCascade
        case "trivalency": return .trivalency(seed: seed)
        case "file": return .file
        default:
            if text.hasPrefix("uniform:") {
                let value = text.dropFirst("uniform:".count)
                guard let p = Float(value), p.isFinite, p >= 0, p <= 1 else {
                    throw InfluenceError(.usage, parameter: "probabilities", "bad probability scheme '\(text)' (expected uniform:P with P a number in [0, 1], e.g. uniform:0.01)")
                }
                return .uniform(p)
            }
            throw InfluenceError(.usage, parameter: "probabilities", "unknown probability scheme '\(text)' (expected wc, uniform:P, trivalency, trivalency:SEED or file)")
        }
    }
}

extension ProbabilityScheme: Codable {
    /// Encoded as its description (`wc`, `uniform:0.01`, `trivalency:SEED`, `file`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(recorded)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { self = try ProbabilityScheme.parse(text, seed: 0) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }
}
