import InfluenceKit

/// Pairs (x, y) of d-dimensional standard Gaussians with yₖ = ρ xₖ + √(1 − ρ²) εₖ, whose mutual
/// information is known: I(x; y) = −½ · d · log(1 − ρ²). With the analytic critic
/// f(x, y) = log p(y | x) − log p(y), the test bed for `MutualInformationEstimator` of Poole et al.
/// (2019) and Song & Ermon (2020).
public struct CorrelatedGaussians: Sendable {
    public let dimensions: Int
    public let rho: Double

    public init(dimensions: Int, rho: Double) {
        precondition(dimensions >= 1 && abs(rho) < 1)
        self.dimensions = dimensions
        self.rho = rho
    }

    /// The pair whose MI is `nats`: ρ = √(1 − e^(−2·nats/d)).
    public init(dimensions: Int, mutualInformation nats: Double) {
        self.init(dimensions: dimensions, rho: (1 - Double.exponential(-2 * nats / Double(dimensions))).squareRoot())
    }

    /// −½ · d · log(1 − ρ²).
    public var mutualInformation: Double { -0.5 * Double(dimensions) * Double.logarithm(1 - rho * rho) }

    /// A batch of `n` joint samples (x rows, y rows), n × d each, row-major.
    public func sample<R: RandomNumberGenerator>(_ n: Int, using rng: inout R) -> (x: [Double], y: [Double]) {
        let d = dimensions
        var x = [Double](repeating: 0, count: n * d), y = x
        let s = (1 - rho * rho).squareRoot()
        for i in 0..<n * d {
            let a = Self.normal(&rng), e = Self.normal(&rng)
            x[i] = a
            y[i] = rho * a + s * e
        }
        return (x, y)
    }

    /// The N × N matrix of the analytic critic log p(yⱼ | xᵢ) − log p(yⱼ).
    public func analyticScores(x: [Double], y: [Double], batch n: Int) -> [Double] {
        let d = dimensions
        let v = 1 - rho * rho
        let constant = -0.5 * Double(d) * Double.logarithm(v)
        var s = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var q = 0.0
                for k in 0..<d {
                    let yj = y[j * d + k], r = yj - rho * x[i * d + k]
                    q += yj * yj - r * r / v
                }
                s[i * n + j] = constant + 0.5 * q
            }
        }
        return s
    }

    /// The mean estimate of `estimator` over `batches` batches of `n` pairs.
    public func meanEstimate(_ estimator: MutualInformationEstimator, batch n: Int, batches: Int, seed: UInt64) -> Double {
        var rng = Xoshiro256StarStar(seed: seed, stream: 0x4D49)
        var total = 0.0
        for _ in 0..<batches {
            let (x, y) = sample(n, using: &rng)
            total += estimator.estimate(scores: analyticScores(x: x, y: y, batch: n), batch: n)
        }
        return total / Double(batches)
    }

    /// A standard normal by Box–Muller.
    static func normal<R: RandomNumberGenerator>(_ rng: inout R) -> Double {
        let u = (Double(rng.next() >> 11) + 0.5) * 0x1p-53, v = Double(rng.next() >> 11) * 0x1p-53
        return (-2 * Double.logarithm(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
