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

    /// Splits `bytes`. Throws for a control character other than tab, CR and LF (binary data).
    /// Complexity: O(file size).
    init(bytes: [UInt8], source: String) throws(InfluenceError) {
        self.source = source
        var rows: [Row] = []
        try bytes.withUnsafeBufferPointer { (text) throws(InfluenceError) in
            var i = text.starts(with: TextBytes.byteOrderMark) ? 3 : 0
            var line = 0
            while i < text.count {
                line += 1
                let lineStart = i
                var fields: [String] = []
                var comment = false
                while i < text.count, !TextBytes.isBreak(text[i]) {
                    let c = text[i]
                    if comment { i += 1; continue }
                    if TextBytes.isBinary(c) {
                        throw TextBytes.binaryError(c, path: source, line: line, column: i - lineStart + 1, expected: "tab-separated text")
                    }
                    if TextBytes.isBlank(c) { i += 1; continue }
                    if fields.isEmpty, c == 0x23 { comment = true; i += 1; continue }
                    let s = i
                    while i < text.count, !TextBytes.isSpace(text[i]) {
                        if TextBytes.isBinary(text[i]) {
                            throw TextBytes.binaryError(text[i], path: source, line: line, column: i - lineStart + 1, expected: "tab-separated text")
                        }
                        i += 1
                    }
                    fields.append(String(decoding: UnsafeBufferPointer(rebasing: text[s..<i]), as: UTF8.self))
                }
                if i < text.count {
                    if text[i] == 0x0D, i + 1 < text.count, text[i + 1] == 0x0A { i += 2 } else { i += 1 }
                }
                if !fields.isEmpty { rows.append(Row(line: line, fields: fields)) }
            }
        }
        self.rows = rows
    }

    /// Reads and splits the file at `path` (`.gz` inflated). Complexity: O(file size).
    static func read(_ path: String) throws(InfluenceError) -> DelimitedRows {
        try DelimitedRows(bytes: try FileContents.read(path), source: path)
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
