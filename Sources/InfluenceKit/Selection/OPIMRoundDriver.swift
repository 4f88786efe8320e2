/// The round loop of OPIM-C (Tang, Tang, Xiao, Yuan, "Online Processing Algorithms for Influence
/// Maximization", SIGMOD 2018, Algorithm 2), shared by `OPIMC` and the capacity-constrained
/// variants (`CapacityOPIM`), which differ only in their greedy, its bound and their sample sizes.
///
/// Two independent pools R1 (selection) and R2 (validation) start at θ0 sets each. Each round the
/// caller's greedy picks S on R1 and gives Λ1(S) and an upper bound Λᵘ of the best feasible
/// coverage on R1; R2's coverage Λ2(S) gives σˡ(S) (Lemma 4.2) and Λᵘ gives σᵘ (Lemma 4.3), each
/// failing with probability δ/(3·i_max); the round's ratio is α = σˡ/σᵘ. The run stops when α
/// reaches the target, else doubles both pools; round i_max uses at least θmax sets. Every count
/// is the whole pool's (`RRSetCollection.globalCount`), so the rule is the same on every rank of a
/// distributed run.
///
/// Precision refinement (`Plan.precision`): once the ratio is reached, R1 alone grows while the
/// refinement's measure exceeds ρ, to the size that measure calls for (it falls as 1/√θ1), capped
/// twice: R1 ≤ θmax, and R1 + R2 ≤ (λ' + λ*)/σᵘ, the sets IMM would draw for the same instance
/// (`Plan.immSampleSize`). The measure (`Plan.rule`) is either the relative standard error of R1's
/// estimate of σ(S), √((1 − p̂)/Λ1(S)) with p̂ = Λ1(S)/θ1, or the choice error of the greedy,
/// Σᵢ √cᵢ / Σᵢ cᵢ over the seeds' marginal coverages cᵢ on R1: each step's gain is known to about
/// √cᵢ, so the choice error bounds the spread a noisy pick can lose relative to the spread, and it
/// asks for a coverage that grows with k (≈ k/ρ² for equal gains) where the relative standard error
/// asks for the same coverage at every k. Refinement rounds are rounds of the algorithm, counted in
/// i_max, with R2 untouched, so the failure probability is unchanged.
///
/// Residual pools (`Plan.sentinels`, HIST's second phase): both pools stop their sets at the
/// sentinels, so Λ1, Λ2 and θ are those of the whole pools they stand for, and the bounds hold
/// as they are.
///
/// Time budget (`Plan.deadline`): no round starts when the previous round's time, scaled by the
/// growth, would end it after the deadline, and the run stops after the first round that ends
/// past it; the last round's seeds and its certified ratio are returned (the ratio may then be
/// below the target: the guarantee is the one reached). Progress notes give each round's ratio.
enum OPIMRoundDriver {
    /// The sizes, target and caps of one run (what the algorithms compute differently).
    struct Plan {
        /// Name used in progress phases and memory refusals (`OPIM-C`, `rr-opim+`, …).
        var name: String
        /// Nodes of the graph sampled (n in the bounds).
        var nodeCount: Int
        /// θ0: the size of both pools in round 1.
        var thetaZero: Int
        /// θmax: R1's size in the last round, and refinement's first cap.
        var thetaMax: Int
        /// i_max.
        var maxRounds: Int
        /// a = ln(3·i_max/δ) (`OPIMCBounds.deltaTerm`).
        var deltaTerm: Double
        /// The ratio that ends the run (1 − 1/e − ε, or ½ − ε).
        var target: Double
        /// Relative standard error to refine R1's estimate to (nil: stop at the target ratio).
        var precision: Double?
        /// λ' + λ* of IMM for the same instance: refinement keeps R1 + R2 ≤ this/σᵘ.
        var immSampleSize: Double
        /// What `precision` bounds: the relative standard error of σ(S) or the greedy's choice error.
        var rule: RefinementRule = .relativeError
        /// With the choice rule: the relative standard error of σ(S) must also be at most this
        /// (nil: no floor).
        var relativeErrorFloor: Double? = nil
        /// No round starts after (or is expected to end after) this instant (nil: no budget).
        var deadline: ContinuousClock.Instant? = nil
        /// Sentinels of residual pools (HIST's second phase): R1 and R2 are drawn as
        /// `RRSetCollection(nodeCount:sentinels:)`, each set stopping at the first sentinel it
        /// reaches (counted as covered, not stored). Empty: ordinary pools.
        var sentinels: [Int] = []
        /// Whether |R1| ≥ θmax in the last round proves the target even when α falls short
        /// (OPIM-C's Eq. 13, which rests on greedy from the empty set); false certifies only the
        /// ratio reached.
        var targetAtThetaMax = true
        /// The pool ids of R1 and R2 (HIST's second phase uses its own, independent of the first's).
        var selectionPool = RRPool.selection
        var validationPool = RRPool.validation
    }

