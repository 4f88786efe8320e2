#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sample sizes of IMM (Tang, Shi, Xiao, "Influence Maximization in Near-Linear Time: A
/// Martingale Approach", SIGMOD 2015), as functions of (n, k, ε, ℓ).
public enum IMMBounds {
    /// ℓ after the paper's adjustment (§3.2), ℓ(1 + ln 2/ln n), at least ℓ + ln 2/ln n, so that both
    /// phases together fail with probability at most n^−ℓ. Complexity: O(1).
    public static func adjustedEll(_ ell: Double, nodeCount: Int) -> Double {
        let logN = log(max(Double(nodeCount), 2))
        return max(ell * (1 + log(2) / logN), ell + log(2) / logN)
    }

    /// Eq. 9: λ' = (2 + 2ε'/3)(ln C(n,k) + ℓ ln n + ln log₂ n) · n / ε'², ε' = √2·ε (with the adjusted ℓ).
    /// Complexity: O(1).
    public static func lambdaPrime(nodeCount: Int, k: Int, epsilon: Double, adjustedEll ell: Double) -> Double {
        lambdaPrime(nodeCount: nodeCount, logSolutionCount: Combinatorics.logBinomial(nodeCount, k), epsilon: epsilon,
                    adjustedEll: ell)
    }

    /// Eq. 9 with ln C(n,k), the log of the number of k-sets, replaced by `logSolutionCount`, the
    /// log of the number of feasible solutions (a union bound over them, as in the paper's proof).
    /// Complexity: O(1).
    public static func lambdaPrime(nodeCount: Int, logSolutionCount: Double, epsilon: Double, adjustedEll ell: Double) -> Double {
        let n = Double(nodeCount)
        let logN = log(max(n, 2))
        let epsilonPrime = 2.0.squareRoot() * epsilon
        return (2 + 2 * epsilonPrime / 3) * (logSolutionCount + ell * logN + log(max(1, log2(n)))) * n
            / (epsilonPrime * epsilonPrime)
    }

    /// Eq. 6: λ* = 2n((1 − 1/e)α + β)²/ε², α = √(ℓ ln n + ln 2), β = √((1 − 1/e)(ln C(n,k) + ℓ ln n + ln 2)).
    /// IMM draws θ = λ*/LB sets for a lower bound LB of OPT. Complexity: O(1).
    public static func lambdaStar(nodeCount: Int, k: Int, epsilon: Double, adjustedEll ell: Double) -> Double {
        lambdaStar(nodeCount: nodeCount, logSolutionCount: Combinatorics.logBinomial(nodeCount, k), epsilon: epsilon,
                   adjustedEll: ell)
    }

    /// Eq. 6 with ln C(n,k) replaced by `logSolutionCount`, the log of the number of feasible
    /// solutions. Complexity: O(1).
    public static func lambdaStar(nodeCount: Int, logSolutionCount: Double, epsilon: Double, adjustedEll ell: Double) -> Double {
        let n = Double(nodeCount)
        let logN = log(max(n, 2))
        let e1 = Combinatorics.greedyRatio
        let alpha = (ell * logN + log(2)).squareRoot()
        let beta = (e1 * (logSolutionCount + ell * logN + log(2))).squareRoot()
        return 2 * n * (e1 * alpha + beta) * (e1 * alpha + beta) / (epsilon * epsilon)
    }
}
