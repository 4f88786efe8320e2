#if canImport(Glibc)
import Glibc
#endif

/// OPIM-C: Tang, Tang, Xiao, Yuan, "Online Processing Algorithms for Influence Maximization",
/// SIGMOD 2018, Algorithm 2.
///
/// Two independent pools R1 and R2 of equal size start at θ0 = θmax·ε²k/n sets. Each round,
/// greedy picks S on R1; R2's coverage of S gives a lower bound σˡ(S) and R1 an upper bound σᵘ of
/// OPT (Lemmas 4.2 and 4.3 of the paper, each failing with probability δ/(3·i_max)); the round's
/// instance-wise ratio is α = σˡ/σᵘ. The run stops when α ≥ 1 − 1/e − ε, else doubles both pools;
/// the last round uses at least θmax sets (Eq. 13), which guarantees 1 − 1/e − ε by itself. The
/// result holds with probability at least 1 − δ.
///
/// Precision refinement (optional, `Configuration.precision`): the ratio is a worst-case
/// certificate; how close greedy gets to its best depends on how precisely R1 measures the gains
/// it chooses between. With a precision ρ, once the ratio is reached the run keeps going while the
/// greedy's choice error Σᵢ √cᵢ / Σᵢ cᵢ exceeds ρ, with cᵢ the marginal coverage of seed i on R1:
/// each gain is measured to about √cᵢ sets, so this is the noise of the choices relative to the
/// coverage they add up to, and a noisy pick loses at most about that fraction of the spread. For
/// equal gains it is √(k/Λ1(S)): the rule asks for a coverage of about k/ρ², growing with k (one
/// seed needs ρ⁻² covered sets, fifty need fifty times that), where a fixed relative error of the
/// spread estimate would ask for the same coverage at every k — far too much for small k, too
/// little for large k. The next round grows R1 alone to the size that brings the error to ρ (it
/// falls as 1/√θ1; never beyond θmax), and its ratio is computed and reported like any other.
/// Refinement rounds are rounds of the algorithm, counted in i_max, and R2 stays independent of
/// R1, so the bounds keep their failure probability.
///
/// The choice error measures noise, not loss: a few seeds with large gains can hinge on a near-tie
/// that it, small because each gain is large, does not see (email-Enron at k = 5 picks a set 1.3%
/// below the best in one run of three at 5% alone). So the run also refines until the expected
/// spread greedy's choices lost to their runners-up (`OPIMRoundDriver.selectionLoss`: each step's
/// pick against its three best rivals, a rival counting only when it is not chosen later, a tie
/// costing 0.4 of its noise and a clear choice nothing) is at most ρ/10 of the coverage (0.5% at
/// the default 5%) on R1, which grows R1; on R2, where a pick R1's noise favoured shows up, a value
/// past the limit and 3× R1's doubles both pools, as in the paper's rounds, within IMM's sample
/// size. This bounds
/// what the precision is for — the loss of the selection — where the former floor of ρ/5 relative
/// standard error of σ(S) bounded the precision of the estimate, and asked small k for up to 4×
/// the sets when their choices were clear (nethept at k = 5, a spread of 1.2% of the nodes).
///
/// Refinement is capped so that it never costs more RR sets than IMM would draw for the same
/// (n, k, ε, ℓ), with ℓ = ln(1/δ)/ln n. IMM's last estimation pool holds λ'/x ≥ λ'/LB sets (its guess
/// x is at most its lower bound LB) and its final pool λ*/LB, with LB ≤ OPT; the round's σᵘ ≥ OPT
/// (with the run's probability), so IMM draws at least (λ' + λ*)/σᵘ sets, and R1 + R2 is kept at
/// most that. Small k, whose tiny spreads would otherwise call for a huge R1, stop at that cap; the
/// report says when they did.
///
/// The rounds run through `OPIMRoundDriver`, which the capacity-constrained variants share.
///
/// Usage: configure, `run(on:)`, read the report (each round's α is what users should see).
public struct OPIMC: Sendable {
    /// What to run.
    public struct Configuration: Sendable {
        /// Seeds to pick.
        public var k: Int
        /// ε of the target ratio 1 − 1/e − ε (0 < ε < 1).
        public var epsilon: Double
        /// Failure probability δ (nil: 1/n).
        public var delta: Double?
        /// Seed of every random choice.
        public var seed: UInt64
        /// Sampling threads.
        public var workers: Int
        /// Memory limit, checked before each pool growth.
        public var memory: MemoryBudget
        /// Progress and notes.
        public var progress: any ProgressReporter
        /// The ranks the run is spread over (each draws its share of every pool; the result is the
        /// single-process one on every rank).
        public var communicator: any Communicator = SingleProcessCommunicator()
        /// The choice error Σᵢ √cᵢ / Σᵢ cᵢ of greedy's marginal coverages on R1 to refine to once
        /// the ratio is reached (nil: stop as soon as it is reached, as in the paper).
        public var precision: Double?
        /// No round starts when it is expected to end after this instant, and the run stops after
        /// the first round that ends past it, returning that round's seeds and ratio (nil: no
        /// time limit).
        public var deadline: ContinuousClock.Instant?
        /// With a precision: also refine the selection-loss bound to precision/5 (off only in tests
        /// that measure what it buys).
        var selectionLossRule = true

