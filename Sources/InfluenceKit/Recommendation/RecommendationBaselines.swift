#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The baselines' pair scores (the published evaluation's comparison methods): P, P·U, the
/// invitee's out-degree, and a seeded random score. Ties go to the smaller invitee id.
enum RecommendationBaselines {
    /// Score of each forward arc out of `inviters` (0 elsewhere). Complexity: O(Σ deg).
    static func scores(_ algorithm: RecommendationAlgorithm, graph: InviteGraph, inviters: [Int], seed: UInt64) -> [Double] {
        var score = [Double](repeating: 0, count: graph.arcCount)
        for i in inviters {
            for a in graph.arcs(from: i) {
                let j = Int(graph.outTargets[a])
                switch algorithm {
                case .p: score[a] = graph.invite[a]
                case .pu: score[a] = graph.invite[a] * graph.acceptance[j]
                case .degree: score[a] = Double(graph.outDegree(j))
                case .random:
                    // One uniform per (inviter, invitee), whatever else is requested.
                    var rng = Xoshiro256StarStar(seed: seed ^ 0x5EED_0F_4A4D, stream: UInt64(a))
                    score[a] = rng.nextUnitDouble()
                case .heteroIM, .heteroIR: preconditionFailure("not a baseline")
                }
            }
        }
        return score
    }
}

/// The trade-off blend (see `RecommendationMethod.tradeOff`): ŵ^(1 − λ) · ŝ^λ, with ŵ = β / max β
/// and ŝ = s / max s over the inviter's candidates (β HeteroIR's score, s HeteroIM's pair score).
///
/// A geometric rather than an arithmetic blend: HeteroIM's scores are heavy-tailed (most pairs
/// score 1, a few score in the hundreds), so after a linear normalisation the arithmetic mean
/// flips from one method's ranking to the other's within a narrow band of λ; the geometric mean
/// trades a factor of willingness against a factor of spread at every λ and favours pairs that are
/// good at both. On the Higgs invite benchmark it is what lets some λ beat top-K-by-P on both
/// Recall@5 and Spread@5 (Bench/results/recommend.md).
enum RecommendationTradeOff {
    /// Blended score of each arc out of `inviters`. Complexity: O(Σ deg).
    static func scores(lambda: Double, graph: InviteGraph, inviters: [Int], willingness: [Double], spread: [Double]) -> [Double] {
        var score = [Double](repeating: 0, count: graph.arcCount)
        for i in inviters {
            let arcs = graph.arcs(from: i)
            guard !arcs.isEmpty else { continue }
            var wHigh = 0.0, sHigh = 0.0
            for a in arcs { wHigh = max(wHigh, willingness[a]); sHigh = max(sHigh, spread[a]) }
            for a in arcs {
                let w = wHigh > 0 ? willingness[a] / wHigh : 1
                let s = sHigh > 0 ? spread[a] / sHigh : 1
                score[a] = pow(w, 1 - lambda) * pow(s, lambda)
            }
        }
        return score
    }
}
