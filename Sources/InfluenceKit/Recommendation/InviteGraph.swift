/// The graph of an invitee-recommendation instance (CIKM 2025, "Heterogeneous Influence
/// Maximization in User Recommendation", §3): arcs i→j carry P_ij, the probability that i sends j
/// an invitation, and nodes carry U_j, the probability that j accepts one (1 when not given).
///
/// Nodes are numbered densely in label order — numerically when every label is an integer, else by
/// the labels' bytes — so "ties go to the smaller id" means the smaller label, whatever the order
/// of the file. Forward and reverse CSR, values in `Double` (P and U have six decimals in typical
/// inputs, and the HeteroIR ranking must not depend on rounding them to `Float`).
///
/// Every property is a `let` array: the graph is `Sendable` and read concurrently without locks.
public struct InviteGraph: Sendable {
    /// Number of nodes, n.
    public let nodeCount: Int
    /// The label of each node (dense id → label).
    public let labels: [String]
    /// Whether every label is an integer (then ids follow numeric order).
    public let integerLabels: Bool
    /// Row offsets of the forward CSR (n + 1 entries); row i lists i's out-arcs by increasing target.
    public let outOffsets: [Int]
    /// Head of each forward arc.
    public let outTargets: [UInt32]
    /// P of each forward arc: the probability that its tail invites its head.
    public let invite: [Double]
    /// Row offsets of the reverse CSR (n + 1 entries).
    public let inOffsets: [Int]
    /// Tail of each reverse slot, by increasing tail within a row.
    public let inSources: [UInt32]
    /// The forward arc of each reverse slot.
    public let inArcs: [Int]
    /// U of each node: the probability that it accepts an invitation.
    public let acceptance: [Double]
    /// Label → dense id.
    let index: [String: Int]

    /// Number of arcs, m.
    public var arcCount: Int { outTargets.count }

    /// The node labelled `label`, if any. Complexity: O(1) expected.
    public func node(labelled label: String) -> Int? { index[label] }

    /// The out-arcs of `node` (forward arc numbers). Complexity: O(1).
    public func arcs(from node: Int) -> Range<Int> { outOffsets[node]..<outOffsets[node + 1] }

    /// Out-degree of `node`. Complexity: O(1).
    public func outDegree(_ node: Int) -> Int { outOffsets[node + 1] - outOffsets[node] }

    /// One arc of an instance given in memory.
    public struct Arc: Sendable, Equatable {
        /// The inviter's label.
        public var inviter: String
        /// The invitee's label.
        public var invitee: String
        /// P: the probability that `inviter` invites `invitee`, in [0, 1].
        public var invite: Double
        /// An arc. Complexity: O(1).
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
    ///   - acceptance: U per node label; nodes not listed accept with probability 1; labels that
    ///     name no node of `arcs` are ignored.
    /// - Throws: `InfluenceError(.data)` (parameter `arcs` or `acceptance`) for a value outside
    ///   [0, 1], a self-invitation or an arc given twice.
    /// - Complexity: O(m log m + n log n).
    public init(arcs: [Arc], acceptance: [String: Double] = [:]) throws(InfluenceError) {
        var interner = LabelInterner()
        var sources: [Int] = [], targets: [Int] = [], values: [Double] = []
        sources.reserveCapacity(arcs.count); targets.reserveCapacity(arcs.count); values.reserveCapacity(arcs.count)
        for (k, arc) in arcs.enumerated() {
            guard arc.invite.isFinite, arc.invite >= 0, arc.invite <= 1 else {
                throw InfluenceError(.data, parameter: "arcs", "arc \(k + 1) \(arc.inviter)→\(arc.invitee): P = \(arc.invite) (expected a probability in [0, 1])")
            }
            guard arc.inviter != arc.invitee else {
                throw InfluenceError(.data, parameter: "arcs", "arc \(k + 1): \(arc.inviter) invites itself (expected an arc between two users)")
            }
            sources.append(interner.intern(arc.inviter)); targets.append(interner.intern(arc.invitee)); values.append(arc.invite)
        }
        for (label, u) in acceptance where !(u.isFinite && u >= 0 && u <= 1) {
            throw InfluenceError(.data, parameter: "acceptance", "node \(label): U = \(u) (expected a probability in [0, 1])")
        }
        try self.init(interner: interner, sources: sources, targets: targets, invite: values, lines: nil, source: nil) { labels in
            labels.map { acceptance[$0] ?? 1 }
        }
    }

