#if canImport(Glibc)
import Glibc
#endif

/// The capacity-constrained algorithms of the KDD 2023 paper ("Capacity Constrained Influence
/// Maximization in Social Networks", §4–5) by name.
public enum CapacityAlgorithm: String, Sendable, Codable, CaseIterable {
    /// RR-Greedy on RR sets with OPIM-style bounds and the tightened upper bound (the default).
    case rrOPIMPlus = "rr-opim+"
    /// RR-Greedy on RR sets, upper bound 2·Λ(S) from greedy's ½ ratio.
    case rrOPIM = "rr-opim"
    /// MG-Greedy on RR sets, upper bound 2·Λ(S).
    case mgOPIM = "mg-opim"
    /// RR-Greedy with Monte Carlo marginal gains on common random numbers (½ of OPT up to
    /// sampling error; slow: see `MonteCarloGains.estimateCost`).
    case rrGreedy = "rr-greedy"
    /// MG-Greedy with Monte Carlo marginal gains on common random numbers, evaluated lazily (CELF).
    case mgGreedy = "mg-greedy"

    /// Whether the algorithm selects on RR sets with the OPIM stopping rule.
    public var usesRRSets: Bool { self != .rrGreedy && self != .mgGreedy }
}

/// RR-OPIM+, RR-OPIM and MG-OPIM: a partition-matroid greedy on RR sets of P with the stopping rule
/// of OPIM-C (Tang, Tang, Xiao, Yuan, SIGMOD 2018) as the KDD 2023 paper adapts it (§5).
///
/// With n_P the nodes of P, δ (default 1/n_P), χ the number of distinct seeds of a random feasible
/// assignment and L = Σ_u ln C(|C_u|, k):
/// θmax = 2·n_P·(½√ln(6/δ) + √(½(L + ln(6/δ))))² / (ε²·χ), θ₀ = θmax·ε²/n_P,
/// i_max = ⌈log₂(θmax/θ₀)⌉. Each round greedy picks S on R1; d₀ = ln(3·i_max/δ);
/// σˡ = ((√(Λ₂(S) + 2d₀/9) − √(d₀/2))² − d₀/18)·n_P/θ₂ and σᵘ = (√(Λᵘ + d₀/2) + √(d₀/2))²·n_P/θ₁
/// (`OPIMCBounds`), with Λᵘ = 2·Λ₁(S) for RR-OPIM and MG-OPIM, and
/// Λᵘ = min(2·Λ₁(S), min_t [Λ₁(S_t) + Σ_u top-k marginal coverages in C_u]) for RR-OPIM+, the
/// minimum taken over the prefixes S_t at the start of each round-robin round. The run stops
/// when σˡ/σᵘ ≥ ½ − ε or at round i_max (whose R1 holds at least θmax sets), else doubles R1 and
/// R2. Guarantee ½ − ε with probability at least 1 − δ.
///
/// Precision refinement (`Configuration.precision`, as `OPIMC`'s): once the ratio is reached, R1
/// alone keeps growing while the relative standard error of its estimate of σ(S),
/// √((1 − p̂)/Λ₁(S)), exceeds ρ, never beyond θmax; each such round is a round of the algorithm,
/// counted in i_max, with R2 untouched, so the failure probability is unchanged. nil gives the
/// paper's rule.
///
/// `compat` reproduces the published code: θ₀ divided by √χ, and RR-OPIM+'s Λᵘ without the
/// 2·Λ₁(S) term.
public struct CapacityOPIM: Sendable {
    /// What to run.
    public struct Configuration: Sendable {
        /// The RR variant to run (`rrOPIMPlus`, `rrOPIM` or `mgOPIM`).
        public var algorithm: CapacityAlgorithm
        /// ε of the target ratio ½ − ε (0 < ε < ½).
        public var epsilon: Double
        /// Failure probability δ (nil: 1/n_P).
        public var delta: Double?
        /// Seed of the RR sets.
        public var seed: UInt64
        /// Sampling threads (the result does not depend on them).
        public var workers: Int
        /// The memory limit the pools are checked against before they grow.
        public var memory: MemoryBudget
        /// Receives the sampling and selection phases.
        public var progress: any ProgressReporter
        /// Relative standard error to refine to once the ratio is reached (nil: the paper's rule).
        public var precision: Double?
        /// The published code's deviations (see the type's documentation).
        public var compat: Bool
        /// A configuration. Complexity: O(1).
        public init(algorithm: CapacityAlgorithm = .rrOPIMPlus, epsilon: Double = 0.1, delta: Double? = nil, seed: UInt64 = 1,
                    workers: Int = 1, memory: MemoryBudget = MemoryBudget(), progress: any ProgressReporter = SilentProgress(),
                    precision: Double? = nil, compat: Bool = false) {
            self.algorithm = algorithm
            self.epsilon = epsilon
            self.delta = delta
            self.seed = seed
            self.workers = workers
            self.memory = memory
            self.progress = progress
            self.precision = precision
            self.compat = compat
        }
    }

