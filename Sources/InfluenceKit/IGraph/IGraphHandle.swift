#if canImport(Glibc)
import Glibc
#endif
import CIgraph
import CSupport

/// Owns one `igraph_t` (destroyed in `deinit`). Every call goes through `IGraphLock`.
///
/// InfluenceKit builds an igraph graph for every text input (so igraph's algorithms apply) and
/// exports it once to `InfluenceGraph`; from a snapshot it is rebuilt only when an igraph algorithm
/// is asked for.
public final class IGraphHandle: @unchecked Sendable {
    var graph = igraph_t()

    private init() {}

    /// A handle whose `graph` a generator fills in (under the igraph lock).
    init(empty: Void) {}

    deinit {
        try? IGraphLock.run { () throws(IGraphError) in igraph_destroy(&graph) }
    }

    /// A directed igraph graph with `nodeCount` vertices and the given arcs, in order (arc `a` of
    /// the input is igraph edge `a`). Complexity: O(n + m).
    public convenience init(nodeCount: Int, sources: [UInt32], targets: [UInt32]) throws(IGraphError) {
        self.init()
        let m = sources.count
        try IGraphLock.run { () throws(IGraphError) in
            var edges = igraph_vector_int_t()
            try IGraphLock.check(igraph_vector_int_init(&edges, igraph_integer_t(2 * m)), "igraph_vector_int_init")
            defer { igraph_vector_int_destroy(&edges) }
            let data = ik_vector_int_data(&edges)!
            sources.withUnsafeBufferPointer { s in
                targets.withUnsafeBufferPointer { t in
                    for a in 0..<m {
                        data[2 * a] = igraph_integer_t(s[a])
                        data[2 * a + 1] = igraph_integer_t(t[a])
                    }
                }
            }
            try IGraphLock.check(igraph_create(&graph, &edges, igraph_integer_t(nodeCount), true), "igraph_create")
        }
    }

    /// Rebuilds the igraph graph of a loaded `InfluenceGraph` (forward arcs in CSR order).
    /// Complexity: O(n + m), plus igraph's construction.
    public convenience init(_ influenceGraph: InfluenceGraph) throws(IGraphError) {
        var sources = [UInt32](repeating: 0, count: influenceGraph.arcCount)
        for u in 0..<influenceGraph.nodeCount {
            for a in influenceGraph.outOffsets[u]..<influenceGraph.outOffsets[u + 1] { sources[a] = UInt32(u) }
        }
        try self.init(nodeCount: influenceGraph.nodeCount, sources: sources, targets: influenceGraph.outTargets)
    }

    /// Reads a graph with one of igraph's readers from an in-memory copy of the file.
    /// Complexity: that of igraph's reader, about O(bytes + n + m).
    public convenience init(reading bytes: [UInt8], format: GraphFormat, directed: Bool) throws(IGraphError) {
        self.init()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        defer { buffer.deallocate() }
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }
        try IGraphLock.run { () throws(IGraphError) in
            do {
                // fmemopen needs a non-empty buffer.
                guard bytes.count > 0, let stream = fmemopen(buffer.baseAddress, bytes.count, "r") else {
                    throw IGraphError(message: "empty file", function: "fmemopen")
                }
                defer { fclose(stream) }
                let status: igraph_error_t
                switch format {
                case .graphml: status = igraph_read_graph_graphml(&graph, stream, 0)
                case .gml: status = igraph_read_graph_gml(&graph, stream)
                case .pajek: status = igraph_read_graph_pajek(&graph, stream)
                case .ncol: status = igraph_read_graph_ncol(&graph, stream, nil, true, IGRAPH_ADD_WEIGHTS_IF_PRESENT, directed)
                case .lgl: status = igraph_read_graph_lgl(&graph, stream, true, IGRAPH_ADD_WEIGHTS_IF_PRESENT, directed)
                case .snap, .infgraph:
                    throw IGraphError(message: "format \(format) is not read by igraph", function: "read")
                }
                try IGraphLock.check(status, "igraph_read_graph_\(format)")
            }
        }
    }

    /// Number of vertices.
    public var vertexCount: Int { (try? IGraphLock.run { () throws(IGraphError) in Int(igraph_vcount(&graph)) }) ?? 0 }

    /// Whether igraph holds the graph as directed.
    public var isDirected: Bool { (try? IGraphLock.run { () throws(IGraphError) in igraph_is_directed(&graph) }) ?? true }

    /// The edges as (from, to) pairs in igraph's edge order. Complexity: O(m).
    public func edgeList() throws(IGraphError) -> (sources: [UInt32], targets: [UInt32]) {
        try IGraphLock.run { () throws(IGraphError) in
            var list = igraph_vector_int_t()
            try IGraphLock.check(igraph_vector_int_init(&list, 0), "igraph_vector_int_init")
            defer { igraph_vector_int_destroy(&list) }
            try IGraphLock.check(igraph_get_edgelist(&graph, &list, false), "igraph_get_edgelist")
            let m = Int(igraph_vector_int_size(&list)) / 2
            let data = ik_vector_int_data(&list)!
            var s = [UInt32](repeating: 0, count: m), t = [UInt32](repeating: 0, count: m)
            for e in 0..<m { s[e] = UInt32(data[2 * e]); t[e] = UInt32(data[2 * e + 1]) }
            return (s, t)
        }
    }

    /// A string vertex attribute (numeric ones printed as integers when integral), or nil when absent.
    /// Complexity: O(n).
    public func vertexLabels(attribute name: String) throws(IGraphError) -> [String]? {
        try IGraphLock.run { () throws(IGraphError) -> [String]? in
            let type = ik_attribute_type(&graph, 0, name)
            let n = Int(igraph_vcount(&graph))
            if type == 3 {
                var values = igraph_strvector_t()
                try IGraphLock.check(igraph_strvector_init(&values, 0), "igraph_strvector_init")
                defer { igraph_strvector_destroy(&values) }
                try IGraphLock.check(igraph_cattribute_VASV(&graph, name, igraph_vss_all(), &values), "igraph_cattribute_VASV")
                return (0..<n).map { String(cString: igraph_strvector_get(&values, igraph_integer_t($0))) }
            }
            if type == 1 {
                var values = igraph_vector_t()
                try IGraphLock.check(igraph_vector_init(&values, 0), "igraph_vector_init")
                defer { igraph_vector_destroy(&values) }
                try IGraphLock.check(igraph_cattribute_VANV(&graph, name, igraph_vss_all(), &values), "igraph_cattribute_VANV")
                let data = ik_vector_data(&values)!
                return (0..<n).map { i in
                    let x = data[i]
                    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
                    return String(x)
                }
            }
            return nil
        }
    }

    /// A numeric edge attribute in edge order, or nil when absent.
    /// Complexity: O(m).
    public func edgeValues(attribute name: String) throws(IGraphError) -> [Double]? {
        try IGraphLock.run { () throws(IGraphError) -> [Double]? in
            guard ik_attribute_type(&graph, 1, name) == 1 else { return nil }
            var values = igraph_vector_t()
            try IGraphLock.check(igraph_vector_init(&values, 0), "igraph_vector_init")
            defer { igraph_vector_destroy(&values) }
            try IGraphLock.check(igraph_cattribute_EANV(&graph, name, igraph_ess_all(IGRAPH_EDGEORDER_ID), &values), "igraph_cattribute_EANV")
            let m = Int(igraph_vector_size(&values))
            let data = ik_vector_data(&values)!
            return (0..<m).map { data[$0] }
        }
    }
}
