#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// HIST: Guo, Tang, Tang, Xiao, "Influence Maximization Revisited: Efficient Sampling with Bound
/// Tightened", SIGMOD 2020, §5 (the sentinel set and the residual RR sets).
///
/// For large k most RR sets are long and most are covered by the first few seeds; HIST picks
/// those seeds first and then draws only what is left.
///
/// 1. **Sentinel phase** (ε₁ = ε/2, δ₁ = δ/2). OPIM-C's rounds (`OPIMRoundDriver`) with greedy for
///    b = max(1, ⌊k/4⌋) seeds on R1 and the bounds of the best *k*-set: σᵘ from Λᵘ = min(Λ1(S_b)
///    plus the k largest marginal coverages after any greedy prefix, Λ1(S_b)/(1 − (1 − 1/k)^b))
///    (greedy's b steps cover at least 1 − (1 − 1/k)^b of the best k-set's coverage). The phase
///    stops when σˡ(S_b)/σᵘ ≥ 1 − (1 − 1/k)^b − ε₁, or after its last round: its set S_b, the
///    sentinels, only decides how fast the second phase is, never what it certifies.
/// 2. **Residual phase** (δ₂ = δ/2). OPIM-C's rounds again, on fresh pools whose RR sets stop as
///    soon as they reach a sentinel: such a set is covered by any answer (every answer contains
///    S_b), so it is counted, not stored (`RRSetCollection(nodeCount:sentinels:)`); the sets no
///    sentinel reaches are drawn whole. Greedy starts from S_b and picks the other k − b seeds;
///    Λ1, Λ2 and θ are exactly those of the whole pools, so σˡ(S) from R2 (Lemma 4.2) and σᵘ from
///    Λᵘ = min over greedy's prefixes (from S_b) of Λ1(prefix) + the k largest marginal coverages
///    (Lemma 4.3; submodularity) hold as in OPIM-C, each failing with probability δ₂/(3·i_max).
///    The run stops when α = σˡ/σᵘ ≥ 1 − 1/e − ε. Greedy from a fixed prefix has no worst-case
///    (1 − 1/e) ratio, so the Λ1/(1 − 1/e) bound and OPIM-C's θmax argument (Eq. 13) are not used:
///    the guarantee is the α reached, which after the last round may fall below the target (the
///    record then says so). θmax and i_max of this phase are OPIM-C's for (k, ε/2, δ₂); its first
///    round starts at the sentinel phase's last |R1| (at least OPIM-C's θ0).
///
/// The certificate σ(S) ≥ α·OPT holds with probability at least 1 − δ₂ ≥ 1 − δ (the sentinel
/// phase's δ₁ buys nothing the answer depends on; the split is the paper's). One process only.
///
/// Differences from SUBSIM's code (measured side by side in `Bench/results/perf3.md`): b is fixed
/// at ⌊k/4⌋ where SUBSIM shrinks it between rounds, and both phases use OPIM-C's pool sizes.
///
/// Usage: configure, `run(on:)`, read the report.
public struct HIST: Sendable {
    /// What to run.
    public struct Configuration: Sendable {
        /// Seeds to pick.
        public var k: Int
        /// ε of the target ratio 1 − 1/e − ε (0 < ε < 1).
        public var epsilon: Double
        /// Failure probability δ (nil: 1/n), split evenly between the two phases.
        public var delta: Double?
        /// Seed of every random choice.
        public var seed: UInt64
        /// Sampling threads (the answer does not depend on them).
        public var workers: Int
        /// Memory limit, checked before each pool growth.
        public var memory: MemoryBudget
        /// Progress and notes.
        public var progress: any ProgressReporter
        /// b, the sentinel set's size (nil: max(1, ⌊k/4⌋); at most k).
        public var sentinelSize: Int?

        /// Parameters of a run; checked by `run(on:)`. Complexity: O(1).
        public init(k: Int, epsilon: Double = 0.1, delta: Double? = nil, seed: UInt64 = 1, workers: Int = 1,
                    memory: MemoryBudget = MemoryBudget(), progress: any ProgressReporter = SilentProgress(),
                    sentinelSize: Int? = nil) {
            self.k = k
            self.epsilon = epsilon
            self.delta = delta
            self.seed = seed
            self.workers = workers
            self.memory = memory
            self.progress = progress
            self.sentinelSize = sentinelSize
        }
    }

