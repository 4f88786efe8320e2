/// How a set of lists scores: Recall@K and NDCG@K against held-out invitations (when given) and
/// Spread@K of the two-stage invite/accept cascade, K = 1 … maxK.
public struct ListEvaluation: Sendable, Equatable, Codable {
    /// Recall and NDCG (nil without truth).
    public var metrics: RankingMetrics?
    /// Spread@K by Monte Carlo on common random numbers.
    public var spread: [InviteCascade.Estimate]
}

extension InviteeRecommender {
    /// The default number of Monte Carlo worlds and their seed (the benchmark's).
    public static let defaultWorlds = 1_000
    /// The seed of the evaluation's Monte Carlo worlds, apart from the recommender's own.
    public static let defaultEvaluationSeed: UInt64 = 1_000

    /// Scores `lists` (as `recommend` returns them, or from anywhere else).
    ///
    /// Every method scored with the same `seed` sees the same worlds (common random numbers), so
    /// their Spread@K differences are measured far more precisely than the standard errors alone
    /// suggest.
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `lists`) for an inviter or invitee that is no
    ///   node, an invitee that is no out-neighbour of its inviter, or an inviter listed twice;
    ///   (parameter `k`) for maxK < 1; (parameter `runs`) for fewer than 1 world.
    /// - Complexity: O(worlds · arcs reached) for the spread, O(Σ|L| + |truth|) for the metrics.
    public func evaluate(_ lists: [InviteeList], truth: TruthPairs?, maxK: Int, worlds: Int = InviteeRecommender.defaultWorlds,
                         seed: UInt64 = InviteeRecommender.defaultEvaluationSeed) throws(InfluenceError) -> ListEvaluation {
        guard maxK >= 1 else { throw InfluenceError(.usage, parameter: "k", "K = \(maxK) (expected at least 1)") }
        guard worlds >= 1 else { throw InfluenceError(.usage, parameter: "runs", "\(worlds) worlds (expected at least 1)") }
        try MonteCarloSimulator.checkRunCount(worlds, parameter: "runs")
        try InviteCascade.checkMemory(worlds: worlds, maxK: maxK, parameter: "runs")
        let dense = try denseLists(lists)
        let spread = InviteCascade.monteCarlo(graph, lists: dense, maxK: maxK, worlds: worlds, seed: seed, threads: configuration.threads)
        return ListEvaluation(metrics: truth.map { RankingMetrics(lists: lists, truth: $0, maxK: maxK) }, spread: spread)
    }

    /// The exact Spread@K of `lists` by enumerating live-arc worlds (tiny graphs: at most 24 arcs
    /// with 0 < P·U < 1). Complexity: O(2^u · m).
    public func exactSpread(_ lists: [InviteeList], maxK: Int) throws(InfluenceError) -> [Double] {
        try InviteCascade.exact(graph, lists: try denseLists(lists), maxK: maxK)
    }

    /// `lists` in dense ids, checked.
    func denseLists(_ lists: [InviteeList]) throws(InfluenceError) -> DenseLists {
        var dense = DenseLists(inviters: [], invitees: [], scores: [])
        var seen = Set<Int>()
        for list in lists {
            guard let i = graph.node(labelled: list.inviter) else {
                throw InfluenceError(.usage, parameter: "lists", "inviter '\(list.inviter.prefix(40))' is not a node of the graph")
            }
            guard seen.insert(i).inserted else {
                throw InfluenceError(.usage, parameter: "lists", "inviter \(list.inviter.prefix(40)) has two lists (expected one per inviter)")
            }
            var invitees: [Int] = []
            for entry in list.invitees {
                guard let j = graph.node(labelled: entry.invitee), graph.arcs(from: i).contains(where: { Int(graph.outTargets[$0]) == j }) else {
                    throw InfluenceError(.usage, parameter: "lists",
                        "\(list.inviter.prefix(40)) → \(entry.invitee.prefix(40)) is not an arc of the graph (expected invitees among the inviter's out-neighbours)")
                }
                invitees.append(j)
            }
            dense.inviters.append(i)
            dense.invitees.append(invitees)
            dense.scores.append(list.invitees.map(\.score))
        }
        return dense
    }
}
