import Foundation
import Testing

@Suite(.serialized) struct InfoCommandTests {
    /// Node d has three in-arcs of 0.5: IC probabilities, but not LT weights unless rescaled.
    static let heavyText = "a d 0.5\nb d 0.5\nc d 0.5\n"

    @Test func karateSummary() throws {
        let result = try CLI.run(["info", "Graphs/karate.txt", "--undirected", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try result.json()["summary"] as? [String: Any])
        #expect(summary["nodes"] as? Int == 34)
        #expect(summary["arcs"] as? Int == 156)
        #expect(summary["directed"] as? Bool == false)
        #expect(summary["probabilityScheme"] as? String == "wc")
        #expect(summary["ltWeightScheme"] as? String == "1/indeg")
    }

    /// The text report has the IC probabilities and the LT weights, each with its scheme.
    @Test func probabilitiesAndLTWeightLines() throws {
        let result = try CLI.run(["info", "Graphs/karate.txt", "--undirected"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.contains("nodes            34"))
        #expect(result.lines.contains("arcs             156 (undirected input: each edge is two arcs)"))
        // Karate's degrees run from 1 to 17: wc and 1/indeg give the same range.
        #expect(result.lines.contains("probabilities    wc: min 0.0588  mean 0.2179  max 1.0000"))
        #expect(result.lines.contains("LT weights       1/indeg: min 0.0588  mean 0.2179  max 1.0000"))

        let uniform = try CLI.run(["info", "Graphs/karate.txt", "--undirected", "--probabilities", "uniform:0.1"])
        #expect(uniform.status == 0, "\(uniform.stderr)")
        #expect(uniform.lines.contains("probabilities    uniform:0.1: min 0.1000  mean 0.1000  max 0.1000"))
        // uniform is an IC scheme: LT keeps 1/indeg.
        #expect(uniform.lines.contains("LT weights       1/indeg: min 0.0588  mean 0.2179  max 1.0000"))
    }

    /// File values whose in-sums exceed 1 are IC probabilities but not LT weights; --normalize-lt rescales them.
    @Test func fileValuesAboveOneAreNotLTWeights() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("heavy.txt", Self.heavyText)
        let result = try CLI.run(["info", graph, "--probabilities", "file"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.contains("probabilities    file: min 0.5000  mean 0.5000  max 0.5000"))
        #expect(result.lines.contains("LT weights       file: not valid LT weights: node 'd' has LT in-weights summing to 1.5 (expected at most 1, or rescaled to sum to 1) (--normalize-lt rescales them)"))
        let json = try CLI.run(["info", graph, "--probabilities", "file", "--json"])
        let summary = try #require(try json.json()["summary"] as? [String: Any])
        #expect(summary["probabilityScheme"] as? String == "file")
        #expect(summary["ltWeight"] == nil && summary["ltWeightScheme"] == nil)
        #expect(summary["ltWeightProblem"] as? String == "node 'd' has LT in-weights summing to 1.5 (expected at most 1, or rescaled to sum to 1)")
        // --normalize-lt means what it means elsewhere: only with the file's weights.
        let wc = try CLI.failure(["info", graph, "--normalize-lt"], status: 2)
        #expect(wc == "error: --normalize-lt: 1/indeg weights already sum to 1 (rescaling applies to weights from the file)")

        let rescaled = try CLI.run(["info", graph, "--probabilities", "file", "--normalize-lt"])
        #expect(rescaled.status == 0, "\(rescaled.stderr)")
        #expect(rescaled.lines.contains("probabilities    file: min 0.5000  mean 0.5000  max 0.5000"))
        #expect(rescaled.lines.contains("LT weights       file (rescaled): min 0.3333  mean 0.3333  max 0.3333"))

        // Valid weights are shown as they are.
        let light = try files.write("light.txt", "a d 0.25\nb d 0.5\n")
        let valid = try CLI.run(["info", light, "--probabilities", "file"])
        #expect(valid.lines.contains("LT weights       file: min 0.2500  mean 0.3750  max 0.5000"))
    }

    @Test func missingFileIsOneLineAndExitOne() throws {
        let line = try CLI.failure(["info", "no/such/graph.txt"], status: 1)
        #expect(line == "error: no/such/graph.txt: no such file (check the path)")
    }

    @Test func unknownFormatIsUsageError() throws {
        let line = try CLI.failure(["info", "Graphs/karate.txt", "--format", "xlsx"], status: 2)
        #expect(line == "error: --format: unknown format 'xlsx' (expected one of: snap, graphml, gml, pajek, ncol, lgl, infgraph)")
    }

    /// igraph construction: on demand is the default (--defer-igraph still accepted), --eager-igraph
    /// builds it at load; either way igraph's algorithms work. Both flags at once contradict.
    @Test func igraphConstructionFlags() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let never = files.path("never.infgraph")
        var tops: [[String]] = []
        for flag in [[], ["--defer-igraph"], ["--eager-igraph"]] {
            let result = try CLI.run(["info", "Graphs/karate.txt", "--undirected", "--pagerank", "2", "--json"] + flag)
            #expect(result.status == 0, "\(flag): \(result.stderr)")
            let top = try #require(try result.json()["pagerankTop"] as? [[String: Any]])
            tops.append(top.compactMap { $0["label"] as? String })
        }
        #expect(tops[0].count == 2)
        #expect(tops.allSatisfy { $0 == tops[0] })
        for command in [["info", "Graphs/karate.txt"], ["simulate", "Graphs/karate.txt", "--seeds", "0"],
                        ["seeds", "Graphs/karate.txt", "--k", "1"], ["convert", "Graphs/karate.txt", "--output", never]] {
            let line = try CLI.parserRefusal(command + ["--defer-igraph", "--eager-igraph"])
            #expect(line == "error: --defer-igraph and --eager-igraph contradict each other; give one", "\(command)")
        }
        #expect(!FileManager.default.fileExists(atPath: never))
    }

    /// The label storage is reported in text and JSON.
    @Test func labelType() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let integers = try files.write("integers.txt", "10 20\n20 30\n")
        let words = try files.write("words.txt", "ann bob\nbob cat\n")
        for (graph, type) in [("Graphs/karate.txt", "identity"), (integers, "integer"), (words, "string")] {
            let text = try CLI.run(["info", graph])
            #expect(text.status == 0, "\(text.stderr)")
            #expect(text.lines.contains("labels           \(type)"), "\(graph): \(text.stdout)")
            let json = try CLI.run(["info", graph, "--json"])
            let summary = try #require(try json.json()["summary"] as? [String: Any])
            #expect(summary["labelType"] as? String == type, "\(graph)")
        }
    }

