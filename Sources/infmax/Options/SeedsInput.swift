import FoundationEssentials
import InfluenceKit

/// Seed sets named by users: a comma-separated list on the command line, or a file with one label
/// per line or the JSON that `infmax seeds` prints. Labels become dense node ids here and go back
/// to labels on output.
enum SeedsInput {
    /// A label with where it came from, for error messages.
    struct Entry: Equatable {
        var label: String
        /// `FILE:LINE`, `FILE (seed entry K)` or `--seeds item K`.
        var origin: String
    }

    /// Splits `a,b,c` (spaces around labels ignored; empty items rejected).
    static func parseList(_ text: String) throws(InfluenceError) -> [Entry] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingSpaces() }
        if let empty = items.firstIndex(where: \.isEmpty) {
            throw InfluenceError(.usage, "--seeds has an empty label at position \(empty + 1) (expected labels separated by commas, e.g. --seeds 1,34,33)")
        }
        return items.enumerated().map { Entry(label: $1, origin: "--seeds item \($0 + 1)") }
    }

    /// Reads a seeds file (`-`: standard input) in the forms `SeedsFile` accepts: one label per
    /// line, or JSON (`{"seeds": [{"label": …}, …]}` as `infmax seeds --json` prints, or a plain
    /// array of labels, strings or integers).
    static func readFile(_ path: String) throws(InfluenceError) -> [Entry] {
        let (name, entries) = try SeedsFile.read(path)
        return entries.map { entry in
            let origin = entry.line.map { "\(name):\($0)" } ?? "\(name) (seed entry \(entry.position))"
            return Entry(label: entry.label, origin: origin)
        }
    }

    /// Maps labels to dense node ids. An unknown label and a seed given twice are errors naming
    /// the label and where it came from; `kind` is `.usage` for the command line, `.data` for files.
    static func nodes(for entries: [Entry], in graph: InfluenceGraph, graphName: String,
                      kind: InfluenceError.Kind) throws(InfluenceError) -> [Int] {
        // Byte for byte: a label matches only the node whose label has the same UTF-8 bytes.
        let found = graph.labels.nodes(exactlyLabelled: entries.map(\.label))
        var firstOrigin: [Int: String] = [:]
        var nodes: [Int] = []
        for (entry, node) in zip(entries, found) {
            guard let node else {
                throw InfluenceError(kind, "\(entry.origin): unknown seed label '\(entry.label)' (no node of \(graphName) has this label)")
            }
            if let first = firstOrigin[node] {
                throw InfluenceError(kind, "\(entry.origin): seed '\(entry.label)' is given twice (first at \(first); expected distinct seeds)")
            }
            firstOrigin[node] = entry.origin
            nodes.append(node)
        }
        return nodes
    }

    /// The labels of `nodes`, in order.
    static func labels(of nodes: [Int], in graph: InfluenceGraph) -> [String] {
        nodes.map { graph.label(of: $0) }
    }
}
