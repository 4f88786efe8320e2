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
        #expect(line == "error: unknown generator 'lattice' (expected famous:NAME, power-law, barabasi or holme-kim)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
