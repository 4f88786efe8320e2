/// Variational lower bounds on mutual information from a critic's scores, as surveyed by Poole,
/// Ozair, van den Oord, Alemi and Tucker (ICML 2019, https://arxiv.org/abs/1905.06922) and
/// Song and Ermon (ICLR 2020, https://arxiv.org/abs/1910.06222).
///
/// `scores` is a batch's N × N critic matrix: entry (i, j) is f(xᵢ, yⱼ), so the diagonal holds the
/// N samples of the joint p(x, y) and the off-diagonal entries N(N − 1) samples of p(x)p(y).
public enum MutualInformationEstimator: Sendable, Equatable, CustomStringConvertible {
    /// InfoNCE (van den Oord et al. 2018): mean over i of f(xᵢ, yᵢ) − log((1/N) Σⱼ e^f(xᵢ, yⱼ));
    /// low variance, but never above log N.
    case infoNCE
    /// NWJ (Nguyen, Wainwright, Jordan 2010; MINE-f): E_p[f] − e^−1 E_q[e^f] with the critic
    /// shifted by one (f + 1), so the analytic critic log p/q is its optimum; unbiased, high variance.
    case nwj
    /// Donsker–Varadhan (the bound MINE maximises): E_p[f] − log E_q[e^f].
    case dv
    /// SMILE (Song & Ermon 2020): Donsker–Varadhan with e^f clipped to [e^−τ, e^τ] in the
    /// second term, trading a little bias for bounded variance.
    case smile(clip: Double)

    public var description: String {
        switch self {
        case .infoNCE: return "InfoNCE"
        case .nwj: return "NWJ"
        case .dv: return "DV"
        case .smile(let tau): return "SMILE(\(tau))"
        }
    }

    /// The estimate of one batch, in nats. `scores` is N × N row-major (N ≥ 2).
    ///
    /// Complexity: O(N²).
    public func estimate(scores: [Double], batch n: Int) -> Double {
        precondition(n >= 2 && scores.count == n * n, "an N × N critic matrix with N ≥ 2")
        var joint = 0.0
        for i in 0..<n { joint += scores[i * n + i] }
        joint /= Double(n)
        switch self {
        case .infoNCE:
            var total = 0.0
            for i in 0..<n {
                let row = Array(scores[i * n ..< (i + 1) * n])
                total += scores[i * n + i] - (Activations.logSumExp(row) - Double.logarithm(Double(n)))
            }
            return total / Double(n)
        case .nwj:
            // E_p[f + 1] − e^−1 E_q[e^(f + 1)] = E_p[f] + 1 − E_q[e^f].
            return joint + 1 - Self.marginalMeanExp(scores, n, clip: nil)
        case .dv:
            return joint - Self.marginalLogMeanExp(scores, n)
        case .smile(let tau):
            return joint - Double.logarithm(Self.marginalMeanExp(scores, n, clip: tau))
        }
    }

    /// (1/N(N−1)) Σ_{i≠j} e^f(xᵢ, yⱼ), each term clipped to [e^−τ, e^τ] when `clip` is τ.
    static func marginalMeanExp(_ s: [Double], _ n: Int, clip: Double?) -> Double {
        var total = 0.0
        for i in 0..<n {
            for j in 0..<n where j != i {
                var v = s[i * n + j]
                if let tau = clip { v = min(max(v, -tau), tau) }
                total += Double.exponential(v)
            }
        }
        return total / Double(n * (n - 1))
    }

    /// log of (1/N(N−1)) Σ_{i≠j} e^f, computed stably.
    static func marginalLogMeanExp(_ s: [Double], _ n: Int) -> Double {
        var off: [Double] = []
        off.reserveCapacity(n * (n - 1))
        for i in 0..<n { for j in 0..<n where j != i { off.append(s[i * n + j]) } }
        return Activations.logSumExp(off) - Double.logarithm(Double(n * (n - 1)))
    }
}
