/// Everything that says how a file becomes a graph.
public struct GraphLoadOptions: Sendable, Equatable, Codable {
    /// Format; inferred from the extension when nil.
    public var format: GraphFormat?
    /// Each input edge becomes two arcs.
    public var undirected: Bool
    /// Read the value columns of an edge list (the `weight` attribute of igraph formats) as
    /// per-arc values in [0, 1], for the `file` probability and weight schemes: the third column
    /// (or the one a header names), and a fourth as LT weights. When false they are ignored.
    public var readArcValues: Bool
    /// Parallel arcs.
    public var build: GraphBuildOptions
    /// When edge lists become igraph graphs (default: only when an igraph algorithm asks).
    public var igraph: IGraphConstruction
    /// Refuse a graph whose load would need more memory than this (estimated as the edge list is
    /// read, so the refusal comes early; formats read by igraph are refused when their text alone
    /// exceeds it). Default: `SystemMemory.defaultLimitBytes` (80% of RAM), as for RIS runs; nil
    /// for no limit.
    public var memoryLimitBytes: Int?
    /// The node count of an edge list with integer ids: ids must then be `0..<nodeCount` (an id
    /// outside is an error naming its line), and nodes no edge names are isolated.
    public var nodeCount: Int?
    /// A file listing the nodes of an edge list, one label per line, numbered in its order; the
    /// edges may name only these labels (see `NodeFile`).
    public var nodeFile: String?

    /// Options; by default a directed edge list with no value columns, parallel arcs kept,
    /// igraph built on demand, the default memory limit. Complexity: O(1).
    public init(format: GraphFormat? = nil, undirected: Bool = false, readArcValues: Bool = false,
                build: GraphBuildOptions = GraphBuildOptions(), igraph: IGraphConstruction = .onDemand,
                memoryLimitBytes: Int? = SystemMemory.defaultLimitBytes, nodeCount: Int? = nil, nodeFile: String? = nil) {
        self.format = format
        self.undirected = undirected
        self.readArcValues = readArcValues
        self.build = build
        self.igraph = igraph
        self.memoryLimitBytes = memoryLimitBytes
        self.nodeCount = nodeCount
        self.nodeFile = nodeFile
    }

    private enum CodingKeys: String, CodingKey {
        case format, undirected, readArcValues, build, igraph, memoryLimitBytes, nodeCount, nodeFile
    }

    /// Decodes options, each absent key taking its default (options written before the memory
    /// limit and node declarations existed read too). Complexity: O(1).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // A request file written by hand may give only what differs from the defaults.
        format = try c.decodeIfPresent(GraphFormat.self, forKey: .format)
        undirected = try c.decodeIfPresent(Bool.self, forKey: .undirected) ?? false
        readArcValues = try c.decodeIfPresent(Bool.self, forKey: .readArcValues) ?? false
        build = try c.decodeIfPresent(GraphBuildOptions.self, forKey: .build) ?? GraphBuildOptions()
        igraph = try c.decodeIfPresent(IGraphConstruction.self, forKey: .igraph) ?? .onDemand
        // Absent: the default limit; an explicit null: no limit (as records written before the
        // limit existed are read).
        memoryLimitBytes = c.contains(.memoryLimitBytes) ? try c.decodeIfPresent(Int.self, forKey: .memoryLimitBytes)
                                                         : SystemMemory.defaultLimitBytes
        nodeCount = try c.decodeIfPresent(Int.self, forKey: .nodeCount)
        nodeFile = try c.decodeIfPresent(String.self, forKey: .nodeFile)
    }

    /// Checks the node declarations. Complexity: O(1).
    func validate() throws(InfluenceError) {
        if let nodeCount, !(nodeCount >= 1 && nodeCount < Int(UInt32.max)) {
            throw InfluenceError(.usage, parameter: "nodeCount", "node count \(nodeCount) (expected at least 1 and below 2^32 - 1)")
        }
        if nodeCount != nil, nodeFile != nil {
            throw InfluenceError(.usage, parameter: "nodeFile", "a node count and a node file were both given (expected one of them)")
        }
        if let memoryLimitBytes, memoryLimitBytes <= 0 {
            throw InfluenceError(.usage, parameter: "memoryLimit", "memory limit \(memoryLimitBytes) bytes (expected a positive size)")
        }
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

    /// A graph built in memory (from arrays): its igraph graph is built when an igraph algorithm
    /// asks. Complexity: O(1).
    public init(graph: InfluenceGraph, seconds: Double = 0) {
        self.init(graph: graph, igraph: nil, seconds: seconds)
    }

    init(graph: InfluenceGraph, igraph: IGraphHandle?, seconds: Double) {
        self.graph = graph
        self.igraph = igraph
        self.seconds = seconds
    }

    /// The igraph graph, rebuilt from the compact graph when loading did not make one.
    /// Complexity: O(n + m) on the first call (igraph builds the graph), O(1) after.
    public func igraphGraph() throws(InfluenceError) -> IGraphHandle {
        if let igraph { return igraph }
        do { return try IGraphHandle(graph) } catch { throw InfluenceError(.resource, "igraph: \(error.message)") }
    }
}

