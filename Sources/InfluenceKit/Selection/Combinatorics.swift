#if canImport(Glibc)
import Glibc
#endif

/// Small numeric functions of the sampling bounds.
enum Combinatorics {
    /// ln C(n, k) through log-gamma. Complexity: O(1).
    static func logBinomial(_ n: Int, _ k: Int) -> Double {
        guard k > 0, k < n else { return 0 }
        return lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    }

    /// 1 − 1/e, the greedy ratio.
    static let greedyRatio = 1 - 1 / 2.718281828459045
}
