/// An estimate of σ(S) with a 95% interval from fresh RR sets, independent of those that chose S.
///
/// With θ sets of which Λ contain a seed, p̂ = Λ/θ estimates Pr[S ∩ R ≠ ∅] = σ(S)/n (Borgs et al.,
/// SODA 2014), so σ̂ = n·p̂ is unbiased with standard error n·√(p̂(1 − p̂)/θ); the interval is
/// σ̂ ± 1.96 standard errors (normal approximation of the binomial), clipped to [0, n].
public struct SpreadInterval: Sendable, Codable, Equatable {
    /// σ̂ = n·Λ/θ.
    public let estimate: Double
    /// n·√(p̂(1 − p̂)/θ).
    public let standardError: Double
    /// Lower end of the interval.
    public let low: Double
    /// Upper end of the interval.
    public let high: Double
    /// Confidence level of the interval (0.95).
    public let confidence: Double
    /// RR sets drawn, θ.
    public let rrSets: Int
    /// Sets that contain a seed, Λ.
    public let covered: Int

    /// The interval from `covered` of `sets` RR sets on a graph of `nodeCount` nodes.
    /// Complexity: O(1).
    public init(covered: Int, sets: Int, nodeCount: Int) {
        let n = Double(nodeCount)
        let theta = Double(max(1, sets))
        let p = Double(covered) / theta
        estimate = n * p
        standardError = n * (p * (1 - p) / theta).squareRoot()
        let z = 1.959963984540054
        low = max(0, estimate - z * standardError)
        high = min(n, estimate + z * standardError)
        confidence = 0.95
        rrSets = sets
        self.covered = covered
    }

    /// The most evaluation sets an interval may draw: 10^10. The sets are counted, not kept, so
    /// memory does not grow with θ, but time does, while the half-width falls only as 1/√θ: the
    /// default sizes stop at 4,194,304.
    public static let maximumSets = 10_000_000_000

    /// Throws a usage error (parameter `evaluationSets`) unless `1 ≤ sets ≤ maximumSets`.
    /// Complexity: O(1).
    public static func checkSetCount(_ sets: Int) throws(InfluenceError) {
        guard sets >= 1, sets <= maximumSets else {
            throw InfluenceError(.usage, parameter: "evaluationSets",
                                 "\(sets) evaluation sets (expected 1 to 10000000000; the interval's half-width falls as 1/√sets)")
        }
    }

    /// Draws `sets` fresh RR sets from the evaluation pool of `seed` (never the pools of
    /// selection) and estimates σ(`seeds`).
    ///
    /// Distributed (`communicator` of several ranks), each rank draws its `TaskShare` of the sets
    /// and the counts are summed: the interval is the single-process one.
    ///
    /// Complexity: at most the sampling cost of the sets (each stops at its first seed).
    public static func estimate(seeds: [Int], sampler: RRSetSampler, sets: Int, seed: UInt64, workers: Int,
                                progress: any ProgressReporter = SilentProgress(),
                                communicator: any Communicator = SingleProcessCommunicator()) throws(InfluenceError) -> SpreadInterval {
        _ = try MonteCarloSimulator.checkedSeeds(seeds, nodeCount: sampler.graph.nodeCount)
        try checkSetCount(sets)
        let result = sampler.countCovered(by: seeds, sets: sets, seed: seed, poolID: RRPool.evaluation,
                                          workers: workers, progress: progress, phase: "evaluating the spread",
                                          share: TaskShare(communicator))
        return SpreadInterval(covered: communicator.sum(result.covered), sets: result.sets, nodeCount: sampler.graph.nodeCount)
    }
}