    /// What the two phases did (the `hist` object of a seeds record).
    public struct Summary: Sendable, Codable, Equatable {
        /// b: seeds in the sentinel set S_b (the first b seeds of the answer).
        public var sentinelSize: Int
        /// ε₁ and δ₁ of the sentinel phase (ε/2, δ/2).
        public var sentinelEpsilon: Double
        /// δ₁.
        public var sentinelDelta: Double
        /// The ratio the sentinel phase aimed at, 1 − (1 − 1/k)^b − ε₁ (of σ(S_b) to the best k-set's).
        public var sentinelTarget: Double
        /// σˡ(S_b)/σᵘ of its last round (below the target when it ran out of rounds).
        public var sentinelRatio: Double
        /// The sentinel phase's rounds (R1, R2 hold full RR sets; each round's bounds are of S_b
        /// against the best k-set).
        public var sentinelRounds: [OPIMC.Round]
        /// δ₂ of the residual phase, the failure probability of the certificate.
        public var residualDelta: Double
        /// Residual R1 at the end: sets stored (no sentinel reached them).
        public var selectionSetsStored: Int
        /// Residual R1's sets that reached a sentinel (counted as covered, not stored).
        public var selectionSetsAtSentinel: Int
        /// Residual R2 at the end: sets stored.
        public var validationSetsStored: Int
        /// Residual R2's sets that reached a sentinel.
        public var validationSetsAtSentinel: Int
    }

    /// What a run found.
    public struct Report: Sendable {
        /// Seeds (sentinels first), gains, sets used, timings, memory, guarantee.
        public var selection: SeedSelection
        /// The residual phase's rounds (R1 and R2 residual pools, sizes counting stopped sets).
        public var rounds: [OPIMC.Round]
        /// The sentinel phase and the residual pools.
        public var summary: Summary
        /// δ used (both phases together).
        public var delta: Double
        /// θmax of the residual phase.
        public var thetaMax: Int
        /// i_max of the residual phase.
        public var maxRounds: Int
    }

    /// The run's parameters.
    public let configuration: Configuration

    /// HIST configured by `configuration`; nothing runs until `run(on:)`. Complexity: O(1).
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// The rounds' sizes of one phase: θ0, θmax and i_max of OPIM-C for (k, ε, δ), with θ0 at
    /// least `start`.
    private static func sizes(nodes: Int, k: Int, epsilon: Double, delta: Double, start: Int,
                              name: String) throws(InfluenceError) -> (zero: Int, max: Int, rounds: Int) {
        let thetaMaxReal = OPIMCBounds.thetaMax(nodeCount: nodes, k: k, epsilon: epsilon, delta: delta)
        let thetaMax = try SampleSizeLimit.checked(thetaMaxReal, epsilon: epsilon, bound: "\(name)'s θmax")
        let formula = thetaMaxReal * epsilon * epsilon * Double(k) / Double(nodes)
        let zeroReal = min(thetaMaxReal, max(formula, Double(start)))
        let zero = max(1, try SampleSizeLimit.checked(zeroReal, epsilon: epsilon, bound: "\(name)'s θ0"))
        let rounds = max(1, Int(log2(thetaMaxReal / max(zeroReal, 1)).rounded(.up)))
        return (zero, thetaMax, rounds)
    }

