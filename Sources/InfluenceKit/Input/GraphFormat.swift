/// Input formats. SNAP-style edge lists go through our tokenizer into igraph; the others through
/// igraph's own readers; `.infgraph` snapshots are read directly.
public enum GraphFormat: String, Sendable, CaseIterable, Codable {
    /// The formats: SNAP-style edge list, GraphML, GML, Pajek, NCOL, LGL, and the `.infgraph` snapshot.
    case snap, graphml, gml, pajek, ncol, lgl, infgraph

    /// The format a file name implies (a trailing `.gz` is looked through); edge list otherwise.
    /// Complexity: O(length of the name).
    public static func infer(from path: String) -> GraphFormat {
        var name = path.lowercased()
        if name.hasSuffix(".gz") { name.removeLast(3) }
        guard let dot = name.lastIndex(of: ".") else { return .snap }
        switch name[name.index(after: dot)...] {
        case "graphml", "xml": return .graphml
        case "gml": return .gml
        case "net", "paj", "pajek": return .pajek
        case "ncol": return .ncol
        case "lgl": return .lgl
        case "infgraph": return .infgraph
        default: return .snap
        }
    }

    /// Parses a `--format` value, with a message listing the choices.
    /// Complexity: O(length of the text).
    public static func parse(_ text: String) throws(InfluenceError) -> GraphFormat {
        if text == "edgelist" || text == "txt" { return .snap }
        guard let format = GraphFormat(rawValue: text.lowercased()) else {
            throw InfluenceError(.usage, parameter: "format", "unknown format '\(text)' (expected one of: \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }

    /// Human name for messages.
    var displayName: String {
        switch self {
        case .snap: return "an edge list"
        case .graphml: return "GraphML"
        case .gml: return "GML"
        case .pajek: return "Pajek"
        case .ncol: return "NCOL"
        case .lgl: return "LGL"
        case .infgraph: return "an InfluenceKit snapshot"
        }
    }
}
