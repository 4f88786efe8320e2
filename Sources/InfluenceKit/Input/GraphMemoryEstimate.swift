/// What loading a graph will hold in memory, estimated while it is read, so that a graph too large
/// for the memory limit is refused early (after a chunk of input, not after the allocation fails).
///
/// Per arc: the parsed endpoints (16 bytes per edge line, or 8 per arc when undirected), the arc
/// list (8), and the compact graph's forward targets, reverse sources and reverse-to-forward map
/// (16), counted as 24 bytes, plus 8 per value column (the parsed column and its CSR copy). Per
/// node: offsets, in-degrees and labels, 32 bytes, plus the bytes of string labels.
public struct GraphMemoryEstimate {
    static let bytesPerArc = 24
    static let bytesPerValueColumn = 8
    static let bytesPerNode = 32

    /// Bytes a graph of `arcs` arcs and `nodes` nodes needs while it is loaded (`Int.max` when
    /// the product overflows). Complexity: O(1).
    public static func bytes(arcs: Int, nodes: Int, labelBytes: Int, valueColumns: Int) -> Int {
        let perArc = bytesPerArc + bytesPerValueColumn * valueColumns
        let (a, o1) = arcs.multipliedReportingOverflow(by: perArc)
        let (b, o2) = nodes.multipliedReportingOverflow(by: bytesPerNode)
        if o1 || o2 { return Int.max }
        return a.addingReportingOverflow(b).partialValue &+ labelBytes
    }

    /// Throws when the estimate exceeds `limit` (nil: no limit).
    ///
    /// - Parameters:
    ///   - nodes: distinct nodes, when known; `finished` says whether the counts are final.
    /// - Throws: `InfluenceError(.resource)` with parameter `memoryLimit`.
    static func check(arcs: Int, nodes: Int?, labelBytes: Int, valueColumns: Int, limit: Int?, path: String,
                      finished: Bool) throws(InfluenceError) {
        guard let limit else { return }
        let needed = bytes(arcs: arcs, nodes: nodes ?? 0, labelBytes: labelBytes, valueColumns: valueColumns)
        guard needed > limit else { return }
        let counts = (nodes.map { "\($0) nodes, " } ?? "") + "\(arcs) arcs" + (finished ? "" : " so far")
        throw InfluenceError(.resource, file: path, parameter: "memoryLimit",
            "the graph needs about \(SystemMemory.describe(needed)) (\(counts)) but the memory limit is \(SystemMemory.describe(limit)) (expected a smaller graph, or a higher limit)")
    }
}
