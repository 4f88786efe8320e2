/// The rule that picks HeteroIM's r (RR sets per node) when none is given: the smallest r in
/// 1, 2, 4, … whose lists change by at most `tolerance` (1%) between r and 2r, or `maximum`
/// (64) if none does. The change is the share of (inviter, invitee) pairs on the lists of 2r that
/// are not on the lists of r, over the calibration inviters at list length K. The pool for r is a
/// prefix of the pool for 2r (same seed), so the comparison isolates the effect of more samples.
public struct SetsPerNodeCalibration: Sendable, Equatable, Codable {
    public static let tolerance = 0.01
    public static let maximum = 64

    public struct Step: Sendable, Equatable, Codable {
        /// r compared with 2r.
        public var setsPerNode: Int
        /// Share of the 2r lists' pairs missing from the r lists.
        public var change: Double
    }

    /// The r chosen.
    public var setsPerNode: Int
    /// Each comparison made, in order.
    public var steps: [Step]
    /// Inviters compared and list length.
    public var inviters: Int
    public var k: Int
    /// True when no r up to `maximum` met the tolerance.
    public var capped: Bool

    /// A seeded sample of up to 2,000 nodes with out-arcs (the API's default calibration set).
    static func sample(_ graph: InviteGraph, seed: UInt64) -> [Int] {
        var nodes = (0..<graph.nodeCount).filter { graph.outDegree($0) > 0 }
        var rng = Xoshiro256StarStar(seed: seed, stream: 0xCA1B)
        let wanted = min(2_000, nodes.count)
        for t in 0..<wanted {
            let j = t + Int(rng.nextBelow(UInt64(nodes.count - t)))
            nodes.swapAt(t, j)
        }
        return Array(nodes.prefix(wanted)).sorted()
    }

    /// Runs the rule; returns the sets for the chosen r and the record.
    static func run(graph: InviteGraph, inviters: [Int], k: Int, configuration: InviteeRecommender.Configuration,
                    progress: any ProgressReporter) throws(InfluenceError) -> (sets: HeteroIMSets, calibration: SetsPerNodeCalibration) {
        var steps: [Step] = []
        var r = 1
        var current = try HeteroIMSets(graph: graph, setsPerNode: r, seed: configuration.seed, threads: configuration.threads, progress: progress)
        var currentPairs = try pairs(graph: graph, sets: current, inviters: inviters, k: k, capacity: configuration.capacity)
        while r < maximum {
            let next = try HeteroIMSets(graph: graph, setsPerNode: 2 * r, seed: configuration.seed, threads: configuration.threads, progress: progress)
            let nextPairs = try pairs(graph: graph, sets: next, inviters: inviters, k: k, capacity: configuration.capacity)
            let missing = nextPairs.subtracting(currentPairs).count
            let change = nextPairs.isEmpty ? 0 : Double(missing) / Double(nextPairs.count)
            steps.append(Step(setsPerNode: r, change: change))
            progress.note("r = \(r) vs \(2 * r): \(RecommendationMethod.format(100 * change))% of list pairs change")
            if change <= tolerance {
                return (current, SetsPerNodeCalibration(setsPerNode: r, steps: steps, inviters: inviters.count, k: k, capped: false))
            }
            r *= 2
            current = next
            currentPairs = nextPairs
        }
        return (current, SetsPerNodeCalibration(setsPerNode: r, steps: steps, inviters: inviters.count, k: k, capped: true))
    }

    private static func pairs(graph: InviteGraph, sets: HeteroIMSets, inviters: [Int], k: Int, capacity: Int?) throws(InfluenceError) -> Set<Int> {
        let scores = try HeteroIM.scores(graph: graph, sets: sets, inviters: inviters)
        let lists = PairRanking.rank(graph, inviters: inviters, k: k, capacity: capacity, score: scores.score, tieKey: scores.order)
        var result = Set<Int>()
        for (t, i) in lists.inviters.enumerated() { for j in lists.invitees[t] { result.insert(i &* graph.nodeCount &+ j) } }
        return result
    }
}
