import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Every malformed input gets one precise error naming the file and line, never a crash.
@Suite struct BadInputTests {
    let fileProbabilities = GraphLoadOptions(readArcValues: true)

    func failure(_ path: String, _ options: GraphLoadOptions = GraphLoadOptions()) -> InfluenceError? {
        do {
            _ = try GraphLoader.load(path, options: options)
            return nil
        } catch {
            return error
        }
    }

    @Test func missingFile() {
        let e = failure("/nonexistent/graph.txt")
        #expect(e == InfluenceError(.io, file: "/nonexistent/graph.txt", "no such file (check the path)"))
    }

    @Test func directory() {
        #expect(failure("/tmp") == InfluenceError(.io, file: "/tmp", "is a directory (expected a graph file)"))
    }

    @Test func emptyFile() {
        let path = writeTemporary("empty.txt", "")
        defer { removeTemporary(path) }
        #expect(failure(path) == InfluenceError(.data, file: path, line: 1, "empty file (expected 'u v' or 'u v p' per line)"))
    }

    @Test func commentsOnly() {
        let path = writeTemporary("comments.txt", "# one\n% two\n\n")
        defer { removeTemporary(path) }
        #expect(failure(path) == InfluenceError(.data, file: path, line: 3, "no edges, only comments and blank lines (expected 'u v' or 'u v p' per line)"))
    }

    @Test func fiveTokens() {
        let path = writeTemporary("five.txt", "1 2\n2 3 0.5 0.7 9\n")
        defer { removeTemporary(path) }
        #expect(failure(path) == InfluenceError(.data, file: path, line: 2, "line has 5 fields (expected 'u v', 'u v p' or 'u v p w')"))
    }

    @Test func probabilityNotANumber() {
        let path = writeTemporary("nan-text.txt", "1 2 0.5\n2 3 abc\n")
        defer { removeTemporary(path) }
        #expect(failure(path, fileProbabilities) == InfluenceError(.data, file: path, line: 2, "probability 'abc' is not a number (expected a number in [0, 1])"))
    }

    @Test func probabilityNaN() {
        let path = writeTemporary("nan.txt", "1 2 0.5\n\n2 3 NaN\n")
        defer { removeTemporary(path) }
        #expect(failure(path, fileProbabilities) == InfluenceError(.data, file: path, line: 3, "probability is NaN (expected a number in [0, 1])"))
    }

    @Test func negativeProbability() {
        let path = writeTemporary("neg.txt", "1 2 -0.25\n")
        defer { removeTemporary(path) }
        #expect(failure(path, fileProbabilities) == InfluenceError(.data, file: path, line: 1, "probability -0.25 is outside [0, 1] (expected a number in [0, 1])"))
    }

    @Test func probabilityAboveOne() {
        let path = writeTemporary("above.txt", "# header\n1 2 0.5\n2 3 1.5\n")
        defer { removeTemporary(path) }
        #expect(failure(path, fileProbabilities) == InfluenceError(.data, file: path, line: 3, "probability 1.5 is outside [0, 1] (expected a number in [0, 1])"))
    }

    @Test func truncatedGzip() throws {
        let whole = try FileContents.readRaw(TestPaths.fixture("tiny.txt.gz"))
        let path = TestPaths.temporary("truncated.txt.gz")
        defer { removeTemporary(path) }
        try AtomicFile.write(Array(whole.prefix(whole.count / 2)), to: path)
        #expect(failure(path) == InfluenceError(.data, file: path, "truncated gzip data (the file ends mid-stream) (expected a complete gzip file)"))
    }

    @Test func binaryGarbage() throws {
        var rng = Xoshiro256StarStar(seed: 3)
        var bytes = Array("1 2\n".utf8)
        for _ in 0..<200 { bytes.append(UInt8(truncatingIfNeeded: rng.next())) }
        bytes[10] = 0 // make sure there is a NUL on line 2
        let path = TestPaths.temporary("garbage.txt")
        defer { removeTemporary(path) }
        try AtomicFile.write(bytes, to: path)
        let e = try #require(failure(path))
        #expect(e.kind == .data)
        #expect(e.file == path)
        #expect(e.line == 2)
        #expect(e.message.hasPrefix("binary data: "))
        #expect(e.message.hasSuffix("(expected a text edge list)"))
    }

    @Test func nulByteInIntegerLine() throws {
        let path = TestPaths.temporary("nul.txt")
        defer { removeTemporary(path) }
        try AtomicFile.write(Array("1 2\n3 \u{0}4\n".utf8), to: path)
        #expect(failure(path) == InfluenceError(.data, file: path, line: 2, "binary data: byte 0x00 at line 2, column 3 (expected a text edge list)"))
    }

    @Test func allSelfLoops() {
        let path = writeTemporary("loops.txt", "1 1\n2 2\n")
        defer { removeTemporary(path) }
        #expect(failure(path) == InfluenceError(.data, file: path, line: 2, "no edges left: all 2 are self-loops (expected 'u v' or 'u v p' with u ≠ v)"))
    }

    @Test func malformedGML() {
        let path = writeTemporary("bad.gml", "graph [\n  node [ id 1 ]\n  edge [ source 1 target ]\n]\n")
        defer { removeTemporary(path) }
        let e = failure(path)
        #expect(e?.file == path)
        #expect(e?.line == 3)
        #expect(e?.message.contains("igraph cannot read it as GML") == true)
    }

    @Test func binaryGraphML() throws {
        let path = TestPaths.temporary("binary.graphml")
        defer { removeTemporary(path) }
        try AtomicFile.write([0x3C, 0x67, 0x00, 0x01, 0x02], to: path)
        #expect(failure(path) == InfluenceError(.data, file: path, line: 1, "binary data: byte 0x00 at line 1, column 3 (expected GraphML text)"))
    }
}
