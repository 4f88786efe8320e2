import InfluenceKit

/// The data lines of a small text file, split into whitespace-separated tokens, with their
/// 1-based line numbers; blank lines and `#` or `%` comments are skipped. Node attribute files
/// (features, labels, splits) are read whole: they are a small fraction of a graph's size.
struct TextLines {
    struct Line {
        let number: Int
        let tokens: [Substring]
    }

    let path: String
    let lines: [Line]

    /// Reads `path` through the bounded line reader of every text format (`TextLineReader`:
    /// gzip by magic bytes, streamed; byte order mark skipped; LF, CRLF or a lone CR; binary data
    /// and invalid UTF-8 refused with the line; at most `limitBytes` of text). Tokens are split
    /// on spaces, tabs and commas; `-` is standard input.
    /// - Throws: `InfluenceError` naming the file (and line).
    init(path: String, limitBytes: Int? = nil) throws(InfluenceError) {
        var lines: [Line] = []
        let name = try TextLineReader.forEachLine(path, limitBytes: limitBytes, expected: "a text file of node rows") { (line) throws(InfluenceError) in
            let tokens = line.tokens(separatedBy: [0x2C]).map { Substring(line.string($0)) }
            guard let first = tokens.first, !first.hasPrefix("#"), !first.hasPrefix("%") else { return }
            lines.append(Line(number: line.number, tokens: tokens))
        }
        self.path = name
        self.lines = lines
    }

    func error(_ line: Line, _ message: String) -> InfluenceError {
        InfluenceError(.data, file: path, line: line.number, message)
    }

    /// The dense node id of a label token, or an error naming the line.
    func node(_ token: Substring, _ line: Line, in nodes: NodeLabelIndex, nodeCount: Int) throws(InfluenceError) -> Int {
        guard let node = nodes.node(for: String(token)), node < nodeCount else {
            throw error(line, "node '\(token)' is not in the graph (expected a node label of the graph file)")
        }
        return node
    }
}
