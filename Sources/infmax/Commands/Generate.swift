import ArgumentParser
import FoundationEssentials
import InfluenceKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a graph made by one of igraph's generators as an edge list.",
        discussion: """
        Kinds:
          famous:NAME   a named graph (igraph_famous), e.g. famous:Zachary, the karate club
          power-law     directed, power-law in- and out-degrees (igraph_static_power_law_game);
                        --nodes, --arcs, --exponent-out, --exponent-in
          chung-lu      the same kind of graph drawn and written as a stream in bounded memory
                        (Chung-Lu with continuous power-law weights; parallel arcs kept), for
                        large graphs: --nodes, --arcs, --exponent-out, --exponent-in, --threads
          barabasi      directed preferential attachment (igraph_barabasi_game); --nodes, --per-node
          holme-kim     undirected preferential attachment with triad formation (Holme and Kim 2002,
                        networkx's powerlaw_cluster_graph; our own seeded generator, not igraph's);
                        --nodes, --per-node (m, edges each new node makes), --triad-probability;
                        (n − m)·m edges, read it back with --undirected

        The same --seed gives the same file. The first line records the command that made it. \
        Nodes without arcs follow the arcs, one label per line, so the file reads back with \
        exactly the generated node count. --edge-list is checked before generating, written \
        atomically (a symbolic link is followed, a device or FIFO written through), and \
        `--edge-list -` prints the edge list. --json prints what was written; --quiet leaves the \
        summary line out. (--output is the old spelling of --edge-list; it still works, with a \
        note.)

        Examples:
          infmax generate famous:Zachary --edge-list Graphs/karate.txt
          infmax generate power-law --nodes 20000 --arcs 100000 --seed 7 --edge-list Graphs/demo.txt
          infmax generate chung-lu --nodes 10000000 --arcs 100000000 --seed 1 --edge-list big.txt
          infmax generate holme-kim --nodes 4000 --per-node 4 --triad-probability 0.1 --seed 1 --edge-list hk.txt
        """
    )

    @Argument(help: "What to generate: famous:NAME, power-law, chung-lu, barabasi or holme-kim.")
    var kind: String

    @Option(help: "Nodes (power-law, barabasi).")
    var nodes: Int = 10_000

    @Option(help: "Arcs (power-law).")
    var arcs: Int = 50_000

    @Option(name: .customLong("exponent-out"), help: "Out-degree exponent (power-law; at least 2).")
    var exponentOut: Double = 2.5

    @Option(name: .customLong("exponent-in"), help: "In-degree exponent (power-law; at least 2).")
    var exponentIn: Double = 2.5

    @Option(name: .customLong("per-node"), help: "Arcs each new node sends (barabasi), or edges it makes (holme-kim).")
    var perNode: Int = 3

    @Option(name: .customLong("triad-probability"), help: "Chance that a holme-kim edge closes a triangle instead of attaching preferentially.")
    var triadProbability: Double = 0.1

    @Option(help: "Seed of every random choice (here: the generator's); the same seed gives the same result.")
    var seed: UInt64 = 1

    @Option(name: .customLong("edge-list"), help: ArgumentHelp("Edge list to write (atomically; - for standard output).", valueName: "FILE"))
    var edgeList: String?

    @Option(name: [.customLong("output"), .customShort("o")], help: .private)
    var legacyOutput: String?

    @OptionGroup var outputOptions: OutputOptions

    /// The edge list's path: --edge-list, or the old --output.
    var output: String { edgeList ?? legacyOutput ?? "" }

    // chung-lu draws its arcs on these threads; the file does not depend on how many.
    @Option(help: ArgumentHelp("Worker threads (default: all cores).", valueName: "T"))
    var threads: Int = Parallel.processorCount

    func validate() throws {
        if edgeList != nil, legacyOutput != nil { throw ValidationError("--output is the old spelling of --edge-list; give one") }
        if output.isEmpty { throw ValidationError("give the file to write with --edge-list FILE (- for standard output)") }
        if nodes < 2 { throw ValidationError("--nodes must be at least 2") }
        if arcs < 1 { throw ValidationError("--arcs must be positive") }
        if perNode < 1 { throw ValidationError("--per-node must be positive") }
        if kind == "holme-kim", perNode >= nodes { throw ValidationError("--per-node must be below --nodes for holme-kim (got \(perNode) for \(nodes) nodes)") }
        if !(triadProbability >= 0 && triadProbability <= 1) { throw ValidationError("--triad-probability must be a probability in [0, 1] (got \(triadProbability))") }
        // `!(x >= 2)` also refuses NaN, which compares false with everything.
        if !(exponentOut >= 2 && exponentOut.isFinite) || !(exponentIn >= 2 && exponentIn.isFinite) {
            throw ValidationError("--exponent-out and --exponent-in must be finite numbers of at least 2 (igraph's static power-law model; got \(exponentOut), \(exponentIn))")
        }
    }

    func run() throws {
        try reportingErrors {
            let known = kind.hasPrefix("famous:") || kind == "power-law" || kind == "barabasi" || kind == "holme-kim" || kind == "chung-lu"
            guard known else {
                throw InfluenceError(.usage, "unknown generator '\(kind)' (expected famous:NAME, power-law, chung-lu, barabasi or holme-kim)")
            }
            // The recipe in the file's first line spells the flag as it was given.
            let flag = edgeList == nil ? "--output" : "--edge-list"
            let target = try OutputTarget.prepare([(flag, output)], inputs: [])[0]
            try Parallel.checkThreadCount(threads)
            if kind == "chung-lu" {
                let stream = try PowerLawStream(nodes: nodes, arcs: arcs, exponentOut: exponentOut, exponentIn: exponentIn, seed: seed)
                let recipe = "infmax generate chung-lu --nodes \(nodes) --arcs \(arcs) --exponent-out \(exponentOut) --exponent-in \(exponentIn) --seed \(seed) \(flag) \(output)"
                switch target {
                case .file(let file)?:
                    try stream.write(recipe: recipe, workers: threads) { (bytes) throws(InfluenceError) in try file.append(bytes) }
                    try file.write([])
                default:
                    try stream.write(recipe: recipe, workers: threads) { (bytes) throws(InfluenceError) in
                        var start = 0
                        while start < bytes.count {
                            let written = write(1, bytes.baseAddress! + start, bytes.count - start)
                            if written <= 0 {
                                if written < 0, errno == EINTR { continue }
                                throw InfluenceError(.resource, "could not write to standard output (errno \(errno))")
                            }
                            start += written
                        }
                    }
                }
                summarize(nodes: nodes, edges: arcs, unit: "arcs")
                return
            }
            if kind == "holme-kim" {
                let edges = try HolmeKimGraph.edges(nodes: nodes, perNode: perNode, triadProbability: triadProbability, seed: seed)
                let recipe = "infmax generate holme-kim --nodes \(nodes) --per-node \(perNode) --triad-probability \(triadProbability) --seed \(seed) \(flag) \(output)"
                var text = "# \(recipe)\n# \(nodes) nodes, \(edges.sources.count) edges (undirected: read with --undirected)\n"
                text.reserveCapacity(edges.sources.count * 12)
                for e in 0..<edges.sources.count { text += "\(edges.sources[e]) \(edges.targets[e])\n" }
                try OutputTarget.write([(target, Array(text.utf8))])
                summarize(nodes: nodes, edges: edges.sources.count, unit: "edges")
                return
            }
            let handle: IGraphHandle
            let recipe: String
            do throws(IGraphError) {
                if kind.hasPrefix("famous:") {
                    let name = String(kind.dropFirst("famous:".count))
                    handle = try IGraphHandle.famous(name)
                    recipe = "infmax generate \(kind) \(flag) \(output)"
                } else if kind == "power-law" {
                    handle = try IGraphHandle.staticPowerLaw(nodes: nodes, arcs: arcs, exponentOut: exponentOut, exponentIn: exponentIn, seed: seed)
                    recipe = "infmax generate power-law --nodes \(nodes) --arcs \(arcs) --exponent-out \(exponentOut) --exponent-in \(exponentIn) --seed \(seed) \(flag) \(output)"
                } else {
                    handle = try IGraphHandle.barabasiAlbert(nodes: nodes, arcsPerNode: perNode, seed: seed)
                    recipe = "infmax generate barabasi --nodes \(nodes) --per-node \(perNode) --seed \(seed) \(flag) \(output)"
                }
            } catch {
                throw InfluenceError(.usage, "igraph generator failed: \(error.message)")
            }
            let edges: (sources: [UInt32], targets: [UInt32])
            do { edges = try handle.edgeList() } catch let error as IGraphError { throw InfluenceError(.resource, error.message) }
            var text = "# \(recipe)\n# \(handle.vertexCount) nodes, \(edges.sources.count) \(handle.isDirected ? "arcs (directed)" : "edges (undirected)")\n"
            text.reserveCapacity(edges.sources.count * 14)
            for e in 0..<edges.sources.count { text += "\(edges.sources[e]) \(edges.targets[e])\n" }
            // Nodes no arc touches would vanish on reading: declare them, one label per line.
            var touched = [Bool](repeating: false, count: handle.vertexCount)
            for e in 0..<edges.sources.count { touched[Int(edges.sources[e])] = true; touched[Int(edges.targets[e])] = true }
            let isolated = touched.indices.filter { !touched[$0] }
            if !isolated.isEmpty {
                text += "# \(isolated.count) isolated nodes (no arcs), one per line:\n"
                for v in isolated { text += "\(v)\n" }
            }
            try OutputTarget.write([(target, Array(text.utf8))])
            summarize(nodes: handle.vertexCount, edges: edges.sources.count, unit: handle.isDirected ? "arcs" : "edges")
        }
        // Old spellings are noted once the run succeeded (an error stays one line).
        if legacyOutput != nil { Deprecation.note("--output", use: "--edge-list", quiet: outputOptions.quiet) }
    }

    /// The line (or, with --json, the JSON) saying what was written.
    private func summarize(nodes: Int, edges: Int, unit: String) {
        if outputOptions.json, output != "-" {
            struct Written: Encodable { var edgeList: String; var nodes: Int; var edges: Int; var directed: Bool }
            if let text = try? jsonText(Written(edgeList: output, nodes: nodes, edges: edges, directed: unit == "arcs")) { print(text) }
        } else if !outputOptions.quiet {
            printError("wrote \(output == "-" ? "standard output" : output): \(nodes) nodes, \(edges) \(unit)")
        }
    }
}
