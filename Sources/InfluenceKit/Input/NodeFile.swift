/// A node file: one label per line, every label a node, numbered in the order of the file.
///
/// Blank lines and `#`/`%` comment lines are skipped, a UTF-8 byte order mark at the start is
/// skipped, lines end at LF, CRLF or a lone CR. A label listed twice, a line with more than one
/// token, binary data and invalid UTF-8 are errors naming the line. The edge list read with it may
/// name only these labels (an unknown label is an error naming its line): the node file is the
/// list of nodes, and a typo in the edges would otherwise add a node silently.
enum NodeFile {
    /// The labels of `path`, as a closed interner for the edge-list scanner.
    /// Complexity: O(file size).
    static func read(_ path: String, limitBytes: Int?) throws(InfluenceError) -> StringTokens {
        var labels = StringTokens()
        var lastLine = 0
        let expected = "one node label per line"
        let name = try TextLineReader.forEachLine(path, limitBytes: limitBytes.map { max(1 << 20, $0 / 4) }, expected: expected) { (line) throws(InfluenceError) in
            lastLine = line.number
            if line.isSkipped() { return }
            let tokens = line.tokens()
            guard tokens.count == 1 else {
                throw InfluenceError(.data, file: path, line: line.number, "line has \(tokens.count) fields (expected one node label per line)")
            }
            let label = UnsafeBufferPointer(rebasing: line.bytes[tokens[0]])
            guard try labels.declare(label, line: line.number, path: path) else {
                throw InfluenceError(.data, file: path, line: line.number,
                    "node '\(String(decoding: label, as: UTF8.self).prefix(40))' is listed twice (expected each label once)")
            }
        }
        if labels.labels.isEmpty {
            throw InfluenceError(.data, file: name, line: max(1, lastLine), "no node labels (expected one node label per line)")
        }
        labels.closedBy = path
        return labels
    }
}
