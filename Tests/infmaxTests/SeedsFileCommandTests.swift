import Foundation
import Testing

/// `--seeds-file` end to end: line endings, byte-order marks, integer JSON labels, byte-exact
/// labels, and `-` for standard input.
@Suite(.serialized) struct SeedsFileCommandTests {
    static let karate = ["simulate", "Graphs/karate.txt", "--undirected", "--runs", "16", "--json"]

    static func labels(_ result: CLIResult) throws -> [String] {
        let seeds = try #require(try result.json()["seeds"] as? [[String: Any]], "\(result.stdout)")
        return seeds.compactMap { $0["label"] as? String }
    }

    /// Runs `infmax` with `input` on its standard input.
    static func run(_ arguments: [String], standardInput input: [UInt8]) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        let stdin = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        try stdin.fileHandleForWriting.write(contentsOf: Data(input))
        try stdin.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
    }

    /// `0\r\n33\r\n` was one label; CRLF and lone CR now end lines like LF.
    @Test func windowsAndOldMacLineEndings() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        for (name, text) in [("crlf.txt", "0\r\n33\r\n"), ("cr.txt", "0\r33\r"), ("mixed.txt", "# top\r\n0\n\r\n33")] {
            let file = try files.write(name, text)
            let result = try CLI.run(Self.karate + ["--seeds-file", file])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(try Self.labels(result) == ["0", "33"], "\(name)")
        }
        // Line numbers in errors count CRLF once.
        let bad = try files.write("bad.txt", "0\r\n\r\nzz\r\n")
        let line = try CLI.failure(Self.karate + ["--seeds-file", bad], status: 1)
        #expect(line == "error: \(bad):3: unknown seed label 'zz' (no node of Graphs/karate.txt has this label)")
    }

    /// A UTF-8 byte-order mark was glued to the first label and hid JSON.
    @Test func byteOrderMark() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = try files.write("bom.txt", bytes: bom + Array("0\n33\n".utf8))
        let json = try files.write("bom.json", bytes: bom + Array("{\"seeds\": [{\"label\": \"0\"}, {\"label\": \"33\"}]}".utf8))
        for file in [text, json] {
            let result = try CLI.run(Self.karate + ["--seeds-file", file])
            #expect(result.status == 0, "\(file): \(result.stderr)")
            #expect(try Self.labels(result) == ["0", "33"])
        }
    }

    /// `[0, 33]` was refused ("no label string"); integers are labels, fractions errors.
    @Test func integerLabelsInJSON() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        for (name, text) in [("array.json", "[0, 33]"), ("object.json", "{\"seeds\": [{\"label\": 0, \"rank\": 1}, {\"label\": 33}]}"),
                             ("mixed.json", "{\"seeds\": [0, \"33\"]}")] {
            let file = try files.write(name, text)
            let result = try CLI.run(Self.karate + ["--seeds-file", file])
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(try Self.labels(result) == ["0", "33"], "\(name)")
        }
        let half = try files.write("half.json", "[0, 0.5]")
        let line = try CLI.failure(Self.karate + ["--seeds-file", half], status: 1)
        #expect(line == "error: \(half): seed entry 2 is a number that is not an integer (0.5) (expected an integer label such as 33, or a string)")
        let huge = try files.write("huge.json", "[1e400]")
        #expect(try CLI.failure(Self.karate + ["--seeds-file", huge], status: 1).hasPrefix("error: \(huge): "))
    }

    /// Labels match byte for byte: a precomposed `café` is not the graph's decomposed one.
    @Test func labelsMatchByteForByte() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        let graph = try files.write("cafe.txt", "\(nfd) tea\ntea milk\n")
        let decomposed = try files.write("nfd.txt", "\(nfd)\n")
        let ok = try CLI.run(["simulate", graph, "--seeds-file", decomposed, "--runs", "4", "--json"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try Self.labels(ok).map { Array($0.utf8) } == [Array(nfd.utf8)])
        let precomposed = try files.write("nfc.txt", "\(nfc)\n")
        let line = try CLI.failure(["simulate", graph, "--seeds-file", precomposed, "--runs", "4"], status: 1)
        #expect(line == "error: \(precomposed):1: unknown seed label '\(nfc)' (no node of \(graph) has this label)")
        let list = try CLI.failure(["simulate", graph, "--seeds", nfc, "--runs", "4"], status: 2)
        #expect(list.hasPrefix("error: --seeds item 1: unknown seed label"))
    }

    /// `--seeds-file -` reads standard input; errors name it `<stdin>`.
    @Test func standardInput() throws {
        let result = try Self.run(Self.karate + ["--seeds-file", "-"], standardInput: Array("0\r\n33\r\n".utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.labels(result) == ["0", "33"])
        let json = try Self.run(Self.karate + ["--seeds-file", "-"], standardInput: Array("[33, 0]".utf8))
        #expect(json.status == 0, "\(json.stderr)")
        #expect(try Self.labels(json) == ["33", "0"])
        let bad = try Self.run(Self.karate + ["--seeds-file", "-"], standardInput: Array("0\nzz\n".utf8))
        #expect(bad.status == 1 && bad.stdout.isEmpty)
        #expect(bad.stderr == "error: <stdin>:2: unknown seed label 'zz' (no node of Graphs/karate.txt has this label)\n")
        let empty = try Self.run(Self.karate + ["--seeds-file", "-"], standardInput: [])
        #expect(empty.status == 1)
        #expect(empty.stderr.hasPrefix("error: <stdin>: no seeds"))
        let help = try CLI.run(["simulate", "--help"])
        #expect(help.stdout.contains("- reads standard input"))
    }
}
