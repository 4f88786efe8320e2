import FoundationEssentials

/// A seed set named by labels in a file: one label per line, or JSON.
///
/// Accepted forms:
/// - text: one label per line; every line ending (`\n`, `\r\n`, a lone `\r`) ends a line;
///   whitespace around a label is ignored; blank lines and lines starting with `#` are skipped;
/// - JSON (the first non-blank byte is `{` or `[`): an object whose `"seeds"` array holds
///   labels or objects with a `"label"` (the report `infmax seeds --json` prints), or a plain
///   array of labels. A label is a string or an integer (`[0, 33]` names the nodes labelled
///   `0` and `33`).
///
/// A UTF-8 byte-order mark at the start is ignored. Labels are returned as written (byte for
/// byte); they must be UTF-8 without NUL bytes. Any other input is an `InfluenceError(.data)`
/// naming the file (and the line or seed entry), never a trap: arbitrary bytes are safe to pass.
public enum SeedsFile {
    /// One seed of a file, with where it was given.
    public struct Entry: Sendable, Equatable {
        /// The label, as written.
        public var label: String
        /// 1-based line of a text file (nil for JSON).
        public var line: Int?
        /// 1-based position among the seeds of the file.
        public var position: Int

        /// An entry. Complexity: O(1).
        public init(label: String, line: Int?, position: Int) {
            self.label = label
            self.line = line
            self.position = position
        }
    }

    /// The name errors give standard input (read for the path `-`).
    public static let standardInputName = "<stdin>"

    /// The labels of a seeds file's `bytes`, in order; `path` names the file in errors.
    ///
    /// - Throws: `InfluenceError(.data)` naming `path` when the bytes hold no seeds, are not
    ///   UTF-8, hold a NUL byte, or are JSON of another shape.
    /// - Complexity: O(bytes).
    public static func parse(_ bytes: [UInt8], path: String) throws(InfluenceError) -> [String] {
        try entries(bytes, path: path).map(\.label)
    }

    /// The seeds of a seeds file's `bytes`, with their lines or positions, in order.
    ///
    /// - Throws: as `parse(_:path:)`.
    /// - Complexity: O(bytes).
    public static func entries(_ bytes: [UInt8], path: String) throws(InfluenceError) -> [Entry] {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        let body = bytes[start...]
        let first = body.first { !isBlank($0) }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
            return try SeedsJSON.entries(Array(body), path: path)
        }
        return try lineEntries(body, path: path)
    }

    /// Reads and parses the seeds file at `path`; `-` reads standard input to its end (errors
    /// then name it `<stdin>`). A `.gz` name is inflated.
    ///
    /// - Throws: `InfluenceError(.io)` when the file cannot be read, else as `parse(_:path:)`.
    /// - Complexity: O(file size).
    public static func read(_ path: String) throws(InfluenceError) -> (name: String, entries: [Entry]) {
        let (name, text) = try TextLineReader.readAll(path, expected: "one label per line, or JSON with a \"seeds\" array")
        return (name, try entries(text, path: name))
    }

    static let emptyMessage = "no seeds (expected one label per line, or JSON with a \"seeds\" array)"

    /// ASCII whitespace (space, tab, line feed, vertical tab, form feed, carriage return).
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    private static func lineEntries(_ bytes: ArraySlice<UInt8>, path: String) throws(InfluenceError) -> [Entry] {
        var result: [Entry] = []
        try TextLineReader.forEachLine(in: Array(bytes), path: path, expected: "text labels, one per line") { (line) throws(InfluenceError) in
            if let label = try label(line.bytes, path: path, line: line.number) {
                result.append(Entry(label: label, line: line.number, position: result.count + 1))
            }
        }
        if result.isEmpty { throw InfluenceError(.data, file: path, emptyMessage) }
        return result
    }

    /// The label of one line (nil for a blank or comment line).
    private static func label(_ raw: UnsafeBufferPointer<UInt8>, path: String, line: Int) throws(InfluenceError) -> String? {
        if raw.contains(0) {
            throw InfluenceError(.data, file: path, line: line, "a NUL byte in the line (expected text labels, one per line)")
        }
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw InfluenceError(.data, file: path, line: line, "not valid UTF-8 (expected UTF-8 text, one label per line)")
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return nil }
        let trimmed = String(scalars[first...last])
        return trimmed.utf8.first == UInt8(ascii: "#") ? nil : trimmed
    }
}
