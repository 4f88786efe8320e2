#if canImport(Glibc)
import Glibc
#endif
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
/// Selection loss (`Plan.selectionLossLimit`): with the choice rule the run also refines until
/// `selectionLoss` — the expected spread greedy's choices lost to their runners-up, relative to
/// Λ1(S) — is at most the limit. The choice error is the noise of every step whether or not it
/// decides anything; the expected loss counts only where a choice is in doubt: a step whose pick
/// beats each runner-up by a few standard errors of their difference, or whose runners-up are
/// chosen later anyway, loses nothing, and a tie loses in expectation 0.4 of its noise. Every
/// value is a whole-pool count, so every rank of a distributed run and every thread count takes
/// the same decision. On R1 the loss sizes R1's growth; on R2, which the picks did not see, it
/// vetoes a pick R1's noise favoured (R1's pick is the largest of the gains compared, so R1 alone
/// overstates its lead) when it exceeds both the limit and three times R1's value (for exact ties
/// R2's is about 2.8× R1's: R1's gaps are the winners', R2's centred), and then both pools
/// double, as a round of the paper, within IMM's sample size and the memory limit.
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
        /// With the choice rule: `selectionLoss` must also be at most this (nil: no bound; the greedy
        /// must then record its rivals, `Pick.rivals`).
        var selectionLossLimit: Double? = nil
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

    /// Runners-up recorded per greedy step for the selection-loss bound.
    static let rivalsPerStep = 3

    /// E[max(0, Z − x)] for a standard normal Z: φ(x) − x·(1 − Φ(x)). Complexity: O(1).
    static func expectedShortfall(_ x: Double) -> Double {
        let density = exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
        return max(0, density - x * 0.5 * erfc(x / 2.squareRoot()))
    }

    /// The expected spread greedy's choices lost to their runners-up, relative to the coverage
    /// Σᵢ cᵢ (∞ when nothing is covered): the expected opportunity cost of the selection, the
    /// stopping measure of Bayesian ranking and selection (Chick and Inoue, Operations Research
    /// 49(5), 2001; Branke, Chick and Schmidt, Management Science 53(12), 2007, procedure
    /// LL(S): stop once the expected loss of choosing the apparent best is below a bound),
    /// applied to each of greedy's steps.
    ///
    /// At step i greedy took sᵢ with gain cᵢ on R1 over each rival r (gain c_r, sharing m_r of
    /// those sets). The sets that tell them apart are r's alone, a = c_r − m_r, and sᵢ's alone,
    /// b = cᵢ − m_r; each set independently counts +1, −1 or 0 toward the difference, so
    /// g = b − a = cᵢ − c_r estimates the true gap with standard error s = √(a + b), and given the
    /// sample the rival's true advantage is about normal with mean −g and deviation s. The expected
    /// loss of having taken sᵢ over r is then E[max(0, advantage)] = s·ψ(g/s) with
    /// ψ(x) = φ(x) − x(1 − Φ(x)) (`expectedShortfall`): 0.40·s for a tie, 0.08·s at a gap of one
    /// standard error, below 0.01·s past two. A rival chosen at a later step is not lost (only
    /// the order of the two changed) and counts nothing. The step's loss is the sum over its
    /// rivals (a bound of the loss against the best of them), and the selection's is the sum over
    /// the steps: greedy's shortfalls add up (a step's loss lowers every later marginal by at most
    /// itself), so this is what greedy with the exact gains would have gained over this run, in
    /// expectation. A tie that cannot be resolved costs its noise, a clear choice nothing: small k
    /// on a graph of a few dominant nodes stops early, and a near-tie among large gains — which
    /// the choice error, small when the gains are large, does not see — is refined until it is
    /// resolved or its noise is small against the spread.
    ///
    /// Complexity: O(k · rivals + k).
    static func selectionLoss(seeds: [Int], marginalCoverage gains: [Int], rivals: [[MaxCoverage.Rival]]) -> Double {
        let total = gains.reduce(0, +)
        guard total > 0 else { return .infinity }
        let chosen = Set(seeds)
        var loss = 0.0
        for (i, step) in rivals.enumerated() where i < gains.count {
            var stepLoss = 0.0
            for rival in step where !chosen.contains(rival.node) {
                let pickAlone = gains[i] - rival.shared, rivalAlone = rival.gain - rival.shared
                let deviation = Double(max(0, pickAlone + rivalAlone)).squareRoot()
                guard deviation > 0 else { continue }
                stepLoss += deviation * expectedShortfall(Double(gains[i] - rival.gain) / deviation)
            }
            loss += stepLoss
        }
        return loss / Double(total)
    }

    /// Greedy's steps re-counted on an independent `pool` (R2): each seed's marginal coverage there
    /// given the seeds before it, and each rival's marginal coverage at its step with the part
    /// shared with that step's seed — the inputs of `selectionLoss` measured where the picks were
    /// not made, so free of the winner's curse of R1 (where each pick is the largest of the gains
    /// compared). Counts are the whole pool's (summed over the ranks).
    ///
    /// Complexity: O(Σ|R| + n + k · rivals), plus one reduction when distributed.
    static func recount(seeds: [Int], rivals: [[MaxCoverage.Rival]], in pool: RRSetCollection,
                        communicator: any Communicator) -> (gains: [Int], rivals: [[MaxCoverage.Rival]]) {
        let n = pool.nodeCount, k = seeds.count
        var position = [Int32](repeating: -1, count: n)
        for (i, s) in seeds.enumerated().reversed() where s >= 0 && s < n { position[s] = Int32(i) }
        // Rival entries, chained per node: entry f is step[f]'s rival node[f].
        var step = [Int](), first = [Int32](repeating: -1, count: n), next = [Int32]()
        for (i, list) in rivals.enumerated() {
            for rival in list where rival.node >= 0 && rival.node < n {
                next.append(first[rival.node])
                first[rival.node] = Int32(step.count)
                step.append(i)
            }
        }
        let entries = step.count
        // counts: k step gains, then each entry's gain, then each entry's shared sets.
        var counts = [Int](repeating: 0, count: k + 2 * entries)
        for set in 0..<pool.count {
            let members = pool.members(of: set)
            var t = Int.max
            for u in members where position[Int(u)] >= 0 { t = min(t, Int(position[Int(u)])) }
            if t < k { counts[t] += 1 }
            for u in members {
                var f = Int(first[Int(u)])
                while f >= 0 {
                    let i = step[f]
                    if t >= i {
                        counts[k + f] += 1
                        if t == i { counts[k + entries + f] += 1 }
                    }
                    f = Int(next[f])
                }
            }
        }
        communicator.sum(&counts)
        var recounted = [[MaxCoverage.Rival]]()
        var f = 0
        for list in rivals {
            var row = [MaxCoverage.Rival]()
            for rival in list where rival.node >= 0 && rival.node < n {
                row.append(MaxCoverage.Rival(node: rival.node, gain: counts[k + f], shared: counts[k + entries + f]))
                f += 1
            }
            recounted.append(row)
        }
        return (Array(counts[0..<k]), recounted)
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
        /// Greedy's runners-up at each step (the selection-loss bound needs them).
        var rivals: [[MaxCoverage.Rival]] = []
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
            // The expected selection loss on R1 (where the picks were made: it sizes R1) and on R2
            // (independent of them: it vetoes a pick R1's noise favoured).
            var loss: Double?, loss2: Double?
            if plan.rule == .choice && plan.selectionLossLimit != nil {
                loss = Self.selectionLoss(seeds: pick.seeds, marginalCoverage: pick.marginalCoverage, rivals: pick.rivals)
                let recounted = Self.recount(seeds: pick.seeds, rivals: pick.rivals, in: r2, communicator: pools.communicator)
                loss2 = Self.selectionLoss(seeds: pick.seeds, marginalCoverage: recounted.gains, rivals: recounted.rivals)
            }
            let selected = clock.lap()
            selectionSeconds += selected
            rounds.append(OPIMC.Round(index: i, rrSetsR1: r1.globalCount, rrSetsR2: r2.globalCount, refinement: refining,
                                      coverageR1: pick.coverage, coverageR2: coverage2, lowerBound: lower, upperBound: upper,
                                      ratio: ratio, relativeStandardError: error, seconds: sampled + selected,
                                      choiceError: choice, selectionLoss: loss.flatMap { $0.isFinite ? $0 : nil },
                                      selectionLossR2: loss2.flatMap { $0.isFinite ? $0 : nil }))
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
                let lossLimit = loss != nil ? plan.selectionLossLimit : nil
                let lossShort = lossLimit.map { loss! > $0 } ?? false
                // For an exact tie R2's expected loss is about 2.8× R1's (R1's gap is the winner's,
                // half-normal; R2's is centred), so R2 vetoes only past both the limit and 3× R1's:
                // a choice R1 finds clear and R2 does not.
                let vetoed = lossLimit.map { loss2! > $0 && loss2! > 3 * loss! } ?? false
                guard let precision = plan.precision, measured > precision || lossShort || vetoed, fraction > 0,
                      !(refining && capped != nil) else { break }
                let immSets = plan.immSampleSize / max(upper, 1)
                if measured <= precision && !lossShort {
                    // R1 is settled but R2 finds the choices in doubt: both pools double (a round
                    // of the paper), within IMM's sample size and the memory limit.
                    let next2 = RRSetSampler.roundedToTasks(2 * r2.globalCount)
                    let next1 = max(r1.globalCount, next2)
                    if Double(next1 + next2) > immSets {
                        capped = ("imm-sample-size", Int(immSets.rounded(.down)))
                        break
                    }
                    let need = pools.communicator.maximum(pools.estimate(
                        [.init(before: r1.globalCount, after: next1), .init(before: r2.globalCount, after: next2)],
                        indexedSets: next1, meanSetSize: r1.meanSetSize))
                    if need > pools.memory.limitBytes {
                        capped = ("memory-limit", next1)
                        break
                    }
                    refining = true
                    refinementRounds += 1
                    goal1 = next1
                    goal2 = next2
                    continue
                }
                // The choice error falls as 1/√θ1: the size at which it would reach ρ.
                var wanted: Double
                if choice != nil {
                    wanted = Double(r1.globalCount) * (measured / precision) * (measured / precision)
                    // The expected loss falls as 1/√θ1 only while its steps stay tied, far faster once
                    // they separate: at most a doubling for it (as the paper's rounds), else one
                    // near-tie resolved early would overshoot many times over.
                    if let lossLimit, let loss, lossShort {
                        wanted = max(wanted, Double(r1.globalCount) * min(2, (loss / lossLimit) * (loss / lossLimit)))
                    }
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
            let lossLimit = plan.rule == .choice ? plan.selectionLossLimit : nil
            let lastLoss = lossLimit != nil ? rounds.last?.selectionLoss : nil
            let lastLossR2 = lossLimit != nil ? rounds.last?.selectionLossR2 : nil
            let lossShort = lossLimit.map { limit in
                let r1 = lastLoss ?? .infinity, r2 = lastLossR2 ?? .infinity
                return r1 > limit || (r2 > limit && r2 > 3 * r1)
            } ?? false
            let stillShort = reachedError > precision || lossShort
            refinement = OPIMC.Refinement(target: precision, reached: reachedError, rounds: refinementRounds,
                                          capped: stillShort && capped != nil, cap: stillShort ? capped?.cap : nil,
                                          capSets: stillShort ? capped?.sets : nil,
                                          measure: plan.rule == .choice ? plan.rule.rawValue : nil,
                                          selectionLossTarget: lossLimit, selectionLoss: lastLoss)
        }
        // With |R1| ≥ θmax in the last round the target ratio holds by Eq. 13 even when α falls short.
        let approximation = plan.targetAtThetaMax && r1.globalCount >= plan.thetaMax ? max(reached, plan.target) : reached
        return Outcome(selection: last!, rounds: rounds, refinement: refinement, approximation: approximation,
                       selectionSets: r1.globalCount, samplingSeconds: samplingSeconds, selectionSeconds: selectionSeconds,
                       stoppedAtDeadline: stoppedAtDeadline, selectionStored: r1.count, selectionStopped: r1.stoppedSets,
                       validationStored: r2.count, validationStopped: r2.stoppedSets)
    }
}
