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
                    throw InfluenceError(.usage, parameter: "probabilities", "bad probability scheme '\(text)' (expected uniform:P with P a number in [0, 1], e.g. uniform:0.01)")
                }
                return .uniform(p)
            }
            throw InfluenceError(.usage, parameter: "probabilities", "unknown probability scheme '\(text)' (expected wc, uniform:P, trivalency or file)")
        }
    }
}

extension ProbabilityScheme: Codable {
    /// Encoded as its description (`wc`, `uniform:0.01`, `trivalency:SEED`, `file`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if case .trivalency(let seed) = self { try container.encode("trivalency:\(seed)") } else { try container.encode(description) }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if text.hasPrefix("trivalency:"), let seed = UInt64(text.dropFirst("trivalency:".count)) {
            self = .trivalency(seed: seed)
            return
        }
        do { self = try ProbabilityScheme.parse(text, seed: 0) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }
}
