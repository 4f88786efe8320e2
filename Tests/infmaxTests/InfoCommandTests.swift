import Foundation
import Testing

@Suite(.serialized) struct InfoCommandTests {
    @Test func karateSummary() throws {
        let result = try CLI.run(["info", "Graphs/karate.txt", "--undirected", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let summary = object["summary"] as! [String: Any]
        #expect(summary["nodes"] as? Int == 34)
        #expect(summary["arcs"] as? Int == 156)
        #expect(summary["directed"] as? Bool == false)
    }

    @Test func missingFileIsOneLineAndExitOne() throws {
        let result = try CLI.run(["info", "no/such/graph.txt"])
        #expect(result.status == 1)
        #expect(result.stderr == "error: no/such/graph.txt: no such file (check the path)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test func unknownFormatIsUsageError() throws {
        let result = try CLI.run(["info", "Graphs/karate.txt", "--format", "xlsx"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown format 'xlsx'"))
    }
}
