import FoundationEssentials
import Testing
@_spi(Kernels) @testable import InfluenceKit

/// `TextLineReader`: the one bounded line reader of every whole-line format (issue "Hardening 2").
@Suite struct LineReaderTests {
    /// The lines of `bytes` as the reader hands them out, `chunk` bytes at a time.
    static func lines(_ bytes: [UInt8], chunk: Int = 1 << 20, limit: Int? = nil) throws(InfluenceError) -> [(Int, [UInt8])] {
        var result: [(Int, [UInt8])] = []
        try TextLineReader.forEachLine(in: bytes, path: "t", chunkSize: chunk, limitBytes: limit, expected: "text") { line in
            result.append((line.number, Array(line.bytes)))
        }
        return result
    }

    /// An independent splitter: BOM dropped, then LF, CRLF and a lone CR each end one line; a
    /// final line without a break still counts.
    static func reference(_ bytes: [UInt8]) -> [[UInt8]] {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var lines: [[UInt8]] = [], current: [UInt8] = []
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            if c == 0x0A || c == 0x0D {
                lines.append(current); current = []
                if c == 0x0D, i + 1 < body.endIndex, body[i + 1] == 0x0A { i += 1 }
            } else {
                current.append(c)
            }
            i += 1
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Seeded random texts over an alphabet of line breaks, blanks, ASCII, NFC/NFD `é`: every
    /// chunk size from 1 to 9 (and one large) gives the reference's lines, numbered 1, 2, ….
    /// A splitter that dropped empty lines, split CRLF in two or missed a lone CR fails on
    /// almost every one of the 300 texts.
    @Test func everyChunkSizeGivesTheReferenceLines() throws {
        var random = SplitMix64(seed: 0x4C49_4E45)
        let pieces: [[UInt8]] = [[0x0A], [0x0D], [0x0D, 0x0A], [0x20], [0x09], Array("ab".utf8), Array("7".utf8),
                                 Array("caf\u{E9}".utf8), Array("cafe\u{301}".utf8), [0x23]]
        for _ in 0..<300 {
            var bytes: [UInt8] = random.next() % 4 == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<Int(random.next() % 40) { bytes += pieces[Int(random.next() % UInt64(pieces.count))] }
            let expected = Self.reference(bytes)
            for chunk in Array(1...9) + [1 << 20] {
                let got = try Self.lines(bytes, chunk: chunk)
                #expect(got.map(\.1) == expected, "chunk \(chunk): \(bytes)")
                #expect(got.map(\.0) == Array(1...max(1, got.count)).prefix(got.count).map { $0 })
            }
        }
    }

    /// `\xff` and `\xfe` are refused with their line (the edge-list reader's rule), not merged.
    @Test func invalidUTF8IsRefusedWithItsLine() {
        #expect(throws: InfluenceError(.data, file: "t", line: 2,
                                       "bytes that are not valid UTF-8 at line 2 (expected UTF-8 text: text; convert the file, e.g. with iconv)")) {
            _ = try Self.lines(Array("ok\n".utf8) + [0xFF, 0x0A, 0xFE, 0x0A])
        }
    }

    /// Text above the limit stops the read (a gzip bomb, a huge pipe) with the `memoryLimit`
    /// parameter; exactly at the limit it is read.
    @Test func textAboveTheLimitIsRefused() throws {
        let bytes = Array(String(repeating: "abc\n", count: 100).utf8)
        #expect(try Self.lines(bytes, chunk: 16, limit: 400).count == 100)
        let error = try #require(throws: InfluenceError.self) { _ = try Self.lines(bytes, chunk: 16, limit: 399) }
        #expect(error.kind == .resource && error.parameter == "memoryLimit")
    }

    /// `/dev/zero` (no line breaks, all NUL) is refused in the first chunk, by every reader.
    @Test func devZeroIsRefusedAtOnce() throws {
        let expected = InfluenceError(.data, file: "/dev/zero", line: 1,
                                      "binary data: byte 0x00 at line 1, column 1 (expected one AP label per line, or comma-separated AP sets, one per line)")
        #expect(throws: expected) { _ = try ActiveParticipantSets.read("/dev/zero") }
        #expect(throws: InfluenceError.self) { _ = try SeedsFile.read("/dev/zero") }
        #expect(throws: InfluenceError.self) { _ = try DelimitedRows.read("/dev/zero") }
        #expect(throws: InfluenceError.self) { _ = try FileContents.read("/dev/zero", text: "GML text") }
    }

    /// A path with a NUL byte is refused: the C library would open the path cut at the NUL
    /// (`karate.txt\0x` loaded karate.txt).
    @Test func pathsWithNULAreRefused() throws {
        let path = TestPaths.fixture("tiny.txt") + "\u{0}x"
        let error = try #require(throws: InfluenceError.self) { _ = try GraphLoader.load(path) }
        #expect(error.message.contains("the path holds a NUL byte"), "\(error)")
        #expect(throws: InfluenceError.self) { _ = try FileContents.readRaw(path) }
        #expect(throws: InfluenceError.self) { _ = try SeedsFile.read(path) }
        #expect(throws: InfluenceError.self) { try AtomicFile.write("x", to: TestPaths.temporary("out") + "\u{0}y") }
    }

    /// AP files: NFC and NFD `café` are two labels; CRLF, lone CR and a BOM read as LF does.
    @Test func apFilesAreByteExactAndTakeEveryLineEnding() throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        let sets = try ActiveParticipantSets(text: "\(nfc),\(nfd),\(nfc)\n", source: "a")
        #expect(sets.sets.map(\.labels) == [[nfc, nfd]])
        #expect(sets.sets[0].labels.map { Array($0.utf8) } == [Array(nfc.utf8), Array(nfd.utf8)])
        let lf = try ActiveParticipantSets(text: "0,33\n1,2,3,32\n", source: "a")
        for text in ["0,33\r\n1,2,3,32\r\n", "0,33\r1,2,3,32\r", "\u{FEFF}0,33\n1,2,3,32"] {
            #expect(try ActiveParticipantSets(text: text, source: "a") == lf, "\(Array(text.utf8))")
        }
        #expect(lf.sets.map(\.labels) == [["0", "33"], ["1", "2", "3", "32"]])
    }

    /// Arrays: labels that differ only in normalisation are two nodes (they were refused as a
    /// repeat).
    @Test func arrayLabelsAreByteExact() throws {
        let graph = try InfluenceGraph(nodeCount: 2, sources: [0], targets: [1], labels: ["caf\u{E9}", "cafe\u{301}"])
        #expect(graph.nodeCount == 2)
        #expect(Array(graph.label(of: 1).utf8) == Array("cafe\u{301}".utf8))
    }

    /// The default memory limit is at most 80% of every bound the process has.
    @Test func defaultLimitIsTheSmallestBound() {
        let limit = SystemMemory.defaultLimitBytes
        #expect(limit <= Int(Double(SystemMemory.physicalBytes) * 0.8))
        if let rlimit = Platform.processMemoryRlimit { #expect(limit <= Int(Double(rlimit) * 0.8)) }
        if let cgroup = Platform.cgroupMemoryLimit { #expect(limit <= Int(Double(cgroup) * 0.8)) }
        #expect(limit == Int(Double(min(SystemMemory.physicalBytes, Platform.processMemoryRlimit ?? .max,
                                        Platform.cgroupMemoryLimit ?? .max)) * 0.8))
    }

    /// A whole-file format refuses to grow past the limit before the buffer grows (it doubled
    /// past the bound first).
    @Test func wholeFileReadStopsBeforeTheLimit() throws {
        let path = TestPaths.temporary("big.gml")
        defer { removeTemporary(path) }
        try AtomicFile.write(String(repeating: "graph [ ]\n", count: 1000), to: path)
        #expect(try FileContents.read(path, limitBytes: 10_000).count == 10_000)
        let error = try #require(throws: InfluenceError.self) { _ = try FileContents.read(path, limitBytes: 9_999) }
        #expect(error.kind == .resource)
    }
}

