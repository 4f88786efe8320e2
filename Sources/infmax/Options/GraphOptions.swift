import ArgumentParser
import InfluenceKit

/// How to read the graph: shared by every command that takes one.
struct GraphOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The graph file.", discussion: "Edge list (.txt, .tsv, any other name; .gz read transparently), .graphml, .gml, .net (Pajek), .ncol, .lgl, or an .infgraph snapshot.", valueName: "graph"))
    var graph: String

    @Option(help: ArgumentHelp("Input format, when the extension does not say it: \(GraphFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: String?

    @Flag(help: "Treat each input edge as two arcs, u→v and v→u (default: directed).")
    var undirected = false

    @Option(help: ArgumentHelp("IC arc probabilities: wc (1/indeg(v)), uniform:P, trivalency (0.1/0.01/0.001 at random, from --seed), or file (third column).", valueName: "scheme"))
    var probabilities: String?

    @Flag(name: .customLong("normalize-lt"), help: "With --probabilities file, rescale each node's LT in-weights to sum to 1 when they exceed it (otherwise an error).")
    var normalizeLT = false

    @Flag(help: "Merge parallel arcs into one (IC probabilities combine as 1−Π(1−p), LT weights add).")
    var dedupe = false

    /// Loads the graph; `seed` feeds the trivalency scheme. `buildsIGraph: false` skips building
    /// igraph's copy of an edge list (for commands that never call igraph).
    func load(seed: UInt64, buildsIGraph: Bool = true) throws(InfluenceError) -> LoadedGraph {
        let chosen: GraphFormat? = try format.map { (text) throws(InfluenceError) in try GraphFormat.parse(text) }
        let resolved = chosen ?? GraphFormat.infer(from: graph)
        if resolved == .infgraph, undirected || probabilities != nil || normalizeLT || dedupe {
            throw InfluenceError(.usage, file: graph,
                "a snapshot's arcs and probabilities are fixed (pass --undirected, --probabilities, --normalize-lt and --dedupe to 'infmax convert' instead)")
        }
        let scheme = try ProbabilityScheme.parse(probabilities ?? "wc", seed: seed)
        let options = GraphLoadOptions(format: chosen, undirected: undirected,
                                       build: GraphBuildOptions(probabilities: scheme, normalizeLT: normalizeLT, dedupe: dedupe),
                                       buildsIGraph: buildsIGraph)
        return try GraphLoader.load(graph, options: options)
    }
}
