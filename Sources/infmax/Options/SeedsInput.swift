import Foundation
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
            .map { $0.trimmingCharacters(in: .whitespaces) }
        if let empty = items.firstIndex(where: \.isEmpty) {
            throw InfluenceError(.usage, "--seeds has an empty label at position \(empty + 1) (expected labels separated by commas, e.g. --seeds 1,34,33)")
        }
        return items.enumerated().map { Entry(label: $1, origin: "--seeds item \($0 + 1)") }
    }

    /// Reads a seeds file: JSON (an object whose `"seeds"` array holds objects with a `"label"`
    /// string, or a plain array of label strings) when it starts with `{` or `[`, else one label
    /// per line (blank lines and lines starting with `#` skipped).
    static func readFile(_ path: String) throws(InfluenceError) -> [Entry] {
        let bytes = try FileContents.read(path)
        let text = String(decoding: bytes, as: UTF8.self)
        let start = text.first { !$0.isWhitespace }
        if start == "{" || start == "[" { return try parseJSON(bytes, path: path) }
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            entries.append(Entry(label: line, origin: "\(path):\(index + 1)"))
        }
        if entries.isEmpty {
            throw InfluenceError(.data, file: path, "no seeds (expected one label per line, or JSON with a \"seeds\" array)")
        }
        return entries
    }

    private static let jsonShape = "expected {\"seeds\": [{\"label\": \"…\"}, …]} or [\"label\", …]"

    private static func parseJSON(_ bytes: [UInt8], path: String) throws(InfluenceError) -> [Entry] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw InfluenceError(.data, file: path, "not valid JSON: \(jsonErrorText(error)) (\(jsonShape))")
        }
        let list: [Any]
        if let dictionary = object as? [String: Any] {
            guard let seeds = dictionary["seeds"] as? [Any] else {
                throw InfluenceError(.data, file: path, "JSON object without a \"seeds\" array (\(jsonShape))")
            }
            list = seeds
        } else if let array = object as? [Any] {
            list = array
        } else {
            throw InfluenceError(.data, file: path, "JSON is neither an object nor an array (\(jsonShape))")
        }
        var entries: [Entry] = []
        for (index, item) in list.enumerated() {
            let label: String?
            if let text = item as? String {
                label = text
            } else if let object = item as? [String: Any] {
                label = object["label"] as? String
            } else {
                label = nil
            }
            guard let label, !label.isEmpty else {
                throw InfluenceError(.data, file: path, "seed entry \(index + 1) has no \"label\" string (\(jsonShape))")
            }
            entries.append(Entry(label: label, origin: "\(path) (seed entry \(index + 1))"))
        }
        if entries.isEmpty { throw InfluenceError(.data, file: path, "the \"seeds\" array is empty (\(jsonShape))") }
        return entries
    }

    private static func jsonErrorText(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }

    /// Maps labels to dense node ids. An unknown label and a seed given twice are errors naming
    /// the label and where it came from; `kind` is `.usage` for the command line, `.data` for files.
    static func nodes(for entries: [Entry], in graph: InfluenceGraph, graphName: String,
                      kind: InfluenceError.Kind) throws(InfluenceError) -> [Int] {
        let index = graph.labels.makeIndex()
        var firstOrigin: [Int: String] = [:]
        var nodes: [Int] = []
        for entry in entries {
            guard let node = index.node(for: entry.label) else {
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
