import InfluenceKit

/// How a node feature file spells its rows.
public enum FeatureFileFormat: String, Sendable, Codable, CaseIterable {
    /// Decide from the file: `index:value` tokens mean sparse; two-token lines whose node repeats
    /// mean pairs; anything else is dense.
    case auto
    /// `node f1 f2 …`: one line per node, every line with the same number of values.
    case dense
    /// `node index:value …`: one line per node, listing its nonzero features (0-based indices).
    case sparse
    /// `node index [value]`: one line per nonzero entry (value 1 when absent), the form of the
    /// Planetoid files in `shared/graphs/cora` and `citeseer`.
    case pairs
}

/// Reads node features for the nodes of a loaded graph. Nodes the file does not list get a row of
/// zeros; a line naming a node the graph lacks, a bad number, a ragged dense row or a repeated
/// node is an error `FILE:LINE: what is wrong (what was expected)`, as the graph loader's are.
public enum NodeFeatureFile {
    /// The features of `graph`'s nodes in `path`: sparse unless the file is dense.
    ///
    /// - Complexity: O(file size + nnz log nnz).
    ///
    /// - Parameter limitBytes: the memory limit: the file's text may take a quarter of it, and a
    ///   dense matrix (nodes × values per line) must fit in it; the default limit when nil.
    public static func read(_ path: String, format: FeatureFileFormat = .auto, graph: InfluenceGraph,
                            limitBytes: Int? = nil) throws(InfluenceError) -> FeatureMatrix<Float> {
        let limit = limitBytes ?? SystemMemory.defaultLimitBytes
        let text = try TextLines(path: path, limitBytes: max(1 << 20, limit / 4))
        guard !text.lines.isEmpty else {
            throw InfluenceError(.data, file: path, "holds no feature rows (expected lines such as 'node f1 f2 …' or 'node index:value …')")
        }
        let index = graph.labels.makeIndex()
        let n = graph.nodeCount
        switch format == .auto ? try detect(text) : format {
        case .dense: return try dense(text, index: index, n: n, limit: limit)
        case .sparse: return try sparse(text, index: index, n: n)
        case .pairs, .auto: return try pairs(text, index: index, n: n)
        }
    }

    /// The format of an `auto` file. A node on two lines means pairs when some line has two
    /// tokens (`node index`); when every line has three, `node index value` and a dense row of two
    /// values with a repeated node read alike, so the file is refused, naming both lines, rather
    /// than guessed. Nodes are compared byte for byte.
    static func detect(_ text: TextLines) throws(InfluenceError) -> FeatureFileFormat {
        if text.lines[0].tokens.dropFirst().contains(where: { $0.contains(":") }) { return .sparse }
        let short = text.lines.allSatisfy { $0.tokens.count == 2 || $0.tokens.count == 3 }
        if short {
            var seen: [[UInt8]: Int] = [:]
            for line in text.lines {
                if let earlier = seen.updateValue(line.number, forKey: Array(line.tokens[0].utf8)) {
                    if text.lines.contains(where: { $0.tokens.count == 2 }) { return .pairs }
                    throw text.error(line, "node '\(line.tokens[0].prefix(40))' also has a row on line \(earlier), and every line has three fields: 'node index value' pairs and dense rows with a repeated node read alike (expected --feature-format pairs or dense)")
                }
            }
        }
        return .dense
    }

    private static func value(_ token: Substring, _ line: TextLines.Line, _ text: TextLines) throws(InfluenceError) -> Float {
        guard let v = Float(token), v.isFinite else {
            throw text.error(line, "'\(token)' is not a finite number (expected a feature value such as 0.5)")
        }
        return v
    }

    private static func featureIndex(_ token: Substring, _ line: TextLines.Line, _ text: TextLines) throws(InfluenceError) -> Int {
        guard let i = Int(token), i >= 0, i < 1 << 30 else {
            throw text.error(line, "'\(token)' is not a feature index (expected an integer from 0)")
        }
        return i
    }

