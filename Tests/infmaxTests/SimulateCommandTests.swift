import Foundation
import Testing

/// End-to-end runs of `infmax simulate`.
@Suite(.serialized) struct SimulateCommandTests {
    /// A tiny graph with file probabilities: a→b (0.5), b→c (0.4), a→c (0.3), c→d (1); labels are
    /// words so that labels and ids differ.
    static let tinyText = "# tiny\na b 0.5\nb c 0.4\na c 0.3\nc d 1\n"

    static func labels(_ report: [String: Any]) -> [String] {
        ((report["seeds"] as? [[String: Any]]) ?? []).compactMap { $0["label"] as? String }
    }

    @Test func textReportOnKarate() throws {
        let result = try CLI.run(["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0,33", "--runs", "5000",
                                  "--threads", "2", "--node-probabilities", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.lines
        #expect(lines.contains("graph          Graphs/karate.txt (34 nodes, 156 arcs)"))
        #expect(lines.contains("model          ic (wc)"))
        #expect(lines.contains("seeds          2: 0, 33"))
        #expect(lines.contains("runs           5000 (seed 1, 2 threads)"))
        #expect(lines.contains { $0.hasPrefix("spread         ") && $0.contains("95% CI") })
        #expect(lines.contains("most likely active nodes"))
        // Node 11's only neighbour is seed 0, so under wc its arc has p = 1.
        #expect(lines.contains("  1. 0  1.000000") && lines.contains("  2. 11  1.000000") && lines.contains("  3. 33  1.000000"))
    }

    @Test func jsonReportMatchesTheOracleAndIgnoresThreads() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("tiny.txt", Self.tinyText)
        func run(_ threads: String) throws -> [String: Any] {
            let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds", "a", "--runs", "200000",
                                      "--seed", "17", "--threads", threads, "--exact", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try result.json()
        }
        let one = try run("1"), two = try run("2")
        let estimate = try #require(one["spread"] as? [String: Any])
        let mean = try #require(estimate["estimate"] as? Double), standardError = try #require(estimate["standardError"] as? Double)
        // σ({a}) = 1 + P(b) + 2·P(c): P(b) = 0.5, P(c) = 1 − (1 − 0.3)(1 − 0.5·0.4) = 0.44; d follows c.
        let expected = 1 + 0.5 + 2 * (1 - 0.7 * 0.8)
        #expect(abs(try #require((one["exact"] as? [String: Any])?["estimate"] as? Double) - expected) < 1e-6)
        #expect(abs(mean - expected) <= 4 * standardError)
        #expect(estimate["samples"] as? Int == 200_000 && estimate["method"] as? String == "monte-carlo")
        let request = try #require(one["request"] as? [String: Any])
        #expect((one["model"] as? [String: Any])?["name"] as? String == "ic")
        #expect(request["probabilities"] as? String == "file")
        #expect(request["seed"] as? Int == 17)
        #expect(Self.labels(one) == ["a"])
        #expect(try #require(one["arcsExamined"] as? Int) > 200_000)
        #expect(NSDictionary(dictionary: estimate).isEqual(to: try #require(two["spread"] as? [String: Any])))
        #expect((two["request"] as? [String: Any])?["threads"] as? Int == 2)
    }

    @Test func linearThresholdWithMaxSteps() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("tiny.txt", Self.tinyText)
        let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds", "a", "--model", "lt",
                                  "--max-steps", "1", "--runs", "1000", "--exact", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try result.json()
        // One round from a: b with 0.5, c with 0.3 (d needs a second round).
        #expect(abs(try #require((report["exact"] as? [String: Any])?["estimate"] as? Double) - 1.8) < 1e-6)
        let request = try #require(report["request"] as? [String: Any])
        #expect(request["maxSteps"] as? Int == 1)
        #expect(request["model"] as? String == "lt")
        #expect(request["probabilities"] as? String == "file")
    }