    /// Builds the CSR from interned arcs; `lines` (file line per arc) lets a duplicate cite its line.
    init(interner: LabelInterner, sources: [Int], targets: [Int], invite: [Double], lines: [Int]?, source: String?,
         acceptance: ([String]) throws(InfluenceError) -> [Double]) throws(InfluenceError) {
        let (labels, integers, rank) = interner.ordered()
        let n = labels.count, m = sources.count
        guard n < Int(UInt32.max) else { throw InfluenceError(.resource, file: source, "more than 2^32 - 1 nodes") }
        // Arcs sorted by (tail, head) in the dense numbering; the order breaks ties by input position.
        var order = Array(0..<m)
        order.sort { a, b in
            let sa = rank[sources[a]], sb = rank[sources[b]]
            if sa != sb { return sa < sb }
            let ta = rank[targets[a]], tb = rank[targets[b]]
            return ta != tb ? ta < tb : a < b
        }
        var outOffsets = [Int](repeating: 0, count: n + 1)
        var outTargets = [UInt32](repeating: 0, count: m), values = [Double](repeating: 0, count: m)
        var previous = -1
        for (slot, a) in order.enumerated() {
            let s = rank[sources[a]], t = rank[targets[a]]
            if slot > 0, previous >= 0, rank[sources[previous]] == s, rank[targets[previous]] == t {
                let first = min(a, previous), second = max(a, previous)
                throw InfluenceError(.data, file: source, line: lines.map { $0[second] }, parameter: source == nil ? "arcs" : nil,
                    "arc \(labels[s])→\(labels[t]) is given twice\(lines.map { " (first on line \($0[first]))" } ?? "") (expected each arc once)")
            }
            previous = a
            outOffsets[s + 1] += 1
            outTargets[slot] = UInt32(t)
            values[slot] = invite[a]
        }
        for v in 0..<n { outOffsets[v + 1] += outOffsets[v] }
        var inOffsets = [Int](repeating: 0, count: n + 1)
        for t in outTargets { inOffsets[Int(t) + 1] += 1 }
        for v in 0..<n { inOffsets[v + 1] += inOffsets[v] }
        var fill = inOffsets
        var inSources = [UInt32](repeating: 0, count: m), inArcs = [Int](repeating: 0, count: m)
        for u in 0..<n {
            for a in outOffsets[u]..<outOffsets[u + 1] {
                let t = Int(outTargets[a])
                inSources[fill[t]] = UInt32(u); inArcs[fill[t]] = a
                fill[t] += 1
            }
        }
        nodeCount = n
        self.labels = labels
        integerLabels = integers
        self.outOffsets = outOffsets
        self.outTargets = outTargets
        self.invite = values
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inArcs = inArcs
        self.acceptance = try acceptance(labels)
        var index: [String: Int] = [:]
        index.reserveCapacity(n)
        for (v, label) in labels.enumerated() { index[label] = v }
        self.index = index
    }
}

/// Labels in first-appearance order, and their dense order (numeric when all are integers).
struct LabelInterner {
    private(set) var labels: [String] = []
    private var ids: [String: Int] = [:]

    mutating func intern(_ label: String) -> Int {
        if let id = ids[label] { return id }
        ids[label] = labels.count
        labels.append(label)
        return labels.count - 1
    }

    /// Labels in dense order, whether they are all integers, and the dense id of each interned id.
    func ordered() -> (labels: [String], integers: Bool, rank: [Int]) {
        let numbers = labels.map { Int64($0) }
        let integers = !numbers.contains(nil)
        var order = Array(labels.indices)
        if integers {
            order.sort { numbers[$0]! != numbers[$1]! ? numbers[$0]! < numbers[$1]! : labels[$0].utf8.lexicographicallyPrecedes(labels[$1].utf8) }
        } else {
            order.sort { labels[$0].utf8.lexicographicallyPrecedes(labels[$1].utf8) }
        }
        var rank = [Int](repeating: 0, count: labels.count)
        for (dense, id) in order.enumerated() { rank[id] = dense }
        return (order.map { labels[$0] }, integers, rank)
    }
}