    /// The measure precision refinement drives down.
    enum RefinementRule: String {
        /// √((1 − p̂)/Λ1(S)), the relative standard error of R1's estimate of σ(S).
        case relativeError = "relative-standard-error"
        /// Σᵢ √cᵢ / Σᵢ cᵢ over the marginal coverages on R1 (`Pick.marginalCoverage`).
        case choice = "choice-error"
    }

    /// `x` with four decimals (progress notes). Complexity: O(1).
    static func fixed4(_ x: Double) -> String {
        let scaled = Int((max(0, x) * 10_000).rounded())
        let fraction = String(scaled % 10_000)
        return "\(scaled / 10_000).\(String(repeating: "0", count: 4 - fraction.count))\(fraction)"
    }

    /// The choice error Σᵢ √cᵢ / Σᵢ cᵢ of marginal coverages `gains` (∞ when nothing is covered).
    /// Complexity: O(k).
    static func choiceError(_ gains: [Int]) -> Double {
        let total = gains.reduce(0, +)
        guard total > 0 else { return .infinity }
        return gains.reduce(0.0) { $0 + Double(max(0, $1)).squareRoot() } / Double(total)
    }

    /// What one round's greedy found on R1.
    struct Pick<Selection> {
        /// The algorithm's own result (kept for the last round).
        var selection: Selection
        /// The chosen nodes, for their coverage on R2.
        var seeds: [Int]
        /// Λ1(S): sets of R1 the seeds cover (whole pool).
        var coverage: Int
        /// Λᵘ: an upper bound of the best feasible coverage on R1.
        var coverageBound: Double
        /// Each seed's marginal coverage on R1 (the choice-error rule needs them).
        var marginalCoverage: [Int] = []
    }

    /// What a run produced.
    struct Outcome<Selection> {
        /// The last round's greedy result.
        var selection: Selection
        /// Every round, in order.
        var rounds: [OPIMC.Round]
        /// What refinement did (nil when no precision was asked for).
        var refinement: OPIMC.Refinement?
        /// The ratio certified: the last round's, at least the target when R1 reached θmax.
        var approximation: Double
        /// |R1| at the end (whole pool).
        var selectionSets: Int
        /// Wall seconds spent growing the pools and selecting.
        var samplingSeconds: Double
        var selectionSeconds: Double
        /// The run stopped at `Plan.deadline` (false without a deadline).
        var stoppedAtDeadline: Bool = false
        /// R1 and R2 at the end: sets stored, and (residual pools) sets counted at a sentinel.
        var selectionStored = 0, selectionStopped = 0, validationStored = 0, validationStopped = 0
    }

