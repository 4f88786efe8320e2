import InfluenceKit

/// Node embeddings with the labels of the nodes they belong to: what `infmax embed` writes and a
/// pipeline loads. Row i is the vector of the node labelled `labels[i]`.
///
/// Two file forms: a TSV (`label<TAB>v1<TAB>v2…` per line, any labels) and NumPy's `.npy`
/// (float32, rows only; for graphs whose labels are exactly 0..n−1, so row i is node i).
public struct NodeEmbeddings: Sendable, Equatable {
    public let labels: [String]
    public let vectors: Matrix<Float>

    public init(labels: [String], vectors: Matrix<Float>) {
        precondition(labels.count == vectors.rows, "\(labels.count) labels for \(vectors.rows) rows")
        self.labels = labels
        self.vectors = vectors
    }

    /// The rows of `vectors` as the nodes of `graph` (row i is dense node i).
    public init(graph: InfluenceGraph, vectors: Matrix<Float>) {
        self.init(labels: (0..<graph.nodeCount).map(graph.label(of:)), vectors: vectors)
    }

    public var count: Int { vectors.rows }
    public var dimensions: Int { vectors.columns }

    /// Whether row i is labelled `i` for every row (what `.npy` can carry).
    public var labelsAreRowNumbers: Bool {
        labels.enumerated().allSatisfy { $0.element == String($0.offset) }
    }

    /// The row of a label token, matched byte for byte (`café` in NFC does not find a row
    /// labelled in NFD). Complexity: O(n) to build, O(label length) per lookup.
    public func exactRowLookup() -> @Sendable (Substring) -> Int? {
        var index: [[UInt8]: Int] = [:]
        index.reserveCapacity(count)
        for (i, label) in labels.enumerated() where index[Array(label.utf8)] == nil { index[Array(label.utf8)] = i }
        let table = index
        return { table[Array($0.utf8)] }
    }

    /// The row of each label (Swift string keys: canonically equivalent labels share a key; see
    /// `exactRowLookup()` for byte-exact matching). Complexity: O(n) to build.
    public func rowIndex() -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(count)
        for (i, label) in labels.enumerated() { index[label] = i }
        return index
    }

    /// The vector of the node labelled `label`, or nil.
    public func vector(of label: String) -> [Float]? {
        guard let i = labels.firstIndex(of: label) else { return nil }
        return vectors.row(i)
    }

    /// The `k` nodes most similar to the node labelled `label` by cosine similarity (itself
    /// excluded), most similar first. Complexity: O(n · d + n log n).
    public func nearest(to label: String, k: Int) -> [(label: String, similarity: Float)] {
        guard let i = labels.firstIndex(of: label) else { return [] }
        let d = dimensions
        let (unit, _) = Activations.rowNormalized(vectors)
        var scored: [(Int, Float)] = []
        for j in 0..<count where j != i {
            var s: Float = 0
            for c in 0..<d { s += unit.values[i * d + c] * unit.values[j * d + c] }
            scored.append((j, s))
        }
        scored.sort { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        return scored.prefix(max(0, k)).map { (labels[$0.0], $0.1) }
    }

    /// The TSV form: one line per node, the label then the values.
    public func tsvBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count * (dimensions * 12 + 8))
        let d = dimensions
        for i in 0..<count {
            out += Array(labels[i].utf8)
            for j in 0..<d {
                out.append(0x09)
                out += Array(vectors.values[i * d + j].description.utf8)
            }
            out.append(0x0A)
        }
        return out
    }

    /// The bytes of the file form `path` names: `.npy` or TSV (any other name).
    /// - Throws: `InfluenceError(.usage)` for `.npy` when labels are not the row numbers.
    public func fileBytes(for path: String) throws(InfluenceError) -> [UInt8] {
        if path.lowercased().hasSuffix(".npy") {
            guard labelsAreRowNumbers else {
                throw InfluenceError(.usage, file: path, "the graph's node labels are not 0..n-1, and a .npy file holds rows only (expected a .tsv output, which keeps each label)")
            }
            return NumpyArrayFile.encode(vectors)
        }
        return tsvBytes()
    }

    /// Writes the file atomically (temporary file renamed into place).
    public func save(to path: String) throws(InfluenceError) {
        try AtomicFile.write(try fileBytes(for: path), to: path)
    }

    /// Loads a `.npy` (rows labelled 0..n−1) or a TSV written by `save`.
    /// - Throws: `InfluenceError(.data)` with file and line for a malformed file.
    public static func load(_ path: String) throws(InfluenceError) -> NodeEmbeddings {
        if path.lowercased().hasSuffix(".npy") {
            // The magic first, from the first bytes (/dev/zero or a text file is refused at once).
            try NumpyArrayFile.checkMagic(path)
            let m = try NumpyArrayFile.decode(try FileContents.readRaw(path, limitBytes: SystemMemory.defaultLimitBytes / 2), path: path)
            return NodeEmbeddings(labels: (0..<m.rows).map(String.init), vectors: m)
        }
        let text = try TextLines(path: path)
        guard let first = text.lines.first else { throw InfluenceError(.data, file: path, "holds no rows (expected 'label v1 v2 …' lines)") }
        let d = first.tokens.count - 1
        guard d >= 1 else { throw text.error(first, "a label with no values (expected 'label v1 v2 …')") }
        var labels: [String] = [], values: [Float] = []
        // Labels compared byte for byte: `café` in NFC and in NFD are two rows.
        var seen: [[UInt8]: Int] = [:]
        for line in text.lines {
            guard line.tokens.count - 1 == d else { throw text.error(line, "\(line.tokens.count - 1) values (expected \(d), as on line \(first.number))") }
            let label = String(line.tokens[0])
            if let at = seen[Array(label.utf8)] { throw text.error(line, "label '\(label)' already has a row on line \(at)") }
            seen[Array(label.utf8)] = line.number
            labels.append(label)
            for t in line.tokens.dropFirst() {
                guard let v = Float(t), v.isFinite else { throw text.error(line, "'\(t)' is not a finite number") }
                values.append(v)
            }
        }
        return NodeEmbeddings(labels: labels, vectors: Matrix(rows: labels.count, columns: d, values: values))
    }
}
