import InfluenceKit

/// Class labels and train/test splits for a linear probe, by the node labels of an embedding or
/// a graph.
public enum NodeLabelFile {
    /// `node label` lines: integer classes from 0; a negative class marks a node as unlabelled.
    /// Nodes the file does not list are unlabelled (−1).
    ///
    /// - Parameter node: the row of a node label token, or nil when there is none.
    /// - Throws: `InfluenceError(.data)` with file and line for a bad line, an unknown node or a
    ///   node listed twice.
    public static func readClasses(_ path: String, rows: Int, node: (Substring) -> Int?) throws(InfluenceError) -> [Int] {
        let text = try TextLines(path: path)
        var classes = [Int](repeating: -1, count: rows)
        var seenAt = [Int](repeating: 0, count: rows)
        for line in text.lines {
            guard line.tokens.count == 2 else {
                throw text.error(line, "\(line.tokens.count) fields (expected 'node label')")
            }
            guard let row = node(line.tokens[0]) else {
                throw text.error(line, "node '\(line.tokens[0])' is not in the embedding (expected one of its node labels)")
            }
            guard let c = Int(line.tokens[1]), c < 1 << 20 else {
                throw text.error(line, "'\(line.tokens[1])' is not a class (expected an integer from 0, or -1 for none)")
            }
            if seenAt[row] != 0 { throw text.error(line, "node '\(line.tokens[0])' already has a label on line \(seenAt[row])") }
            seenAt[row] = line.number
            classes[row] = max(c, -1)
        }
        return classes
    }

    /// One node label per line: the rows of a split (train, validation or test).
    public static func readSplit(_ path: String, node: (Substring) -> Int?) throws(InfluenceError) -> [Int] {
        let text = try TextLines(path: path)
        var rows: [Int] = []
        var seen = Set<Int>()
        for line in text.lines {
            guard line.tokens.count == 1 else {
                throw text.error(line, "\(line.tokens.count) fields (expected one node per line)")
            }
            guard let row = node(line.tokens[0]) else {
                throw text.error(line, "node '\(line.tokens[0])' is not in the embedding (expected one of its node labels)")
            }
            guard seen.insert(row).inserted else { throw text.error(line, "node '\(line.tokens[0])' is listed twice") }
            rows.append(row)
        }
        guard !rows.isEmpty else { throw InfluenceError(.data, file: path, "lists no nodes (expected one node per line)") }
        return rows
    }
}
