/// The rule that picks HeteroIM's r (RR sets per root) when none is given: a fixed sampling
/// budget. r is the largest power of two from 1 to `maximum` (256) whose pool is expected to
/// hold at most `memberBudget` members (2^26, i.e. 256 MiB of RR sets and as much again for their
/// index): r · n · s̄ ≤ 2^26, with n the roots (the non-inviters) and s̄ the mean size of the r = 1
/// pool (one set rooted at every non-inviter, which is the start of every larger pool, so s̄ costs
/// no extra sampling beyond 1/r).
///
/// Why a budget and not a convergence test: more sets only sharpen the estimate the greedy
/// maximises (it is unbiased at any r), so the budget says how many one run may spend, the same on
/// every machine (no timing enters it), and the choice is reported. On the Higgs invite benchmark
/// it gives r = 32 (s̄ ≈ 12.4); `Bench/results/recommend.md` has Spread@5 against r.
public struct SetsPerNodeCalibration: Sendable, Equatable, Codable {
    /// The budget of RR-set members, 2^26.
    public static let memberBudget = 1 << 26
    /// The largest r the rule picks.
    public static let maximum = 256

    /// The r chosen.
    public var setsPerNode: Int
    /// s̄: mean RR-set size of the r = 1 pool.
    public var pilotMeanSetSize: Double
    /// The budget and the expected members at the chosen r.
    public var memberBudget: Int
    /// r · n · s̄: the members the chosen r is expected to hold.
    public var expectedMembers: Int
    /// True when r stopped at `maximum` rather than at the budget.
    public var capped: Bool

    /// r for a graph of `nodes` nodes whose r = 1 pool has mean set size `meanSetSize`.
    /// Complexity: O(log maximum).
    public static func choose(nodes: Int, meanSetSize: Double) -> SetsPerNodeCalibration {
        let perSet = max(meanSetSize, 1)
        var r = 1
        while r < maximum, Double(2 * r) * Double(nodes) * perSet <= Double(memberBudget) { r *= 2 }
        return SetsPerNodeCalibration(setsPerNode: r, pilotMeanSetSize: meanSetSize, memberBudget: memberBudget,
                                      expectedMembers: Int(Double(r) * Double(nodes) * perSet), capped: r == maximum)
    }

    /// Samples the r = 1 pool, applies the rule, and samples the pool for the chosen r.
    static func run(graph: InviteGraph, inviters: [Int], configuration: InviteeRecommender.Configuration,
                    progress: any ProgressReporter) throws(InfluenceError) -> (sets: HeteroIMSets, calibration: SetsPerNodeCalibration) {
        let pilot = try HeteroIMSets(graph: graph, inviters: inviters, setsPerNode: 1, seed: configuration.seed,
                                     threads: configuration.threads, progress: progress)
        let choice = choose(nodes: pilot.roots, meanSetSize: pilot.pool.meanSetSize)
        progress.note("--sets-per-node auto: r = \(choice.setsPerNode) (mean RR-set size \(RecommendationMethod.format(choice.pilotMeanSetSize)), budget \(memberBudget) members)")
        if choice.setsPerNode == 1 { return (pilot, choice) }
        let sets = try HeteroIMSets(graph: graph, inviters: inviters, setsPerNode: choice.setsPerNode, seed: configuration.seed,
                                    threads: configuration.threads, progress: progress)
        return (sets, choice)
    }
}
