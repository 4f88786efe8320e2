/// Marginal gains by Monte Carlo on P with common random numbers: every evaluation runs cascades
/// `0..<runs` of the same seed, run i in the same live-edge world (`MonteCarloSimulator`), so
/// σ(S ∪ {v}) − σ(S) compares paired sums and is never negative. This is the gain of the paper's
/// MG-Greedy and RR-Greedy (KDD 2023, §4), whose cost the RR variants avoid.
public struct MonteCarloGains: MarginalGainOracle {
    /// The simulator every evaluation runs (the same runs, so the same worlds, each time).
    public let simulator: MonteCarloSimulator
    /// The nodes taken so far, in order.
    public private(set) var seeds: [Int] = []
    /// Σ over the runs of |activated(S)|.
    public private(set) var sum = 0
    /// Evaluations made (each of `runs` cascades).
    public private(set) var evaluations = 0

    /// - Throws: what `MonteCarloSimulator.init` throws.
    /// - Complexity: that of `MonteCarloSimulator.init`.
    public init(model: any DiffusionModel, configuration: MonteCarloSimulator.Configuration) throws(InfluenceError) {
        simulator = try MonteCarloSimulator(model: model, configuration: configuration)
    }

    private mutating func total(_ set: [Int]) throws(InfluenceError) -> Int {
        var tally = MonteCarloTally()
        try simulator.simulate(seeds: set, runs: 0..<simulator.configuration.runs, into: &tally)
        evaluations += 1
        return tally.sum
    }

    /// Complexity: `runs` cascades from S ∪ {node}.
    public mutating func gain(of node: Int) throws(InfluenceError) -> Double {
        Double(try total(seeds + [node]) - sum) / Double(simulator.configuration.runs)
    }

    /// Complexity: `runs` cascades from S ∪ {node}.
    public mutating func take(_ node: Int) throws(InfluenceError) -> Double {
        let next = try total(seeds + [node])
        let g = Double(next - sum) / Double(simulator.configuration.runs)
        seeds.append(node)
        sum = next
        return g
    }

    /// What a Monte Carlo greedy run would cost.
    public struct CostEstimate: Sendable, Codable, Equatable {
        /// Evaluations expected (each of `runs` cascades).
        public var evaluations: Double
        /// Monte Carlo cascades per evaluation.
        public var runs: Int
        /// Seconds per cascade measured by the pilot (from a random feasible assignment).
        public var secondsPerCascade: Double
        /// The estimated run time: evaluations × runs × seconds per cascade.
        public var seconds: Double
    }

    /// Estimates the cost of `algorithm` (`rrGreedy`: k·Σ|C_u| evaluations, the eager count, an
    /// upper end of the lazy run's; `mgGreedy`: the
    /// distinct candidates plus `CELF.reevaluationsPerRound` per pick) from a pilot of
    /// `pilotRuns` cascades of a random feasible assignment, an upper-end cascade size.
    ///
    /// Complexity: `pilotRuns` cascades.
    public static func estimateCost(_ problem: CapacityProblem, algorithm: CapacityAlgorithm,
                                    configuration: MonteCarloSimulator.Configuration, pilotRuns: Int = 64) throws(InfluenceError) -> CostEstimate {
        var pilot = configuration
        pilot.runs = max(1, min(pilotRuns, configuration.runs))
        let simulator = try MonteCarloSimulator(model: problem.subgraphModel, configuration: pilot)
        var rng = Xoshiro256StarStar(seed: configuration.seed, stream: 0xC057)
        var seeds: [Int] = [], taken = Set<Int>()
        for i in 0..<problem.participantCount {
            let free = problem.candidates(of: i).filter { !taken.contains($0) }
            for _ in 0..<min(problem.k, free.count) {
                let v = free[Int(rng.nextBelow(UInt64(free.count)))]
                if taken.insert(v).inserted { seeds.append(v) }
            }
        }
        var tally = MonteCarloTally()
        let clock = Stopwatch()
        try simulator.simulate(seeds: seeds, runs: 0..<pilot.runs, into: &tally)
        let seconds = clock.seconds
        let perCascade = seconds / Double(pilot.runs)
        let picks = Double(seeds.count)
        let evaluations: Double
        switch algorithm {
        case .mgGreedy: evaluations = Double(Set(problem.candidates).count) + picks * CELF.reevaluationsPerRound
        default: evaluations = Double(problem.k) * Double(problem.candidates.count)
        }
        return CostEstimate(evaluations: evaluations, runs: configuration.runs, secondsPerCascade: perCascade,
                            seconds: evaluations * Double(configuration.runs) * perCascade)
    }
}
