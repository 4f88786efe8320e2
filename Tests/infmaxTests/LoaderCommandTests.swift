import Foundation
import Testing
import InfluenceKit

/// How the CLI reads graphs: standard input, the memory limit on every command that loads one,
/// declared nodes, and `generate`'s files reading back with their node count.
@Suite(.serialized) struct LoaderCommandTests {
    /// Runs `infmax` with `input` piped to its standard input.
    func run(_ arguments: [String], stdin input: [UInt8]) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        let inPipe = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = inPipe
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let writer = Thread {
            inPipe.fileHandleForWriting.write(Data(input))
            try? inPipe.fileHandleForWriting.close()
        }
        writer.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    func nodes(_ result: CLIResult) throws -> Int? {
        try #require(result.status == 0, "\(result.stderr)")
        return (try result.json()["summary"] as? [String: Any])?["nodes"] as? Int
    }

    @Test func dashReadsTheGraphFromStandardInput() throws {
        let plain = try Data(contentsOf: URL(fileURLWithPath: CLI.root + "/Graphs/karate.txt"))
        #expect(try nodes(run(["info", "-", "--undirected", "--json"], stdin: Array(plain))) == 34)
        let zipped = try Data(contentsOf: URL(fileURLWithPath: CLI.root + "/Tests/Fixtures/tiny.txt.gz"))
        let fromFile = try nodes(CLI.run(["info", "Tests/Fixtures/tiny.txt", "--json"]))
        #expect(try nodes(run(["info", "-", "--json"], stdin: Array(zipped))) == fromFile)
        let graphml = try Data(contentsOf: URL(fileURLWithPath: CLI.root + "/Tests/Fixtures/tiny.graphml"))
        let graphmlNodes = try nodes(CLI.run(["info", "Tests/Fixtures/tiny.graphml", "--json"]))
        #expect(try nodes(run(["info", "-", "--format", "graphml", "--json"], stdin: Array(graphml))) == graphmlNodes)
        let bad = try run(["info", "-"], stdin: Array("1 2\n1 2 3 4 5\n".utf8))
        #expect(bad.status == 1)
        #expect(bad.stderr == "error: <stdin>:2: line has 5 fields (expected 'u v', 'u v p' or 'u v p w')\n")
    }

    @Test func devZeroFailsAtOnce() throws {
        try #expect(CLI.failure(["info", "/dev/zero"], status: 1)
            == "error: /dev/zero:1: binary data: byte 0x00 at line 1, column 1 (expected a text edge list)")
    }

    /// Every command that loads a graph takes --max-memory; the refusal names the estimate.
    @Test func maxMemoryRefusesALargeGraphOnEveryCommand() throws {
        let line = try CLI.failure(["info", "Graphs/demo.txt", "--max-memory", "64K"], status: 1)
        #expect(line.hasPrefix("error: Graphs/demo.txt: the graph needs about "))
        #expect(line.contains("arcs so far) but the memory limit is 64.0 KiB"))
        #expect(line.hasSuffix("(expected a smaller graph, or a higher limit); see --max-memory"))
        for command in [["simulate", "Graphs/demo.txt", "--seeds", "0"], ["seeds", "Graphs/demo.txt", "--k", "2"],
                        ["convert", "Graphs/demo.txt", "--output", "/tmp/never-written.infgraph"]] {
            let refused = try CLI.failure(command + ["--max-memory", "64K"], status: 1)
            #expect(refused.contains("the memory limit is 64.0 KiB"), "\(command)")
        }
        let help = try CLI.run(["info", "--help"]).stdout
        #expect(help.contains("--max-memory <SIZE>"))
        #expect(help.contains("80% of available memory"))
    }

    @Test func nodesDeclaresTheNodeCountOfAnIntegerList() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let path = try files.write("few.txt", "0 1\n1 2\n")
        #expect(try nodes(CLI.run(["info", path, "--nodes", "10", "--json"])) == 10)
        try #expect(CLI.failure(["info", path, "--nodes", "2"], status: 1)
            == "error: \(path):2: node id 2 is outside 0 to 1 (expected ids below the node count 2); see --nodes")
        let list = try files.write("nodes.txt", "0\n1\n2\nspare\n")
        #expect(try nodes(CLI.run(["info", path, "--node-file", list, "--json"])) == 4)
        try CLI.parserRefusal(["info", path, "--nodes", "3", "--node-file", list])
    }

    @Test func generatedFilesReadBackWithTheirNodeCount() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let output = files.path("generated.txt")
        let made = try CLI.run(["generate", "power-law", "--nodes", "3000", "--arcs", "3000", "--seed", "5", "--output", output])
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains(" isolated nodes (no arcs), one per line:\n"))
        let result = try CLI.run(["info", output, "--json"])
        #expect(try nodes(result) == 3000)
        #expect((try result.json()["summary"] as? [String: Any])?["arcs"] as? Int == 3000)
    }

    /// A snapshot stores the weight column beside the probabilities, so LT on the snapshot reads
    /// the weights and IC the probabilities, as on the text file.
    @Test func convertKeepsBothValueColumns() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let path = try files.write("two.txt", "source target probability weight\n0 1 0.1 0.5\n")
        let output = files.path("two.infgraph")
        let converted = try CLI.run(["convert", path, "--probabilities", "file", "--output", output])
        #expect(converted.status == 0, "\(converted.stderr)")
        #expect(converted.stdout.contains("value columns kept (value, weight)"), "\(converted.stdout)")
        let graph = try GraphSnapshot.read(output)
        #expect(graph.arcValues == [0.1] && graph.columns.arc(ValueColumns.weight) == [0.5])
        #expect(try LinearThreshold(graph: graph, weights: .file(rescale: false)).weights == [0.5])
    }
}
