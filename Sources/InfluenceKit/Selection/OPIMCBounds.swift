#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bounds of OPIM-C (Tang, Tang, Xiao, Yuan, "Online Processing Algorithms for Influence
/// Maximization", SIGMOD 2018, §4), as functions of coverages and pool sizes, for any greedy that
/// selects on one pool and validates on an independent one (the constrained variants reuse them).
public enum OPIMCBounds {
    /// The δ-term a = ln(3·i_max/δ) of a run of at most `maxRounds` rounds failing with
    /// probability δ: each of the 2·i_max bounds fails with probability δ/(3·i_max).
    /// Complexity: O(1).
    public static func deltaTerm(maxRounds: Int, delta: Double) -> Double {
        log(3 * Double(maxRounds) / delta)
    }

    /// Lemma 4.2: σˡ(S) = ((√(Λ₂ + 2a/9) − √(a/2))² − a/18) · n/θ₂, a lower bound of σ(S) from the
    /// coverage Λ₂ of S on an independent pool of θ₂ sets (0 when negative).
    /// Complexity: O(1).
    public static func lowerBound(coverage: Int, theta: Int, deltaTerm a: Double, nodeCount: Int) -> Double {
        let c = pow((Double(coverage) + 2 * a / 9).squareRoot() - (a / 2).squareRoot(), 2) - a / 18
        return max(0, c) * Double(nodeCount) / Double(max(1, theta))
    }

    /// Lemma 4.3 with the tightened coverage bound: σᵘ = (√(Λᵘ + a/2) + √(a/2))² · n/θ₁, an upper
    /// bound of OPT from an upper bound Λᵘ of the best k-set's coverage on the selection pool of
    /// θ₁ sets (Λᵘ = min(greedy's top-k bound, Λ₁(S)/(1 − 1/e))).
    /// Complexity: O(1).
    public static func upperBound(coverageBound: Double, theta: Int, deltaTerm a: Double, nodeCount: Int) -> Double {
        pow((coverageBound + a / 2).squareRoot() + (a / 2).squareRoot(), 2) * Double(nodeCount) / Double(max(1, theta))
    }

    /// Λᵘ from greedy's coverage Λ₁(S) and its top-k bound: min(bound, Λ₁(S)/(1 − 1/e)).
    /// Complexity: O(1).
    public static func coverageBound(greedyCoverage: Int, topKBound: Int?) -> Double {
        min(Double(topKBound ?? Int.max), Double(greedyCoverage) / Combinatorics.greedyRatio)
    }

    /// Eq. 13: θmax = 2n((1 − 1/e)α + β)²/(ε²k) with α = √ln(6/δ), β = √((1 − 1/e)(ln C(n,k) + ln(6/δ))).
    /// Complexity: O(1).
    public static func thetaMax(nodeCount: Int, k: Int, epsilon: Double, delta: Double) -> Double {
        let n = Double(nodeCount)
        let e1 = Combinatorics.greedyRatio
        let alpha = log(6 / delta).squareRoot()
        let beta = (e1 * (Combinatorics.logBinomial(nodeCount, k) + log(6 / delta))).squareRoot()
        return 2 * n * (e1 * alpha + beta) * (e1 * alpha + beta) / (epsilon * epsilon * Double(k))
    }
}
