/// The graph of an invitee-recommendation instance (CIKM 2025, "Heterogeneous Influence
/// Maximization in User Recommendation", §3): arcs i→j carry P_ij, the probability that i sends j
/// an invitation, and nodes carry U_j, the probability that j accepts one (1 when not given).
///
/// The topology is an `InfluenceGraph` (`graph`), built by the library's CSR construction from
/// labels interned by the edge-list reader's interner, with P as its arc column `invite` and U as
/// its node column `acceptance` (`Float`, as every value column). P and U are also kept here in
/// `Double` (`invite`, `acceptance`): they have six decimals in typical inputs, and the HeteroIR
/// ranking, the exact cascade and the content hash must not depend on rounding them to `Float`.
///
/// Nodes are numbered densely in label order — numerically when every label is an integer, else by
/// the labels' bytes — so "ties go to the smaller id" means the smaller label, whatever the order
/// of the file. Each forward row lists its arcs by increasing target; each reverse row by
/// increasing source.
///
/// Every property is immutable: the graph is `Sendable` and read concurrently without locks.
public struct InviteGraph: Sendable {
    /// The name of the arc column holding P.
    public static let inviteColumn = "invite"
    /// The name of the node column holding U.
    public static let acceptanceColumn = "acceptance"

    /// The invitation graph: CSR, labels (`NodeLabels.strings`, as given), arc column `invite`
    /// and node column `acceptance`.
    public let graph: InfluenceGraph
    /// P of each forward arc, in `Double`: the probability that its tail invites its head.
    public let invite: [Double]
    /// U of each node, in `Double`: the probability that it accepts an invitation.
    public let acceptance: [Double]
    /// Whether every label is an integer (then ids follow numeric order).
    public let integerLabels: Bool
    /// The interner that numbered the labels (first appearance), and the dense id of each number:
    /// label → dense id without a second table.
    let interner: StringTokens
    let denseID: [Int]

    /// Number of nodes, n.
    public var nodeCount: Int { graph.nodeCount }
    /// Number of arcs, m.
    public var arcCount: Int { graph.arcCount }
    /// The label of each node (dense id → label). Complexity: O(1) (the graph's label storage).
    public var labels: [String] {
        if case .strings(let labels) = graph.labels { return labels }
        return (0..<graph.nodeCount).map(graph.labels.label(of:))
    }
    /// Row offsets of the forward CSR (n + 1 entries); row i lists i's out-arcs by increasing target.
    public var outOffsets: [Int] { graph.outOffsets }
    /// Head of each forward arc.
    public var outTargets: [UInt32] { graph.outTargets }
    /// Row offsets of the reverse CSR (n + 1 entries).
    public var inOffsets: [Int] { graph.inOffsets }
    /// Tail of each reverse slot, by increasing tail within a row.
    public var inSources: [UInt32] { graph.inSources }
    /// The forward arc of each reverse slot.
    public var inArcs: [Int] { graph.inArcs }

    /// The node labelled `label` (byte for byte), if any. Complexity: O(1) expected.
    public func node(labelled label: String) -> Int? { interner.number(of: label).map { denseID[$0] } }

    /// The out-arcs of `node` (forward arc numbers). Complexity: O(1).
    public func arcs(from node: Int) -> Range<Int> { graph.outOffsets[node]..<graph.outOffsets[node + 1] }

    /// Out-degree of `node`. Complexity: O(1).
    public func outDegree(_ node: Int) -> Int { graph.outDegree(node) }

    /// One arc of an instance given in memory.
    public struct Arc: Sendable, Equatable {
        /// The label of the node that sends the invitation.
        public var inviter: String
        /// The label of the node invited.
        public var invitee: String
        /// P: the probability that `inviter` invites `invitee`, in [0, 1].
        public var invite: Double
        /// An arc `inviter` → `invitee` with probability `invite`. Complexity: O(1).
        public init(inviter: String, invitee: String, invite: Double) {
            self.inviter = inviter
            self.invitee = invitee
            self.invite = invite
        }
    }

    /// Builds an instance from arcs and acceptance probabilities held in memory (pipelines).
    ///
    /// - Parameters:
    ///   - arcs: the arcs with their P.
    ///   - acceptance: U per node label, matched byte for byte (a `Dictionary` cannot hold both the
    ///     NFC and the NFD spelling of one name; pass ``ByteLabel`` keys for that); nodes not listed
    ///     accept with probability 1; labels that name no node of `arcs` are ignored.
    /// - Throws: `InfluenceError(.data)` (parameter `arcs` or `acceptance`) for a value outside
    ///   [0, 1], a self-invitation or an arc given twice.
    /// - Complexity: O(m log m + n log n).
    public init(arcs: [Arc], acceptance: [String: Double] = [:]) throws(InfluenceError) {
        var exact: [ByteLabel: Double] = [:]
        for (label, u) in acceptance { exact[ByteLabel(label)] = u }
        try self.init(arcs: arcs, acceptance: exact)
    }

    /// Builds an instance from arcs and acceptance probabilities keyed byte for byte.
    ///
    /// - Parameters:
    ///   - arcs: the arcs with their P.
    ///   - acceptance: U per node label (NFC and NFD spellings are two nodes); nodes not listed
    ///     accept with probability 1; labels that name no node of `arcs` are ignored.
    /// - Throws: `InfluenceError(.data)` (parameter `arcs` or `acceptance`) for a value outside
    ///   [0, 1], a self-invitation or an arc given twice.
    /// - Complexity: O(m log m + n log n).
    public init(arcs: [Arc], acceptance: [ByteLabel: Double]) throws(InfluenceError) {
        var interner = StringTokens()
        var sources: [Int] = [], targets: [Int] = [], values: [Double] = []
        sources.reserveCapacity(arcs.count); targets.reserveCapacity(arcs.count); values.reserveCapacity(arcs.count)
        for (k, arc) in arcs.enumerated() {
            guard arc.invite.isFinite, arc.invite >= 0, arc.invite <= 1 else {
                throw InfluenceError(.data, parameter: "arcs", "arc \(k + 1) \(arc.inviter)→\(arc.invitee): P = \(arc.invite) (expected a probability in [0, 1])")
            }
            guard !arc.inviter.utf8.elementsEqual(arc.invitee.utf8) else {
                throw InfluenceError(.data, parameter: "arcs", "arc \(k + 1): \(arc.inviter) invites itself (expected an arc between two users)")
            }
            sources.append(interner.intern(label: arc.inviter)); targets.append(interner.intern(label: arc.invitee)); values.append(arc.invite)
        }
        for (label, u) in acceptance where !(u.isFinite && u >= 0 && u <= 1) {
            throw InfluenceError(.data, parameter: "acceptance", "node \(label.text): U = \(u) (expected a probability in [0, 1])")
        }
        try self.init(interner: interner, sources: sources, targets: targets, invite: values, lines: nil, source: nil) { labels, _ in
            labels.map { acceptance[ByteLabel($0)] ?? 1 }
        }
    }
}
