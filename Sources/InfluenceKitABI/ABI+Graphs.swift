import CInfluenceKit
import InfluenceKit

/// The option keys of `ik_graph_load`.
private let loadKeys = ["undirected", "probabilities", "normalize_lt", "format", "dedupe", "nodes", "node_file",
                        "max_memory", "eager_igraph"]
/// The option keys of `ik_graph_from_edges`.
private let edgeKeys = ["undirected", "probabilities", "normalize_lt", "dedupe", "name"]

/// Checks a probability scheme's spelling at load time (it is parsed again with each run's seed).
private func checkedScheme(_ text: String) throws(ABIFailure) -> ProbabilityScheme {
    try library { () throws(InfluenceError) in try ProbabilityScheme.parse(text, seed: 1) }
}

@_cdecl("ik_graph_load")
public func ik_graph_load(_ path: UnsafePointer<CChar>?, _ optionsJSON: UnsafePointer<CChar>?,
                          _ graphOut: UnsafeMutablePointer<OpaquePointer?>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let graphOut else { throw .argument("graph", "null output pointer (expected the address of an ik_graph *)") }
        graphOut.pointee = nil
        let file = try CArrays.string(path, name: "path")
        let o = try RequestObject(optionsJSON, argument: "options", allowed: loadKeys)
        let probabilities = try o.string("probabilities") ?? "wc"
        let scheme = try checkedScheme(probabilities)
        let format: GraphFormat? = try o.string("format").map { (text) throws(ABIFailure) in
            try library { () throws(InfluenceError) in try GraphFormat.parse(text) }
        }
        let undirected = try o.bool("undirected") ?? false
        let dedupe = try o.bool("dedupe") ?? false
        var readValues = false
        if case .file = scheme { readValues = true }
        let options = GraphLoadOptions(
            format: format, undirected: undirected, readArcValues: readValues, build: GraphBuildOptions(dedupe: dedupe),
            igraph: try o.bool("eager_igraph") == true ? .eager : .onDemand,
            memoryLimitBytes: try o.int("max_memory") ?? SystemMemory.defaultLimitBytes,
            nodeCount: try o.int("nodes"), nodeFile: try o.string("node_file"))
        if (format ?? GraphFormat.infer(from: file)) == .infgraph, undirected || dedupe {
            throw ABIFailure(InfluenceError(.usage, file: file, parameter: undirected ? "undirected" : "dedupe",
                "a snapshot's arcs are fixed (expected undirected and dedupe when the snapshot is converted, not when it is loaded)"))
        }
        let loaded = try library { () throws(InfluenceError) in try GraphLoader.load(file, options: options) }
        let handle = GraphHandle(loaded: loaded, probabilities: probabilities, normalizeLT: try o.bool("normalize_lt") ?? false,
                                 name: file, loadOptions: options)
        graphOut.pointee = HandleRegistry.shared.register(handle)
    }
}

@_cdecl("ik_graph_from_edges")
public func ik_graph_from_edges(_ sources: UnsafePointer<Int64>?, _ targets: UnsafePointer<Int64>?, _ count: Int,
                                _ values: UnsafePointer<Double>?, _ labelBytes: UnsafePointer<CChar>?, _ labelBytesLength: Int,
                                _ labelOffsets: UnsafePointer<Int64>?, _ labelCount: Int, _ optionsJSON: UnsafePointer<CChar>?,
                                _ graphOut: UnsafeMutablePointer<OpaquePointer?>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    ik_graph_from_edge_columns(sources, targets, count, values, nil, labelBytes, labelBytesLength, labelOffsets, labelCount,
                               optionsJSON, graphOut, error)
}

