import Foundation
import InfluenceKit
import Testing

/// End-to-end runs of `infmax recommend` on the bundled invite instance (`Graphs/invite/`, a small
/// synthetic instance in the benchmark's layout) and on the 7-node instance of the library tests.
@Suite(.serialized) struct RecommendCommandTests {
    static let invite = ["Graphs/invite/invitations.tsv", "--node-values", "Graphs/invite/acceptance.tsv", "--inviters", "Graphs/invite/inviter-list.txt"]
    static let sevenArcs = "inviter\tinvitee\tP\n3\t6\t0.8\n0\t2\t0.5\n1\t4\t0.9\n0\t3\t0.4\n1\t3\t0.2\n2\t5\t0.5\n4\t6\t0.1\n3\t5\t0.25\n"
    static let sevenNodes = "node\tU\n2\t0.5\n4\t0.2\n5\t0.4\n6\t0.5\n"

    @Test func outputIsATSVWithHeaderRankAndLabels() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let arcs = try files.write("arcs.tsv", Self.sevenArcs), nodes = try files.write("nodes.tsv", Self.sevenNodes)
        let inviters = try files.write("inviters.txt", "1\n0\n"), out = files.path("lists.tsv")
        let result = try CLI.run(["recommend", arcs, "--node-values", nodes, "--inviters", inviters, "--k", "2",
                                  "--algorithm", "hetero-ir", "--output", out, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows[0] == ["inviter", "invitee", "rank", "score"])
        #expect(rows.dropFirst().map { Array($0.prefix(3)) } == [["1", "3", "1"], ["1", "4", "2"], ["0", "3", "1"], ["0", "2", "2"]])
        let scores = rows.dropFirst().map { Double($0[3])! }
        for (s, want) in zip(scores, [0.3, 0.189, 0.6, 0.3]) { #expect(abs(s - want) < 1e-12) }
        // Without --output the lists go to standard output.
        let printed = try CLI.run(["recommend", arcs, "--node-values", nodes, "--inviters", inviters, "--k", "2", "--algorithm", "hetero-ir"])
        #expect(printed.status == 0 && printed.stdout == text)
    }

    @Test func evaluationTableJSONAndCSV() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let csv = files.path("table.csv")
        let result = try CLI.run(["recommend"] + Self.invite + ["--k", "3", "--evaluate", "Graphs/invite/held-out.tsv", "--worlds", "300",
                                  "--sets-per-node", "8", "--json", "--csv", csv, "--quiet", "--threads", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let evaluation = try #require(json["evaluation"] as? [String: Any])
        let methods = try #require(evaluation["methods"] as? [[String: Any]])
        #expect(methods.compactMap { $0["method"] as? String } == ["HeteroIM", "HeteroIR", "P", "PU", "OutDeg", "Random"])
        for m in methods {
            #expect((m["recall"] as? [Double])?.count == 3 && (m["ndcg"] as? [Double])?.count == 3)
            let spread = try #require(m["spread"] as? [[String: Any]])
            #expect(spread.count == 3)
            for value in spread {
                #expect(value["estimate"] is Double && value["standardError"] is Double)
                #expect(value["method"] as? String == "monte-carlo" && value["samples"] as? Int == 300)
            }
        }
        #expect(evaluation["worlds"] as? Int == 300 && evaluation["evaluatedInviters"] as? Int == 9, "the 9 inviters with truth pairs")
        let request = try #require(json["request"] as? [String: Any])
        #expect(request["setsPerNode"] as? Int == 8 && request["k"] as? Int == 3 && json["setsPerNode"] as? Int == 8)
        // The invitation graph's files sit in its provenance; `arcs` is a count, as in every record.
        let graph = try #require(json["graph"] as? [String: Any])
        #expect(graph["arcsFile"] as? String == "Graphs/invite/invitations.tsv" && graph["arcs"] is Int)
        #expect(graph["nodeValuesFile"] as? String == "Graphs/invite/acceptance.tsv" && graph["invitersFile"] as? String == "Graphs/invite/inviter-list.txt")
        let lists = try #require(json["lists"] as? [[String: Any]])
        #expect(lists.count == 12)
        let table = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(table[0] == "method,lambda,k,recall,ndcg,spread,spread_se" && table.count == 1 + 6 * 3)
        // Text: one table with every method.
        let text = try CLI.run(["recommend"] + Self.invite + ["--k", "2", "--evaluate", "Graphs/invite/held-out.tsv", "--worlds", "200",
                                "--sets-per-node", "4", "--quiet"])
        #expect(text.status == 0, "\(text.stderr)")
        for name in ["HeteroIM", "HeteroIR", "PU", "OutDeg", "Random", "R@2", "Spread@2"] { #expect(text.stdout.contains(name), "\(name)") }
    }

    @Test func frontierPlotAndTradeOff() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let svg = files.path("frontier.svg")
        let result = try CLI.run(["recommend"] + Self.invite + ["--k", "2", "--evaluate", "Graphs/invite/held-out.tsv", "--worlds", "200",
                                  "--sets-per-node", "4", "--frontier", "--plot", svg, "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try result.json()
        let frontier = try #require((record["evaluation"] as? [String: Any])?["frontier"] as? [[String: Any]])
        #expect(frontier.compactMap { $0["tradeOff"] as? Double } == (0...10).map { Double($0) / 10 })
        let plot = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(plot.hasPrefix("<svg") || plot.hasPrefix("<?xml"))
        #expect(plot.contains("Recall@K") && plot.contains("Spread@K"))
        let blended = try CLI.run(["recommend"] + Self.invite + ["--k", "2", "--trade-off", "0.5", "--sets-per-node", "4", "--json", "--quiet"])
        #expect(blended.status == 0, "\(blended.stderr)")
        let blendedRecord = try blended.json()
        #expect(blendedRecord["method"] as? String == "λ=0.50")
    }

    @Test func sameSeedSameListsForAnyThreadCountAndCapacity() throws {
        let base = ["recommend"] + Self.invite + ["--k", "5", "--sets-per-node", "8", "--seed", "9", "--capacity", "1"]
        let one = try CLI.run(base + ["--threads", "1"]), two = try CLI.run(base + ["--threads", "2"])
        #expect(one.status == 0 && one.stdout == two.stdout && !one.stdout.isEmpty)
        var uses: [String: Int] = [:]
        for row in one.stdout.split(separator: "\n").dropFirst() { uses[String(row.split(separator: "\t")[1]), default: 0] += 1 }
        #expect(uses.values.allSatisfy { $0 == 1 }, "capacity 1: every invitee on one list")
        let other = try CLI.run(["recommend"] + Self.invite + ["--k", "5", "--sets-per-node", "8", "--seed", "10"])
        #expect(other.status == 0 && other.stdout != one.stdout)
    }

    @Test func autoSetsPerNodeIsReported() throws {
        let result = try CLI.run(["recommend"] + Self.invite + ["--k", "3", "--sets-per-node", "auto", "--json", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try result.json()
        let calibration = try #require(json["calibration"] as? [String: Any])
        let r = try #require(calibration["setsPerNode"] as? Int)
        #expect(json["setsPerNode"] as? Int == r)
        let size = try #require(calibration["pilotMeanSetSize"] as? Double)
        #expect(size >= 1 && calibration["memberBudget"] as? Int == 1 << 26)
        #expect(r == 256 || Double(2 * r) * 549 * size > Double(1 << 26), "r is the largest power of two within the budget")
    }

    @Test func badInputIsOneErrorLine() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let arcs = try files.write("arcs.tsv", Self.sevenArcs), nodes = try files.write("nodes.tsv", Self.sevenNodes)
        let inviters = try files.write("inviters.txt", "0\n1\n")
        let badP = try files.write("bad-p.tsv", "inviter\tinvitee\tP\n0\t1\t0.5\n1\t2\t1.2\n")
        var line = try CLI.failure(["recommend", badP, "--inviters", inviters, "--k", "1"], status: 1)
        #expect(line.contains("bad-p.tsv:3:") && line.contains("outside [0, 1]"))
        let badU = try files.write("bad-u.tsv", "node\tU\n2\t1.5\n")
        line = try CLI.failure(["recommend", arcs, "--node-values", badU, "--inviters", inviters, "--k", "1"], status: 1)
        #expect(line.contains("bad-u.tsv:2:") && line.contains("U = 1.5"))
        let unknown = try files.write("unknown.txt", "0\n77\n")
        line = try CLI.failure(["recommend", arcs, "--inviters", unknown, "--k", "1"], status: 1)
        #expect(line.contains("unknown.txt:2:") && line.contains("'77' is not a node"))
        let twice = try files.write("twice.tsv", "0 1 0.5\n1 2 0.5\n0 1 0.25\n")
        line = try CLI.failure(["recommend", twice, "--inviters", inviters, "--k", "1"], status: 1)
        #expect(line.contains("twice.tsv:3:") && line.contains("given twice (first on line 1)"))
        try CLI.failure(["recommend", arcs, "--node-values", nodes, "--inviters", inviters, "--k", "0"], status: 2)
        line = try CLI.failure(["recommend", arcs, "--inviters", inviters, "--k", "1", "--trade-off", "1.5"], status: 2)
        #expect(line.contains("--trade-off"))
        line = try CLI.failure(["recommend", arcs, "--inviters", inviters, "--k", "1", "--sets-per-node", "many"], status: 2)
        #expect(line.contains("--sets-per-node"))
        line = try CLI.failure(["recommend", arcs, "--inviters", inviters, "--k", "1", "--frontier"], status: 2)
        #expect(line.contains("--evaluate"))
        line = try CLI.failure(["recommend", arcs, "--inviters", inviters, "--k", "1", "--capacity", "0"], status: 2)
        #expect(line.contains("--capacity"))
    }

    /// `infmax run` reruns a recommend record from its request and the files its provenance names:
    /// the same lists and the same evaluation, bit for bit.
    @Test func runRerunsARecord() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let first = try CLI.run(["recommend"] + Self.invite + ["--k", "2", "--evaluate", "Graphs/invite/held-out.tsv", "--worlds", "100",
                                 "--sets-per-node", "4", "--seed", "5", "--threads", "2", "--json", "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let record = try files.write("record.json", first.stdout)
        let again = try CLI.run(["run", record, "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        let a = try first.json(), b = try again.json()
        #expect(b["useCase"] as? String == "recommend")
        /// JSON text with sorted keys, so that equal values give equal text.
        func canonical(_ value: Any?) throws -> String {
            guard let value else { return "absent" }
            return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
        }
        for key in ["lists", "graph", "request", "setsPerNode", "rrSets"] {
            let before = try canonical(a[key]), after = try canonical(b[key])
            #expect(before != "absent" && before == after, "\(key)")
        }
        func scores(_ json: [String: Any]) -> [[Any]] {
            let methods = (json["evaluation"] as? [String: Any])?["methods"] as? [[String: Any]] ?? []
            return methods.map { row in ["method", "recall", "ndcg", "spread"].map { row[$0] ?? NSNull() } }
        }
        let before = try canonical(scores(a)), after = try canonical(scores(b))
        #expect(scores(a).count == 6 && before == after)
    }
}
