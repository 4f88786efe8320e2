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
        let bytes = try FileContents.read(path, limitBytes: limitBytes)
        var labels = StringTokens()
        try bytes.withUnsafeBufferPointer { (text) throws(InfluenceError) in
            var i = text.starts(with: TextBytes.byteOrderMark) ? 3 : 0
            var line = 0
            while i < text.count {
                line += 1
                let lineStart = i
                var tokens: [Range<Int>] = []
                var comment = false
                while i < text.count, !TextBytes.isBreak(text[i]) {
                    let c = text[i]
                    if TextBytes.isBinary(c), !comment {
                        throw TextBytes.binaryError(c, path: path, line: line, column: i - lineStart + 1, expected: "one node label per line")
                    }
                    if comment || TextBytes.isBlank(c) { i += 1; continue }
                    if tokens.isEmpty, c == 0x23 || c == 0x25 { comment = true; i += 1; continue }
                    let s = i
                    while i < text.count, !TextBytes.isSpace(text[i]) {
                        if TextBytes.isBinary(text[i]) {
                            throw TextBytes.binaryError(text[i], path: path, line: line, column: i - lineStart + 1, expected: "one node label per line")
                        }
                        i += 1
                    }
                    tokens.append(s..<i)
                }
                if i < text.count {
                    if text[i] == 0x0D, i + 1 < text.count, text[i + 1] == 0x0A { i += 2 } else { i += 1 }
                }
                guard let token = tokens.first else { continue }
                guard tokens.count == 1 else {
                    throw InfluenceError(.data, file: path, line: line, "line has \(tokens.count) fields (expected one node label per line)")
                }
                let label = UnsafeBufferPointer(rebasing: text[token])
                guard try labels.declare(label, line: line, path: path) else {
                    throw InfluenceError(.data, file: path, line: line,
                        "node '\(String(decoding: label, as: UTF8.self).prefix(40))' is listed twice (expected each label once)")
                }
            }
            if labels.labels.isEmpty {
                throw InfluenceError(.data, file: path, line: max(1, line), "no node labels (expected one node label per line)")
            }
        }
        labels.closedBy = path
        return labels
    }
}
