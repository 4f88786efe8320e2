/// Everything that says how a file becomes a graph.
public struct GraphLoadOptions: Sendable, Equatable, Codable {
    /// Format; inferred from the extension when nil.
    public var format: GraphFormat?
    /// Each input edge becomes two arcs.
    public var undirected: Bool
    /// Read the third column of an edge list (the `weight` attribute of igraph formats) as a
    /// per-arc value in [0, 1], for the `file` probability and weight schemes. When false a third
    /// column is ignored.
    public var readArcValues: Bool
    /// Parallel arcs.
    public var build: GraphBuildOptions
    /// When edge lists become igraph graphs (default: only when an igraph algorithm asks).
    public var igraph: IGraphConstruction

    public init(format: GraphFormat? = nil, undirected: Bool = false, readArcValues: Bool = false,
                build: GraphBuildOptions = GraphBuildOptions(), igraph: IGraphConstruction = .onDemand) {
        self.format = format
        self.undirected = undirected
        self.readArcValues = readArcValues
        self.build = build
        self.igraph = igraph
    }
}

/// When an edge list is handed to igraph.
public enum IGraphConstruction: String, Sendable, Equatable, Codable {
    /// At load time: the tokenized arcs build an igraph graph, whose edge list is exported to the
    /// compact graph (igraph's algorithms are ready at once).
    case eager
    /// Only when an igraph algorithm is asked for (`LoadedGraph.igraphGraph()`), from the compact
    /// graph's arcs. `igraph_create` dominates the load of large edge lists (about two thirds of
    /// it at 10M arcs), so loads that need no igraph algorithm are several times faster.
    case onDemand
}

/// A loaded graph, with the igraph graph it was built through when there was one.
public struct LoadedGraph: Sendable {
    /// The compact graph.
    public let graph: InfluenceGraph
    /// The igraph graph (nil for snapshots until an igraph algorithm asks: see `igraphGraph()`).
    public let igraph: IGraphHandle?
    /// Wall time spent loading, in seconds.
    public let seconds: Double
    /// Where the time went, stage by stage (seconds).
    public var stages: [(stage: String, seconds: Double)] = []

    /// The igraph graph, rebuilt from the compact graph when loading did not make one.
    public func igraphGraph() throws(InfluenceError) -> IGraphHandle {
        if let igraph { return igraph }
        do { return try IGraphHandle(graph) } catch { throw InfluenceError(.resource, "igraph: \(error.message)") }
    }
}

/// Loads graphs from files: edge lists through our tokenizer into igraph, other formats through
/// igraph's readers, snapshots directly.
public enum GraphLoader {
    /// Loads `path`. Complexity: O(file size + n + m).
    public static func load(_ path: String, options: GraphLoadOptions = GraphLoadOptions()) throws(InfluenceError) -> LoadedGraph {
        let total = Stopwatch()
        let format = options.format ?? GraphFormat.infer(from: path)
        if format == .infgraph {
            let graph = try GraphSnapshot.read(path)
            return LoadedGraph(graph: graph, igraph: nil, seconds: total.seconds)
        }
        var stages: [(stage: String, seconds: Double)] = []
        var stage = Stopwatch()
        func lap(_ name: String) { stages.append((name, stage.lap())) }
        let bytes = try FileContents.read(path)
        lap("read")
        let readValues = options.readArcValues
        var arcs: ArcList
        let handle: IGraphHandle
        if format == .snap {
            arcs = try EdgeListReader.parse(bytes, path: path, undirected: options.undirected, readValues: readValues)
            lap("tokenize")
            if options.igraph == .onDemand {
                let graph = try InfluenceGraph(arcs: arcs, options: options.build, format: format.rawValue, source: path)
                lap("CSR build")
                var loaded = LoadedGraph(graph: graph, igraph: nil, seconds: total.seconds)
                loaded.stages = stages
                return loaded
            }
            do throws(IGraphError) {
                handle = try IGraphHandle(nodeCount: arcs.nodeCount, sources: arcs.sources, targets: arcs.targets)
                lap("igraph build")
                let exported = try handle.edgeList()
                arcs.sources = exported.sources
                arcs.targets = exported.targets
            } catch {
                throw InfluenceError(.resource, file: path, "igraph could not build the graph: \(error.message)")
            }
        } else {
            (arcs, handle) = try readWithIGraph(bytes, path: path, format: format, options: options, readValues: readValues)
        }
        lap(format == .snap ? "igraph export" : "igraph read")
        let graph = try InfluenceGraph(arcs: arcs, options: options.build, format: format.rawValue, source: path)
        lap("CSR build")
        var loaded = LoadedGraph(graph: graph, igraph: handle, seconds: total.seconds)
        loaded.stages = stages
        return loaded
    }


