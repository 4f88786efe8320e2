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

/// The trade-off blend (see `RecommendationMethod.tradeOff`).
enum RecommendationTradeOff {
    /// Blended score of each arc out of `inviters`. Complexity: O(Σ deg).
    static func scores(lambda: Double, graph: InviteGraph, inviters: [Int], willingness: [Double], spread: [Double]) -> [Double] {
        var score = [Double](repeating: 0, count: graph.arcCount)
        for i in inviters {
            let arcs = graph.arcs(from: i)
            guard !arcs.isEmpty else { continue }
            var wLow = Double.infinity, wHigh = -Double.infinity, sLow = Double.infinity, sHigh = -Double.infinity
            for a in arcs {
                wLow = min(wLow, willingness[a]); wHigh = max(wHigh, willingness[a])
                sLow = min(sLow, spread[a]); sHigh = max(sHigh, spread[a])
            }
            for a in arcs {
                let w = wHigh > wLow ? (willingness[a] - wLow) / (wHigh - wLow) : 1
                let s = sHigh > sLow ? (spread[a] - sLow) / (sHigh - sLow) : 1
                score[a] = (1 - lambda) * w + lambda * s
            }
        }
        return score
    }
}
