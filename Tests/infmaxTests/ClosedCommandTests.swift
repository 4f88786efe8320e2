import Foundation
import InfluenceKit
import Testing

/// End-to-end runs of `infmax closed` (and `infmax generate holme-kim`, which its bench uses).
@Suite(.serialized) struct ClosedCommandTests {
    /// Karate club, undirected, seeds 0 and 33 (the two leaders).
    func karateSeeds(_ files: TemporaryFiles, _ text: String = "# the leaders\n0\n33\n") throws -> String {
        try files.write("seeds.txt", text)
    }

    @Test func jsonRecordArcsFileAndSimulateReadsItBack() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let seeds = try karateSeeds(files)
        let arcs = files.path("arcs.tsv")
        let result = try CLI.run(["closed", "Graphs/karate.txt", "--undirected", "--probabilities", "trivalency", "--seeds-file", seeds,
                                  "--k", "2", "--json", "--threads", "2", "--mc-runs", "4000", "--output", arcs, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["algorithm"] as? String == "psna" && parameters["k"] as? Int == 2 && parameters["seeds"] as? Int == 2)
        #expect(parameters["symmetrizedProbabilities"] as? Bool == true)
        let perSeed = try #require(json["perSeed"] as? [[String: Any]])
        #expect(perSeed.map { $0["label"] as? String } == ["0", "33"])
        let baselines = try #require(json["baselines"] as? [[String: Any]])
        #expect(baselines.map { $0["name"] as? String } == ["degree", "fof", "random"])
        // The returned k-subnetwork is the winner's: PSNA's own (`result`) or a baseline's that
        // scored higher on the same worlds; the per-seed spreads and the arcs file are its.
        let winner = try #require(json["winner"] as? String)
        let psna = try #require(json["result"] as? [String: Any])
        let method = try #require(winner == "psna" ? psna : baselines.first { $0["name"] as? String == winner })
        let best = ([psna] + baselines).compactMap { ($0["objective"] as? [String: Any])?["estimate"] as? Double }.max()
        let objective = try #require(method["objective"] as? [String: Any])
        #expect(objective["estimate"] as? Double == best)
        let total = perSeed.compactMap { ($0["spread"] as? [String: Any])?["estimate"] as? Double }.reduce(0, +)
        #expect(abs(total - (objective["estimate"] as? Double ?? -1)) < 1e-9)
        let iterations = try #require(json["iterations"] as? [[String: Any]])
        #expect(!iterations.isEmpty && iterations.allSatisfy { $0["objective"] is Double })
        #expect(json["timings"] is [String: Any] && json["memory"] is [String: Any])
        // The arcs file: `user friend p`, at most k per user, none into a seed, readable as a graph.
        let text = try String(contentsOfFile: arcs, encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        let kept = try #require((method["subnetwork"] as? [String: Any])?["arcs"] as? Int)
        #expect(lines.count == kept && lines.allSatisfy { $0.count == 3 && Double($0[2]) != nil })
        #expect(!lines.contains { $0[1] == "0" || $0[1] == "33" })
        #expect(Dictionary(grouping: lines, by: { $0[0] }).values.allSatisfy { $0.count <= 2 })
        let simulate = try CLI.run(["simulate", arcs, "--probabilities", "file", "--seeds", "0", "--runs", "2000", "--json"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
    }

    @Test func sameSeedSameRecordForAnyThreadCount() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let seeds = try karateSeeds(files)
        var records: [[String: Any]] = []
        var arcFiles: [String] = []
        for threads in ["1", "2"] {
            let arcs = files.path("arcs-\(threads).tsv")
            let result = try CLI.run(["closed", "Graphs/karate.txt", "--undirected", "--probabilities", "trivalency", "--seeds-file", seeds,
                                      "--k", "3", "--json", "--threads", threads, "--seed", "9", "--mc-runs", "2000", "--output", arcs, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            records.append(try result.json())
            arcFiles.append(try String(contentsOfFile: arcs, encoding: .utf8))
        }
        #expect(arcFiles[0] == arcFiles[1] && !arcFiles[0].isEmpty)
        for key in ["perSeed"] {
            let a = try JSONSerialization.data(withJSONObject: records[0][key] ?? [], options: .sortedKeys)
            let b = try JSONSerialization.data(withJSONObject: records[1][key] ?? [], options: .sortedKeys)
            #expect(a == b, "\(key)")
        }
        let objectives = records.map { (($0["result"] as? [String: Any])?["objective"] as? [String: Any])?["estimate"] as? Double }
        #expect(objectives[0] == objectives[1])
    }

    @Test func textReportShowsIterationsAndTheBaselinesSideBySide() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let seeds = try files.write("seeds.json", #"{"seeds": [{"label": "0"}, {"label": "33"}]}"#)
        let result = try CLI.run(["closed", "Graphs/karate.txt", "--undirected", "--probabilities", "uniform:0.1", "--seeds-file", seeds,
                                  "--k", "2", "--mc-runs", "1000", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        for needle in ["PSNA iterations", "per-seed spread", "psna", "degree", "fof", "random", "objective", "union", "memory"] {
            #expect(result.stdout.contains(needle), "\(needle)")
        }
    }

    /// --no-keep-best returns PSNA's own k-subnetwork (its per-seed spreads sum to its objective);
    /// by default the winner's objective is the largest of PSNA's and the baselines'.
    @Test func noKeepBestReturnsPSNAsOwn() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let seeds = try karateSeeds(files)
        var records: [[String: Any]] = []
        for extra in [[String](), ["--no-keep-best"]] {
            let result = try CLI.run(["closed", "Graphs/karate.txt", "--undirected", "--probabilities", "uniform:0.1", "--seeds-file", seeds,
                                      "--k", "2", "--json", "--threads", "2", "--mc-runs", "4000", "--quiet"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            records.append(try result.json())
        }
        let own = try #require(records[1]["result"] as? [String: Any])
        #expect(records[1]["winner"] as? String == "psna")
        let total = (records[1]["perSeed"] as? [[String: Any]] ?? []).compactMap { ($0["spread"] as? [String: Any])?["estimate"] as? Double }.reduce(0, +)
        #expect(abs(total - ((own["objective"] as? [String: Any])?["estimate"] as? Double ?? -1)) < 1e-9)
        let objectives = ([records[0]["result"]] + (records[0]["baselines"] as? [Any] ?? [])).compactMap {
            (($0 as? [String: Any])?["objective"] as? [String: Any])?["estimate"] as? Double
        }
        let winner = try #require(records[0]["winner"] as? String)
        let returned = winner == "psna" ? records[0]["result"] as? [String: Any]
                                        : (records[0]["baselines"] as? [[String: Any]])?.first { $0["name"] as? String == winner }
        #expect(((returned?["objective"] as? [String: Any])?["estimate"] as? Double) == objectives.max())
    }

    @Test func compatAllowsArcsIntoSeeds() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("g.txt", "a c 0.9\nc b 0.9\nc d 0.1\n")
        let seeds = try files.write("s.txt", "a\nb\n")
        for (extra, intoSeed) in [([String](), false), (["--compat"], true)] {
            let arcs = files.path("arcs.tsv")
            let result = try CLI.run(["closed", graph, "--probabilities", "file", "--seeds-file", seeds, "--k", "2", "--quiet",
                                      "--mc-runs", "500", "--output", arcs] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOfFile: arcs, encoding: .utf8)
            #expect(text.contains("c b 0.9\n") == intoSeed, "\(text)")
        }
    }

    @Test func greedyRunsOnATinyGraphAndIsRefusedAboveItsBudget() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("g.txt", "a b 0.9\nb c 0.5\na c 0.1\nc d 0.5\nb d 0.3\nd e 0.7\n")
        let seeds = try files.write("s.txt", "a\n")
        let ok = try CLI.run(["closed", graph, "--probabilities", "file", "--seeds-file", seeds, "--k", "1", "--algorithm", "greedy",
                              "--json", "--quiet", "--mc-runs", "1000", "--greedy-runs", "500"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let json = try ok.json()
        #expect((json["greedy"] as? [String: Any])?["steps"] as? Int ?? 0 >= 1)
        let line = try CLI.failure(["closed", "Graphs/karate.txt", "--undirected", "--probabilities", "trivalency", "--seeds-file",
                                    try karateSeeds(files), "--k", "3", "--algorithm", "greedy", "--greedy-budget", "0.0001"], status: 1)
        #expect(line.contains("greedy") && line.contains("--greedy-budget") && line.contains("--force"))
    }

    @Test func badInputsGiveOneLineErrors() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = "Graphs/karate.txt"
        let unknown = try files.write("unknown.txt", "0\n999\n")
        #expect(try CLI.failure(["closed", graph, "--seeds-file", unknown, "--k", "2"], status: 1).contains("unknown.txt:2"))
        let twice = try files.write("twice.txt", "5\n# again\n5\n")
        let duplicate = try CLI.failure(["closed", graph, "--seeds-file", twice, "--k", "2"], status: 1)
        #expect(duplicate.contains("twice.txt:3") && duplicate.contains("twice"))
        let good = try karateSeeds(files)
        #expect(try CLI.failure(["closed", graph, "--seeds-file", good, "--k", "0"], status: 2).contains("--k"))
        #expect(try CLI.failure(["closed", graph, "--seeds-file", good, "--k", "2", "--epsilon", "0"], status: 2).contains("--epsilon"))
        #expect(try CLI.failure(["closed", graph, "--seeds-file", good, "--k", "2", "--epsilon", "1"], status: 2).contains("--epsilon"))
        #expect(try CLI.failure(["closed", graph, "--seeds-file", good, "--k", "2", "--model", "lt"], status: 2).contains("--model"))
        let empty = try files.write("empty.txt", "# nobody\n")
        #expect(try CLI.failure(["closed", graph, "--seeds-file", empty, "--k", "2"], status: 1).contains("empty.txt"))
        #expect(try CLI.failure(["closed", graph, "--seeds-file", files.path("missing.txt"), "--k", "2"], status: 1).contains("missing.txt"))
    }

    @Test func holmeKimGeneratorIsSeededAndHasTheExpectedSize() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        var texts: [String] = []
        for name in ["a.txt", "b.txt"] {
            let path = files.path(name)
            let result = try CLI.run(["generate", "holme-kim", "--nodes", "500", "--per-node", "4", "--triad-probability", "0.3",
                                      "--seed", "5", "--output", path])
            #expect(result.status == 0, "\(result.stderr)")
            texts.append(try String(contentsOfFile: path, encoding: .utf8))
        }
        // The same edges (the first line records the command, output path included).
        #expect(texts[0].split(separator: "\n").dropFirst() == texts[1].split(separator: "\n").dropFirst())
        let edges = texts[0].split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: " ").map { Int($0)! } }
        #expect(edges.count <= 496 * 4 && edges.count >= 496 * 4 - 20)
        #expect(edges.allSatisfy { $0[0] != $0[1] })
        #expect(Set(edges.map { [min($0[0], $0[1]), max($0[0], $0[1])] }).count == edges.count)
    }
}