    /// Runs HIST with `sampler`'s graph and model.
    ///
    /// - Throws: `.usage` for bad parameters (k outside 1...n, ε or δ outside (0, 1), b outside
    ///   1...k), `.resource` when a pool would exceed the memory limit.
    /// - Complexity: that of two OPIM-C runs, the second on residual sets (each stored set is one
    ///   no sentinel reaches; the others cost only the walk to the first sentinel).
    public func run(on sampler: RRSetSampler) throws(InfluenceError) -> Report {
        let c = configuration
        let nodes = sampler.graph.nodeCount
        try SeedSelection.validate(k: c.k, epsilon: c.epsilon, nodeCount: nodes)
        let delta = c.delta ?? 1 / Double(nodes)
        guard delta > 0, delta < 1 else {
            throw InfluenceError(.usage, parameter: "delta", "δ = \(delta) (expected a value strictly between 0 and 1)")
        }
        let b = c.sentinelSize ?? max(1, c.k / 4)
        guard b >= 1, b <= c.k else {
            throw InfluenceError(.usage, parameter: "sentinelSize", "sentinel set of \(b) seeds for k = \(c.k) (expected 1 ≤ b ≤ k)")
        }
        let k = c.k
        let epsilon1 = c.epsilon / 2, delta1 = delta / 2, delta2 = delta / 2
        var driver = RISPoolDriver(sampler: sampler, seed: c.seed, workers: c.workers, memory: c.memory, progress: c.progress)

        // Phase 1: the sentinel set, greedy for b seeds bounded against the best k-set.
        let sentinelShare = 1 - pow(1 - 1 / Double(k), Double(b))
        let first = try Self.sizes(nodes: nodes, k: k, epsilon: epsilon1, delta: delta1, start: 1, name: "HIST's sentinel phase")
        let plan1 = OPIMRoundDriver.Plan(name: "HIST sentinel", nodeCount: nodes, thetaZero: first.zero, thetaMax: first.max,
                                         maxRounds: first.rounds,
                                         deltaTerm: OPIMCBounds.deltaTerm(maxRounds: first.rounds, delta: delta1),
                                         target: sentinelShare - epsilon1, precision: nil, immSampleSize: 0,
                                         targetAtThetaMax: false)
        let phase1 = try OPIMRoundDriver.run(plan1, pools: &driver) { (pools, r1, index) throws(InfluenceError) in
            let greedy = try pools.select(b, from: r1, index: index, upperBound: true, boundSize: k)
            let bound = min(Double(greedy.upperBound ?? Int.max), Double(greedy.coverage) / sentinelShare)
            return OPIMRoundDriver.Pick(selection: greedy, seeds: greedy.seeds, coverage: greedy.coverage,
                                        coverageBound: bound, marginalCoverage: greedy.marginalCoverage)
        }
        let sentinels = phase1.selection.seeds

        // Phase 2: residual pools that stop at the sentinels, greedy from S_b for the other k − b.
        let second = try Self.sizes(nodes: nodes, k: k, epsilon: epsilon1, delta: delta2, start: phase1.selectionSets,
                                    name: "HIST's residual phase")
        let target = Combinatorics.greedyRatio - c.epsilon
        var plan2 = OPIMRoundDriver.Plan(name: "HIST residual", nodeCount: nodes, thetaZero: second.zero, thetaMax: second.max,
                                         maxRounds: second.rounds,
                                         deltaTerm: OPIMCBounds.deltaTerm(maxRounds: second.rounds, delta: delta2),
                                         target: target, precision: nil, immSampleSize: 0, sentinels: sentinels,
                                         targetAtThetaMax: false)
        plan2.selectionPool = RRPool.residualSelection
        plan2.validationPool = RRPool.residualValidation
        let phase2 = try OPIMRoundDriver.run(plan2, pools: &driver) { (pools, r1, index) throws(InfluenceError) in
            let greedy = try pools.select(k, from: r1, index: index, upperBound: true)
            // Only the top-k bound: greedy from a fixed prefix has no (1 − 1/e) guarantee.
            return OPIMRoundDriver.Pick(selection: greedy, seeds: greedy.seeds, coverage: greedy.coverage,
                                        coverageBound: Double(greedy.upperBound ?? r1.globalCount),
                                        marginalCoverage: greedy.marginalCoverage)
        }
        if phase2.approximation < target {
            c.progress.note("HIST ran out of rounds: the ratio certified is \(OPIMRoundDriver.fixed4(phase2.approximation)), below the target \(OPIMRoundDriver.fixed4(target))")
        }
        let greedy = phase2.selection
        var selection = SeedSelection(
            algorithm: "HIST", nodeCount: nodes, seeds: greedy.seeds, marginalCoverage: greedy.marginalCoverage,
            selectionSets: phase2.selectionSets, rrSetsGenerated: driver.generated,
            phases: [PhaseTiming(name: "sentinel sampling", seconds: phase1.samplingSeconds, rrSets: phase1.rounds.last.map { $0.rrSetsR1 + $0.rrSetsR2 } ?? 0),
                     PhaseTiming(name: "sentinel selection", seconds: phase1.selectionSeconds, rrSets: 0),
                     PhaseTiming(name: "sampling", seconds: phase2.samplingSeconds,
                                 rrSets: phase2.rounds.last.map { $0.rrSetsR1 + $0.rrSetsR2 } ?? 0),
                     PhaseTiming(name: "selection", seconds: phase2.selectionSeconds, rrSets: 0)],
            peakRRSetBytes: driver.peakBytes,
            guarantee: Guarantee(approximation: phase2.approximation, target: target, failureProbability: delta, instanceWise: true))
        selection.peakRRSetMembers = driver.peakMembers
        let summary = Summary(sentinelSize: b, sentinelEpsilon: epsilon1, sentinelDelta: delta1, sentinelTarget: sentinelShare - epsilon1,
                              sentinelRatio: phase1.approximation, sentinelRounds: phase1.rounds, residualDelta: delta2,
                              selectionSetsStored: phase2.selectionStored, selectionSetsAtSentinel: phase2.selectionStopped,
                              validationSetsStored: phase2.validationStored, validationSetsAtSentinel: phase2.validationStopped)
        return Report(selection: selection, rounds: phase2.rounds, summary: summary, delta: delta,
                      thetaMax: second.max, maxRounds: second.rounds)
    }
}