    @Test func seedsFileWithOneLabelPerLine() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("tiny.txt", Self.tinyText)
        let file = try files.write("seeds.txt", "# chosen by hand\nb\n\n  c  \r\n")
        let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", file, "--runs", "100", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try result.json()
        #expect(Self.labels(report) == ["b", "c"])
        // From {b, c}, d always follows c: the spread is exactly 3.
        #expect((report["spread"] as? [String: Any])?["estimate"] as? Double == 3)
    }

    @Test func seedsFileInTheJSONOfSeedsAndAsAPlainArray() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("tiny.txt", Self.tinyText)
        let object = try files.write("seeds.json", """
            {"algorithm": "imm", "seeds": [{"label": "c", "rank": 1, "gain": 2.0}, {"label": "a", "rank": 2}]}
            """)
        let array = try files.write("seeds-array.json", "[\"c\", \"a\"]\n")
        for file in [object, array] {
            let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", file, "--runs", "64", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Self.labels(try result.json()) == ["c", "a"])
        }
        // A report of simulate is itself a seeds file.
        let first = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds", "b,d", "--runs", "64", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let report = try files.write("report.json", first.stdout)
        let second = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", report, "--runs", "64", "--json"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(Self.labels(try second.json()) == ["b", "d"])
    }

    @Test func unknownLabelIsAnErrorNamingIt() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("tiny.txt", Self.tinyText)
        let line = try CLI.failure(["simulate", graph, "--probabilities", "file", "--seeds", "a,zebra"], status: 2)
        #expect(line == "error: --seeds item 2: unknown seed label 'zebra' (no node of \(graph) has this label)")

        let file = try files.write("unknown.txt", "a\n\nyak\n")
        let fromFile = try CLI.failure(["simulate", graph, "--probabilities", "file", "--seeds-file", file], status: 1)
        #expect(fromFile == "error: \(file):3: unknown seed label 'yak' (no node of \(graph) has this label)")

        let json = try files.write("unknown.json", "{\"seeds\": [{\"label\": \"a\"}, {\"label\": \"emu\"}]}")
        let fromJSON = try CLI.failure(["simulate", graph, "--probabilities", "file", "--seeds-file", json], status: 1)
        #expect(fromJSON == "error: \(json) (seed entry 2): unknown seed label 'emu' (no node of \(graph) has this label)")
    }

    @Test func duplicateSeedsAreAnError() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("tiny.txt", Self.tinyText)
        let line = try CLI.failure(["simulate", graph, "--probabilities", "file", "--seeds", "a,b,a"], status: 2)
        #expect(line == "error: --seeds item 3: seed 'a' is given twice (first at --seeds item 1; expected distinct seeds)")
        let file = try files.write("twice.txt", "b\nb\n")
        let fromFile = try CLI.failure(["simulate", graph, "--probabilities", "file", "--seeds-file", file], status: 1)
        #expect(fromFile == "error: \(file):2: seed 'b' is given twice (first at \(file):1; expected distinct seeds)")
    }

    @Test func badSeedsFilesAreOneLineErrors() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("tiny.txt", Self.tinyText)
        let cases: [(String, String, String)] = [
            ("empty.txt", "# nothing\n\n", "no seeds (expected one label per line"),
            ("broken.json", "{\"seeds\": [", "not valid JSON"),
            ("nolabel.json", "{\"seeds\": [{\"rank\": 1}]}", "seed entry 1 has no \"label\" string"),
            ("noseeds.json", "{\"chosen\": []}", "JSON object without a \"seeds\" array"),
        ]
        for (name, text, message) in cases {
            let file = try files.write(name, text)
            let line = try CLI.failure(["simulate", graph, "--probabilities", "file", "--seeds-file", file], status: 1)
            #expect(line.hasPrefix("error: \(file): ") && line.contains(message), "\(name): \(line)")
        }
        let missing = try CLI.failure(["simulate", graph, "--probabilities", "file", "--seeds-file", "/no/such/seeds.txt"], status: 1)
        #expect(missing == "error: /no/such/seeds.txt: no such file (check the path)")
    }

    @Test func exactRefusesLargeInstances() throws {
        let line = try CLI.failure(["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0", "--runs", "64", "--exact"], status: 1)
        #expect(line.hasPrefix("error: exact spread would enumerate 2^"))
        #expect(line.contains("(limit 2^24 = 16777216)"))
    }

    @Test func untilRelativeErrorReportsItsTarget() throws {
        let result = try CLI.run(["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0", "--runs", "1000",
                                  "--until-relative-error", "0.02", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try result.json()
        let estimate = try #require(report["spread"] as? [String: Any])
        let mean = try #require(estimate["estimate"] as? Double)
        let halfWidth = try #require(estimate["high"] as? Double) - mean
        #expect(halfWidth <= 0.02 * mean + 1e-12)
        #expect(try #require(estimate["samples"] as? Int) > 1000)
        let request = try #require(report["request"] as? [String: Any])
        #expect(request["untilRelativeError"] as? Double == 0.02)
        #expect(request["maxRuns"] as? Int == 1_000_000)
    }

    @Test func argumentMistakesAreUsageErrors() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("tiny.txt", Self.tinyText)
        #expect(try CLI.parserRefusal(["simulate", graph]).contains("give the seed set with --seeds a,b,c or --seeds-file FILE"))
        #expect(try CLI.parserRefusal(["simulate", graph, "--seeds", "a", "--seeds-file", "x"]).contains("either --seeds or --seeds-file"))
        #expect(try CLI.parserRefusal(["simulate", graph, "--seeds", "a", "--runs", "0"]).contains("--runs takes a positive count"))
        #expect(try CLI.parserRefusal(["simulate", graph, "--seeds", "a", "--max-runs", "5000"]).contains("--max-runs caps --until-relative-error"))
        #expect(try CLI.parserRefusal(["simulate", graph, "--seeds", "a", "--runs", "5000", "--until-relative-error", "0.1", "--max-runs", "100"])
            .contains("--max-runs (100) is below --runs (5000)"))
        #expect(try CLI.parserRefusal(["simulate", graph, "--seeds", "a", "--model", "sir"]).contains("'sir'"))
        let empty = try CLI.failure(["simulate", graph, "--probabilities", "file", "--seeds", "a,,b"], status: 2)
        #expect(empty.contains("--seeds has an empty label at position 2"))
        let missingGraph = try CLI.failure(["simulate", "no/such/graph.txt", "--seeds", "a"], status: 1)
        #expect(missingGraph == "error: no/such/graph.txt: no such file (check the path)")
    }

    /// `--quiet` is shared with seeds and compare: simulate accepts it, prints the same report and
    /// nothing on standard error.
    @Test func quietIsAccepted() throws {
        let base = ["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0", "--runs", "500", "--threads", "1"]
        let loud = try CLI.run(base + ["--json"])
        let quiet = try CLI.run(base + ["--json", "--quiet"])
        #expect(loud.status == 0 && quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stderr.isEmpty)
        let a = try #require(try loud.json()["spread"] as? [String: Any])
        let b = try #require(try quiet.json()["spread"] as? [String: Any])
        #expect(NSDictionary(dictionary: a).isEqual(to: b))
        let text = try CLI.run(base + ["--quiet"])
        #expect(text.status == 0)
        #expect(text.stderr.isEmpty)
        #expect(text.lines.contains("model          ic (wc)"))
    }
}