    /// Karate lists each edge once: loaded directed it is not symmetric, and too small (34 nodes)
    /// for the strong-component hint; undirected it is symmetric by construction. No hint either way.
    @Test func karateHasNoHints() throws {
        for extra in [[], ["--undirected"]] {
            let text = try CLI.run(["info", "Graphs/karate.txt"] + extra)
            #expect(text.status == 0 && text.stderr.isEmpty, "\(extra): \(text.stderr)")
            #expect(text.lines.contains("symmetric        \(extra.isEmpty ? "no" : "yes (every arc has its reverse)")"))
            let json = try CLI.run(["info", "Graphs/karate.txt", "--json"] + extra).json()
            #expect((json["summary"] as? [String: Any])?["symmetric"] as? Bool == !extra.isEmpty)
            #expect((json["hints"] as? [String]) == [])
        }
    }

    /// A directed file listing each edge both ways: every arc has its reverse, --undirected is not needed.
    @Test func symmetricFileHint() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("both.txt", "a b\nb a\nb c\nc b\n")
        let hint = "every arc has its reverse (the file may list each undirected edge in both directions; --undirected is not needed)"
        let text = try CLI.run(["info", graph])
        #expect(text.status == 0)
        #expect(text.stderr == "note: \(hint)\n")
        #expect(text.lines.contains("symmetric        yes (every arc has its reverse)"))
        let json = try CLI.run(["info", graph, "--json"])
        #expect(try json.json()["hints"] as? [String] == [hint])
        #expect(json.stderr == "note: \(hint)\n")
    }

    /// A star listed once, loaded directed: strong components of one node against a weak one of 150.
    @Test func onceListedStarHint() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let star = try files.write("star.txt", (1..<150).map { "0 \($0)" }.joined(separator: "\n") + "\n")
        let hint = "the largest strong component has 1 node against 150 in the weak one: if the file lists each friendship once, load it with --undirected"
        let text = try CLI.run(["info", star])
        #expect(text.status == 0)
        #expect(text.stderr == "note: \(hint)\n")
        #expect(text.lines.contains("strong components 150 (largest 1 nodes)"))
        #expect(try CLI.run(["info", star, "--json"]).json()["hints"] as? [String] == [hint])
        let undirected = try CLI.run(["info", star, "--undirected"])
        #expect(undirected.status == 0 && undirected.stderr.isEmpty, "\(undirected.stderr)")
        // Below 100 nodes in the weak component: no hint.
        let small = try files.write("small.txt", (1..<99).map { "0 \($0)" }.joined(separator: "\n") + "\n")
        #expect(try CLI.run(["info", small]).stderr.isEmpty)
    }

    /// --quiet drops the notes (hints) from standard error, as in the other commands; the report stays.
    @Test func quietDropsNotes() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("both.txt", "a b\nb a\n")
        let quiet = try CLI.run(["info", graph, "--quiet"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty)
        #expect(quiet.lines.contains("nodes            2"))
        let json = try CLI.run(["info", graph, "--quiet", "--json"])
        #expect(json.stderr.isEmpty)
        #expect((try json.json()["hints"] as? [String])?.count == 1)
        let help = try CLI.run(["info", "--help"])
        #expect(help.stdout.contains("--quiet"))
    }
}


