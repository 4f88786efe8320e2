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
        self.source = source
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        func isSkipped(_ line: Substring) -> Bool {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.isEmpty || trimmed.hasPrefix("#")
        }
        func clean(_ token: Substring) -> String {
            String(token.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        let commaLayout = lines.contains { !isSkipped($0) && $0.contains(",") }
        var sets: [Entry] = [], lineNumbers: [[Int]] = []
        if commaLayout {
            for (i, line) in lines.enumerated() where !isSkipped(line) {
                var seen = Set<String>(), labels: [String] = []
                for token in line.split(separator: ",", omittingEmptySubsequences: false) {
                    let label = clean(token)
                    if !label.isEmpty, seen.insert(label).inserted { labels.append(label) }
                }
                guard !labels.isEmpty else {
                    throw InfluenceError(.data, file: source, line: i + 1, "empty AP set (expected comma-separated AP labels on this line)")
                }
                sets.append(Entry(labels: labels, line: i + 1))
                lineNumbers.append([Int](repeating: i + 1, count: labels.count))
            }
        } else {
            var seen = Set<String>(), labels: [String] = [], numbers: [Int] = []
            for (i, line) in lines.enumerated() where !isSkipped(line) {
                let label = clean(line)
                if seen.insert(label).inserted { labels.append(label); numbers.append(i + 1) }
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

    /// Reads the file at `path` (`.gz` inflated).
    ///
    /// - Throws: what `FileContents.read` throws for an unreadable file; parse errors as above.
    /// - Complexity: O(file size).
    public static func read(_ path: String) throws(InfluenceError) -> ActiveParticipantSets {
        let bytes = try FileContents.read(path)
        return try ActiveParticipantSets(text: String(decoding: bytes, as: UTF8.self), source: path)
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