    private static func dense(_ text: TextLines, index: NodeLabelIndex, n: Int, limit: Int) throws(InfluenceError) -> FeatureMatrix<Float> {
        let first = text.lines[0]
        let f = first.tokens.count - 1
        guard f >= 1 else { throw text.error(first, "a node with no values (expected 'node f1 f2 …')") }
        let (cells, overflow) = n.multipliedReportingOverflow(by: f)
        guard !overflow, cells <= limit / 4 else {
            throw InfluenceError(.resource, file: text.path, parameter: "memoryLimit",
                "a dense matrix of \(n) nodes × \(f) features exceeds the memory limit \(SystemMemory.describe(limit)) (expected fewer features, the sparse form 'node index:value …', or a higher --max-memory)")
        }
        var x = Matrix<Float>(rows: n, columns: f)
        var seenAt = [Int](repeating: 0, count: n)
        for line in text.lines {
            guard line.tokens.count - 1 == f else {
                throw text.error(line, "\(line.tokens.count - 1) values (expected \(f), as on line \(first.number))")
            }
            let node = try text.node(line.tokens[0], line, in: index, nodeCount: n)
            if seenAt[node] != 0 { throw text.error(line, "node '\(line.tokens[0])' already has a row on line \(seenAt[node]) (expected one row per node)") }
            seenAt[node] = line.number
            for j in 0..<f { x[node, j] = try value(line.tokens[j + 1], line, text) }
        }
        return .dense(x)
    }

    private static func sparse(_ text: TextLines, index: NodeLabelIndex, n: Int) throws(InfluenceError) -> FeatureMatrix<Float> {
        var triples: [(row: Int, column: Int, value: Float)] = []
        var seenAt = [Int](repeating: 0, count: n)
        var columns = 0
        for line in text.lines {
            let node = try text.node(line.tokens[0], line, in: index, nodeCount: n)
            if seenAt[node] != 0 { throw text.error(line, "node '\(line.tokens[0])' already has a row on line \(seenAt[node]) (expected one row per node)") }
            seenAt[node] = line.number
            for token in line.tokens.dropFirst() {
                let parts = token.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2 else { throw text.error(line, "'\(token)' is not index:value (expected e.g. 17:1.0)") }
                let j = try featureIndex(parts[0], line, text)
                triples.append((node, j, try value(parts[1], line, text)))
                columns = max(columns, j + 1)
            }
        }
        return compacted(triples, rows: n, columns: columns)
    }

    /// The sparse matrix of `triples` with its columns renumbered to the feature indices present
    /// (in increasing order): the model's weights are sized by the features a file has, never by
    /// its largest index (`0 1073741823` is one feature, not 2^30).
    /// Complexity: O(nnz log nnz).
    static func compacted(_ triples: [(row: Int, column: Int, value: Float)], rows: Int, columns: Int) -> FeatureMatrix<Float> {
        let present = Array(Set(triples.map(\.column))).sorted()
        guard present.count < columns else {
            return FeatureMatrix(sparse: SparseMatrix(rows: rows, columns: columns, triples: triples))
        }
        var number: [Int: Int] = [:]
        number.reserveCapacity(present.count)
        for (k, j) in present.enumerated() { number[j] = k }
        let renumbered = triples.map { (row: $0.row, column: number[$0.column]!, value: $0.value) }
        return FeatureMatrix(sparse: SparseMatrix(rows: rows, columns: present.count, triples: renumbered))
    }

    private static func pairs(_ text: TextLines, index: NodeLabelIndex, n: Int) throws(InfluenceError) -> FeatureMatrix<Float> {
        var triples: [(row: Int, column: Int, value: Float)] = []
        triples.reserveCapacity(text.lines.count)
        var columns = 0
        for line in text.lines {
            guard line.tokens.count == 2 || line.tokens.count == 3 else {
                throw text.error(line, "\(line.tokens.count) fields (expected 'node index' or 'node index value')")
            }
            let node = try text.node(line.tokens[0], line, in: index, nodeCount: n)
            let j = try featureIndex(line.tokens[1], line, text)
            let v = line.tokens.count == 3 ? try value(line.tokens[2], line, text) : 1
            triples.append((node, j, v))
            columns = max(columns, j + 1)
        }
        return compacted(triples, rows: n, columns: columns)
    }
}