/// Loads graphs from files: edge lists through our tokenizer into igraph, other formats through
/// igraph's readers, snapshots directly.
public enum GraphLoader {
    /// Loads `path`. With `reverseOnly`, an edge list read by our tokenizer becomes a reverse-only
    /// graph when nothing needs the forward side (see `InfluenceGraph.hasForwardArcs`; other
    /// formats and merged parallel arcs give the full graph). Complexity: O(file size + n + m).
    public static func load(_ path: String, options: GraphLoadOptions = GraphLoadOptions(),
                            reverseOnly: Bool = false) throws(InfluenceError) -> LoadedGraph {
        let total = Stopwatch()
        try options.validate()
        let format = options.format ?? GraphFormat.infer(from: path)
        if format != .snap, options.nodeCount != nil || options.nodeFile != nil {
            throw InfluenceError(.usage, file: path, parameter: options.nodeCount != nil ? "nodeCount" : "nodeFile",
                "nodes are declared only for edge lists (expected an edge list, or no node declaration for \(format.displayName))")
        }
        if format == .infgraph {
            if path == "-" {
                throw InfluenceError(.usage, file: ChunkedInput.standardInputName, parameter: "format",
                    "a snapshot cannot be read from standard input (expected its path)")
            }
            let graph = try GraphSnapshot.read(path)
            return LoadedGraph(graph: graph, igraph: nil, seconds: total.seconds)
        }
        let name = path == "-" ? ChunkedInput.standardInputName : path
        var stages: [(stage: String, seconds: Double)] = []
        var stage = Stopwatch()
        func lap(_ name: String) { stages.append((name, stage.lap())) }
        let readValues = options.readArcValues
        var arcs: ArcList
        let handle: IGraphHandle
        if format == .snap {
            arcs = try EdgeListReader.read(path, options: options)
            lap("read and tokenize")
            if options.igraph == .onDemand {
                let graph = try InfluenceGraph(arcs: arcs, options: options.build, format: format.rawValue, source: name,
                                               reverseOnly: reverseOnly)
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
                throw InfluenceError(.resource, file: name, "igraph could not build the graph: \(error.message)")
            }
        } else {
            let bytes = try FileContents.read(path, limitBytes: options.memoryLimitBytes,
                                              text: format == .infgraph ? nil : "\(format.displayName) text")
            lap("read")
            (arcs, handle) = try readWithIGraph(bytes, path: name, format: format, options: options, readValues: readValues)
        }
        lap(format == .snap ? "igraph export" : "igraph read")
        let graph = try InfluenceGraph(arcs: arcs, options: options.build, format: format.rawValue, source: name)
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
            throw TextBytes.binaryError(0, path: path, line: line, column: bad - (bytes[..<bad].lastIndex(of: 0x0A) ?? -1), expected: "\(format.displayName) text")
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
