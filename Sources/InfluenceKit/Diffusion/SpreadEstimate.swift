/// A Monte Carlo estimate of the expected spread σ(S): sample mean of the number of active nodes
/// over `runs` independent cascades, with its spread and a 95% normal confidence interval.
public struct SpreadEstimate: Sendable, Codable, Equatable {
    /// Number of simulated cascades.
    public var runs: Int
    /// Sample mean of the spread, the estimate of σ(S).
    public var mean: Double
    /// Sample standard deviation of the spread (n − 1 denominator; 0 for one run).
    public var standardDeviation: Double
    /// Standard error of the mean, standardDeviation / √runs.
    public var standardError: Double
    /// Lower end of the 95% confidence interval, mean − 1.959964·standardError.
    public var confidenceLow: Double
    /// Upper end of the 95% confidence interval, mean + 1.959964·standardError.
    public var confidenceHigh: Double
    /// Smallest spread seen.
    public var min: Double
    /// Largest spread seen.
    public var max: Double

    /// The two-sided 95% quantile of the standard normal distribution.
    public static let z95 = 1.959963984540054

    /// An estimate from its summary statistics; the interval is mean ± z95 · standard error.
    /// Complexity: O(1).
    public init(runs: Int, mean: Double, standardDeviation: Double, min: Double, max: Double) {
        self.runs = runs
        self.mean = mean
        self.standardDeviation = standardDeviation
        self.standardError = runs > 0 ? standardDeviation / Double(runs).squareRoot() : 0
        self.confidenceLow = mean - Self.z95 * standardError
        self.confidenceHigh = mean + Self.z95 * standardError
        self.min = min
        self.max = max
    }

    /// Half the width of the 95% confidence interval.
    public var halfWidth: Double { Self.z95 * standardError }

    /// Half-width over mean (infinity when the mean is 0 and the half-width is not).
    public var relativeError: Double {
        if halfWidth == 0 { return 0 }
        return mean > 0 ? halfWidth / mean : .infinity
    }
}
