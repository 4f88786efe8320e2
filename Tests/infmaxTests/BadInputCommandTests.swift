import Foundation
import Testing

/// The CLI turns every bad input into one stderr line `error: FILE:LINE: ...`, exit 1 for data and
/// 2 for usage, and writes nothing to stdout.
@Suite(.serialized) struct BadInputCommandTests {
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "infmax-cli-\(getpid())-\(name)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func expectOneLine(_ arguments: [String], status: Int32, _ expected: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr == expected + "\n")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func dataErrorsExitOne() throws {
        let cases: [(String, String, [String], String)] = [
            ("empty.txt", "", [], ":1: empty file (expected 'u v' or 'u v p' per line)"),
            ("comments.txt", "# a\n# b\n", [], ":2: no edges, only comments and blank lines (expected 'u v' or 'u v p' per line)"),
            ("one.txt", "1 2\n3\n", [], ":2: line has 1 field (expected 'u v' or 'u v p')"),
            ("four.txt", "1 2 3 4\n", [], ":1: line has 4 fields (expected 'u v' or 'u v p')"),
            ("word.txt", "1 2 x\n", ["--probabilities", "file"], ":1: probability 'x' is not a number (expected a number in [0, 1])"),
            ("nan.txt", "1 2 nan\n", ["--probabilities", "file"], ":1: probability is NaN (expected a number in [0, 1])"),
            ("neg.txt", "1 2 0.5\n2 3 -1\n", ["--probabilities", "file"], ":2: probability -1 is outside [0, 1] (expected a number in [0, 1])"),
            ("above.txt", "1 2 2\n", ["--probabilities", "file"], ":1: probability 2 is outside [0, 1] (expected a number in [0, 1])"),
        ]
        for (name, text, extra, suffix) in cases {
            let path = try write(name, Array(text.utf8))
            try expectOneLine(["info", path] + extra, status: 1, "error: \(path)\(suffix)")
        }
    }

    @Test func fileSystemErrors() throws {
        try expectOneLine(["info", "/no/such.txt"], status: 1, "error: /no/such.txt: no such file (check the path)")
        try expectOneLine(["info", "/tmp"], status: 1, "error: /tmp: is a directory (expected a graph file)")
        let fake = try write("fake.txt.gz", Array("1 2\n".utf8))
        try expectOneLine(["info", fake], status: 1, "error: \(fake): not gzip data (expected a gzip-compressed file, as the .gz name says)")
    }

    @Test func binaryGarbage() throws {
        var bytes: [UInt8] = Array("1 2\n".utf8)
        bytes += [0x07, 0x00, 0xFF, 0x13, 0x20, 0x41, 0x0A]
        let path = try write("garbage.bin", bytes)
        try expectOneLine(["info", path], status: 1, "error: \(path):2: binary data: byte 0x7 at column 1 (expected a text edge list)")
    }

    @Test func usageErrorsExitTwo() throws {
        try expectOneLine(["info", "Graphs/karate.txt", "--format", "xlsx"], status: 2,
                          "error: unknown format 'xlsx' (expected one of: snap, graphml, gml, pajek, ncol, lgl, infgraph)")
        try expectOneLine(["info", "Graphs/karate.txt", "--probabilities", "uniform:7"], status: 2,
                          "error: bad probability scheme 'uniform:7' (expected uniform:P with P a number in [0, 1], e.g. uniform:0.01)")
    }

    @Test func convertWritesNothingOnFailure() throws {
        let output = NSTemporaryDirectory() + "infmax-cli-\(getpid())-never.infgraph"
        let bad = try write("bad-for-convert.txt", Array("1 2\n3\n".utf8))
        let result = try CLI.run(["convert", bad, "--output", output])
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: output))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix("infmax-cli-\(getpid())-never") }
        #expect(leftovers.isEmpty)
    }

    @Test func convertThenInfoFromSnapshot() throws {
        let output = NSTemporaryDirectory() + "infmax-cli-\(getpid())-karate.infgraph"
        let made = try CLI.run(["convert", "Graphs/karate.txt", "--undirected", "--output", output])
        #expect(made.status == 0, "\(made.stderr)")
        let info = try CLI.run(["info", output, "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(info.stdout.utf8)) as! [String: Any]
        let summary = object["summary"] as! [String: Any]
        #expect(summary["nodes"] as? Int == 34)
        #expect(summary["arcs"] as? Int == 156)
        // Loading options cannot change a snapshot.
        let refused = try CLI.run(["info", output, "--probabilities", "uniform:0.1"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("pass --undirected, --probabilities, --normalize-lt and --dedupe to 'infmax convert' instead"))
    }

    @Test func pagerankListsTopNodesOfKarate() throws {
        let result = try CLI.run(["info", "Graphs/karate.txt", "--undirected", "--pagerank", "3", "--json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let top = object["pagerankTop"] as! [[String: Any]]
        // In Zachary's club the instructor (0) and the administrator (33) lead PageRank.
        #expect(Set(top.prefix(2).map { $0["label"] as! String }) == ["0", "33"])
    }
}
