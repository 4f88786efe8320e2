/// Baseline assignments of capacity-constrained IM (the paper's comparisons, KDD 2023 §6): each
/// AP in order takes its k best still-free candidates by a score, skipping nodes an earlier AP
/// took (so a taken node's place is refilled by the next candidate).
public enum CapacityBaseline: String, Sendable, Codable, CaseIterable {
    /// Out-degree in P (arcs into APs are dead, so they do not count).
    case degree
    /// PageRank of the whole graph on its reversed arcs (igraph).
    case pagerank
    /// Uniformly random candidates, from the run's seed.
    case random

    /// The assignment by `scores` (one per P node; ties: adjacency order).
    /// Complexity: O(Σ|C_u| log |C_u|).
    public static func byScore(_ problem: CapacityProblem, scores: [Double]) -> [CapacityPick] {
        var taken = [Bool](repeating: false, count: problem.nodeCount)
        var picks: [CapacityPick] = []
        for i in 0..<problem.participantCount {
            let ranked = problem.candidates(of: i).enumerated().sorted {
                scores[$0.element] > scores[$1.element] || (scores[$0.element] == scores[$1.element] && $0.offset < $1.offset)
            }
            var count = 0
            for (_, v) in ranked where !taken[v] && count < problem.k {
                taken[v] = true
                picks.append(CapacityPick(participant: i, node: v, gain: scores[v]))
                count += 1
            }
        }
        return picks
    }

    /// The baseline's assignment.
    ///
    /// - Parameters:
    ///   - problem: the instance whose candidates are assigned.
    ///   - seed: the seed of the `random` baseline's choices.
    ///   - pageRank: PageRank scores of G's nodes (needed for `.pagerank` only).
    /// - Throws: `InfluenceError(.usage)` for `.pagerank` without scores.
    /// - Complexity: O(n + Σ|C_u| log |C_u|).
    public func assignment(_ problem: CapacityProblem, seed: UInt64, pageRank: [Double]? = nil) throws(InfluenceError) -> [CapacityPick] {
        switch self {
        case .degree:
            return Self.byScore(problem, scores: (0..<problem.nodeCount).map { Double(problem.subgraph.outDegree($0)) })
        case .pagerank:
            guard let pageRank, pageRank.count == problem.graph.nodeCount else {
                throw InfluenceError(.usage, parameter: "pageRank", "the PageRank baseline needs one score per graph node (expected PageRankHeuristic(loaded:).scores())")
            }
            return Self.byScore(problem, scores: problem.nodeOfP.map { pageRank[$0] })
        case .random:
            var rng = Xoshiro256StarStar(seed: seed, stream: 0xBA5E)
            return Self.byScore(problem, scores: (0..<problem.nodeCount).map { _ in rng.nextUnitDouble() })
        }
    }
}
