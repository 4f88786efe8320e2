import ArgumentParser
import FoundationEssentials
import InfluenceKit

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a graph: size, degrees, components, probabilities.",
        discussion: """
        Loads the graph exactly as the other commands would (same options) and reports what was \
        found: nodes, arcs, how nodes are labelled (identity, integer or string), whether every \
        arc has its reverse, self-loops dropped, parallel arcs, degree ranges, weakly and strongly \
        connected components, nodes no arc reaches, and the IC probabilities.

        Hints about the input follow as notes on standard error (and as "hints" in the JSON): a \
        directed graph whose every arc has its reverse needs no --undirected; a directed graph \
        whose largest strong component is tiny against its largest weak one probably does. \
        --quiet leaves the notes out.

        Examples:
          infmax info Graphs/karate.txt --undirected
          infmax info soc-Slashdot0902.txt.gz --json
          infmax info graph.txt --probabilities uniform:0.01 --pagerank 10
        """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Seed of every random choice (here: random probability schemes such as trivalency); the same seed gives the same result.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Also list the N nodes of highest PageRank (igraph, damping 0.85).", valueName: "N"))
    var pagerank: Int?

    @OptionGroup var outputOptions: OutputOptions

    struct Ranked: Codable { var label: String; var pagerank: Double }
    /// What `seeds` holds per arc and per RR-set member on this graph (IC, the scheme given).
    struct Footprint: Codable {
        /// The graph's arrays as loaded here (both CSRs, arc map, value columns) per arc.
        var graphBytesPerArc: Double
        /// What `seeds` holds per arc: the graph as it loads it (the reverse CSR and a 4-byte arc
        /// map alone under weighted cascade from a text edge list, else the whole graph), IC's
        /// per-arc values when made and the subset-sampling tables.
        var bytesPerArc: Double
        /// Pool and inverted index per RR-set member, at the mean size of 4,096 sets drawn here.
        var bytesPerRRSetMember: Double
        /// That mean RR-set size.
        var meanRRSetSize: Double
    }
    struct Report: Codable {
        var graph: String
        var summary: GraphSummary
        var loadSeconds: Double
        var pagerankTop: [Ranked]?
        var memory: Footprint?
        /// What the summary suggests about loading the file (e.g. whether --undirected is needed).
        var hints: [String]
    }

    func validate() throws {
        if let pagerank, pagerank <= 0 { throw ValidationError("--pagerank takes a positive count (e.g. --pagerank 10)") }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try graphOptions.load(seed: seed)
            let scheme = try graphOptions.scheme(seed: seed)
            let ic = try IndependentCascade(graph: loaded.graph, probabilities: scheme)
            // LT weights: 1/indeg, or the file's (when they are valid LT weights or --normalize-lt
            // rescales them); the same rules as binding LT in the other commands.
            var lt: LinearThreshold?
            var ltProblem: String?
            switch scheme {
            case .file:
                do { lt = try LinearThreshold(graph: loaded.graph, weights: .file(rescale: graphOptions.normalizeLT)) }
                catch let error as InfluenceError { ltProblem = error.message }
            default:
                if graphOptions.normalizeLT { _ = try DiffusionModelKind.lt.bind(to: loaded.graph, probabilities: scheme, normalizeLT: true) }
                lt = try LinearThreshold(graph: loaded.graph, weights: .inverseInDegree)
            }
            let summary = try GraphSummary(loaded, ic: ic, lt: lt, ltProblem: ltProblem)
            var top: [Ranked]?
            if let pagerank {
                let handle = try loaded.igraphGraph()
                let scores: [Double]
                do { scores = try handle.pageRank() } catch let error as IGraphError { throw InfluenceError(.resource, "igraph pagerank failed: \(error.message)") }
                let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
                top = order.prefix(pagerank).map { Ranked(label: loaded.graph.label(of: $0), pagerank: scores[$0]) }
            }
            let snapshot = (try graphOptions.loadOptions(seed: seed).format ?? GraphFormat.infer(from: graphOptions.graph)) == .infgraph
            let hints = InfoHints.hints(for: summary, snapshot: snapshot)
            var footprint: Footprint?
            if loaded.graph.arcCount > 0 {
                // A model of its own, as `seeds` binds it: its per-arc arrays are counted only if
                // sampling made them.
                let held = graphOptions.allowsReverseOnly(seed: seed) ? (loaded.graph.reverseOnly() ?? loaded.graph) : loaded.graph
                let fresh = try IndependentCascade(graph: held, probabilities: scheme)
                let sampler = try RRSetSampler(model: fresh)
                let pool = sampler.sample(4096, seed: seed, poolID: RRPool.pilot, workers: 1)
                let members = Double(max(1, pool.memberCount))
                let m = loaded.graph.arcCount
                footprint = Footprint(
                    graphBytesPerArc: Double(loaded.graph.structureBytes) / Double(m),
                    bytesPerArc: Double(held.structureBytes + sampler.tableBytes + (fresh.holdsArcValues ? 24 * m : 0)) / Double(m),
                    bytesPerRRSetMember: (8 * members + 8 * Double(pool.count)) / members, meanRRSetSize: pool.meanSetSize)
            }
            let report = Report(graph: graphOptions.graph, summary: summary, loadSeconds: loaded.seconds, pagerankTop: top,
                                memory: footprint, hints: hints)
            if outputOptions.json {
                print(try jsonText(report))
            } else {
                printText(report)
            }
            let progress = outputOptions.progressReporter
            for hint in hints { progress.note(hint) }
        }
    }

    private func printText(_ r: Report) {
        let s = r.summary
        func range(_ x: RangeSummary, _ d: Int) -> String { "min \(fixed(x.min, d))  mean \(fixed(x.mean, d))  max \(fixed(x.max, d))" }
        print("graph            \(r.graph) (\(s.format))")
        print("nodes            \(s.nodes)")
        print("arcs             \(s.arcs)\(s.directed ? "" : " (undirected input: each edge is two arcs)")")
        print("directed         \(s.directed ? "yes" : "no")")
        print("labels           \(s.labelType.rawValue)")
        print("symmetric        \(s.symmetric ? "yes (every arc has its reverse)" : "no")")
        print("self-loops       \(s.selfLoopsDropped) dropped")
        print("parallel arcs    \(s.parallelArcs)\(s.parallelArcsMerged ? " (merged)" : "")")
        print("in-degree        \(range(s.inDegree, 2))")
        print("out-degree       \(range(s.outDegree, 2))")
        print("weak components  \(s.weaklyConnectedComponents.count) (largest \(s.weaklyConnectedComponents.largest) nodes)")
        print("strong components \(s.stronglyConnectedComponents.count) (largest \(s.stronglyConnectedComponents.largest) nodes)")
        print("no in-arcs       \(s.nodesWithoutInArcs) nodes")
        if let p = s.probability { print("probabilities    \(s.probabilityScheme ?? ""): \(range(p, 4))") }
        if let w = s.ltWeight {
            print("LT weights       \(s.ltWeightScheme ?? ""): \(range(w, 4))")
        } else {
            print("LT weights       file: not valid LT weights: \(s.ltWeightProblem ?? "binding LT failed") (--normalize-lt rescales them)")
        }
        print("load time        \(fixed(r.loadSeconds * 1000, 1)) ms")
        if let m = r.memory {
            print("memory           graph \(fixed(m.graphBytesPerArc, 1)) B/arc; seeds holds \(fixed(m.bytesPerArc, 1)) B/arc (graph as seeds loads it, IC values, sampling tables); RR sets \(fixed(m.bytesPerRRSetMember, 2)) B/member (pool + index, mean set size \(fixed(m.meanRRSetSize, 1)))")
        }
        if let top = r.pagerankTop {
            print("top PageRank")
            for (i, entry) in top.enumerated() { print("  \(i + 1). \(entry.label)  \(fixed(entry.pagerank, 6))") }
        }
    }
}
