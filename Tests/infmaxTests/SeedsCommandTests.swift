import Foundation
import InfluenceKit
import Testing

/// End-to-end runs of `infmax seeds`.
@Suite(.serialized) struct SeedsCommandTests {
    static func temporaryFile(_ name: String, _ text: String) throws -> String {
        let path = NSTemporaryDirectory() + "infmax-seeds-\(getpid())-\(name)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    static func seedLabels(_ report: [String: Any]) -> [String] {
        (report["seeds"] as! [[String: Any]]).map { $0["label"] as! String }
    }

    /// A tiny graph with word labels and file probabilities (9 uncertain arcs: the oracle is exact).
    static let tinyText = """
        # tiny
        a b 0.5
        b c 0.4
        a c 0.3
        c d 0.9
        e d 0.6
        e f 0.5
        f g 0.7
        g e 0.2
        d h 0.5

        """

    @Test func textReportOnKarate() throws {
        let result = try CLI.run(["seeds", "Graphs/karate.txt", "--undirected", "--k", "4", "--threads", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("OPIM-C, IC, k = 4, ε = 0.1, δ = 0.0294, seed 1, 2 threads") == true)
        #expect(lines.contains("seeds in selection order (marginal gain estimated on the selection RR sets):"))
        #expect(lines.contains { $0.hasPrefix("spread    ") && $0.contains("95% interval") })
        #expect(lines.contains("          estimated on \(lines.first { $0.contains("fresh RR sets") }!.split(separator: " ")[2]) fresh RR sets, independent of those used to select the seeds"))
        #expect(lines.contains { $0.hasPrefix("guarantee σ(S) ≥ ") && $0.contains("measured on this instance") })
        #expect(lines.contains { $0.hasPrefix("time      load ") })
        #expect(lines.contains { $0.hasPrefix("memory    peak resident ") })
        // Karate's hubs come first.
        let rows = lines.drop { !$0.hasPrefix("  rank") }.dropFirst().prefix(4)
        #expect(rows.count == 4)
        #expect(Set(rows.map { $0.split(separator: " ")[1] }).isSuperset(of: ["33", "0"]))
    }

    @Test func jsonShapeAndSeedsOrder() throws {
        let result = try CLI.run(["seeds", "Graphs/karate.txt", "--undirected", "--k", "3", "--model", "lt", "--json",
                                  "--algorithm", "imm", "--epsilon", "0.2"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(result.stdout)
        let seeds = report["seeds"] as! [[String: Any]]
        #expect(seeds.count == 3)
        #expect(seeds.map { $0["rank"] as! Int } == [1, 2, 3])
        for seed in seeds {
            #expect(seed["label"] is String)
            #expect(seed["node"] is Int)
            #expect(seed["marginalGain"] is Double)
        }
        let gains = seeds.map { $0["marginalGain"] as! Double }
        #expect(gains == gains.sorted(by: >))
        let spread = report["spread"] as! [String: Any]
        #expect((spread["low"] as! Double) <= (spread["estimate"] as! Double))
        #expect((spread["estimate"] as! Double) <= (spread["high"] as! Double))
        #expect(spread["independentOfSelection"] as? Bool == true)
        let parameters = report["parameters"] as! [String: Any]
        #expect(parameters["algorithm"] as? String == "IMM")
        #expect(parameters["model"] as? String == "lt")
        #expect(parameters["ell"] as? Double == 1)
        #expect((report["guarantee"] as! [String: Any])["instanceWise"] as? Bool == false)
        #expect((report["estimationRounds"] as! [Any]).count >= 1)
    }

    /// The reported 95% interval contains the exact σ of the returned seeds.
    @Test(arguments: [DiffusionModelKind.ic, .lt])
    func intervalContainsTheExactSpread(_ model: DiffusionModelKind) throws {
        let path = try Self.temporaryFile("tiny-\(model).txt", Self.tinyText)
        let result = try CLI.run(["seeds", path, "--probabilities", "file", "--normalize-lt", "--k", "2", "--model", model.rawValue,
                                  "--seed", "5", "--json", "--evaluation-sets", "400000"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try Self.json(result.stdout)
        let graph = try GraphLoader.load(path, options: GraphLoadOptions(build: GraphBuildOptions(probabilities: .file, normalizeLT: true))).graph
        let index = graph.labels.makeIndex()
        let nodes = Self.seedLabels(report).map { index.node(for: $0)! }
        #expect(nodes == (report["seeds"] as! [[String: Any]]).map { $0["node"] as! Int })
        let exact = try ExactSpread.spread(of: nodes, in: graph, model: model)
        let spread = report["spread"] as! [String: Any]
        let low = spread["low"] as! Double, high = spread["high"] as! Double
        #expect(low <= exact && exact <= high, "exact \(exact) outside [\(low), \(high)]")
        // Best pair by brute force: the seeds reach at least 1 − 1/e − ε of it.
        var best = 0.0
        for u in 0..<graph.nodeCount { for v in (u + 1)..<graph.nodeCount { best = max(best, try ExactSpread.spread(of: [u, v], in: graph, model: model)) } }
        #expect(exact >= (1 - 1 / M_E - 0.1) * best)
    }

    /// The same --seed gives the same seeds for 1, 2 and 4 threads.
    @Test(arguments: ["opim-c", "imm"])
    func sameSeedsForAnyThreadCount(_ algorithm: String) throws {
        for model in ["ic", "lt"] {
            var outcomes: [[String]] = [], covered: [Int] = []
            for threads in ["1", "2", "4"] {
                let result = try CLI.run(["seeds", "Graphs/karate.txt", "--undirected", "--k", "5", "--algorithm", algorithm,
                                          "--model", model, "--seed", "42", "--threads", threads, "--epsilon", "0.2", "--json"])
                #expect(result.status == 0, "\(result.stderr)")
                let report = try Self.json(result.stdout)
                outcomes.append(Self.seedLabels(report))
                covered.append((report["rrSets"] as! [String: Any])["generated"] as! Int)
            }
            #expect(outcomes.allSatisfy { $0 == outcomes[0] }, "\(algorithm) \(model): \(outcomes)")
            #expect(covered.allSatisfy { $0 == covered[0] })
        }
    }

    @Test func argumentErrors() throws {
        let cases: [([String], String)] = [
            (["--k", "0"], "--k must be at least 1 (got 0)"),
            (["--k=-3"], "--k must be at least 1 (got -3)"),
            (["--k", "35"], "error: --k 35 exceeds the graph's 34 nodes (expected k ≤ n)"),
            (["--k", "2", "--epsilon", "0"], "--epsilon must lie strictly between 0 and 1 (got 0.0"),
            (["--k", "2", "--epsilon", "1"], "--epsilon must lie strictly between 0 and 1 (got 1.0"),
            (["--k", "2", "--epsilon", "1.5"], "--epsilon must lie strictly between 0 and 1 (got 1.5"),
            (["--k", "2", "--delta", "2"], "--delta must lie strictly between 0 and 1"),
            (["--k", "2", "--algorithm", "celf"], "celf"),
            (["--k", "2", "--max-memory", "lots"], "lots"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(["seeds", "Graphs/karate.txt", "--undirected"] + arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let tooMany = try CLI.run(["seeds", "Graphs/karate.txt", "--undirected", "--k", "35"])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr == "error: --k 35 exceeds the graph's 34 nodes (expected k ≤ n)\n")
    }

    @Test func memoryLimitStopsWithAMessage() throws {
        let result = try CLI.run(["seeds", "Graphs/karate.txt", "--undirected", "--k", "2", "--max-memory", "2K"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        // The estimate comes first, then the one-line error.
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("note: OPIM-C may draw up to 2 × ") == true)
        #expect(lines.last?.hasPrefix("error: OPIM-C round 1") == true)
        #expect(lines.last?.contains("above the limit of 2.0 KiB (raise --max-memory") == true)
    }

    /// `--output` writes the JSON report, which `infmax simulate --seeds-file` reads back.
    @Test func outputFeedsSimulate() throws {
        let graph = try Self.temporaryFile("tiny-output.txt", Self.tinyText)
        let output = NSTemporaryDirectory() + "infmax-seeds-\(getpid())-report.json"
        try? FileManager.default.removeItem(atPath: output)
        let result = try CLI.run(["seeds", graph, "--probabilities", "file", "--normalize-lt", "--k", "3", "--output", output, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("seeds in selection order"))
        let written = try Self.json(String(contentsOfFile: output, encoding: .utf8))
        let labels = Self.seedLabels(written)
        #expect(labels.count == 3)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.contains("report.json.tmp") }
        #expect(leftovers.isEmpty)

        let simulated = try CLI.run(["simulate", graph, "--probabilities", "file", "--normalize-lt", "--seeds-file", output,
                                     "--runs", "2000", "--json"])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        #expect(Self.seedLabels(try Self.json(simulated.stdout)) == labels)
    }

    @Test func snapshotGivesTheSameSeedsAsText() throws {
        let snapshot = NSTemporaryDirectory() + "infmax-seeds-\(getpid())-karate.infgraph"
        let converted = try CLI.run(["convert", "Graphs/karate.txt", "--undirected", "--output", snapshot])
        #expect(converted.status == 0, "\(converted.stderr)")
        let fromText = try CLI.run(["seeds", "Graphs/karate.txt", "--undirected", "--k", "3", "--json"])
        let fromSnapshot = try CLI.run(["seeds", snapshot, "--k", "3", "--json"])
        #expect(Self.seedLabels(try Self.json(fromText.stdout)) == Self.seedLabels(try Self.json(fromSnapshot.stdout)))
    }
}
