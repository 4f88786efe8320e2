/// Where a record's graph came from: enough to load the same graph again and to tell whether the
/// graph found there today is still the one the record ran on.
///
/// `infmax run RECORD.json` loads `path` with `load` and compares the new graph's `contentHash`
/// with this one, saying so when they differ.
public struct GraphProvenance: Codable, Sendable, Equatable {
    /// The file the graph was read from (`-` for standard input), or the name a caller gave a
    /// graph built in memory.
    public var path: String
    /// The graph's content hash (`InfluenceGraph.contentHash`): arcs, labels and value columns.
    public var contentHash: String
    /// How the file was loaded (nil for a graph built in memory, which cannot be reloaded).
    public var load: GraphLoadOptions?
    /// Nodes, n.
    public var nodes: Int
    /// Arcs, m.
    public var arcs: Int
    /// What loading found and did (format, self-loops dropped, parallel arcs).
    public var statistics: GraphLoadStatistics?

    /// Complexity: O(1).
    public init(path: String, contentHash: String, load: GraphLoadOptions?, nodes: Int, arcs: Int,
                statistics: GraphLoadStatistics?) {
        self.path = path
        self.contentHash = contentHash
        self.load = load
        self.nodes = nodes
        self.arcs = arcs
        self.statistics = statistics
    }
}

/// A loaded graph together with its provenance and load time: what every use case's `run` takes.
///
/// ```swift
/// let input = try GraphInput.load("Graphs/karate.txt", options: GraphLoadOptions(undirected: true))
/// let record = try SeedsRequest(k: 2).run(on: input)
/// ```
public struct GraphInput: UseCaseInput {
    /// The graph.
    public let graph: InfluenceGraph
    /// Where it came from, as records name it.
    public let provenance: GraphProvenance
    /// Seconds spent loading it (0 for a graph built in memory).
    public let loadSeconds: Double

    /// Wraps a graph already in memory. `name` is how records name it; `load`, when given, is
    /// how `name` can be loaded again.
    ///
    /// Complexity: O(n + m) for the content hash.
    public init(_ graph: InfluenceGraph, name: String = "graph", load: GraphLoadOptions? = nil, loadSeconds: Double = 0) {
        self.graph = graph
        self.loadSeconds = loadSeconds
        provenance = GraphProvenance(path: name, contentHash: graph.contentHash, load: load, nodes: graph.nodeCount,
                                     arcs: graph.arcCount, statistics: graph.statistics)
    }

    /// Loads `path` with `options` (see `GraphLoader.load`) and records how.
    ///
    /// - Throws: whatever the loader throws (`InfluenceError` with file and line).
    /// - Complexity: that of the load, plus O(n + m) for the content hash.
    public static func load(_ path: String, options: GraphLoadOptions = GraphLoadOptions()) throws(InfluenceError) -> GraphInput {
        let loaded = try GraphLoader.load(path, options: options)
        return GraphInput(loaded.graph, name: path, load: options, loadSeconds: loaded.seconds)
    }

    /// "a graph". Complexity: O(1).
    public static var inputDescription: String { "a graph" }

    /// Loads the graph file a document names, with its load options.
    ///
    /// - Throws: whatever the loader throws. Complexity: that of `load(_:options:)`.
    public static func load(_ reference: RunDocument.GraphReference) throws(InfluenceError) -> GraphInput {
        try load(reference.path, options: reference.load)
    }

    /// The graph's content hash, as the provenance holds it. Complexity: O(1).
    public var contentHash: String { provenance.contentHash }
}

extension InfluenceGraph {
    /// A 64-bit hash of what the graph is made of — node count, the forward CSR, the labels
    /// (byte for byte) and the named value columns — written `ck64:` and 16 hex digits. Two loads of the
    /// same file with the same options give the same hash; a changed arc, label or value changes
    /// it (with overwhelming probability).
    ///
    /// Complexity: O(n + m + total label bytes).
    public var contentHash: String {
        // Each array is hashed where it lies (no copy of the CSR), the labels as one buffer of
        // length-prefixed UTF-8; the parts' checksums are then hashed together.
        if let storedContentHash { return storedContentHash }
        var parts: [UInt64] = [UInt64(nodeCount), UInt64(arcCount)]
        parts.append(outOffsets.withUnsafeBytes { Checksum64.of($0) })
        parts.append(outTargets.withUnsafeBytes { Checksum64.of($0) })
        // Every named value column, in the columns' fixed order, with its name and scope.
        for column in columns.all {
            parts.append(Array(column.name.utf8).withUnsafeBytes { Checksum64.of($0) } ^ UInt64(column.scope.rawValue))
            parts.append(column.values.withUnsafeBytes { Checksum64.of($0) })
        }
        var labelBytes: [UInt8] = []
        for node in 0..<nodeCount {
            let label = label(of: node).utf8
            withUnsafeBytes(of: UInt32(label.count).littleEndian) { labelBytes.append(contentsOf: $0) }
            labelBytes.append(contentsOf: label)
        }
        parts.append(labelBytes.withUnsafeBytes { Checksum64.of($0) })
        let sum = parts.withUnsafeBytes { Checksum64.of($0) }
        let hex = String(sum, radix: 16)
        return "ck64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
