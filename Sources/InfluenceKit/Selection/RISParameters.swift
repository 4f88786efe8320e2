/// The parameters of an RIS run (IMM or OPIM-C), shared by `seeds`, `compare` and the library's
/// `SeedsRequest`.
public struct RISParameters: Sendable, Codable, Equatable {
    /// ε of the target ratio 1 − 1/e − ε (0 < ε < 1).
    public var epsilon: Double
    /// OPIM-C's failure probability δ (nil: 1/n).
    public var delta: Double?
    /// IMM's ℓ: failure probability n^−ℓ.
    public var ell: Double
    /// OPIM-C's precision refinement: the greedy's choice error to refine to (Σᵢ √cᵢ / Σᵢ cᵢ over
    /// the seeds' marginal coverages; see `OPIMC`); nil: the paper's stopping rule.
    public var precision: Double?
    /// How IC in-arcs are drawn.
    public var sampling: RRSamplingMethod
    /// Memory limit of the RR-set pools, in bytes.
    public var memoryLimitBytes: Int

    /// The precision refinement used by default: a choice error of 5% (capped at IMM's sample
    /// size). For k = 50 this is about the coverage a 0.7% relative standard error of σ(S) asks
    /// for; measured on nethept, email-Enron and soc-Slashdot0902 (three seeds each) its seeds'
    /// spread is within 0.25% of IMM's, where 6% falls 0.6% short on nethept
    /// (`Bench/results/perf3.md`).
    public static let defaultPrecision = 0.05

    /// Parameters; the defaults are ε = 0.1, δ = 1/n, ℓ = 1, the default precision refinement,
    /// subset sampling and the default memory limit. Complexity: O(1).
    public init(epsilon: Double = 0.1, delta: Double? = nil, ell: Double = 1, precision: Double? = RISParameters.defaultPrecision,
                sampling: RRSamplingMethod = .subset, memoryLimitBytes: Int = SystemMemory.defaultLimitBytes) {
        self.epsilon = epsilon
        self.delta = delta
        self.ell = ell
        self.precision = precision
        self.sampling = sampling
        self.memoryLimitBytes = memoryLimitBytes
    }

    /// Checks every value, naming the parameter at fault. Complexity: O(1).
    public func validate() throws(InfluenceError) {
        try ParameterCheck.epsilon(epsilon)
        if let delta, !(delta > 0 && delta < 1) {
            throw InfluenceError(.usage, parameter: "delta", "δ must lie strictly between 0 and 1 (got \(delta))")
        }
        guard ell > 0 else { throw InfluenceError(.usage, parameter: "ell", "ℓ must be positive (got \(ell))") }
        if let precision, !(precision > 0 && precision < 1) {
            throw InfluenceError(.usage, parameter: "precision",
                                 "precision must be a choice error strictly between 0 and 1 (got \(precision); e.g. 0.05)")
        }
        guard memoryLimitBytes > 0 else {
            throw InfluenceError(.usage, parameter: "memoryLimit", "memory limit \(memoryLimitBytes) bytes (expected a positive size)")
        }
    }
}
