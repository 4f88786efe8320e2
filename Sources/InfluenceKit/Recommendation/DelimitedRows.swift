/// The rows of a small tab- or space-separated text file (the invitee-recommendation inputs: arcs,
/// node values, inviters, truth pairs): fields split on runs of tabs and spaces, lines ending at
/// LF, CRLF or a lone CR, blank lines and lines starting with `#` skipped, a UTF-8 byte order mark
/// at the start skipped. Each row keeps its 1-based line number so errors can cite it.
struct DelimitedRows {
    struct Row {
        /// 1-based line in the file.
        var line: Int
        /// The fields of the line, in order.
        var fields: [String]
    }

    /// The file name errors cite.
    let source: String
    /// Every non-blank, non-comment row.
    let rows: [Row]

    static let expected = "tab-separated text"

    /// Splits `bytes` through the bounded line reader (`TextLineReader`). Throws for binary data
    /// or invalid UTF-8, with the line. Complexity: O(file size).
    init(bytes: [UInt8], source: String) throws(InfluenceError) {
        var rows: [Row] = []
        try TextLineReader.forEachLine(in: bytes, path: source, expected: Self.expected) { (line) throws(InfluenceError) in
            Self.append(line, to: &rows)
        }
        self.init(source: source, rows: rows)
    }

    private init(source: String, rows: [Row]) {
        self.source = source
        self.rows = rows
    }

    private static func append(_ line: TextLine, to rows: inout [Row]) {
        if line.isSkipped(percentComments: false) { return }
        let fields = line.tokens().map { line.string($0) }
        if !fields.isEmpty { rows.append(Row(line: line.number, fields: fields)) }
    }

    /// Reads and splits the file at `path` (`-`: standard input; gzip by magic bytes, streamed,
    /// at most `limitBytes` of text). Complexity: O(file size).
    static func read(_ path: String, limitBytes: Int? = nil) throws(InfluenceError) -> DelimitedRows {
        var rows: [Row] = []
        let name = try TextLineReader.forEachLine(path, limitBytes: limitBytes, expected: expected) { (line) throws(InfluenceError) in
            append(line, to: &rows)
        }
        return DelimitedRows(source: name, rows: rows)
    }

    /// Whether `field` reads as a number (a header row has none in its first columns).
    static func isNumeric(_ field: String) -> Bool { Double(field) != nil }

    /// The value of `field` as a probability in [0, 1], or an error citing `line`.
    func probability(_ field: String, line: Int, name: String) throws(InfluenceError) -> Double {
        guard let value = Double(field), value.isFinite else {
            throw InfluenceError(.data, file: source, line: line, "\(name) '\(field.prefix(40))' is not a number (expected a probability in [0, 1])")
        }
        guard value >= 0, value <= 1 else {
            throw InfluenceError(.data, file: source, line: line, "\(name) = \(field.prefix(40)) is outside [0, 1] (expected a probability)")
        }
        return value
    }
}