/// `info`'s footprint is what `seeds` holds: on a text edge list under weighted cascade both count
/// the reverse-only graph (reverse CSR and 4-byte arc map) plus the sampling tables, so the two
/// bytes-per-arc figures are the same number; with `--dedupe` merging parallel arcs (which keeps
/// the full graph) both count the full graph again, and the figure rises by at least the forward
/// CSR's 4 bytes an arc. Equality to the last bit (weighted cascade: the sampling tables are laid
/// out the same way in both runs) rejects any term counted by one and not the other; the rise
/// rejects a footprint that ignores the graph actually held. With merged arcs (unequal
/// probabilities, per-arc values held) the two runs' allocated capacities differ by a few bytes
/// (16 of 24,000 here), so there they are compared to 1% (the forward CSR alone is 4 of the 66
/// bytes an arc).
@Suite(.serialized) struct InfoFootprintTests {
    @Test func infoBytesPerArcIsWhatSeedsHolds() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        var text = ""
        for v in 0..<120 { for j in 1...3 { text += "\((v * 31 + j * 17) % 120) \(v)\n" } }
        text += "0 1\n0 1\n"
        let graph = try files.write("footprint.txt", text)
        func figures(_ extra: [String]) throws -> (info: Double, seeds: Double) {
            let info = try CLI.run(["info", graph, "--json"] + extra)
            #expect(info.status == 0, "\(info.stderr)")
            let seeds = try CLI.run(["seeds", graph, "--k", "3", "--json", "--quiet"] + extra)
            #expect(seeds.status == 0, "\(seeds.stderr)")
            let a = try #require((try info.json()["memory"] as? [String: Any])?["bytesPerArc"] as? Double)
            let b = try #require((try seeds.json()["memory"] as? [String: Any])?["bytesPerArc"] as? Double)
            return (a, b)
        }
        let cut = try figures([])
        #expect(cut.info == cut.seeds)
        let whole = try figures(["--dedupe"])
        #expect(abs(whole.info - whole.seeds) <= 0.01 * whole.seeds)
        #expect(whole.info >= cut.info + 4)
        #expect(whole.seeds >= cut.seeds + 4)
    }
}
