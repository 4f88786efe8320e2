/// Running totals of a Monte Carlo simulation, merged in a fixed order so the result does not
/// depend on how runs were spread over threads.
///
/// The sum of spreads is kept as an integer (exact); the sum of squared deviations as a Double,
/// merged block by block with the pairwise update of Chan, Golub and LeVeque ("Algorithms for
/// computing the sample variance", 1983), always in block order.
public struct MonteCarloTally: Sendable, Equatable {
    /// Runs counted.
    public var runs: Int = 0
    /// Σ spread.
    public var sum: Int = 0
    /// Σ (spread − mean)².
    public var squaredDeviations: Double = 0
    /// Smallest spread (Int.max when empty).
    public var minimum: Int = .max
    /// Largest spread (Int.min when empty).
    public var maximum: Int = .min
    /// Σ arcs examined by the kernels.
    public var arcsExamined: Int = 0
    /// Per node, in how many runs it ended active (empty unless node counts were requested).
    public var activationCounts: [Int] = []

    /// An empty tally. Complexity: O(1).
    public init() {}

    /// Mean spread so far (0 when empty).
    public var mean: Double { runs > 0 ? Double(sum) / Double(runs) : 0 }

    /// Adds one run. Complexity: O(1).
    public mutating func add(spread: Int, arcsExamined arcs: Int) {
        let previousMean = mean
        runs += 1
        sum += spread
        let x = Double(spread)
        squaredDeviations += (x - previousMean) * (x - mean)
        minimum = Swift.min(minimum, spread)
        maximum = Swift.max(maximum, spread)
        arcsExamined += arcs
    }

    /// Folds in the totals of a later block of runs (the caller keeps block order fixed).
    /// Activation counts are not merged here. Complexity: O(1).
    public mutating func merge(_ other: MonteCarloTally) {
        guard other.runs > 0 else { return }
        if runs == 0 {
            let counts = activationCounts
            self = other
            activationCounts = counts
            return
        }
        let na = Double(runs), nb = Double(other.runs)
        let delta = other.mean - mean
        squaredDeviations += other.squaredDeviations + delta * delta * na * nb / (na + nb)
        runs += other.runs
        sum += other.sum
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
        arcsExamined += other.arcsExamined
    }

    /// The estimate these totals give. Complexity: O(1).
    public var estimate: SpreadEstimate {
        guard runs > 0 else { return SpreadEstimate(runs: 0, mean: 0, standardDeviation: 0, min: 0, max: 0) }
        let variance = runs > 1 ? Swift.max(0, squaredDeviations) / Double(runs - 1) : 0
        return SpreadEstimate(runs: runs, mean: mean, standardDeviation: variance.squareRoot(),
                              min: Double(minimum), max: Double(maximum))
    }

    /// Each node's activation frequency, count / runs (empty unless node counts were requested).
    /// Complexity: O(n).
    public var activationProbabilities: [Double] {
        let r = Double(Swift.max(runs, 1))
        return activationCounts.map { Double($0) / r }
    }
}
