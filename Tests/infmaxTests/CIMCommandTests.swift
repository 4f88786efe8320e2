import Foundation
import InfluenceKit
import Testing

/// End-to-end runs of `infmax cim`.
@Suite(.serialized) struct CIMCommandTests {
    /// The 6-node instance of ALGORITHMS.md §3 (A = {0, 1}).
    static let six = "0 2\n0 3\n0 4\n1 3\n1 4\n2 5\n3 5\n4 5\n5 2\n3 2\n3 4\n4 3\n"

    func sixFiles(_ files: TemporaryFiles, aps: String = "# the APs\n0,1\n") throws -> (graph: String, aps: String) {
        (try files.write("six.txt", Self.six), try files.write("six.ap", aps))
    }

    @Test func jsonRecordHasTheAssignmentAndTheExactOptimumPicks() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let (graph, aps) = try sixFiles(files)
        let result = try CLI.run(["cim", graph, "--aps", aps, "--k", "1", "--json", "--threads", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let assignment = try #require(json["assignment"] as? [[String: Any]])
        #expect(assignment.map { $0["ap"] as? String } == ["0", "1"])
        let seeds = assignment.map { (($0["seeds"] as? [[String: Any]]) ?? []).compactMap { $0["label"] as? String } }
        #expect(seeds == [["3"], ["4"]])
        let marginals = assignment.compactMap { (($0["seeds"] as? [[String: Any]])?.first?["marginal"] as? Double) }
        #expect(abs(marginals[0] - 2.230453) < 0.15 && abs(marginals[1] - 0.831276) < 0.15)
        let spread = try #require(json["spread"] as? [String: Any])
        let low = try #require(spread["low"] as? Double), high = try #require(spread["high"] as? Double)
        #expect(low <= 3.061728 && 3.061728 <= high)
        let guarantee = try #require(json["guarantee"] as? [String: Any])
        #expect((guarantee["target"] as? Double).map { abs($0 - 0.4) < 1e-12 } == true)
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["subgraphNodes"] as? Int == 4 && parameters["algorithm"] as? String == "rr-opim+")
    }

