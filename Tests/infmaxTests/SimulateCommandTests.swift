import Foundation
import Testing

/// End-to-end runs of `infmax simulate`.
@Suite(.serialized) struct SimulateCommandTests {
    /// A tiny graph with file probabilities: 0→1 (0.5), 1→2 (0.4), 0→2 (0.3), 2→3 (1); labels are
    /// words so that labels and ids differ.
    static func tinyGraphFile() throws -> String {
        let path = NSTemporaryDirectory() + "infmax-simulate-\(getpid())-tiny.txt"
        try "# tiny\na b 0.5\nb c 0.4\na c 0.3\nc d 1\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "infmax-simulate-\(getpid())-\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    @Test func textReportOnKarate() throws {
        let result = try CLI.run(["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0,33", "--runs", "5000",
                                  "--threads", "2", "--node-probabilities", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("graph          Graphs/karate.txt (34 nodes, 156 arcs)"))
        #expect(lines.contains("model          ic (wc probabilities)"))
        #expect(lines.contains("seeds          2: 0, 33"))
        #expect(lines.contains("runs           5000 (seed 1, 2 threads)"))
        #expect(lines.contains { $0.hasPrefix("spread         ") && $0.contains("95% CI") })
        #expect(lines.contains("most likely active nodes"))
        // Node 11's only neighbour is seed 0, so under wc its arc has p = 1.
        #expect(lines.contains("  1. 0  1.000000") && lines.contains("  2. 11  1.000000") && lines.contains("  3. 33  1.000000"))
    }

    @Test func jsonReportMatchesTheOracleAndIgnoresThreads() throws {
        let graph = try Self.tinyGraphFile()
        func run(_ threads: String) throws -> [String: Any] {
            let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds", "a", "--runs", "200000",
                                      "--seed", "17", "--threads", threads, "--exact", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            return try Self.json(result.stdout)
        }
        let one = try run("1"), two = try run("2")
        let estimate = one["estimate"] as! [String: Any]
        let mean = estimate["mean"] as! Double, standardError = estimate["standardError"] as! Double
        // σ({a}) = 1 + P(b) + 2·P(c): P(b) = 0.5, P(c) = 1 − (1 − 0.3)(1 − 0.5·0.4) = 0.44; d follows c.
        let expected = 1 + 0.5 + 2 * (1 - 0.7 * 0.8)
        #expect(abs((one["exact"] as! Double) - expected) < 1e-6)
        #expect(abs(mean - expected) <= 4 * standardError)
        #expect(estimate["runs"] as? Int == 200_000)
        #expect(one["model"] as? String == "ic")
        #expect(one["seed"] as? Int == 17)
        #expect((one["seeds"] as! [[String: Any]]).map { $0["label"] as! String } == ["a"])
        #expect((one["arcsExamined"] as! Int) > 200_000)
        #expect(NSDictionary(dictionary: estimate).isEqual(to: two["estimate"] as! [String: Any]))
        #expect(two["threads"] as? Int == 2)
    }

    @Test func linearThresholdWithMaxSteps() throws {
        let graph = try Self.tinyGraphFile()
        let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds", "a", "--model", "lt",
                                  "--max-steps", "1", "--runs", "1000", "--exact", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(result.stdout)
        // One round from a: b with 0.5, c with 0.3 (d needs a second round).
        #expect(abs((report["exact"] as! Double) - 1.8) < 1e-6)
        #expect(report["maxSteps"] as? Int == 1)
        #expect(report["model"] as? String == "lt")
    }

    @Test func seedsFileWithOneLabelPerLine() throws {
        let graph = try Self.tinyGraphFile()
        let file = try Self.temporaryFile("seeds.txt", "# chosen by hand\nb\n\n  c  \r\n")
        let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", file, "--runs", "100", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(result.stdout)
        #expect((report["seeds"] as! [[String: Any]]).map { $0["label"] as! String } == ["b", "c"])
        // From {b, c}, d always follows c: the spread is exactly 3.
        #expect((report["estimate"] as! [String: Any])["mean"] as? Double == 3)
    }

    @Test func seedsFileInTheJSONOfSeedsAndAsAPlainArray() throws {
        let graph = try Self.tinyGraphFile()
        let object = try Self.temporaryFile("seeds.json", """
            {"algorithm": "imm", "seeds": [{"label": "c", "rank": 1, "gain": 2.0}, {"label": "a", "rank": 2}]}
            """)
        let array = try Self.temporaryFile("seeds-array.json", "[\"c\", \"a\"]\n")
        for file in [object, array] {
            let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", file, "--runs", "64", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let report = try Self.json(result.stdout)
            #expect((report["seeds"] as! [[String: Any]]).map { $0["label"] as! String } == ["c", "a"])
        }
        // A report of simulate is itself a seeds file.
        let first = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds", "b,d", "--runs", "64", "--json"])
        let report = try Self.temporaryFile("report.json", first.stdout)
        let second = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", report, "--runs", "64", "--json"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect((try Self.json(second.stdout)["seeds"] as! [[String: Any]]).map { $0["label"] as! String } == ["b", "d"])
    }

    @Test func unknownLabelIsAnErrorNamingIt() throws {
        let graph = try Self.tinyGraphFile()
        let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds", "a,zebra"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: --seeds item 2: unknown seed label 'zebra' (no node of \(graph) has this label)\n")

        let file = try Self.temporaryFile("unknown.txt", "a\n\nyak\n")
        let fromFile = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", file])
        #expect(fromFile.status == 1)
        #expect(fromFile.stderr == "error: \(file):3: unknown seed label 'yak' (no node of \(graph) has this label)\n")

        let json = try Self.temporaryFile("unknown.json", "{\"seeds\": [{\"label\": \"a\"}, {\"label\": \"emu\"}]}")
        let fromJSON = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", json])
        #expect(fromJSON.status == 1)
        #expect(fromJSON.stderr.contains("(seed entry 2): unknown seed label 'emu'"))
    }

    @Test func duplicateSeedsAreAnError() throws {
        let graph = try Self.tinyGraphFile()
        let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds", "a,b,a"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: --seeds item 3: seed 'a' is given twice (first at --seeds item 1; expected distinct seeds)\n")
        let file = try Self.temporaryFile("twice.txt", "b\nb\n")
        let fromFile = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", file])
        #expect(fromFile.status == 1)
        #expect(fromFile.stderr == "error: \(file):2: seed 'b' is given twice (first at \(file):1; expected distinct seeds)\n")
    }