/// Which model accepts which arc values, and which flags go with which model.
@Suite(.serialized) struct SimulateModelBindingTests {
    /// Node d has three in-arcs of 0.5: fine IC probabilities, but LT in-weights summing to 1.5.
    static let heavyText = "a d 0.5\nb d 0.5\nc d 0.5\n"

    static func exact(_ result: CLIResult) -> String? {
        result.lines.first { $0.hasPrefix("exact          ") }.map { String($0.dropFirst(15).prefix { $0 != " " }) }
    }

    @Test func icAcceptsInProbabilitiesSummingAboveOne() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("heavy.txt", Self.heavyText)
        let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--model", "ic", "--seeds", "a,b", "--exact", "--runs", "200"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.lines.contains("model          ic (file)"))
        // σ({a, b}) = 2 + 1 − (1 − 0.5)².
        #expect(Self.exact(result) == "2.750000")
    }

    @Test func ltRefusesInWeightsAboveOneUnlessNormalized() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("heavy.txt", Self.heavyText)
        let refused = try CLI.failure(["simulate", graph, "--probabilities", "file", "--model", "lt", "--seeds", "a", "--runs", "10"], status: 1)
        #expect(refused == "error: node 'd' has LT in-weights summing to 1.5 (expected at most 1, or rescaled to sum to 1); --normalize-lt rescales them")

        let rescaled = try CLI.run(["simulate", graph, "--probabilities", "file", "--model", "lt", "--normalize-lt",
                                    "--seeds", "a", "--exact", "--runs", "200"])
        #expect(rescaled.status == 0, "\(rescaled.stderr)")
        #expect(rescaled.lines.contains("model          lt (file (rescaled))"))
        // Rescaled, each in-arc of d weighs 1/3.
        #expect(Self.exact(rescaled) == "1.333333")
    }

    @Test func normalizeLTIsForLTWithFileWeightsOnly() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("heavy.txt", Self.heavyText)
        let ic = try CLI.failure(["simulate", graph, "--probabilities", "file", "--model", "ic", "--normalize-lt", "--seeds", "a", "--runs", "10"], status: 2)
        #expect(ic == "error: --normalize-lt: rescaling LT in-weights applies to the LT model only (expected model lt, or no rescaling)")
        let defaultModel = try CLI.failure(["simulate", graph, "--probabilities", "file", "--normalize-lt", "--seeds", "a", "--runs", "10"], status: 2)
        #expect(defaultModel == ic)
        let inverseDegree = try CLI.failure(["simulate", graph, "--model", "lt", "--normalize-lt", "--seeds", "a", "--runs", "10"], status: 2)
        #expect(inverseDegree == "error: --normalize-lt: 1/indeg weights already sum to 1 (rescaling applies to weights from the file)")
    }

    @Test(arguments: ["uniform:0.1", "trivalency"])
    func icOnlySchemesAreUsageErrorsUnderLT(_ scheme: String) throws {
        let line = try CLI.failure(["simulate", "Graphs/karate.txt", "--undirected", "--probabilities", scheme, "--model", "lt",
                                    "--seeds", "0", "--runs", "10"], status: 2)
        #expect(line == "error: --probabilities: scheme '\(scheme)' assigns IC probabilities (expected wc, for LT weights 1/indeg, or file)")
        // The same scheme is fine under IC.
        let ic = try CLI.run(["simulate", "Graphs/karate.txt", "--undirected", "--probabilities", scheme, "--seeds", "0", "--runs", "10"])
        #expect(ic.status == 0, "\(ic.stderr)")
        #expect(ic.lines.contains("model          ic (\(scheme))"))
    }

    /// `--dedupe` merges parallel arcs by each model's rule, so the exact spread is unchanged:
    /// 0→1 twice and 2→1, seed 0.
    @Test(arguments: [
        ([String](), "1.555556"),                                     // wc: 1 − (2/3)²
        (["--probabilities", "uniform:0.3"], "1.510000"),             // 1 − 0.7²
        (["--probabilities", "trivalency"], nil),                     // whatever was drawn, the same
        (["--model", "lt"], "1.666667"),                              // 1/indeg: 2/3
    ] as [([String], String?)])
    func dedupeKeepsTheCascade(_ extra: [String], expected: String?) throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("parallel.txt", "0 1\n0 1\n2 1\n")
        let base = ["simulate", graph, "--seeds", "0", "--exact", "--runs", "100"] + extra
        let kept = try CLI.run(base)
        let merged = try CLI.run(base + ["--dedupe"])
        #expect(kept.status == 0 && merged.status == 0, "\(kept.stderr) \(merged.stderr)")
        #expect(kept.lines.contains("graph          \(graph) (3 nodes, 3 arcs)"))
        #expect(merged.lines.contains("graph          \(graph) (3 nodes, 2 arcs)"))
        let before = try #require(Self.exact(kept)), after = try #require(Self.exact(merged))
        #expect(before == after)
        if let expected { #expect(before == expected) }
    }

    /// The same with arc values from a third column, under IC and LT.
    @Test func dedupeKeepsTheCascadeWithFileValues() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("parallel-values.txt", "0 1 0.2\n0 1 0.5\n2 1 0.1\n")
        for (model, expected) in [("ic", "1.600000"), ("lt", "1.700000")] {   // IC 1 − 0.8·0.5; LT 0.2 + 0.5
            let base = ["simulate", graph, "--probabilities", "file", "--model", model, "--seeds", "0", "--exact", "--runs", "100"]
            let kept = try CLI.run(base), merged = try CLI.run(base + ["--dedupe"])
            #expect(kept.status == 0 && merged.status == 0, "\(model): \(kept.stderr) \(merged.stderr)")
            #expect(merged.lines.contains("graph          \(graph) (3 nodes, 2 arcs)"))
            #expect(Self.exact(kept) == expected, "\(model)")
            #expect(Self.exact(merged) == expected, "\(model)")
        }
    }
}
