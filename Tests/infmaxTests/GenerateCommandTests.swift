import Foundation
import Testing

@Suite(.serialized) struct GenerateCommandTests {
    /// The bundled graphs are exactly what their recorded command regenerates.
    @Test func bundledGraphsRegenerateFromTheirRecordedCommands() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        for name in ["karate.txt", "demo.txt"] {
            let bundled = try String(contentsOfFile: CLI.root + "/Graphs/" + name, encoding: .utf8)
            let header = try #require(bundled.split(separator: "\n").first)
            var arguments = header.dropFirst("# infmax ".count).split(separator: " ").map(String.init)
            let output = files.path(name)
            // The bundled files record the old spelling, --output; --edge-list is the same flag.
            let o = try #require(arguments.firstIndex { $0 == "--output" || $0 == "--edge-list" })
            arguments[o] = "--edge-list"
            arguments[o + 1] = output
            let result = try CLI.run(arguments)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("wrote \(output): "))
            let regenerated = try String(contentsOfFile: output, encoding: .utf8)
            #expect(regenerated.split(separator: "\n").dropFirst() == bundled.split(separator: "\n").dropFirst())
        }
    }

    @Test func unknownGeneratorIsAUsageError() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let output = files.path("never.txt")
        let line = try CLI.failure(["generate", "lattice", "--output", output], status: 2)
        #expect(line == "error: unknown generator 'lattice' (expected famous:NAME, power-law, chung-lu, barabasi or holme-kim)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// chung-lu through the command: the file reads back with exactly the nodes and arcs asked for
    /// (a generator that dropped the isolated nodes' lines, or wrote one arc too few or many, fails
    /// the `info` counts), the recipe line regenerates the same bytes, and --threads does not
    /// change them.
    @Test func chungLuWritesWhatItPromisesForAnyThreadCount() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let one = files.path("cl1.txt"), two = files.path("cl2.txt")
        let first = try CLI.run(["generate", "chung-lu", "--nodes", "3000", "--arcs", "20000", "--seed", "4", "--threads", "1", "--edge-list", one])
        #expect(first.status == 0 && first.stderr == "wrote \(one): 3000 nodes, 20000 arcs\n", "\(first.stderr)")
        let second = try CLI.run(["generate", "chung-lu", "--nodes", "3000", "--arcs", "20000", "--seed", "4", "--threads", "2", "--edge-list", two, "--quiet"])
        #expect(second.status == 0 && second.stderr.isEmpty, "\(second.stderr)")
        let a = try String(contentsOfFile: one, encoding: .utf8), b = try String(contentsOfFile: two, encoding: .utf8)
        #expect(a.split(separator: "\n").dropFirst() == b.split(separator: "\n").dropFirst())
        let info = try CLI.run(["info", one, "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["nodes"] as? Int == 3000, "\(info.stdout.prefix(400))")
        #expect(summary["arcs"] as? Int == 20000, "\(info.stdout.prefix(400))")
    }
}