    @Test func badSeedsFilesAreOneLineErrors() throws {
        let graph = try Self.tinyGraphFile()
        let cases: [(String, String, String)] = [
            ("empty.txt", "# nothing\n\n", "no seeds (expected one label per line"),
            ("broken.json", "{\"seeds\": [", "not valid JSON"),
            ("nolabel.json", "{\"seeds\": [{\"rank\": 1}]}", "seed entry 1 has no \"label\" string"),
            ("noseeds.json", "{\"chosen\": []}", "JSON object without a \"seeds\" array"),
        ]
        for (name, text, message) in cases {
            let file = try Self.temporaryFile(name, text)
            let result = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", file])
            #expect(result.status == 1, "\(name)")
            #expect(result.stderr.hasPrefix("error: \(file): ") && result.stderr.contains(message), "\(name): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
        let missing = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds-file", "/no/such/seeds.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: /no/such/seeds.txt: "))
    }

    @Test func exactRefusesLargeInstances() throws {
        let result = try CLI.run(["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0", "--runs", "64", "--exact"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: exact spread would enumerate 2^"))
        #expect(result.stderr.contains("(limit 2^24 = 16777216)"))
    }

    @Test func untilRelativeErrorReportsItsTarget() throws {
        let result = try CLI.run(["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0", "--runs", "1000",
                                  "--until-relative-error", "0.01", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(result.stdout)
        let estimate = report["estimate"] as! [String: Any]
        let mean = estimate["mean"] as! Double
        let halfWidth = (estimate["confidenceHigh"] as! Double) - mean
        #expect(halfWidth <= 0.01 * mean + 1e-12)
        #expect((estimate["runs"] as! Int) > 1000)
        #expect(report["untilRelativeError"] as? Double == 0.01)
        #expect(report["maxRuns"] as? Int == 1_000_000)
    }

    @Test func argumentMistakesAreUsageErrors() throws {
        let graph = try Self.tinyGraphFile()
        let noSeeds = try CLI.run(["simulate", graph])
        #expect(noSeeds.status == 64)
        #expect(noSeeds.stderr.contains("give the seed set with --seeds a,b,c or --seeds-file FILE"))
        let both = try CLI.run(["simulate", graph, "--seeds", "a", "--seeds-file", "x"])
        #expect(both.status == 64 && both.stderr.contains("either --seeds or --seeds-file"))
        let runs = try CLI.run(["simulate", graph, "--seeds", "a", "--runs", "0"])
        #expect(runs.status == 64 && runs.stderr.contains("--runs takes a positive count"))
        let cap = try CLI.run(["simulate", graph, "--seeds", "a", "--max-runs", "5000"])
        #expect(cap.status == 64 && cap.stderr.contains("--max-runs caps --until-relative-error"))
        let low = try CLI.run(["simulate", graph, "--seeds", "a", "--runs", "5000", "--until-relative-error", "0.1", "--max-runs", "100"])
        #expect(low.status == 64 && low.stderr.contains("--max-runs (100) is below --runs (5000)"))
        let model = try CLI.run(["simulate", graph, "--seeds", "a", "--model", "sir"])
        #expect(model.status == 64)
        let empty = try CLI.run(["simulate", graph, "--probabilities", "file", "--seeds", "a,,b"])
        #expect(empty.status == 2 && empty.stderr.contains("--seeds has an empty label at position 2"))
        let missingGraph = try CLI.run(["simulate", "no/such/graph.txt", "--seeds", "a"])
        #expect(missingGraph.status == 1 && missingGraph.stderr == "error: no/such/graph.txt: no such file (check the path)\n")
    }
}