        /// Parameters of a run; checked by `run(on:)`. Complexity: O(1).
        public init(k: Int, epsilon: Double = 0.1, delta: Double? = nil, seed: UInt64 = 1, workers: Int = 1,
                    memory: MemoryBudget = MemoryBudget(), progress: any ProgressReporter = SilentProgress(), precision: Double? = nil) {
            self.k = k
            self.epsilon = epsilon
            self.delta = delta
            self.precision = precision
            self.seed = seed
            self.workers = workers
            self.memory = memory
            self.progress = progress
        }
    }

    /// One round: pool sizes, coverages, bounds and the ratio reached.
    public struct Round: Sendable, Codable, Equatable {
        /// 1-based round number.
        public var index: Int
        /// Sets in R1.
        public var rrSetsR1: Int
        /// Sets in R2.
        public var rrSetsR2: Int
        /// True for a precision-refinement round (R1 grown alone).
        public var refinement: Bool
        /// Λ1(S): coverage of greedy's seeds on R1.
        public var coverageR1: Int
        /// Λ2(S): coverage of the same seeds on R2.
        public var coverageR2: Int
        /// σˡ(S), the lower bound of the seeds' spread from R2.
        public var lowerBound: Double
        /// σᵘ, the upper bound of OPT from R1.
        public var upperBound: Double
        /// α = σˡ/σᵘ.
        public var ratio: Double
        /// √((1 − p̂)/Λ1(S)): relative standard error of R1's estimate of σ(S).
        public var relativeStandardError: Double
        /// Wall seconds of the round (sampling and selection).
        public var seconds: Double
        /// Σᵢ √cᵢ / Σᵢ cᵢ over the seeds' marginal coverages on R1: the noise of greedy's choices
        /// relative to their coverage (nil in records written before it was reported).
        public var choiceError: Double? = nil
        /// The expected spread greedy's choices lost to their runners-up, relative to the seeds'
        /// coverage, on R1 (`OPIMRoundDriver.selectionLoss`; nil when not computed: the paper's
        /// rule, or records written before it was reported).
        public var selectionLoss: Double? = nil
        /// The same measured on R2, independent of the picks (nil when not computed).
        public var selectionLossR2: Double? = nil
    }

    /// What precision refinement did.
    public struct Refinement: Sendable, Codable, Equatable {
        /// The precision asked for (of `measure`).
        public var target: Double
        /// The last round's value of `measure`.
        public var reached: Double
        /// Rounds that grew R1 alone.
        public var rounds: Int
        /// Refinement stopped at a cap before reaching the target.
        public var capped: Bool
        /// What capped it: `imm-sample-size` (R1 + R2 ≤ (λ' + λ*)/σᵘ), `theta-max` or `memory-limit`.
        public var cap: String?
        /// The cap in RR sets: R1 + R2 for `imm-sample-size`, R1 for `theta-max`; for `memory-limit`
        /// the R1 size that was refused.
        public var capSets: Int?
        /// What `target` and `reached` measure: `choice-error` (OPIM-C's greedy choice error) or,
        /// when absent, the relative standard error of R1's estimate of σ(S).
        public var measure: String? = nil
        /// The selection-loss bound refined to alongside `target` (nil: none; see
        /// `Round.selectionLoss`).
        public var selectionLossTarget: Double? = nil
        /// The last round's selection-loss bound (nil: none).
        public var selectionLoss: Double? = nil
    }

    /// What a run found.
    public struct Report: Sendable {
        /// Precision refinement, when it was asked for.
        public var refinement: Refinement?
        /// Seeds, gains, sets used, timings, memory, guarantee.
        public var selection: SeedSelection
        /// Every round, in order.
        public var rounds: [Round]
        /// δ used.
        public var delta: Double
        /// θ0 and θmax (per pool).
        public var thetaZero: Int
        /// θmax: the most sets a pool may hold.
        public var thetaMax: Int
        /// Number of rounds allowed.
        public var maxRounds: Int
        /// The run stopped at `Configuration.deadline` before its stopping rule ended it.
        public var stoppedAtDeadline: Bool = false
    }

    /// The run's parameters.
    public let configuration: Configuration