    @Test func sameSeedSameOutputForAnyThreadCount() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = "Graphs/karate.txt"
        let aps = try files.write("karate.ap", "0\n33\n2\n")
        var records: [[String: Any]] = []
        for threads in ["1", "2"] {
            let result = try CLI.run(["cim", graph, "--undirected", "--aps", aps, "--k", "2", "--json", "--threads", threads, "--seed", "7"])
            #expect(result.status == 0, "\(result.stderr)")
            var json = try result.json()
            // Round timings are the only field that may differ.
            json["rounds"] = (json["rounds"] as? [[String: Any]])?.map { $0.filter { $0.key != "seconds" } }
            records.append(json)
        }
        for key in ["assignment", "spread", "rounds", "guarantee"] {
            let a = try JSONSerialization.data(withJSONObject: records[0][key] ?? [], options: .sortedKeys)
            let b = try JSONSerialization.data(withJSONObject: records[1][key] ?? [], options: .sortedKeys)
            #expect(a == b, "\(key)")
        }
    }

    @Test func textReportOutputFileAndSimulateOnP() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let (graph, aps) = try sixFiles(files)
        let output = files.path("cim.json")
        let result = try CLI.run(["cim", graph, "--aps", aps, "--k", "1", "--output", output, "--algorithm", "rr-opim"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.first?.hasPrefix("rr-opim, IC, k = 1, ε = 0.1") == true)
        #expect(result.lines.contains("  0: 3 (+\(result.lines.first { $0.hasPrefix("  0: 3 (+") }?.dropFirst(9) ?? "")"))
        #expect(result.lines.contains { $0.hasPrefix("guarantee σ_P(S) ≥ ") })
        let record = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        #expect(record["assignment"] != nil)
        let simulated = try CLI.run(["simulate", graph, "--seeds-file", output, "--exact", "--json", "--runs", "1000"])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        let exact = try #require((try simulated.json()["exact"] as? [String: Any])?["estimate"] as? Double)
        #expect(abs(exact - 3.061728) < 5e-6)
    }

    @Test func everyAPSetAndCompat() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let (graph, aps) = try sixFiles(files, aps: "0,1\n0\n")
        let result = try CLI.run(["cim", graph, "--aps", aps, "--k", "1", "--ap-sets", "all", "--json", "--compat", "--precision", "0"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(records.count == 2)
        #expect(records.compactMap { ($0["parameters"] as? [String: Any])?["apSet"] as? Int } == [1, 2])
        #expect(records.allSatisfy { ($0["parameters"] as? [String: Any])?["compat"] as? Bool == true })
        let second = try CLI.run(["cim", graph, "--aps", aps, "--k", "1", "--ap-set", "2", "--json", "--algorithm", "mg-opim"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(((try second.json()["parameters"] as? [String: Any])?["subgraphNodes"] as? Int) == 5)
    }

    @Test func errorsAreOneLineNamingWhatToDo() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let (graph, _) = try sixFiles(files)
        let unknown = try files.write("unknown.ap", "0\n9\n")
        #expect(try CLI.failure(["cim", graph, "--aps", unknown, "--k", "1"], status: 1).contains("unknown.ap:2"))
        let empty = try files.write("empty.ap", "0,1\n,\n")
        #expect(try CLI.failure(["cim", graph, "--aps", empty, "--k", "1"], status: 1).contains("empty.ap:2"))
        let good = try files.write("good.ap", "0,1\n")
        #expect(try CLI.failure(["cim", graph, "--aps", good, "--k", "1", "--ap-set", "3"], status: 2).hasPrefix("error: --ap-set:"))
        #expect(try CLI.failure(["cim", graph, "--aps", good, "--k", "0"], status: 2).contains("--k"))
        #expect(try CLI.failure(["cim", graph, "--aps", good, "--k", "1", "--epsilon", "0.6"], status: 2).contains("--epsilon"))
        // An AP without candidates is a warning, and it is skipped.
        let sink = try files.write("sink.ap", "0\n5\n2\n")
        let onlySinks = try CLI.run(["cim", graph, "--aps", sink, "--k", "1", "--json"])
        #expect(onlySinks.status == 0, "\(onlySinks.stderr)")
        let quiet = try CLI.run(["cim", graph, "--aps", try files.write("leaf.ap", "0\n1\n3\n4\n"), "--k", "1", "--json"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.contains("warning:") && quiet.stderr.contains("'1'"), "\(quiet.stderr)")
        let help = try CLI.run(["cim", "--help"])
        #expect(help.stdout.contains("Examples:") && help.stdout.contains("--ap-sets"))
    }
}

extension CIMCommandTests {
    @Test func monteCarloGreedyRefusedAboveBudgetUnlessForced() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let (graph, aps) = try sixFiles(files)
        let line = try CLI.failure(["cim", graph, "--aps", aps, "--k", "1", "--algorithm", "mg-greedy", "--mc-budget", "0.000000001"], status: 1)
        #expect(line.contains("--force"), "\(line)")
        let forced = try CLI.run(["cim", graph, "--aps", aps, "--k", "1", "--algorithm", "rr-greedy", "--mc-budget", "0.000000001",
                                  "--force", "--mc-runs", "4000", "--json", "--baselines"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let json = try forced.json()
        #expect((json["baselines"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["degree", "pagerank", "random"])
        #expect((json["assignment"] as? [[String: Any]])?.count == 2)
    }
}

extension CIMCommandTests {
    @Test func monteCarloEvaluationAndUnconstrainedReference() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let (graph, aps) = try sixFiles(files)
        let result = try CLI.run(["cim", graph, "--aps", aps, "--k", "1", "--json", "--mc-evaluation", "20000",
                                  "--unconstrained-reference", "--threads", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let mc = try #require(json["monteCarloSpread"] as? [String: Any])
        #expect(abs((mc["estimate"] as? Double ?? 0) - 3.061728) < 0.03)
        let reference = try #require(json["reference"] as? [String: Any])
        // Two seeds without capacity: {3, 4} or better, never below the assignment's optimum.
        #expect(reference["seeds"] as? Int == 2)
        let spread = try #require((reference["monteCarloSpread"] as? [String: Any])?["estimate"] as? Double)
        #expect(spread >= 3.061728 - 0.03)
    }
}
