/// One inviter's recommended invitees, best first, with the score each was ranked by.
public struct InviteeList: Sendable, Equatable, Codable {
    /// One recommended invitee.
    public struct Entry: Sendable, Equatable, Codable {
        /// The invitee's label.
        public var invitee: String
        /// The score the list was ranked by (its meaning depends on the method).
        public var score: Double
        /// An entry. Complexity: O(1).
        public init(invitee: String, score: Double) {
            self.invitee = invitee
            self.score = score
        }
    }
    /// The inviter's label.
    public var inviter: String
    /// The invitees, best first.
    public var invitees: [Entry]
    /// A list. Complexity: O(1).
    public init(inviter: String, invitees: [Entry]) {
        self.inviter = inviter
        self.invitees = invitees
    }
}

/// Lists in dense ids (what the algorithms produce and the evaluation reads).
struct DenseLists: Sendable, Equatable {
    /// The inviters, in request order.
    var inviters: [Int]
    /// The invitees of each inviter, best first.
    var invitees: [[Int]]
    /// The score of each entry.
    var scores: [[Double]]

    /// The lists with labels. Complexity: O(total length).
    func labelled(_ graph: InviteGraph) -> [InviteeList] {
        inviters.indices.map { t in
            InviteeList(inviter: graph.labels[inviters[t]],
                        invitees: zip(invitees[t], scores[t]).map { InviteeList.Entry(invitee: graph.labels[$0], score: $1) })
        }
    }
}

/// Turns per-pair scores into each inviter's top-K list.
///
/// Without a capacity, each inviter takes its K candidates of highest score, ties to the smaller
/// tie key. With a capacity C, pairs are taken in one global order (score descending, tie key
/// ascending, then inviter in request order) and a pair is kept while its inviter has fewer than K
/// invitees and its invitee is on fewer than C lists: the greedy b-matching that, for C ≥ the
/// number of inviters, is exactly the unconstrained top-K.
enum PairRanking {
    /// - Parameters:
    ///   - score: the score of each forward arc (read only for the inviters' arcs).
    ///   - tieKey: the tie key of each invitee (smaller wins).
    /// - Complexity: O(Σ deg · log deg) without capacity, O(P log P) with it (P the inviters' arcs).
    static func rank(_ graph: InviteGraph, inviters: [Int], k: Int, capacity: Int?,
                     score: [Double], tieKey: [Int]) -> DenseLists {
        var lists = DenseLists(inviters: inviters, invitees: Array(repeating: [], count: inviters.count),
                               scores: Array(repeating: [], count: inviters.count))
        func before(_ a: Int, _ b: Int) -> Bool {
            if score[a] != score[b] { return score[a] > score[b] }
            let ta = tieKey[Int(graph.outTargets[a])], tb = tieKey[Int(graph.outTargets[b])]
            return ta != tb ? ta < tb : graph.outTargets[a] < graph.outTargets[b]
        }
        if let capacity, capacity < inviters.count {
            var pairs: [(inviter: Int, arc: Int)] = []
            for (t, i) in inviters.enumerated() { for a in graph.arcs(from: i) { pairs.append((t, a)) } }
            pairs.sort { x, y in
                if before(x.arc, y.arc) { return true }
                if before(y.arc, x.arc) { return false }
                return x.inviter < y.inviter
            }
            var used = [Int](repeating: 0, count: graph.nodeCount)
            for (t, a) in pairs where lists.invitees[t].count < k {
                let v = Int(graph.outTargets[a])
                guard used[v] < capacity else { continue }
                used[v] += 1
                lists.invitees[t].append(v)
                lists.scores[t].append(score[a])
            }
            return lists
        }
        for (t, i) in inviters.enumerated() {
            let top = Array(graph.arcs(from: i)).sorted(by: before).prefix(k)
            lists.invitees[t] = top.map { Int(graph.outTargets[$0]) }
            lists.scores[t] = top.map { score[$0] }
        }
        return lists
    }
}