    /// Runs the rounds of `plan`, growing pools through `pools` and calling `greedy` with R1 (this
    /// rank's share) and its inverted index once per round.
    ///
    /// - Throws: `.resource` when a round's pools would exceed the memory limit; what `greedy`
    ///   throws.
    /// - Complexity: at most `plan.maxRounds` rounds, each the sampling of the pools' growth plus
    ///   one index build, one `greedy` call and one coverage count on R2 (O(Σ|R2| + n)).
    static func run<Selection>(
        _ plan: Plan, pools: inout RISPoolDriver,
        greedy: (RISPoolDriver, RRSetCollection, RRSetInvertedIndex) throws(InfluenceError) -> Pick<Selection>
    ) throws(InfluenceError) -> Outcome<Selection> {
        let nodes = plan.nodeCount, a = plan.deltaTerm
        var r1 = RRSetCollection(nodeCount: nodes, sentinels: plan.sentinels)
        var r2 = RRSetCollection(nodeCount: nodes, sentinels: plan.sentinels)
        var rounds = [OPIMC.Round]()
        var samplingSeconds = 0.0, selectionSeconds = 0.0
        var refinementRounds = 0
        var capped: (cap: String, sets: Int)?
        var goal1 = plan.thetaZero, goal2 = plan.thetaZero
        var refining = false
        var last: Selection?
        var reached = 0.0
        var stoppedAtDeadline = false
        let clockNow = ContinuousClock()
        for i in 1...plan.maxRounds {
            if let deadline = plan.deadline, let previous = rounds.last {
                // The previous round's time, scaled by how much this round grows the pools.
                let growth = Double(max(goal1, r1.globalCount) + max(goal2, r2.globalCount) - previous.rrSetsR1 - previous.rrSetsR2)
                    / Double(max(1, previous.rrSetsR1 + previous.rrSetsR2))
                let expected = previous.seconds * max(growth, 0.25)
                // Every rank of a distributed run stops together: the latest clock decides.
                let late = clockNow.now + .milliseconds(Int64(expected * 1000)) > deadline
                if pools.communicator.maximum(late ? 1 : 0) > 0 {
                    stoppedAtDeadline = true
                    break
                }
            }
            var clock = Stopwatch()
            if i == plan.maxRounds {
                goal1 = max(goal1, plan.thetaMax)
                if !refining { goal2 = goal1 }
            }
            let next1 = RRSetSampler.roundedToTasks(goal1), next2 = RRSetSampler.roundedToTasks(goal2)
            try pools.check([.init(before: r1.globalCount, after: next1), .init(before: r2.globalCount, after: next2)],
                            indexedSets: next1, meanSetSize: pools.meanSetSize([r1, r2]),
                            step: "\(plan.name) round \(i) (\(next1) + \(next2) RR sets)")
            try pools.grow(&r1, to: goal1, poolID: plan.selectionPool, phase: "\(plan.name) round \(i): R1")
            try pools.grow(&r2, to: goal2, poolID: plan.validationPool, phase: "\(plan.name) round \(i): R2")
            let sampled = clock.lap()
            samplingSeconds += sampled

            let index = pools.index(r1, alsoHeld: r2.memoryBytes, alsoHeldMembers: r2.memberCount)
            let pick = try greedy(pools, r1, index)
            let coverage2 = pools.coverage(of: pick.seeds, in: r2)
            // Lemma 4.2 (lower bound of σ(S) from R2) and Lemma 4.3 (upper bound of OPT from Λᵘ on R1).
            let lower = OPIMCBounds.lowerBound(coverage: coverage2, theta: r2.globalCount, deltaTerm: a, nodeCount: nodes)
            let upper = OPIMCBounds.upperBound(coverageBound: pick.coverageBound, theta: r1.globalCount, deltaTerm: a, nodeCount: nodes)
            let ratio = upper > 0 ? lower / upper : 0
            let covered = Double(pick.coverage)
            let fraction = covered / Double(r1.globalCount)
            let error = covered > 0 ? ((1 - fraction) / covered).squareRoot() : .infinity
            let choice = plan.rule == .choice ? Self.choiceError(pick.marginalCoverage) : nil
            let measured = choice ?? error
            let selected = clock.lap()
            selectionSeconds += selected
            rounds.append(OPIMC.Round(index: i, rrSetsR1: r1.globalCount, rrSetsR2: r2.globalCount, refinement: refining,
                                      coverageR1: pick.coverage, coverageR2: coverage2, lowerBound: lower, upperBound: upper,
                                      ratio: ratio, relativeStandardError: error, seconds: sampled + selected,
                                      choiceError: choice))
            last = pick.selection
            reached = ratio
            if plan.deadline != nil {
                pools.progress.note("\(plan.name) round \(i): \(r1.globalCount) + \(r2.globalCount) RR sets, guarantee σ(S) ≥ \(Self.fixed4(ratio)) · OPT (target \(Self.fixed4(plan.target)))")
            }
            if i == plan.maxRounds { break }
            if let deadline = plan.deadline, pools.communicator.maximum(clockNow.now >= deadline ? 1 : 0) > 0 {
                stoppedAtDeadline = true
                break
            }
            if ratio >= plan.target {
                // A refinement round that reached its cap ends the run: the cap only creeps up
                // with σᵘ, and another round would buy almost nothing.
                let floor = plan.rule == .choice ? plan.relativeErrorFloor : nil
                let belowFloor = floor.map { error > $0 } ?? false
                guard let precision = plan.precision, measured > precision || belowFloor, fraction > 0,
                      !(refining && capped != nil) else { break }
                let immSets = plan.immSampleSize / max(upper, 1)
                // Both measures fall as 1/√θ1: the size at which this one would reach ρ (and the
                // relative error its floor).
                var wanted: Double
                if choice != nil {
                    wanted = Double(r1.globalCount) * (measured / precision) * (measured / precision)
                    if let floor { wanted = max(wanted, (1 - fraction) / (fraction * floor * floor)) }
                } else {
                    wanted = (1 - fraction) / (fraction * precision * precision)
                }
                guard let grown = pools.refinedSelectionSize(
                    wanted: wanted,
                    caps: [.init(name: "theta-max", limit: Double(plan.thetaMax), reportedSets: plan.thetaMax),
                           .init(name: "imm-sample-size", limit: immSets - Double(r2.globalCount), reportedSets: Int(immSets.rounded(.down)))],
                    r1: r1, r2: r2, capped: &capped) else { break }
                refining = true
                refinementRounds += 1
                goal1 = grown
                goal2 = r2.globalCount
            } else {
                // The paper doubles both pools (after a refinement R1 is already the larger one).
                refining = false
                goal2 = r2.globalCount * 2
                goal1 = max(r1.globalCount, goal2)
            }
        }
        var refinement: OPIMC.Refinement?
        if let precision = plan.precision {
            let reachedError = (plan.rule == .choice ? rounds.last?.choiceError : rounds.last?.relativeStandardError) ?? .infinity
            let floorShort = plan.rule == .choice && (plan.relativeErrorFloor.map { (rounds.last?.relativeStandardError ?? .infinity) > $0 } ?? false)
            let stillShort = reachedError > precision || floorShort
            refinement = OPIMC.Refinement(target: precision, reached: reachedError, rounds: refinementRounds,
                                          capped: stillShort && capped != nil, cap: stillShort ? capped?.cap : nil,
                                          capSets: stillShort ? capped?.sets : nil,
                                          measure: plan.rule == .choice ? plan.rule.rawValue : nil)
        }
        // With |R1| ≥ θmax in the last round the target ratio holds by Eq. 13 even when α falls short.
        let approximation = plan.targetAtThetaMax && r1.globalCount >= plan.thetaMax ? max(reached, plan.target) : reached
        return Outcome(selection: last!, rounds: rounds, refinement: refinement, approximation: approximation,
                       selectionSets: r1.globalCount, samplingSeconds: samplingSeconds, selectionSeconds: selectionSeconds,
                       stoppedAtDeadline: stoppedAtDeadline, selectionStored: r1.count, selectionStopped: r1.stoppedSets,
                       validationStored: r2.count, validationStopped: r2.stoppedSets)
    }
}