    private static func readWithIGraph(_ bytes: [UInt8], path: String, format: GraphFormat, options: GraphLoadOptions,
                                       readValues: Bool) throws(InfluenceError) -> (ArcList, IGraphHandle) {
        if bytes.isEmpty { throw InfluenceError(.data, file: path, line: 1, "empty file (expected \(format.displayName) graph)") }
        if let bad = bytes.prefix(4096).firstIndex(where: { $0 == 0 }) {
            let line = bytes[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw InfluenceError(.data, file: path, line: line, "binary data: byte 0x0 (expected \(format.displayName) text)")
        }
        let handle: IGraphHandle
        let edges: (sources: [UInt32], targets: [UInt32])
        let names: [String]?
        let weights: [Double]?
        let directedInput: Bool
        do throws(IGraphError) {
            handle = try IGraphHandle(reading: bytes, format: format, directed: !options.undirected)
            edges = try handle.edgeList()
            var found: [String]? = nil
            for attribute in ["name", "id", "label"] where found == nil {
                found = try handle.vertexLabels(attribute: attribute)
            }
            names = found
            weights = try handle.edgeValues(attribute: "weight")
            directedInput = handle.isDirected
        } catch {
            let (line, text) = splitLine(error.message)
            throw InfluenceError(.data, file: path, line: line,
                                 "igraph cannot read it as \(format.displayName): \(text) (expected a valid \(format.displayName) file, or another format named explicitly)")
        }
        if readValues, weights == nil {
            throw InfluenceError(.usage, file: path, parameter: "probabilities", "per-arc values were asked for, but the file has no numeric 'weight' edge attribute (expected \(format.displayName) with edge weights)")
        }
        let n = handle.vertexCount
        let undirected = options.undirected || !directedInput
        var sources = [UInt32](), targets = [UInt32](), values: [Float]? = readValues ? [] : nil
        sources.reserveCapacity(edges.sources.count * (undirected ? 2 : 1))
        targets.reserveCapacity(sources.capacity)
        var selfLoops = 0
        for e in 0..<edges.sources.count {
            let u = edges.sources[e], v = edges.targets[e]
            if u == v { selfLoops += 1; continue }
            var p: Float = 0
            if readValues, let weights {
                let w = weights[e]
                guard w.isFinite, w >= 0, w <= 1 else {
                    throw InfluenceError(.data, file: path, "edge \(e + 1) has weight \(w) (expected a probability in [0, 1])")
                }
                p = Float(w)
            }
            sources.append(u); targets.append(v); values?.append(p)
            if undirected { sources.append(v); targets.append(u); values?.append(p) }
        }
        if sources.isEmpty {
            throw InfluenceError(.data, file: path, "no edges (expected \(format.displayName) with at least one edge between distinct nodes)")
        }
        let labels: NodeLabels = names.map { .strings($0) } ?? .identity(count: n)
        let arcs = ArcList(nodeCount: n, sources: sources, targets: targets, values: values, labels: labels,
                           selfLoopsDropped: selfLoops, undirected: undirected)
        return (arcs, handle)
    }

    /// Pulls "line N" out of an igraph parser message.
    static func splitLine(_ message: String) -> (Int?, String) {
        let words = message.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == ":" })
        for (i, word) in words.enumerated() where word == "line" && i + 1 < words.count {
            if let line = Int(words[i + 1].prefix { $0.isNumber }) { return (line, message) }
        }
        return (nil, message)
    }
}
