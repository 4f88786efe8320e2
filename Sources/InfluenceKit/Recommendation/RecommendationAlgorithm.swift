/// How each inviter's candidates are ranked.
public enum RecommendationAlgorithm: String, Sendable, Codable, CaseIterable {
    /// HeteroIM: greedy over (inviter, invitee) pairs of the Spread@K estimated on RR sets (after CIKM 2025, §5).
    case heteroIM = "hetero-im"
    /// HeteroIR: P·U·(1 + HeteroInf) (CIKM 2025, §4).
    case heteroIR = "hetero-ir"
    /// Baseline: top K by P, the willingness to invite.
    case p
    /// Baseline: top K by P·U, the willingness to invite and accept.
    case pu
    /// Baseline: top K by the invitee's out-degree.
    case degree
    /// Baseline: K candidates at random (from the seed).
    case random

    /// The name tables and reports use.
    public var displayName: String {
        switch self {
        case .heteroIM: "HeteroIM"
        case .heteroIR: "HeteroIR"
        case .p: "P"
        case .pu: "PU"
        case .degree: "OutDeg"
        case .random: "Random"
        }
    }

    /// Whether the algorithm needs the RR sets.
    public var needsSets: Bool { self == .heteroIM }
}

/// What one list request ranks by: an algorithm, or the trade-off blend of HeteroIR and HeteroIM.
public enum RecommendationMethod: Sendable, Equatable, Hashable {
    /// Rank by one of the algorithms or baselines.
    case algorithm(RecommendationAlgorithm)
    /// ŵ^(1 − λ)·ŝ^λ, with ŵ HeteroIR's β and ŝ HeteroIM's pair score, each divided by its
    /// largest value over the inviter's candidates (see `RecommendationTradeOff`): λ = 0 ranks as
    /// HeteroIR, λ = 1 as HeteroIM; in between ties go to the smaller invitee id.
    case tradeOff(Double)

    /// The name tables and reports use (`HeteroIM`, `λ=0.30`, …).
    public var displayName: String {
        switch self {
        case .algorithm(let a): a.displayName
        case .tradeOff(let lambda): "λ=" + RecommendationMethod.format(lambda)
        }
    }

    /// Whether ranking by this method needs the RR sets (HeteroIM and every trade-off).
    public var needsSets: Bool {
        switch self {
        case .algorithm(let a): a.needsSets
        case .tradeOff: true
        }
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let text = String(hundredths % 100)
        return "\(hundredths / 100).\(text.count == 1 ? "0" + text : text)"
    }
}