/// Round trips over seeded random inputs (own generator: SplitMix64): any graph → snapshot →
/// same graph; any labels → file → same labels; any request → JSON → same request.
@Suite struct RoundTripPropertyTests {
    /// A random label: ASCII letters and digits, NFC/NFD `é`, CJK, emoji; never blank-edged.
    static func label(_ random: inout SplitMix64) -> String {
        let alphabet = ["a", "b", "Z", "0", "7", "\u{E9}", "e\u{301}", "\u{4E2D}", "\u{1F600}", "_", "-", "."]
        var text = ""
        for _ in 0...Int(random.next() % 6) { text += alphabet[Int(random.next() % UInt64(alphabet.count))] }
        return text
    }

    /// 200 random graphs (string or integer labels, with or without probabilities, parallel
    /// arcs kept or merged): each decodes from its snapshot to the same graph, arrays and labels
    /// byte for byte.
    @Test func anyGraphSnapshotRoundTrips() throws {
        var random = SplitMix64(seed: 0x534E_4150)
        for round in 0..<200 {
            let nodes = 2 + Int(random.next() % 12)
            let strings = random.next() % 2 == 0
            let names = (0..<nodes).map { i in strings ? Self.label(&random) + "\(i)" : "\(i * 3)" }
            let values = random.next() % 2 == 0
            var text = ""
            for _ in 0..<(1 + Int(random.next() % 30)) {
                let u = Int(random.next() % UInt64(nodes)), v = Int(random.next() % UInt64(nodes))
                text += "\(names[u]) \(names[v])" + (values ? " \(Double(random.next() % 1000) / 1000)" : "") + "\n"
            }
            let dedupe = random.next() % 2 == 0
            guard let arcs = try? EdgeListReader.parse(Array(text.utf8), path: "g", undirected: random.next() % 2 == 0,
                                                       readValues: values) else { continue }
            let graph = try InfluenceGraph(arcs: arcs, options: GraphBuildOptions(dedupe: dedupe), format: "snap", source: "g")
            let path = TestPaths.temporary("g\(round).infgraph")
            defer { removeTemporary(path) }
            try GraphSnapshot.write(graph, to: path)
            let back = try GraphSnapshot.decode(try FileContents.read(path), path: path)
            expectSameGraph(graph, back)
            for v in 0..<graph.nodeCount { #expect(Array(graph.label(of: v).utf8) == Array(back.label(of: v).utf8)) }
        }
    }

    /// 300 random label lists, written one per line (LF, CRLF or CR, with or without a BOM),
    /// read back as seeds, as a node file and as an AP set: the same labels, byte for byte, in
    /// order (NFC and NFD never merged). A reader that normalised, trimmed inside a label or
    /// dropped a line fails.
    @Test func anyLabelsFileRoundTrips() throws {
        var random = SplitMix64(seed: 0x4C41_4245)
        for _ in 0..<300 {
            var labels: [String] = [], seen = Set<[UInt8]>()
            for _ in 0..<(1 + Int(random.next() % 20)) {
                let l = Self.label(&random)
                if seen.insert(Array(l.utf8)).inserted { labels.append(l) }
            }
            let ending = ["\n", "\r\n", "\r"][Int(random.next() % 3)]
            let bom = random.next() % 2 == 0 ? "\u{FEFF}" : ""
            let bytes = Array((bom + labels.joined(separator: ending) + ending).utf8)
            let seeds = try SeedsFile.parse(bytes, path: "s")
            #expect(seeds.map { Array($0.utf8) } == labels.map { Array($0.utf8) })
            let aps = try ActiveParticipantSets.parse(bytes, source: "a")
            #expect(aps.sets.count == 1 && aps.sets[0].labels.map { Array($0.utf8) } == labels.map { Array($0.utf8) })
            let path = TestPaths.temporary("nodes.txt")
            defer { removeTemporary(path) }
            try AtomicFile.write(bytes, to: path)
            let nodes = try NodeFile.read(path, limitBytes: nil)
            #expect(nodes.labels.map { Array($0.utf8) } == labels.map { Array($0.utf8) })
        }
    }

    /// 300 random requests of four use cases: encoded with `JSONEncoder` and decoded as a
    /// document, each is equal to the original (a field dropped or renamed by either side fails).
    @Test func anyRequestJSONRoundTrips() throws {
        var random = SplitMix64(seed: 0x5245_5155)
        for _ in 0..<300 {
            let seeds = (0..<(1 + Int(random.next() % 4))).map { _ in Self.label(&random) }
            let request: any UseCaseRequest
            switch random.next() % 4 {
            case 0:
                var r = SeedsRequest(k: 1 + Int(random.next() % 50))
                r.seed = random.next()
                request = r
            case 1:
                var r = SimulateRequest(seeds: seeds)
                r.runs = 1 + Int(random.next() % 100_000)
                r.seed = random.next()
                request = r
            case 2:
                var r = ClosedRequest(seeds: seeds, k: 1 + Int(random.next() % 9))
                r.evaluationRuns = 1 + Int(random.next() % 100_000)
                r.seed = random.next()
                request = r
            default:
                var r = CIMRequest(k: 1 + Int(random.next() % 9), apFile: Self.label(&random))
                r.seed = random.next()
                request = r
            }
            let json = try JSONEncoder().encode(request)
            let text = "{\"useCase\": \"\(type(of: request).useCase.rawValue)\", \"request\": " + String(decoding: json, as: UTF8.self) + "}"
            let back = try RunDocument.decode(Array(text.utf8))
            #expect(back.request == RunDocument.Request(request), "\(text)")
        }
    }
}
