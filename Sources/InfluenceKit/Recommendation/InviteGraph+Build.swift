extension InviteGraph {
    /// Builds the graph from interned arcs: endpoints as the numbers `interner` gave their labels
    /// (first appearance); `acceptance` gets the labels in dense order and a label → dense id
    /// lookup, and returns U per dense id. Renumbers the nodes in label order (`denseOrder`), sorts the arcs
    /// by (tail, head) so each row lists its targets increasingly and a repeated arc is found
    /// (citing its file line when `lines` gives one per arc), and hands them to the library's CSR
    /// construction (`InfluenceGraph(arcs:options:format:source:)`), with P and U as value columns.
    ///
    /// - Throws: `InfluenceError(.data)` for an arc given twice; `.resource` for 2^32 − 1 nodes
    ///   or more.
    /// - Complexity: O(m log m + n log n).
    init(interner: StringTokens, sources: [Int], targets: [Int], invite: [Double], lines: [Int]?, source: String?,
         acceptance: ([String], (String) -> Int?) throws(InfluenceError) -> [Double]) throws(InfluenceError) {
        let interned = interner.labels
        let (order, integers) = Self.denseOrder(interned)
        let n = interned.count, m = sources.count
        guard n < Int(UInt32.max) else { throw InfluenceError(.resource, file: source, "more than 2^32 - 1 nodes") }
        var rank = [Int](repeating: 0, count: n)
        for (dense, id) in order.enumerated() { rank[id] = dense }
        let labels = order.map { interned[$0] }
        // Arcs sorted by (tail, head) in the dense numbering; the order breaks ties by input position.
        var arcOrder = Array(0..<m)
        arcOrder.sort { a, b in
            let sa = rank[sources[a]], sb = rank[sources[b]]
            if sa != sb { return sa < sb }
            let ta = rank[targets[a]], tb = rank[targets[b]]
            return ta != tb ? ta < tb : a < b
        }
        var tails = [UInt32](repeating: 0, count: m), heads = [UInt32](repeating: 0, count: m)
        var values = [Double](repeating: 0, count: m)
        for (slot, a) in arcOrder.enumerated() {
            let s = rank[sources[a]], t = rank[targets[a]]
            if slot > 0, tails[slot - 1] == UInt32(s), heads[slot - 1] == UInt32(t) {
                let previous = arcOrder[slot - 1], first = min(a, previous), second = max(a, previous)
                throw InfluenceError(.data, file: source, line: lines.map { $0[second] }, parameter: source == nil ? "arcs" : nil,
                    "arc \(labels[s])→\(labels[t]) is given twice\(lines.map { " (first on line \($0[first]))" } ?? "") (expected each arc once)")
            }
            tails[slot] = UInt32(s); heads[slot] = UInt32(t); values[slot] = invite[a]
        }
        let u = try acceptance(labels) { label in interner.number(of: label).map { rank[$0] } }
        let columns = [ValueColumn(name: Self.inviteColumn, scope: .arc, values: values.map { Float($0) }),
                       ValueColumn(name: Self.acceptanceColumn, scope: .node, values: u.map { Float($0) })]
        let arcs = ArcList(nodeCount: n, sources: tails, targets: heads, values: nil, columns: columns, labels: .strings(labels),
                           selfLoopsDropped: 0, undirected: false)
        graph = try InfluenceGraph(arcs: arcs, options: GraphBuildOptions(), format: "invite", source: source ?? "arcs")
        self.invite = values
        self.acceptance = u
        integerLabels = integers
        self.interner = interner
        denseID = rank
    }

    /// The dense order of interned labels (`order[dense]` is the interned id): numeric when every
    /// label reads as an integer (equal numbers, such as `7` and `07`, by their bytes), else by
    /// the labels' bytes; and whether every label is an integer.
    /// Complexity: O(n log n).
    static func denseOrder(_ labels: [String]) -> (order: [Int], integers: Bool) {
        let numbers = labels.map { Int64($0) }
        let integers = !numbers.contains(nil)
        var order = Array(labels.indices)
        if integers {
            order.sort { numbers[$0]! != numbers[$1]! ? numbers[$0]! < numbers[$1]! : labels[$0].utf8.lexicographicallyPrecedes(labels[$1].utf8) }
        } else {
            order.sort { labels[$0].utf8.lexicographicallyPrecedes(labels[$1].utf8) }
        }
        return (order, integers)
    }
}