    /// OPIM-C configured by `configuration`; nothing runs until `run(on:)`. Complexity: O(1).
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Runs OPIM-C with `sampler`'s graph and model.
    ///
    /// - Throws: `.usage` for bad parameters, `.resource` when the pools would exceed the memory
    ///   limit.
    /// - Complexity: O((k ln n + ln(1/δ))(n + m)/ε²) expected in the worst case (Theorem 4.5);
    ///   usually far less, as the ratio is reached early.
    public func run(on sampler: RRSetSampler) throws(InfluenceError) -> Report {
        let c = configuration
        let nodes = sampler.graph.nodeCount
        try SeedSelection.validate(k: c.k, epsilon: c.epsilon, nodeCount: nodes)
        let n = Double(nodes)
        let delta = c.delta ?? 1 / n
        guard delta > 0, delta < 1 else {
            throw InfluenceError(.usage, parameter: "delta", "δ = \(delta) (expected a value strictly between 0 and 1)")
        }
        if let precision = c.precision, !(precision > 0 && precision < 1) {
            throw InfluenceError(.usage, parameter: "precision", "precision \(precision) (expected a choice error strictly between 0 and 1, e.g. 0.05)")
        }
        let e1 = Combinatorics.greedyRatio
        // Eq. 13: θmax = 2n((1 − 1/e)α + β)² / (ε²k); θ0 = θmax·ε²k/n.
        let thetaMaxReal = OPIMCBounds.thetaMax(nodeCount: nodes, k: c.k, epsilon: c.epsilon, delta: delta)
        let thetaZeroReal = thetaMaxReal * c.epsilon * c.epsilon * Double(c.k) / n
        let thetaMax = try SampleSizeLimit.checked(thetaMaxReal, epsilon: c.epsilon, bound: "OPIM-C's θmax")
        let thetaZero = max(1, try SampleSizeLimit.checked(thetaZeroReal, epsilon: c.epsilon, bound: "OPIM-C's θ0"))
        let maxRounds = max(1, Int(log2(thetaMaxReal / thetaZeroReal).rounded(.up)))
        let a = OPIMCBounds.deltaTerm(maxRounds: maxRounds, delta: delta)
        let target = e1 - c.epsilon
        // IMM's λ' + λ* for the same (n, k, ε) and ℓ = ln(1/δ)/ln n: the refinement cap is (λ' + λ*)/σᵘ.
        let ell = IMMBounds.adjustedEll(log(1 / delta) / log(max(n, 2)), nodeCount: nodes)
        let immLambda = IMMBounds.lambdaStar(nodeCount: nodes, k: c.k, epsilon: c.epsilon, adjustedEll: ell)
            + IMMBounds.lambdaPrime(nodeCount: nodes, k: c.k, epsilon: c.epsilon, adjustedEll: ell)

        var driver = RISPoolDriver(sampler: sampler, seed: c.seed, workers: c.workers, memory: c.memory, progress: c.progress,
                                   communicator: c.communicator)
        let worstSets = RRSetSampler.roundedToTasks(thetaMax)
        let worst = driver.estimate([.init(before: 0, after: worstSets), .init(before: 0, after: worstSets)],
                                    indexedSets: worstSets, meanSetSize: driver.pilotMeanSetSize)
        if worst > c.memory.limitBytes {
            c.progress.note("OPIM-C may draw up to 2 × \(thetaMax) RR sets, about \(SystemMemory.describe(worst)) of memory, above the limit of \(SystemMemory.describe(c.memory.limitBytes)); it stops with an error if a round would exceed the limit")
        }

        let plan = OPIMRoundDriver.Plan(name: "OPIM-C", nodeCount: nodes, thetaZero: thetaZero, thetaMax: thetaMax,
                                        maxRounds: maxRounds, deltaTerm: a, target: target, precision: c.precision,
                                        immSampleSize: immLambda, rule: .choice,
                                        selectionLossLimit: c.selectionLossRule ? c.precision.map { $0 / 10 } : nil, deadline: c.deadline)
        let outcome = try OPIMRoundDriver.run(plan, pools: &driver) { (pools, r1, index) throws(InfluenceError) in
            let greedy = try pools.select(c.k, from: r1, index: index, upperBound: true,
                                          rivals: plan.selectionLossLimit != nil ? OPIMRoundDriver.rivalsPerStep : 0)
            return OPIMRoundDriver.Pick(
                selection: greedy, seeds: greedy.seeds, coverage: greedy.coverage,
                coverageBound: OPIMCBounds.coverageBound(greedyCoverage: greedy.coverage, topKBound: greedy.upperBound),
                marginalCoverage: greedy.marginalCoverage, rivals: greedy.rivals)
        }
        let greedy = outcome.selection
        var selection = SeedSelection(
            algorithm: c.precision == nil ? "OPIM-C" : "OPIM-C+refine", nodeCount: nodes, seeds: greedy.seeds,
            marginalCoverage: greedy.marginalCoverage, selectionSets: outcome.selectionSets, rrSetsGenerated: driver.generated,
            phases: [PhaseTiming(name: "sampling", seconds: outcome.samplingSeconds, rrSets: driver.generated),
                     PhaseTiming(name: "selection", seconds: outcome.selectionSeconds, rrSets: 0)],
            peakRRSetBytes: driver.peakBytes,
            guarantee: Guarantee(approximation: outcome.approximation, target: target, failureProbability: delta, instanceWise: true))
        selection.peakRRSetMembers = driver.peakMembers
        return Report(refinement: outcome.refinement, selection: selection, rounds: outcome.rounds, delta: delta, thetaZero: thetaZero,
                      thetaMax: thetaMax, maxRounds: maxRounds, stoppedAtDeadline: outcome.stoppedAtDeadline)
    }
}
