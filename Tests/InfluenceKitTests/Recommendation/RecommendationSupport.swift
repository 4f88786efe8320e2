@testable import InfluenceKit

/// The 7-node instance the recommendation tests share: inviters 0 and 1, candidates 2, 3, 4,
/// and 5, 6 beyond them.
///
///     0 → 2 (P 0.5)   0 → 3 (0.4)   1 → 3 (0.2)   1 → 4 (0.9)
///     2 → 5 (0.5)     3 → 5 (0.25)  3 → 6 (0.8)   4 → 6 (0.1)
///     U: 2 0.5, 4 0.2, 5 0.4, 6 0.5 (3, 0, 1 default to 1)
enum SevenNodes {
    static let arcs: [InviteGraph.Arc] = [
        .init(inviter: "0", invitee: "2", invite: 0.5), .init(inviter: "0", invitee: "3", invite: 0.4),
        .init(inviter: "1", invitee: "3", invite: 0.2), .init(inviter: "1", invitee: "4", invite: 0.9),
        .init(inviter: "2", invitee: "5", invite: 0.5), .init(inviter: "3", invitee: "5", invite: 0.25),
        .init(inviter: "3", invitee: "6", invite: 0.8), .init(inviter: "4", invitee: "6", invite: 0.1),
    ]
    static let acceptance: [String: Double] = ["2": 0.5, "4": 0.2, "5": 0.4, "6": 0.5]

    static func graph() throws -> InviteGraph { try InviteGraph(arcs: arcs, acceptance: acceptance) }

    /// The arcs as a file, in a shuffled order with a header row.
    static let arcsFile = "inviter\tinvitee\tP\n3\t6\t0.8\n0\t2\t0.5\n1\t4\t0.9\n0\t3\t0.4\n1\t3\t0.2\n2\t5\t0.5\n4\t6\t0.1\n3\t5\t0.25\n"
    static let nodesFile = "node\tU\n2\t0.5\n4\t0.2\n5\t0.4\n6\t0.5\n"
}

extension DenseLists {
    /// The lists as labels, for comparisons.
    func labels(_ graph: InviteGraph) -> [[String]] { invitees.map { $0.map { graph.labels[$0] } } }
}
