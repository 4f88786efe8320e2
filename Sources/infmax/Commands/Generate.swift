import ArgumentParser
import InfluenceKit

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a graph made by one of igraph's generators as an edge list.",
        discussion: """
        Kinds:
          famous:NAME   a named graph (igraph_famous), e.g. famous:Zachary, the karate club
          power-law     directed, power-law in- and out-degrees (igraph_static_power_law_game);
                        --nodes, --arcs, --exponent-out, --exponent-in
          barabasi      directed preferential attachment (igraph_barabasi_game); --nodes, --per-node

        The same --seed gives the same file. The first line records the command that made it. \
        Nodes without arcs follow the arcs, one label per line, so the file reads back with \
        exactly the generated node count. --output is checked before generating, written \
        atomically (a symbolic link is followed, a device or FIFO written through), and \
        `--output -` prints the edge list.

        Examples:
          infmax generate famous:Zachary --output Graphs/karate.txt
          infmax generate power-law --nodes 20000 --arcs 100000 --seed 7 --output Graphs/demo.txt
        """
    )

    @Argument(help: "What to generate: famous:NAME, power-law or barabasi.")
    var kind: String

    @Option(help: "Nodes (power-law, barabasi).")
    var nodes: Int = 10_000

    @Option(help: "Arcs (power-law).")
    var arcs: Int = 50_000

    @Option(name: .customLong("exponent-out"), help: "Out-degree exponent (power-law; at least 2).")
    var exponentOut: Double = 2.5

    @Option(name: .customLong("exponent-in"), help: "In-degree exponent (power-law; at least 2).")
    var exponentIn: Double = 2.5

    @Option(name: .customLong("per-node"), help: "Arcs each new node sends (barabasi).")
    var perNode: Int = 3

    @Option(help: "Seed of igraph's random generator.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Edge list to write (atomically; - for standard output).")
    var output: String

    func validate() throws {
        if nodes < 2 { throw ValidationError("--nodes must be at least 2") }
        if arcs < 1 { throw ValidationError("--arcs must be positive") }
        if perNode < 1 { throw ValidationError("--per-node must be positive") }
        // `!(x >= 2)` also refuses NaN, which compares false with everything.
        if !(exponentOut >= 2 && exponentOut.isFinite) || !(exponentIn >= 2 && exponentIn.isFinite) {
            throw ValidationError("--exponent-out and --exponent-in must be finite numbers of at least 2 (igraph's static power-law model; got \(exponentOut), \(exponentIn))")
        }
    }

    func run() throws {
        try reportingErrors {
            let known = kind.hasPrefix("famous:") || kind == "power-law" || kind == "barabasi"
            guard known else {
                throw InfluenceError(.usage, "unknown generator '\(kind)' (expected famous:NAME, power-law or barabasi)")
            }
            let target = try OutputTarget.prepare([("--output", output)], inputs: [])[0]
            let handle: IGraphHandle
            let recipe: String
            do throws(IGraphError) {
                if kind.hasPrefix("famous:") {
                    let name = String(kind.dropFirst("famous:".count))
                    handle = try IGraphHandle.famous(name)
                    recipe = "infmax generate \(kind) --output \(output)"
                } else if kind == "power-law" {
                    handle = try IGraphHandle.staticPowerLaw(nodes: nodes, arcs: arcs, exponentOut: exponentOut, exponentIn: exponentIn, seed: seed)
                    recipe = "infmax generate power-law --nodes \(nodes) --arcs \(arcs) --exponent-out \(exponentOut) --exponent-in \(exponentIn) --seed \(seed) --output \(output)"
                } else {
                    handle = try IGraphHandle.barabasiAlbert(nodes: nodes, arcsPerNode: perNode, seed: seed)
                    recipe = "infmax generate barabasi --nodes \(nodes) --per-node \(perNode) --seed \(seed) --output \(output)"
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
            printError("wrote \(output == "-" ? "standard output" : output): \(handle.vertexCount) nodes, \(edges.sources.count) \(handle.isDirected ? "arcs" : "edges")")
        }
    }
}