    /// What a run found.
    public struct Report: Sendable {
        /// The assignment in selection order, gains as marginal coverage on R1.
        public var picks: [CapacityPick]
        /// Every round (the ratio reached each round is what users should see).
        public var rounds: [OPIMC.Round]
        /// The precision refinement, when one ran.
        public var refinement: OPIMC.Refinement?
        /// δ in force.
        public var delta: Double
        /// χ, the sample-size factor of the bounds.
        public var chi: Int
        /// θ₀, the sets of the first round.
        public var thetaZero: Int
        /// θmax, the most sets a round may hold.
        public var thetaMax: Int
        /// i_max, the most rounds.
        public var maxRounds: Int
        /// The approximation certified (at least the target when R1 reached θmax).
        public var approximation: Double
        /// ½ − ε.
        public var target: Double
        /// Sets of the selection pool R1 at the end.
        public var selectionSets: Int
        /// Sets drawn in all, both pools.
        public var rrSetsGenerated: Int
        /// Peak bytes held by the pools.
        public var peakRRSetBytes: Int
        /// Seconds spent drawing RR sets.
        public var samplingSeconds: Double
        /// Seconds spent in greedy and the bounds.
        public var selectionSeconds: Double
    }

    /// What `run` does.
    public let configuration: Configuration
    /// A runner with `configuration`. Complexity: O(1).
    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Runs on `problem`, sampling RR sets on P with `sampler` (built on `problem.subgraphModel`).
    ///
    /// - Throws: `.usage` for bad parameters (`epsilon`, `delta`, `precision`, `algorithm`),
    ///   `.resource` when the pools would exceed the memory limit.
    /// - Complexity: O((L + ln(1/δ))·(n_P + m_P)/(ε²·χ)) expected in the worst case, usually far
    ///   less; each round's greedy is O(Σ|R| + k·Σ|C_u|).
    public func run(on problem: CapacityProblem, sampler: RRSetSampler) throws(InfluenceError) -> Report {
        let c = configuration
        guard c.algorithm.usesRRSets else {
            throw InfluenceError(.usage, parameter: "algorithm", "'\(c.algorithm.rawValue)' does not select on RR sets (expected rr-opim+, rr-opim or mg-opim)")
        }
        guard c.epsilon > 0, c.epsilon < 0.5 else {
            throw InfluenceError(.usage, parameter: "epsilon", "ε = \(c.epsilon) (expected 0 < ε < 0.5: the target ratio is ½ − ε)")
        }
        let nodes = problem.nodeCount
        guard sampler.graph.nodeCount == nodes else {
            throw InfluenceError(.usage, parameter: "sampler", "the sampler's graph has \(sampler.graph.nodeCount) nodes (expected P's \(nodes))")
        }
        let n = Double(nodes)
        let delta = c.delta ?? 1 / max(n, 2)
        guard delta > 0, delta < 1 else {
            throw InfluenceError(.usage, parameter: "delta", "δ = \(delta) (expected a value strictly between 0 and 1)")
        }
        if let precision = c.precision, !(precision > 0 && precision < 1) {
            throw InfluenceError(.usage, parameter: "precision", "precision \(precision) (expected a relative standard error strictly between 0 and 1, e.g. 0.004)")
        }
        let chi = max(1, problem.randomAssignmentSize(seed: c.seed))
        let l6 = log(6 / delta)
        let root = 0.5 * l6.squareRoot() + (0.5 * (problem.logAssignmentCount + l6)).squareRoot()
        let thetaMaxReal = 2 * n * root * root / (c.epsilon * c.epsilon * Double(chi))
        var thetaZeroReal = thetaMaxReal * c.epsilon * c.epsilon / n
        if c.compat { thetaZeroReal /= Double(chi).squareRoot() }
        let thetaMax = try SampleSizeLimit.checked(thetaMaxReal, epsilon: c.epsilon, bound: "θmax")
        let thetaZero = max(1, try SampleSizeLimit.checked(thetaZeroReal, epsilon: c.epsilon, bound: "θ0"))
        let maxRounds = max(1, Int(log2(thetaMaxReal / thetaZeroReal).rounded(.up)))
        let a = OPIMCBounds.deltaTerm(maxRounds: maxRounds, delta: delta)
        let target = 0.5 - c.epsilon

        var driver = RISPoolDriver(sampler: sampler, seed: c.seed, workers: c.workers, memory: c.memory, progress: c.progress)
        var r1 = RRSetCollection(nodeCount: nodes), r2 = RRSetCollection(nodeCount: nodes)
        var rounds: [OPIMC.Round] = []
        var samplingSeconds = 0.0, selectionSeconds = 0.0
        var goal1 = thetaZero, goal2 = thetaZero
        var refining = false, refinementRounds = 0
        var capped: (cap: String, sets: Int)?
        var picks: [CapacityPick] = []
        var reached = 0.0
        let name = c.algorithm.rawValue
        for i in 1...maxRounds {
            var clock = Stopwatch()
            if i == maxRounds {
                goal1 = max(goal1, thetaMax)
                if !refining { goal2 = goal1 }
            }
            let next1 = RRSetSampler.roundedToTasks(goal1), next2 = RRSetSampler.roundedToTasks(goal2)
            try driver.check([.init(before: r1.count, after: next1), .init(before: r2.count, after: next2)], indexedSets: next1,
                             meanSetSize: driver.meanSetSize([r1, r2]), step: "\(name) round \(i) (\(next1) + \(next2) RR sets)")
            try driver.grow(&r1, to: goal1, poolID: RRPool.selection, phase: "\(name) round \(i): R1")
            try driver.grow(&r2, to: goal2, poolID: RRPool.validation, phase: "\(name) round \(i): R2")
            let sampled = clock.lap()
            samplingSeconds += sampled

            let index = driver.index(r1, alsoHeld: r2.memoryBytes)
            var gains = CoverageGains(state: try CoverageState(pool: r1, index: index))
            var prefixBound = Int.max
            switch c.algorithm {
            case .mgOPIM:
                picks = try ConstrainedGreedy.marginalGain(problem, oracle: &gains)
            case .rrOPIMPlus:
                picks = try ConstrainedGreedy.roundRobin(problem, oracle: &gains) { (o: inout CoverageGains) throws(InfluenceError) in
                    prefixBound = min(prefixBound, o.topKBound(problem))
                }
            default:
                picks = try ConstrainedGreedy.roundRobin(problem, oracle: &gains)
            }
            let coverage1 = gains.state.coverage
            let seeds = picks.map(\.node)
            let coverage2 = r2.coverage(of: seeds)
            var coverageBound: Double
            switch c.algorithm {
            case .rrOPIMPlus where c.compat: coverageBound = Double(prefixBound)
            case .rrOPIMPlus: coverageBound = min(2 * Double(coverage1), Double(prefixBound))
            default: coverageBound = 2 * Double(coverage1)
            }
            coverageBound = min(coverageBound, Double(r1.count))
            let lower = OPIMCBounds.lowerBound(coverage: coverage2, theta: r2.count, deltaTerm: a, nodeCount: nodes)
            let upper = OPIMCBounds.upperBound(coverageBound: coverageBound, theta: r1.count, deltaTerm: a, nodeCount: nodes)
            let ratio = upper > 0 ? lower / upper : 0
            let covered = Double(coverage1), fraction = covered / Double(r1.count)
            let error = covered > 0 ? ((1 - fraction) / covered).squareRoot() : .infinity
            let selected = clock.lap()
            selectionSeconds += selected
            rounds.append(OPIMC.Round(index: i, rrSetsR1: r1.count, rrSetsR2: r2.count, refinement: refining,
                                      coverageR1: coverage1, coverageR2: coverage2, lowerBound: lower, upperBound: upper,
                                      ratio: ratio, relativeStandardError: error, seconds: sampled + selected))
            reached = ratio
            if i == maxRounds { break }
            if ratio >= target {
                guard let precision = c.precision, error > precision, fraction > 0, !(refining && capped != nil) else { break }
                guard let grown = driver.refinedSelectionSize(
                    fraction: fraction, precision: precision,
                    caps: [.init(name: "theta-max", limit: Double(thetaMax), reportedSets: thetaMax)],
                    r1: r1, r2: r2, capped: &capped) else { break }
                refining = true
                refinementRounds += 1
                goal1 = grown
                goal2 = r2.count
            } else {
                refining = false
                goal2 = r2.count * 2
                goal1 = max(r1.count, goal2)
            }
        }
        var refinement: OPIMC.Refinement?
        if let precision = c.precision {
            let reachedError = rounds.last?.relativeStandardError ?? .infinity
            let short = reachedError > precision
            refinement = OPIMC.Refinement(target: precision, reached: reachedError, rounds: refinementRounds,
                                          capped: short && capped != nil, cap: short ? capped?.cap : nil,
                                          capSets: short ? capped?.sets : nil)
        }
        let approximation = r1.count >= thetaMax ? max(reached, target) : reached
        return Report(picks: picks, rounds: rounds, refinement: refinement, delta: delta, chi: chi, thetaZero: thetaZero,
                      thetaMax: thetaMax, maxRounds: maxRounds, approximation: approximation, target: target,
                      selectionSets: r1.count, rrSetsGenerated: driver.generated, peakRRSetBytes: driver.peakBytes,
                      samplingSeconds: samplingSeconds, selectionSeconds: selectionSeconds)
    }
}
