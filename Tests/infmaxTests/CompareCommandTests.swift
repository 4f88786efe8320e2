import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite(.serialized) struct CompareCommandTests {
    static let karate = ["Graphs/karate.txt", "--undirected"]

    /// The numbers of a JSON report without the wall times (which differ between runs).
    static func numbers(_ json: String) throws -> [[String: String]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let rows = object["rows"] as! [[String: Any]]
        return try rows.map { row in
            var copy = row
            copy.removeValue(forKey: "selectionSeconds")
            return try copy.mapValues { value in
                guard JSONSerialization.isValidJSONObject(value) else { return "\(value)" }
                return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
            }
        }
    }

    @Test func sameSeedGivesIdenticalNumbers() throws {
        let arguments = ["compare"] + Self.karate + ["--k", "1,3,6", "--runs", "2000", "--seed", "7", "--json", "--quiet",
                                                     "--algorithms", "opim-c,imm,degree,degree-discount,single-discount,pagerank,random,celf",
                                                     "--celf-runs", "300"]
        let first = try CLI.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CLI.run(arguments + ["--threads", "1"])
        #expect(second.status == 0, "\(second.stderr)")
        let a = try Self.numbers(first.stdout), b = try Self.numbers(second.stdout)
        #expect(a.count == 8 * 3)
        #expect(a == b)
        // Another seed moves the random seeds and the estimates.
        let other = try CLI.run(arguments.map { $0 == "7" ? "8" : $0 })
        #expect(try Self.numbers(other.stdout) != a)
    }

    @Test func tableListsEveryAlgorithmAtEveryK() throws {
        let result = try CLI.run(["compare"] + Self.karate + ["--k", "2,4", "--runs", "1000", "--algorithms", "degree,random"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("algorithm") && $0.contains("spread") && $0.contains("± 95% CI") && $0.contains("selection") })
        for name in ["degree", "random"] {
            for k in ["2", "4"] {
                #expect(lines.contains { $0.split(separator: " ").prefix(2) == [Substring(name), Substring(k)] }, "\(name) k = \(k)")
            }
        }
        #expect(result.stdout.contains("1000 Monte Carlo runs"))
    }

    @Test func writesCSVAndAnSVGWithOnePathPerAlgorithm() throws {
        let csv = "/tmp/infmax-compare-\(getpid()).csv", svg = "/tmp/infmax-compare-\(getpid()).svg"
        defer { unlink(csv); unlink(svg) }
        let algorithms = ["opim-c", "degree", "pagerank", "random"]
        let result = try CLI.run(["compare"] + Self.karate + ["--k", "1,2,5", "--runs", "500", "--quiet",
                                                              "--algorithms", algorithms.joined(separator: ","), "--csv", csv, "--plot", svg])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 1 + algorithms.count * 3)
        #expect(rows[0].hasPrefix("algorithm,k,spread,ci_low,ci_high"))
        let data = try Data(contentsOf: URL(fileURLWithPath: svg))
        let collector = PathCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        #expect(parser.parse(), "the SVG is not well-formed XML")
        #expect(collector.root == "svg")
        #expect(collector.linesByPanel["panel-spread"] == algorithms)
        #expect(collector.linesByPanel["panel-time"] == algorithms)
        #expect(collector.text.contains("karate.txt") && collector.text.contains("IC") && collector.text.contains("500 Monte Carlo runs"))
    }

    @Test func celfAboveBudgetIsRefusedUnlessForced() throws {
        let base = ["compare"] + Self.karate + ["--k", "2", "--runs", "200", "--algorithms", "celf,degree", "--celf-budget", "0.000001"]
        let refused = try CLI.run(base)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("celf: estimated"))
        #expect(refused.stderr.contains("--force"))
        #expect(refused.stdout.isEmpty)
        let forced = try CLI.run(base + ["--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("celf"))
    }

    /// Argument checks and a k the graph cannot hold (found after loading) are usage errors: exit 2.
    @Test(arguments: [
        (["--k", "0,5"], "--k takes positive seed counts", Int32(2)),
        (["--k", "1,x"], "--k takes positive seed counts", 2),
        (["--k", "35"], "k = 35 is out of range (expected 1 ≤ k ≤ 34", 2),
        (["--algorithms", "degree,greedy"], "unknown algorithm 'greedy'", 2),
        (["--algorithms", "degree,degree"], "appears twice", 2),
        (["--runs", "0"], "--runs must be at least 1", 2),
        (["--epsilon", "1.5"], "--epsilon must lie strictly between 0 and 1", 2),
    ])
    func badArgumentsAreUsageErrors(extra: [String], message: String, status: Int32) throws {
        let result = try CLI.run(["compare"] + Self.karate + ["--runs", "100"] + extra)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func unwritablePlotIsAnIOError() throws {
        let result = try CLI.run(["compare"] + Self.karate + ["--k", "1", "--runs", "100", "--algorithms", "degree",
                                                              "--plot", "/no/such/dir/plot.svg"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: /no/such/dir/plot.svg: cannot write"))
    }
}

/// Records, per panel group, the `data-series` of each line path.
final class PathCollector: NSObject, XMLParserDelegate {
    var root: String?
    var linesByPanel: [String: [String]] = [:]
    var text = ""
    private var groups: [String?] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if root == nil { root = name }
        if name == "g" { groups.append(attributes["id"]) }
        if name == "path", let panel = groups.compactMap({ $0 }).last {
            linesByPanel[panel, default: []].append(attributes["data-series"] ?? "?")
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "g" { groups.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
