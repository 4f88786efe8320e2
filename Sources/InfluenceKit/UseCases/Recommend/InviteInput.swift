/// Where a recommend record's invitation graph came from: its files, its content hash and its
/// counts, so that `infmax run RECORD.json` loads the same files again and says when they changed.
///
/// `arcsFile` is a path; `arcs` is the arc count, as in every other record.
public struct InviteProvenance: Codable, Sendable, Equatable {
    /// The arcs file (`inviter invitee P`), or the name a caller gave an instance built in memory.
    public var arcsFile: String
    /// The node file (`node U`), when there was one (without it every node accepts with U = 1).
    public var nodeValuesFile: String?
    /// The inviter file, when the inviters came from one.
    public var invitersFile: String?
    /// The content hash of the arcs with their P, the nodes with their U and labels, and the
    /// inviter list (`ck64:` and 16 hex digits).
    public var contentHash: String
    /// Nodes, n.
    public var nodes: Int
    /// Arcs, m.
    public var arcs: Int
    /// Inviters the input names (nil when it names none and requests give their own).
    public var inviters: Int?

    /// Complexity: O(1).
    public init(arcsFile: String, nodeValuesFile: String?, invitersFile: String?, contentHash: String, nodes: Int, arcs: Int,
                inviters: Int?) {
        self.arcsFile = arcsFile
        self.nodeValuesFile = nodeValuesFile
        self.invitersFile = invitersFile
        self.contentHash = contentHash
        self.nodes = nodes
        self.arcs = arcs
        self.inviters = inviters
    }
}

/// A loaded invitation graph (arcs with P, nodes with U) and, when given, its inviters, with
/// their provenance and load time: what a `RecommendRequest` runs on.
///
/// ```swift
/// let input = try InviteInput.load(arcs: "Graphs/invite/invitations.tsv",
///                                  nodeValues: "Graphs/invite/acceptance.tsv",
///                                  inviters: "Graphs/invite/inviter-list.txt")
/// let record = try RecommendRequest(k: 5).run(on: input)
/// ```
///
/// The use case's API names only labels and files, so the graph type behind it can change.
public struct InviteInput: UseCaseInput {
    /// The invitation graph.
    public let graph: InviteGraph
    /// The inviters, by label in file order (nil when the input names none).
    public let inviters: [String]?
    /// Where it came from, as records name it.
    public let provenance: InviteProvenance
    /// Seconds spent reading the files (0 for an instance built in memory).
    public let loadSeconds: Double

    /// Wraps an instance already in memory; `name` is how records name it.
    ///
    /// - Throws: `InfluenceError(.usage, parameter: "inviters")` for an inviter that is no node
    ///   of the graph or is given twice.
    /// - Complexity: O(n + m + total label bytes) for the content hash.
    public init(_ graph: InviteGraph, inviters: [String]? = nil, name: String = "invitations") throws(InfluenceError) {
        try self.init(graph, inviters: inviters, arcsFile: name, nodeValuesFile: nil, invitersFile: nil, loadSeconds: 0)
    }

    init(_ graph: InviteGraph, inviters: [String]?, arcsFile: String, nodeValuesFile: String?, invitersFile: String?,
         loadSeconds: Double) throws(InfluenceError) {
        if let inviters { _ = try Self.nodes(of: inviters, in: graph) }
        self.graph = graph
        self.inviters = inviters
        self.loadSeconds = loadSeconds
        provenance = InviteProvenance(arcsFile: arcsFile, nodeValuesFile: nodeValuesFile, invitersFile: invitersFile,
                                      contentHash: Self.contentHash(graph, inviters: inviters), nodes: graph.nodeCount,
                                      arcs: graph.arcCount, inviters: inviters?.count)
    }

    /// Reads an instance: the arcs file, the node file and the inviter file (see
    /// `InviteGraph.load(arcs:nodeValues:)` and `InviterFile`).
    ///
    /// - Throws: `InfluenceError(.data)` with file and line for a malformed file, an inviter
    ///   that is no node or is listed twice; `.io` for an unreadable file.
    /// - Complexity: O(file sizes + m log m).
    public static func load(arcs: String, nodeValues: String? = nil, inviters: String? = nil) throws(InfluenceError) -> InviteInput {
        var watch = Stopwatch()
        let graph = try InviteGraph.load(arcs: arcs, nodeValues: nodeValues)
        let labels = try inviters.map { (path) throws(InfluenceError) in try InviterFile.nodes(path, in: graph).map { graph.labels[$0] } }
        return try InviteInput(graph, inviters: labels, arcsFile: arcs, nodeValuesFile: nodeValues, invitersFile: inviters,
                               loadSeconds: watch.lap())
    }

    /// "an invitation graph". Complexity: O(1).
    public static var inputDescription: String { "an invitation graph" }

    /// Loads the files a document names (`arcsFile`, `nodeValuesFile`, `invitersFile`).
    ///
    /// - Throws: as `load(arcs:nodeValues:inviters:)`. Complexity: that of the load.
    public static func load(_ reference: RunDocument.GraphReference) throws(InfluenceError) -> InviteInput {
        try load(arcs: reference.path, nodeValues: reference.nodeValues, inviters: reference.inviters)
    }

    /// The provenance's content hash. Complexity: O(1).
    public var contentHash: String { provenance.contentHash }

    /// Dense ids of `labels`, each once.
    ///
    /// - Throws: `InfluenceError(.usage, parameter: "inviters")` for a label that is no node or
    ///   is given twice.
    /// - Complexity: O(|labels|).
    static func nodes(of labels: [String], in graph: InviteGraph) throws(InfluenceError) -> [Int] {
        var seen = Set<Int>()
        var nodes: [Int] = []
        nodes.reserveCapacity(labels.count)
        for label in labels {
            guard let v = graph.node(labelled: label) else {
                throw InfluenceError(.usage, parameter: "inviters", "inviter '\(label.prefix(40))' is not a node of the graph (expected a label of the arcs)")
            }
            guard seen.insert(v).inserted else {
                throw InfluenceError(.usage, parameter: "inviters", "inviter \(label.prefix(40)) is given twice (expected each inviter once)")
            }
            nodes.append(v)
        }
        return nodes
    }

    /// A 64-bit hash of the forward CSR, P, U, the labels and the inviters.
    /// Complexity: O(n + m + total label bytes).
    static func contentHash(_ graph: InviteGraph, inviters: [String]?) -> String {
        var parts: [UInt64] = [UInt64(graph.nodeCount), UInt64(graph.arcCount)]
        parts.append(graph.outOffsets.withUnsafeBytes { Checksum64.of($0) })
        parts.append(graph.outTargets.withUnsafeBytes { Checksum64.of($0) })
        parts.append(graph.invite.withUnsafeBytes { Checksum64.of($0) })
        parts.append(graph.acceptance.withUnsafeBytes { Checksum64.of($0) })
        func labelHash(_ labels: [String]) -> UInt64 {
            var bytes: [UInt8] = []
            for label in labels {
                withUnsafeBytes(of: UInt32(label.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
                bytes.append(contentsOf: label.utf8)
            }
            return bytes.withUnsafeBytes { Checksum64.of($0) }
        }
        parts.append(labelHash(graph.labels))
        if let inviters { parts.append(labelHash(inviters)) }
        let sum = parts.withUnsafeBytes { Checksum64.of($0) }
        let hex = String(sum, radix: 16)
        return "ck64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
