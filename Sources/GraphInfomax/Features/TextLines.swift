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

    /// Reads `path` (gzip inflated; `-` is standard input).
    /// - Throws: `InfluenceError(.io)` for a missing or unreadable file, `.data` for bytes that are
    ///   not UTF-8 text.
    init(path: String) throws(InfluenceError) {
        let bytes = try FileContents.read(path)
        if bytes.contains(0) {
            throw InfluenceError(.data, file: path, "holds a NUL byte (expected a text file)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InfluenceError(.data, file: path, "is not UTF-8 text (expected a text file)")
        }
        var lines: [Line] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let tokens = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "," })
            guard let first = tokens.first, !first.hasPrefix("#"), !first.hasPrefix("%") else { continue }
            lines.append(Line(number: number, tokens: tokens))
        }
        self.path = path
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
