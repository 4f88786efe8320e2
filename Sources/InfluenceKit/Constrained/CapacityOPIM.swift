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
/// The rounds run through `OPIMRoundDriver`, OPIM-C's own loop, with this greedy and bound.
///
/// Precision refinement (`Configuration.precision`, as `OPIMC`'s): once the ratio is reached, R1
/// alone keeps growing while the relative standard error of its estimate of σ(S),
/// √((1 − p̂)/Λ₁(S)), exceeds ρ, never beyond θmax nor beyond the sets IMM would draw,
/// (λ' + λ*)/σᵘ for R1 + R2, with ln C(n,k) replaced by L (the feasible assignments are the
/// solutions) and ℓ = ln(1/δ)/ln n_P; each such round is a round of the algorithm, counted in
/// i_max, with R2 untouched, so the failure probability is unchanged. nil gives the paper's rule.
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
        try ParameterCheck.epsilon(c.epsilon, below: 0.5)
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

        // IMM's λ' + λ* for P with the feasible assignments as solutions and ℓ = ln(1/δ)/ln n_P,
        // as OPIM-C's: refinement keeps R1 + R2 ≤ (λ' + λ*)/σᵘ.
        let ell = IMMBounds.adjustedEll(log(1 / delta) / log(max(n, 2)), nodeCount: nodes)
        let immLambda = IMMBounds.lambdaStar(nodeCount: nodes, logSolutionCount: problem.logAssignmentCount, epsilon: c.epsilon, adjustedEll: ell)
            + IMMBounds.lambdaPrime(nodeCount: nodes, logSolutionCount: problem.logAssignmentCount, epsilon: c.epsilon, adjustedEll: ell)

        var driver = RISPoolDriver(sampler: sampler, seed: c.seed, workers: c.workers, memory: c.memory, progress: c.progress)
        let plan = OPIMRoundDriver.Plan(name: c.algorithm.rawValue, nodeCount: nodes, thetaZero: thetaZero, thetaMax: thetaMax,
                                        maxRounds: maxRounds, deltaTerm: a, target: target, precision: c.precision,
                                        immSampleSize: immLambda)
        let outcome = try OPIMRoundDriver.run(plan, pools: &driver) { (_, r1, index) throws(InfluenceError) in
            var gains = CoverageGains(state: try CoverageState(pool: r1, index: index))
            var prefixBound = Int.max
            let picks: [CapacityPick]
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
            // Λᵘ from greedy's ½ ratio (2·Λ₁(S)), for RR-OPIM+ also the prefix bound, never above θ₁.
            var coverageBound: Double
            switch c.algorithm {
            case .rrOPIMPlus where c.compat: coverageBound = Double(prefixBound)
            case .rrOPIMPlus: coverageBound = min(2 * Double(coverage1), Double(prefixBound))
            default: coverageBound = 2 * Double(coverage1)
            }
            coverageBound = min(coverageBound, Double(r1.globalCount))
            return OPIMRoundDriver.Pick(selection: picks, seeds: picks.map(\.node), coverage: coverage1, coverageBound: coverageBound)
        }
        return Report(picks: outcome.selection, rounds: outcome.rounds, refinement: outcome.refinement, delta: delta, chi: chi,
                      thetaZero: thetaZero, thetaMax: thetaMax, maxRounds: maxRounds, approximation: outcome.approximation,
                      target: target, selectionSets: outcome.selectionSets, rrSetsGenerated: driver.generated,
                      peakRRSetBytes: driver.peakBytes, samplingSeconds: outcome.samplingSeconds,
                      selectionSeconds: outcome.selectionSeconds)
    }
}
