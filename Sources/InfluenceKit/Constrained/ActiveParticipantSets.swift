/// The active-participant (AP) sets of a capacity-constrained IM file (KDD 2023, "Capacity
/// Constrained Influence Maximization in Social Networks"): labels of the nodes that may each push
/// a promotion to at most k of their friends.
///
/// Two layouts are read. When no line holds a comma, the file is one AP set with one label per
/// line. Otherwise every non-blank line is one AP set of comma-separated labels. Blank lines and
/// lines starting with `#` are skipped (they never become labels); spaces and tabs around labels
/// are ignored.
public struct ActiveParticipantSets: Sendable, Equatable {
    /// One AP set as read: its labels in file order (repeats removed) and the line it came from.
    public struct Entry: Sendable, Equatable {
        /// Labels in file order, each once.
        public var labels: [String]
        /// 1-based line of the set (the first label's line in the one-per-line layout).
        public var line: Int
    }

    /// The file name errors cite.
    public let source: String
    /// The AP sets in file order (one, in the one-label-per-line layout).
    public let sets: [Entry]
    /// For each set, the line of each of its labels (same order as `labels`).
    let labelLines: [[Int]]

    /// Parses `text`; `source` names the file in errors.
    ///
    /// - Throws: `InfluenceError(.data)` with file and line for an empty AP set (a line of commas
    ///   only) or a file without any label.
    /// - Complexity: O(file size).
    public init(text: String, source: String) throws(InfluenceError) {
        var lines: [(number: Int, text: String)] = []
        try TextLineReader.forEachLine(in: Array(text.utf8), path: source, expected: Self.expected) { (line) throws(InfluenceError) in
            if !line.isSkipped(percentComments: false) { lines.append((line.number, line.text)) }
        }
        try self.init(lines: lines, source: source)
    }

    static let expected = "one AP label per line, or comma-separated AP sets, one per line"

    /// The sets of the data lines (blank and comment lines already dropped). Labels are compared
    /// byte for byte (`café` in NFC and in NFD are two labels, as they are two nodes).
    private init(lines: [(number: Int, text: String)], source: String) throws(InfluenceError) {
        self.source = source
        func clean(_ token: Substring) -> String {
            let bytes = Array(token.utf8)
            var s = 0, e = bytes.count
            while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
            while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
            return String(decoding: bytes[s..<e], as: UTF8.self)
        }
        let commaLayout = lines.contains { $0.text.utf8.contains(0x2C) }
        var sets: [Entry] = [], lineNumbers: [[Int]] = []
        if commaLayout {
            for (number, line) in lines {
                var seen = Set<ByteLabel>(), labels: [String] = []
                for token in line.split(separator: ",", omittingEmptySubsequences: false) {
                    let label = clean(token)
                    if !label.isEmpty, seen.insert(ByteLabel(label)).inserted { labels.append(label) }
                }
                guard !labels.isEmpty else {
                    throw InfluenceError(.data, file: source, line: number, "empty AP set (expected comma-separated AP labels on this line)")
                }
                sets.append(Entry(labels: labels, line: number))
                lineNumbers.append([Int](repeating: number, count: labels.count))
            }
        } else {
            var seen = Set<ByteLabel>(), labels: [String] = [], numbers: [Int] = []
            for (number, line) in lines {
                let label = clean(Substring(line))
                if seen.insert(ByteLabel(label)).inserted { labels.append(label); numbers.append(number) }
            }
            if !labels.isEmpty {
                sets.append(Entry(labels: labels, line: numbers[0]))
                lineNumbers.append(numbers)
            }
        }
        guard !sets.isEmpty else {
            throw InfluenceError(.data, file: source, "no AP labels (expected one AP label per line, or comma-separated AP sets, one per line)")
        }
        self.sets = sets
        labelLines = lineNumbers
    }

    /// Parses the bytes of an AP file (`source` names it in errors) through the same line reader
    /// as `read(_:limitBytes:)`: the fuzzing entry point, for bytes that may not be UTF-8.
    /// - Throws: as `read(_:limitBytes:)`.
    /// - Complexity: O(bytes).
    public static func parse(_ bytes: [UInt8], source: String) throws(InfluenceError) -> ActiveParticipantSets {
        var lines: [(number: Int, text: String)] = []
        try TextLineReader.forEachLine(in: bytes, path: source, expected: expected) { (line) throws(InfluenceError) in
            if !line.isSkipped(percentComments: false) { lines.append((line.number, line.text)) }
        }
        return try ActiveParticipantSets(lines: lines, source: source)
    }

    /// Reads the file at `path` (`-`: standard input) through the bounded line reader
    /// (`TextLineReader`: gzip by magic bytes, byte order mark, LF/CRLF/CR, binary data and
    /// invalid UTF-8 refused with the line, at most `limitBytes` of text).
    ///
    /// - Throws: what `TextLineReader.forEachLine` throws; parse errors as above.
    /// - Complexity: O(file size).
    public static func read(_ path: String, limitBytes: Int? = nil) throws(InfluenceError) -> ActiveParticipantSets {
        var lines: [(number: Int, text: String)] = []
        let name = try TextLineReader.forEachLine(path, limitBytes: limitBytes, expected: expected) { (line) throws(InfluenceError) in
            if !line.isSkipped(percentComments: false) { lines.append((line.number, line.text)) }
        }
        return try ActiveParticipantSets(lines: lines, source: name)
    }

    /// The dense node ids of set `number` (1-based) in `graph`.
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `apSet`) for a set number the file lacks;
    ///   `InfluenceError(.data)` with file and line for a label that is no node of the graph.
    /// - Complexity: O(n) for the label index plus O(|set|).
    public func nodes(ofSet number: Int, in graph: InfluenceGraph) throws(InfluenceError) -> [Int] {
        guard number >= 1, number <= sets.count else {
            throw InfluenceError(.usage, parameter: "apSet",
                                 "AP set \(number) (expected 1 to \(sets.count): \(source) holds \(sets.count) AP set\(sets.count == 1 ? "" : "s"))")
        }
        let entry = sets[number - 1]
        let index = graph.labels.makeIndex()
        var nodes: [Int] = []
        nodes.reserveCapacity(entry.labels.count)
        for (j, label) in entry.labels.enumerated() {
            guard let node = index.node(for: label) else {
                throw InfluenceError(.data, file: source, line: labelLines[number - 1][j],
                                     "AP '\(label)' is not a node of the graph (expected labels as the graph file names its nodes)")
            }
            nodes.append(node)
        }
        return nodes
    }
}