/// `ik_graph_from_edge_columns`: `ik_graph_from_edges` with an LT weight per arc as well (the
/// graph's `weight` column, as a file's fourth column).
@_cdecl("ik_graph_from_edge_columns")
public func ik_graph_from_edge_columns(_ sources: UnsafePointer<Int64>?, _ targets: UnsafePointer<Int64>?, _ count: Int,
                                       _ values: UnsafePointer<Double>?, _ weights: UnsafePointer<Double>?,
                                       _ labelBytes: UnsafePointer<CChar>?, _ labelBytesLength: Int,
                                       _ labelOffsets: UnsafePointer<Int64>?, _ labelCount: Int, _ optionsJSON: UnsafePointer<CChar>?,
                                       _ graphOut: UnsafeMutablePointer<OpaquePointer?>?,
                                       _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let graphOut else { throw .argument("graph", "null output pointer (expected the address of an ik_graph *)") }
        graphOut.pointee = nil
        let arcs = try CArrays.length(count, name: "count")
        // The graph is sized by count: checked against the memory limit before any array is read.
        let needed = GraphMemoryEstimate.bytes(arcs: arcs, nodes: labelCount > 0 ? labelCount : 0, labelBytes: max(0, labelBytesLength),
                                               valueColumns: values == nil ? 0 : 1)
        let limit = SystemMemory.defaultLimitBytes
        guard needed <= limit else {
            throw ABIFailure(InfluenceError(.resource, parameter: "count",
                "\(arcs) arcs need about \(SystemMemory.describe(needed)), above the memory limit \(SystemMemory.describe(limit)) (expected a smaller count)"))
        }
        let tails = try CArrays.buffer(sources, count: arcs, name: "sources")
        let heads = try CArrays.buffer(targets, count: arcs, name: "targets")
        let p = values == nil ? nil : try CArrays.buffer(values, count: arcs, name: "values")
        let w = weights == nil ? nil : try CArrays.buffer(weights, count: arcs, name: "weights")
        let o = try RequestObject(optionsJSON, argument: "options", allowed: edgeKeys)
        let probabilities = try o.string("probabilities") ?? (values == nil ? "wc" : "file")
        let scheme = try checkedScheme(probabilities)
        if case .file = scheme, values == nil {
            throw .argument("probabilities", "the file scheme reads per-arc values, and none were given (expected values, or another scheme)")
        }
        let undirected = try o.bool("undirected") ?? false
        let build = GraphBuildOptions(dedupe: try o.bool("dedupe") ?? false)
        let graph: InfluenceGraph
        if labelOffsets == nil {
            guard w == nil else {
                throw .argument("weights", "weights with label ids (expected dense ids 0..n-1 with their labels when weights are given)")
            }
            guard labelCount == 0 else {
                throw .argument("label_offsets", "null offsets for \(labelCount) labels (expected label_count + 1 offsets)")
            }
            graph = try library { () throws(InfluenceError) in
                try InfluenceGraph(labelledSources: tails, targets: heads, values: p, undirected: undirected, options: build)
            }
        } else {
            let labels = try CArrays.labels(bytes: labelBytes, byteCount: labelBytesLength, offsets: labelOffsets, count: labelCount,
                                            name: "labels")
            // Dense ids: checked against the label count before any conversion.
            let n = labels.count
            for (name, ids) in [("sources", tails), ("targets", heads)] {
                if let bad = ids.firstIndex(where: { $0 < 0 || $0 >= Int64(n) }) {
                    throw .argument(name, "\(name)[\(bad)] = \(ids[bad]) is not a node (expected an id in 0..<\(n), one per label)")
                }
            }
            graph = try library { () throws(InfluenceError) in
                try InfluenceGraph(nodeCount: n, sources: tails.map { Int($0) }, targets: heads.map { Int($0) },
                                   values: p.map(Array.init), arcColumns: w.map { [ValueColumns.weight: Array($0)] } ?? [:],
                                   labels: labels, undirected: undirected, options: build)
            }
        }
        let handle = GraphHandle(loaded: LoadedGraph(graph: graph), probabilities: probabilities,
                                 normalizeLT: try o.bool("normalize_lt") ?? false, name: try o.string("name") ?? "arrays",
                                 loadOptions: nil)
        graphOut.pointee = HandleRegistry.shared.register(handle)
    }
}

@_cdecl("ik_graph_save")
public func ik_graph_save(_ graph: OpaquePointer?, _ path: UnsafePointer<CChar>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        let h = try HandleRegistry.shared.object(graph, as: GraphHandle.self, name: "graph")
        let file = try CArrays.string(path, name: "path")
        try library { () throws(InfluenceError) in try GraphSnapshot.write(h.graph, to: file) }
    }
}

@_cdecl("ik_graph_free")
public func ik_graph_free(_ graph: OpaquePointer?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        try HandleRegistry.shared.remove(graph, as: GraphHandle.self, name: "graph")
    }
}

