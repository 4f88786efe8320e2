extension InviteGraph {
    /// Column names a header row of an arcs file may use (case-insensitive).
    static let inviterNames: Set<String> = ["inviter", "source", "src", "from", "u", "tail", "i"]
    static let inviteeNames: Set<String> = ["invitee", "target", "dst", "to", "v", "head", "j"]
    static let inviteNames: Set<String> = ["p", "probability", "prob", "invite", "p_invite"]
    /// Column names a header row of a node file may use (case-insensitive).
    static let nodeNames: Set<String> = ["node", "id", "label", "user", "invitee", "v"]
    static let acceptanceNames: Set<String> = ["u", "accept", "acceptance", "p_accept"]

    /// Reads an instance from files.
    ///
    /// The arcs file holds `inviter invitee P` per line (tabs or spaces). A first row whose third
    /// field is not a number is a header: it names the columns (inviter: `inviter`, `source`,
    /// `src`, `from`, `u`, `tail`, `i`; invitee: `invitee`, `target`, `dst`, `to`, `v`, `head`, `j`;
    /// P: `p`, `probability`, `prob`, `invite`, `p_invite`; other columns ignored). The node file
    /// holds `node U` per line, with an optional header (`node`/`id`/`label`/`user`, `u`/`accept`/
    /// `acceptance`); nodes it does not list accept with probability 1, and labels no arc names are
    /// ignored. Blank lines and `#` comments are skipped; `.gz` files are inflated.
    ///
    /// - Throws: `InfluenceError(.data)` with file and line for a missing field, a P or U that is
    ///   not a number in [0, 1], a self-invitation, an arc or node given twice, an unknown header;
    ///   `.io` for an unreadable file.
    /// - Complexity: O(file sizes + m log m).
    public static func load(arcs path: String, nodeValues nodePath: String? = nil) throws(InfluenceError) -> InviteGraph {
        let rows = try DelimitedRows.read(path)
        var body = rows.rows[...]
        var columns = (0, 1, 2)
        if let first = body.first, first.fields.count < 3 || !DelimitedRows.isNumeric(first.fields[2]) {
            let names = first.fields.map { $0.lowercased() }
            func column(_ wanted: Set<String>, _ what: String) throws(InfluenceError) -> Int {
                guard let k = names.firstIndex(where: wanted.contains) else {
                    throw InfluenceError(.data, file: path, line: first.line,
                        "header row '\(first.fields.joined(separator: " ").prefix(60))' names no \(what) column (expected one of \(wanted.sorted().joined(separator: ", ")); or a first line 'inviter invitee P')")
                }
                return k
            }
            columns = (try column(inviterNames, "inviter"), try column(inviteeNames, "invitee"), try column(inviteNames, "P"))
            body = body.dropFirst()
        }
        let needed = max(columns.0, columns.1, columns.2) + 1
        var interner = StringTokens()
        var sources: [Int] = [], targets: [Int] = [], values: [Double] = [], lines: [Int] = []
        sources.reserveCapacity(body.count); targets.reserveCapacity(body.count)
        values.reserveCapacity(body.count); lines.reserveCapacity(body.count)
        for row in body {
            guard row.fields.count >= needed else {
                throw InfluenceError(.data, file: path, line: row.line,
                    "line has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") (expected inviter, invitee and P: \(needed) fields)")
            }
            let a = row.fields[columns.0], b = row.fields[columns.1]
            let p = try rows.probability(row.fields[columns.2], line: row.line, name: "P")
            guard !a.utf8.elementsEqual(b.utf8) else {
                throw InfluenceError(.data, file: path, line: row.line, "\(a) invites itself (expected an arc between two users)")
            }
            sources.append(interner.intern(label: a)); targets.append(interner.intern(label: b)); values.append(p); lines.append(row.line)
        }
        guard !sources.isEmpty else {
            throw InfluenceError(.data, file: path, "no arcs (expected lines 'inviter invitee P')")
        }
        return try InviteGraph(interner: interner, sources: sources, targets: targets, invite: values, lines: lines, source: path) {
            (labels, lookup) throws(InfluenceError) -> [Double] in
            guard let nodePath else { return [Double](repeating: 1, count: labels.count) }
            return try readAcceptance(nodePath, nodeCount: labels.count, lookup: lookup)
        }
    }

    /// U per node from a node file (see `load(arcs:nodeValues:)`), 1 for nodes it omits;
    /// `lookup` gives the dense id of a label. Complexity: O(file size).
    static func readAcceptance(_ path: String, nodeCount: Int, lookup: (String) -> Int?) throws(InfluenceError) -> [Double] {
        let rows = try DelimitedRows.read(path)
        var body = rows.rows[...]
        var columns = (0, 1)
        if let first = body.first, first.fields.count < 2 || !DelimitedRows.isNumeric(first.fields[1]) {
            let names = first.fields.map { $0.lowercased() }
            guard let node = names.firstIndex(where: nodeNames.contains), let u = names.firstIndex(where: acceptanceNames.contains) else {
                throw InfluenceError(.data, file: path, line: first.line,
                    "header row '\(first.fields.joined(separator: " ").prefix(60))' does not name the node and U columns (expected e.g. 'node U')")
            }
            columns = (node, u)
            body = body.dropFirst()
        }
        var values = [Double](repeating: 1, count: nodeCount)
        var lineOf = [Int](repeating: 0, count: nodeCount)
        let needed = max(columns.0, columns.1) + 1
        for row in body {
            guard row.fields.count >= needed else {
                throw InfluenceError(.data, file: path, line: row.line, "line has \(row.fields.count) field\(row.fields.count == 1 ? "" : "s") (expected a node and its U)")
            }
            let u = try rows.probability(row.fields[columns.1], line: row.line, name: "U")
            guard let v = lookup(row.fields[columns.0]) else { continue }
            guard lineOf[v] == 0 else {
                throw InfluenceError(.data, file: path, line: row.line, "node \(row.fields[columns.0]) is given twice (first on line \(lineOf[v])) (expected each node once)")
            }
            lineOf[v] = row.line
            values[v] = u
        }
        return values
    }
}
