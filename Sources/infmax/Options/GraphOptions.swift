import ArgumentParser
import InfluenceKit

/// How to read the graph and bind the model's parameters: shared by every command that takes one.
struct GraphOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The graph file, or - for standard input.", discussion: "Edge list (.txt, .tsv, any other name; gzip read transparently, whatever the name), .graphml, .gml, .net (Pajek), .ncol, .lgl, or an .infgraph snapshot. Standard input holds an edge list unless --format names another text format.", valueName: "graph"))
    var graph: String

    @Option(help: ArgumentHelp("Input format, when the extension does not say it: \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("Node count of an edge list with integer ids: ids must be 0 to N-1, and nodes no edge names are isolated.", valueName: "N"))
    var nodes: Int?

    @Option(name: .customLong("node-file"), help: ArgumentHelp("A file of node labels, one per line: every label is a node (isolated if no edge names it), and the edges may name only these.", valueName: "path"))
    var nodeFile: String?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Memory limit: bytes with K/M/G/T suffix, or a percentage of RAM; a run that would exceed it stops with a message.", valueName: "SIZE"))
    var maxMemory: ByteCount = ByteCount(bytes: SystemMemory.defaultLimitBytes)

    @Flag(help: "Treat each input edge as two arcs, u→v and v→u (default: directed).")
    var undirected = false

    @Option(help: ArgumentHelp("Arc probabilities: wc (IC 1/indeg(v); LT weights 1/indeg(v)), uniform:P (IC), trivalency (IC: 0.1/0.01/0.001 at random, from --seed, or trivalency:SEED), or file (the third column: IC probabilities, or LT weights; a fourth column gives LT weights apart; a header row such as 'source target probability weight' names them).", valueName: "scheme"))
    var probabilities: String?

    @Flag(name: .customLong("normalize-lt"), help: "With --model lt and --probabilities file, rescale each node's in-weights to sum to 1 when they exceed it (otherwise an error).")
    var normalizeLT = false

    @Flag(help: "Merge parallel arcs into one; each model combines them by its own rule (IC 1−Π(1−p), LT Σw), so the cascade is unchanged.")
    var dedupe = false

    @Flag(name: .customLong("defer-igraph"), help: "Build the igraph graph only when an igraph algorithm needs it. This is now the default; the flag is kept for scripts.")
    var deferIGraph = false

    @Flag(name: .customLong("eager-igraph"), help: "Hand an edge list to igraph at load time (igraph builds the graph, and its edge list is exported to ours).")
    var eagerIGraph = false

    func validate() throws {
        if deferIGraph && eagerIGraph { throw ValidationError("--defer-igraph and --eager-igraph contradict each other; give one") }
        if nodes != nil && nodeFile != nil { throw ValidationError("--nodes and --node-file both declare the nodes; give one") }
        if let nodes, nodes < 1 { throw ValidationError("--nodes must be at least 1 (got \(nodes))") }
    }

    /// The probability scheme asked for; `seed` feeds trivalency.
    func scheme(seed: UInt64) throws(InfluenceError) -> ProbabilityScheme {
        try ProbabilityScheme.parse(probabilities ?? "wc", seed: seed)
    }

    /// The load options these flags give (arc values are read for the `file` scheme).
    func loadOptions(seed: UInt64) throws(InfluenceError) -> GraphLoadOptions {
        let chosen: GraphFormat? = try format.map { (text) throws(InfluenceError) in try GraphFormat.parse(text) }
        var readValues = false
        if case .file = try scheme(seed: seed) { readValues = true }
        return GraphLoadOptions(format: chosen, undirected: undirected, readArcValues: readValues,
                                build: GraphBuildOptions(dedupe: dedupe), igraph: eagerIGraph ? .eager : .onDemand,
                                memoryLimitBytes: maxMemory.bytes, nodeCount: nodes, nodeFile: nodeFile)
    }

    /// Whether RR-set sampling on this graph needs only its reverse CSR, and the load can give just
    /// that (`GraphLoader.load(reverseOnly:)`): IC weighted cascade, no merged parallel arcs, a text
    /// edge list read by our tokenizer. `seeds` (OPIM-C, IMM) then loads a reverse-only graph, and
    /// `info` reports what that holds.
    func allowsReverseOnly(seed: UInt64) -> Bool {
        guard !dedupe, !eagerIGraph, (try? scheme(seed: seed)) == .weightedCascade,
              let options = try? loadOptions(seed: seed) else { return false }
        return (options.format ?? GraphFormat.infer(from: graph)) == .snap
    }

    /// Loads the graph; `seed` feeds the trivalency scheme; `reverseOnly` asks for a reverse-only
    /// graph where the file allows one (`GraphLoader.load`).
    func load(seed: UInt64, reverseOnly: Bool = false) throws(InfluenceError) -> LoadedGraph {
        let options = try loadOptions(seed: seed)
        let resolved = options.format ?? GraphFormat.infer(from: graph)
        if resolved == .infgraph, undirected || dedupe {
            throw InfluenceError(.usage, file: graph,
                "a snapshot's arcs are fixed (pass --undirected and --dedupe to 'infmax convert' instead)")
        }
        let mode = ProgressMode.current
        if mode == .terminal { StandardError.write("loading \(graph) …\r") }
        if mode == .lines { StandardError.write("\(ProgressMode.timestamp()) loading \(graph)\n") }
        defer { if mode == .terminal { StandardError.write("\u{1B}[2K\r") } }
        let loaded = try GraphLoader.load(graph, options: options, reverseOnly: reverseOnly)
        if mode == .lines { StandardError.write("\(ProgressMode.timestamp()) loaded \(graph): \(loaded.graph.nodeCount) nodes, \(loaded.graph.arcCount) arcs in \(fixed(loaded.seconds, 1)) s\n") }
        return loaded
    }

    /// Loads the graph as a use case's input, recording its path and load options.
    func input(seed: UInt64, reverseOnly: Bool = false) throws(InfluenceError) -> GraphInput {
        let loaded = try load(seed: seed, reverseOnly: reverseOnly)
        return GraphInput(loaded.graph, name: graph, load: try loadOptions(seed: seed), loadSeconds: loaded.seconds)
    }
}