@_cdecl("ik_graph_counts")
public func ik_graph_counts(_ graph: OpaquePointer?, _ nodes: UnsafeMutablePointer<Int64>?, _ arcs: UnsafeMutablePointer<Int64>?,
                            _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        let g = try HandleRegistry.shared.object(graph, as: GraphHandle.self, name: "graph").graph
        nodes?.pointee = Int64(g.nodeCount)
        arcs?.pointee = Int64(g.arcCount)
    }
}

@_cdecl("ik_graph_copy_arcs")
public func ik_graph_copy_arcs(_ graph: OpaquePointer?, _ sources: UnsafeMutablePointer<Int64>?, _ targets: UnsafeMutablePointer<Int64>?,
                               _ capacity: Int, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        let g = try HandleRegistry.shared.object(graph, as: GraphHandle.self, name: "graph").graph
        let room = try CArrays.length(capacity, name: "capacity")
        guard room >= g.arcCount else {
            throw .argument("capacity", "room for \(room) arcs, the graph has \(g.arcCount) (expected capacity ≥ the arc count)")
        }
        guard g.arcCount == 0 || (sources != nil && targets != nil) else {
            throw .argument(sources == nil ? "sources" : "targets", "null array (expected room for \(g.arcCount) arcs)")
        }
        var arc = 0
        for u in 0..<g.nodeCount {
            for a in g.outOffsets[u]..<g.outOffsets[u + 1] {
                sources?[arc] = Int64(u)
                targets?[arc] = Int64(g.outTargets[a])
                arc += 1
            }
        }
    }
}

@_cdecl("ik_graph_copy_labels")
public func ik_graph_copy_labels(_ graph: OpaquePointer?, _ bytes: UnsafeMutablePointer<CChar>?, _ bytesCapacity: Int,
                                 _ offsets: UnsafeMutablePointer<Int64>?, _ offsetsCapacity: Int,
                                 _ bytesNeeded: UnsafeMutablePointer<Int>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        let g = try HandleRegistry.shared.object(graph, as: GraphHandle.self, name: "graph").graph
        let labels = (0..<g.nodeCount).map { g.label(of: $0) }
        let total = labels.reduce(0) { $0 + $1.utf8.count }
        bytesNeeded?.pointee = total
        guard let bytes else { return }
        let room = try CArrays.length(bytesCapacity, name: "bytes_capacity")
        let slots = try CArrays.length(offsetsCapacity, name: "offsets_capacity")
        guard room >= total else {
            throw .argument("bytes_capacity", "room for \(room) bytes, the labels take \(total) (expected the size bytes_needed gave)")
        }
        guard let offsets, slots >= g.nodeCount + 1 else {
            throw .argument("offsets", "room for \(offsets == nil ? 0 : slots) offsets (expected nodes + 1 = \(g.nodeCount + 1))")
        }
        var at = 0
        offsets[0] = 0
        for (i, label) in labels.enumerated() {
            for byte in label.utf8 { bytes[at] = CChar(bitPattern: byte); at += 1 }
            offsets[i + 1] = Int64(at)
        }
    }
}

/// The summary record of `ik_graph_summary`.
private struct GraphRecord: Encodable {
    var name: String
    var nodes: Int
    var arcs: Int
    var probabilities: String
    var normalizeLT: Bool
    var load: GraphLoadOptions?
    var loadSeconds: Double
    var statistics: GraphLoadStatistics
    var version: String
}

@_cdecl("ik_graph_summary")
public func ik_graph_summary(_ graph: OpaquePointer?, _ resultOut: UnsafeMutablePointer<OpaquePointer?>?,
                             _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let resultOut else { throw .argument("result", "null output pointer (expected the address of an ik_result *)") }
        resultOut.pointee = nil
        let h = try HandleRegistry.shared.object(graph, as: GraphHandle.self, name: "graph")
        let record = GraphRecord(name: h.name, nodes: h.graph.nodeCount, arcs: h.graph.arcCount, probabilities: h.probabilities,
                                 normalizeLT: h.normalizeLT, load: h.loadOptions, loadSeconds: h.loaded.seconds,
                                 statistics: h.graph.statistics, version: InfluenceKitVersion.library)
        resultOut.pointee = try ResultHandle.register(record)
    }
}
