#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Recall@K and NDCG@K of invitee lists against held-out invitations (the published evaluator's
/// definitions; see the benchmark README):
///
///     Recall@K(i) = |top_K(i) ∩ S(i)| / |S(i)|
///     NDCG@K(i)   = Σ_{r ≤ K} [L_i(r) ∈ S(i)] / log2(r + 1)  /  Σ_{r ≤ min(K, |S(i)|)} 1 / log2(r + 1)
///
/// with S(i) the truth invitees of i (self pairs dropped), averaged over the inviters that have a
/// list and at least one truth pair. An invitee of S(i) that is no node of the graph still counts in
/// |S(i)|: it can never be recommended, and dropping it would inflate recall.
public struct RankingMetrics: Sendable, Equatable, Codable {
    /// K = 1, 2, … up to the longest cut-off asked for.
    public var k: [Int]
    /// Recall@K for each K of `k`, averaged over the inviters.
    public var recall: [Double]
    /// NDCG@K for each K of `k`, averaged over the inviters.
    public var ndcg: [Double]
    /// Inviters averaged over.
    public var inviters: Int

    /// Scores `lists` for K = 1 ... `maxK`. Complexity: O(Σ|L| + |truth|).
    public init(lists: [InviteeList], truth: TruthPairs, maxK: Int) {
        k = Array(1...max(1, maxK))
        var recall = [Double](repeating: 0, count: k.count), ndcg = recall
        var counted = 0
        var ideal = [Double](repeating: 0, count: k.count + 1)
        for r in 1...k.count { ideal[r] = ideal[r - 1] + 1 / Self.lg(Double(r + 1)) }
        for list in lists {
            guard let wanted = truth.invitees(of: list.inviter), !wanted.isEmpty else { continue }
            counted += 1
            let s = Set(wanted.map(ByteLabel.init))  // byte for byte: NFC and NFD are two users
            var hits = 0, gain = 0.0
            for (c, cut) in k.enumerated() {
                if cut <= list.invitees.count, s.contains(ByteLabel(list.invitees[cut - 1].invitee)) {
                    hits += 1
                    gain += 1 / Self.lg(Double(cut + 1))
                }
                recall[c] += Double(hits) / Double(s.count)
                ndcg[c] += gain / ideal[min(cut, s.count)]
            }
        }
        if counted > 0 {
            for c in k.indices { recall[c] /= Double(counted); ndcg[c] /= Double(counted) }
        }
        self.recall = recall
        self.ndcg = ndcg
        inviters = counted
    }

    private static func lg(_ x: Double) -> Double { log2(x) }
}
