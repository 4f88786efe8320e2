/// Relative costs of the methods, in units of one coin, from which each node's method is
/// chosen (all methods are exact, so the choice only affects speed).
@_spi(Kernels) public struct SubsetSamplingCosts: Sendable {
    /// One coin (a 64-bit draw and an integer compare against the arc's threshold).
    var coin = 1.0
    /// One geometric skip (a 53-bit draw and a logarithm).
    var skip = 5.0
    /// Drawing K (a draw and the first table steps).
    var binomialCount = 2.0
    /// One live arc of a binomial draw (an index draw and the duplicate check).
    var binomialArc = 1.5
    /// The largest mean d·p the binomial tables serve (their length grows with it).
    var binomialMaxMean = 8.0

    /// Measured on this code (Bench/BenchRIS sampling).
    static let measured = SubsetSamplingCosts()
    /// Geometric skips and buckets wherever they apply (tests).
    static let skipsOnly = SubsetSamplingCosts(coin: .infinity, skip: 1, binomialCount: .infinity, binomialArc: .infinity, binomialMaxMean: 0)
    /// Binomial tables wherever they apply (tests).
    static let binomialOnly = SubsetSamplingCosts(coin: .infinity, skip: .infinity, binomialCount: 1, binomialArc: 1, binomialMaxMean: .infinity)
}

