/// The inviters of a recommendation run: one label per line (a first line `inviter`, `inviters`,
/// `node` or `id` that names no node is a header). Blank lines and `#` comments are skipped.
public enum InviterFile {
    static let headerNames: Set<String> = ["inviter", "inviters", "node", "id", "label", "user"]

    /// The labels of `path`, in file order, each with its line.
    ///
    /// - Throws: `InfluenceError(.data)` with file and line for a line of several fields or a file
    ///   without labels; `.io` for an unreadable file.
    /// - Complexity: O(file size).
    public static func read(_ path: String) throws(InfluenceError) -> [(label: String, line: Int)] {
        let rows = try DelimitedRows.read(path)
        var labels: [(label: String, line: Int)] = []
        for row in rows.rows {
            guard row.fields.count == 1 else {
                throw InfluenceError(.data, file: path, line: row.line,
                    "line has \(row.fields.count) fields (expected one inviter label per line)")
            }
            labels.append((row.fields[0], row.line))
        }
        guard !labels.isEmpty else { throw InfluenceError(.data, file: path, "no inviters (expected one inviter label per line)") }
        return labels
    }

    /// The dense ids of the inviters of `path` in `graph`, in file order.
    ///
    /// - Throws: `InfluenceError(.data)` with file and line for a label that is no node of the
    ///   graph or is listed twice.
    /// - Complexity: O(file size).
    public static func nodes(_ path: String, in graph: InviteGraph) throws(InfluenceError) -> [Int] {
        var entries = try read(path)[...]
        if let first = entries.first, graph.node(labelled: first.label) == nil, headerNames.contains(first.label.lowercased()) {
            entries = entries.dropFirst()
        }
        var lineOf: [Int: Int] = [:], nodes: [Int] = []
        for (label, line) in entries {
            guard let v = graph.node(labelled: label) else {
                throw InfluenceError(.data, file: path, line: line, parameter: "inviters",
                    "inviter '\(label.prefix(40))' is not a node of the arcs file (expected a label that occurs in it)")
            }
            if let first = lineOf[v] {
                throw InfluenceError(.data, file: path, line: line, parameter: "inviters",
                    "inviter \(label.prefix(40)) is listed twice (first on line \(first)) (expected each inviter once)")
            }
            lineOf[v] = line
            nodes.append(v)
        }
        guard !nodes.isEmpty else { throw InfluenceError(.data, file: path, "no inviters (expected one inviter label per line)") }
        return nodes
    }
}

/// Held-out invitations to evaluate lists against: `inviter invitee` per line, an optional header
/// (`inviter invitee`, `source target`, …), blank lines and `#` comments skipped.
public struct TruthPairs: Sendable, Equatable {
    /// Invitees of each inviter label (self pairs dropped, repeats once), in file order; labels are
    /// keyed byte for byte (NFC and NFD `café` are two inviters).
    public let invitees: [ByteLabel: [String]]
    /// Pairs read (after dropping self pairs and repeats).
    public let pairCount: Int

    /// Pairs held in memory.
    /// Complexity: O(pairs).
    public init(pairs: [(inviter: String, invitee: String)]) {
        // Pairs compared byte for byte (a self pair is one whose two labels are the same bytes).
        var invitees: [ByteLabel: [String]] = [:], seen = Set<[[UInt8]]>()
        for (a, b) in pairs where !a.utf8.elementsEqual(b.utf8) && seen.insert([Array(a.utf8), Array(b.utf8)]).inserted {
            invitees[ByteLabel(a), default: []].append(b)
        }
        self.invitees = invitees
        pairCount = seen.count
    }

    /// The held-out invitees of `inviter` (matched byte for byte), or nil.
    public func invitees(of inviter: String) -> [String]? { invitees[ByteLabel(inviter)] }

    /// Reads `path`.
    ///
    /// - Throws: `InfluenceError(.data)` with file and line for a line without two fields.
    /// - Complexity: O(file size).
    public static func read(_ path: String) throws(InfluenceError) -> TruthPairs {
        let rows = try DelimitedRows.read(path)
        var body = rows.rows[...]
        if let first = body.first, first.fields.count >= 2,
           InviteGraph.inviterNames.contains(first.fields[0].lowercased()), InviteGraph.inviteeNames.contains(first.fields[1].lowercased()) {
            body = body.dropFirst()
        }
        var pairs: [(inviter: String, invitee: String)] = []
        for row in body {
            guard row.fields.count >= 2 else {
                throw InfluenceError(.data, file: path, line: row.line, "line has 1 field (expected 'inviter invitee')")
            }
            pairs.append((row.fields[0], row.fields[1]))
        }
        guard !pairs.isEmpty else { throw InfluenceError(.data, file: path, "no pairs (expected lines 'inviter invitee')") }
        return TruthPairs(pairs: pairs)
    }
}
