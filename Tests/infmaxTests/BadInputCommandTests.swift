import Foundation
import Testing

/// The CLI turns every bad input into one stderr line `error: [--FLAG: ]FILE:LINE: ...`, exit 1 for
/// data and 2 for usage, and writes nothing to stdout.
@Suite(.serialized) struct BadInputCommandTests {
    func expectOneLine(_ arguments: [String], status: Int32, _ expected: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let line = try CLI.failure(arguments, status: status, sourceLocation: sourceLocation)
        #expect(line == expected, sourceLocation: sourceLocation)
    }

    @Test func dataErrorsExitOne() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let cases: [(String, String, [String], String)] = [
            ("empty.txt", "", [], ":1: empty file (expected 'u v' or 'u v p' per line)"),
            ("comments.txt", "# a\n# b\n", [], ":2: no edges, only comments and blank lines (expected 'u v' or 'u v p' per line)"),
            ("five.txt", "1 2\n1 2 3 4 5\n", [], ":2: line has 5 fields (expected 'u v', 'u v p' or 'u v p w')"),
            ("word.txt", "1 2 x\n", ["--probabilities", "file"], ":1: probability 'x' is not a number (expected a number in [0, 1])"),
            ("nan.txt", "1 2 nan\n", ["--probabilities", "file"], ":1: probability is NaN (expected a number in [0, 1])"),
            ("neg.txt", "1 2 0.5\n2 3 -1\n", ["--probabilities", "file"], ":2: probability -1 is outside [0, 1] (expected a number in [0, 1])"),
            ("above.txt", "1 2 2\n", ["--probabilities", "file"], ":1: probability 2 is outside [0, 1] (expected a number in [0, 1])"),
        ]
        for (name, text, extra, suffix) in cases {
            let path = try files.write(name, text)
            try expectOneLine(["info", path] + extra, status: 1, "error: \(path)\(suffix)")
        }
        // A missing third column matters only when arc values are read; the error names the flag that asked for them.
        let short = try files.write("short.txt", "1 2 0.5\n2 3\n")
        try expectOneLine(["info", short, "--probabilities", "file"], status: 1,
                          "error: \(short):2: line has no probability (expected 'u v p' when arc values are read); --probabilities file reads the third column as probabilities")
        #expect(try CLI.run(["info", short]).status == 0)
        // Karate has no third column at all (its first data line is line 3, after two comments).
        try expectOneLine(["simulate", "Graphs/karate.txt", "--probabilities", "file", "--seeds", "0", "--runs", "10"], status: 1,
                          "error: Graphs/karate.txt:3: line has no probability (expected 'u v p' when arc values are read); --probabilities file reads the third column as probabilities")
        // Bad third columns are not read at all without --probabilities file.
        let word = try files.write("word-ignored.txt", "1 2 x\n")
        #expect(try CLI.run(["info", word]).status == 0)
    }

    @Test func fileSystemErrors() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        try expectOneLine(["info", "/no/such.txt"], status: 1, "error: /no/such.txt: no such file (check the path)")
        try expectOneLine(["info", "/tmp"], status: 1, "error: /tmp: is a directory (expected a graph file)")
    }

    @Test func binaryGarbage() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        var bytes: [UInt8] = Array("1 2\n".utf8)
        bytes += [0x07, 0x00, 0xFF, 0x13, 0x20, 0x41, 0x0A]
        let path = try files.write("garbage.bin", bytes: bytes)
        try expectOneLine(["info", path], status: 1, "error: \(path):2: binary data: byte 0x07 at line 2, column 1 (expected a text edge list)")
    }

    /// Library usage errors name the flag of the parameter at fault.
    @Test func usageErrorsExitTwoAndNameTheFlag() throws {
        try expectOneLine(["info", "Graphs/karate.txt", "--format", "xlsx"], status: 2,
                          "error: --format: unknown format 'xlsx' (expected one of: snap, graphml, gml, pajek, ncol, lgl, infgraph)")
        try expectOneLine(["info", "Graphs/karate.txt", "--probabilities", "uniform:7"], status: 2,
                          "error: --probabilities: bad probability scheme 'uniform:7' (expected uniform:P with P a number in [0, 1], e.g. uniform:0.01)")
        try expectOneLine(["info", "Graphs/karate.txt", "--probabilities", "bogus"], status: 2,
                          "error: --probabilities: unknown probability scheme 'bogus' (expected wc, uniform:P, trivalency, trivalency:SEED or file)")
    }

    @Test func convertWritesNothingOnFailure() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let output = files.path("never.infgraph")
        let bad = try files.write("bad-for-convert.txt", "1 2\n3 4 5 6 7\n")
        try expectOneLine(["convert", bad, "--output", output], status: 1, "error: \(bad):2: line has 5 fields (expected 'u v', 'u v p' or 'u v p w')")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try files.leftovers(of: output).isEmpty)
    }

    @Test func pagerankListsTopNodesOfKarate() throws {
        let result = try CLI.run(["info", "Graphs/karate.txt", "--undirected", "--pagerank", "3", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let top = try #require(try result.json()["pagerankTop"] as? [[String: Any]])
        #expect(top.count == 3)
        // In Zachary's club the instructor (0) and the administrator (33) lead PageRank.
        #expect(Set(top.prefix(2).compactMap { $0["label"] as? String }) == ["0", "33"])
    }
}
