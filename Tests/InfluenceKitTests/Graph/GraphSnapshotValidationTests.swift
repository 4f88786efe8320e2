import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Snapshots are trusted only after every stored field is checked: the checksum covers the header,
/// and bytes forged with a valid checksum are refused with a data error naming the file and what
/// is wrong (never a trap, never a wrong graph).
@Suite struct GraphSnapshotValidationTests {
    static let path = "forged.infgraph"

    /// The bytes of a snapshot of `text` (an edge list with values, deduplicated if asked).
    static func snapshot(_ text: String, dedupe: Bool = false) throws -> [UInt8] {
        let graph = try graphFrom(text, values: true, dedupe: dedupe, name: "forgery.txt")
        let file = TestPaths.temporary("forgery.infgraph")
        defer { removeTemporary(file) }
        try GraphSnapshot.write(graph, to: file)
        return try FileContents.read(file)
    }

    /// String labels, two parallel arcs merged (a→b twice), values.
    static let text = "a b 0.5\na b 0.25\nb c 0.75\nc a 0.125\n"

    /// The error `decode` throws for `bytes` after resealing them.
    static func refusal(_ bytes: [UInt8], reseal: Bool = true) throws -> InfluenceError {
        var forged = bytes
        if reseal { SnapshotForgery.reseal(&forged) }
        let e = try #require(throws: InfluenceError.self) { try GraphSnapshot.decode(forged, path: path) }
        #expect(e.kind == .data && e.file == path, "\(e)")
        return e
    }

    @Test func decodeIsWhatReadDoes() throws {
        let bytes = try Self.snapshot(Self.text, dedupe: true)
        let decoded = try GraphSnapshot.decode(bytes, path: Self.path)
        let original = try graphFrom(Self.text, values: true, dedupe: true, name: "forgery.txt")
        expectSameGraph(original, decoded)
        #expect(decoded.statistics.format == "infgraph (from snap)")
    }

    /// Every header byte is covered by the checksum, the padding after the flags included (a
    /// payload-only checksum let these through).
    @Test func checksumCoversTheHeader() throws {
        let bytes = try Self.snapshot(Self.text, dedupe: true)
        for offset in 12..<GraphSnapshot.headerSize where !GraphSnapshot.checksumRange.contains(offset) {
            var damaged = bytes
            damaged[offset] ^= 0x01
            let e = try Self.refusal(damaged, reseal: false)
            // The payload size is checked first, to tell a truncated file from a corrupted one.
            let expected = (48..<56).contains(offset) ? "truncated or padded" : "checksum mismatch"
            #expect(e.message.contains(expected), "byte \(offset): \(e.message)")
        }
    }

    /// A version-2 file (its checksum covered the payload only) gets the older-version advice.
    @Test func versionTwoIsRefusedWithTheReconvertMessage() throws {
        var bytes = try Self.snapshot(Self.text)
        SnapshotForgery.put(UInt32(2), in: &bytes, at: 8)
        let e = try Self.refusal(bytes)
        #expect(e.message == "snapshot version 2, written by an older InfluenceKit (expected version 3 to 4; re-convert the original graph with 'infmax convert')")
    }

    @Test func forgedArraysAreRefused() throws {
        let bytes = try Self.snapshot(Self.text, dedupe: true)
        let at = SnapshotForgery.Sections(bytes)
        #expect(at.n == 3 && at.m == 3 && at.inputArcs == 4)
        var cases: [(String, [UInt8])] = []
        func forge(_ expected: String, _ edit: (inout [UInt8]) -> Void) {
            var copy = bytes
            edit(&copy)
            cases.append((expected, copy))
        }
        forge("CSR offsets decrease") { SnapshotForgery.put(Int64(3), in: &$0, at: at.outOffsets + 8) }
        forge("CSR offsets do not span the arcs") { SnapshotForgery.put(Int64(2), in: &$0, at: at.outOffsets + 8 * at.n) }
        forge("CSR offsets do not span the arcs") { SnapshotForgery.put(Int64(-1), in: &$0, at: at.outOffsets) }
        forge("arc endpoint 3 out of range") { SnapshotForgery.put(UInt32(3), in: &$0, at: at.outTargets) }
        forge("repeat or skip an input arc") { SnapshotForgery.put(Int64(0), in: &$0, at: at.groupInputArcs! + 8) }
        forge("repeat or skip an input arc") { SnapshotForgery.put(Int64(4), in: &$0, at: at.groupInputArcs!) }
        forge("stands for no input arc") { SnapshotForgery.put(Int64(0), in: &$0, at: at.groupOffsets! + 8) }
        forge("arc value nan outside [0, 1]") { SnapshotForgery.put(Float.nan, in: &$0, at: at.values!) }
        forge("arc value inf outside [0, 1]") { SnapshotForgery.put(Float.infinity, in: &$0, at: at.values! + 4) }
        forge("arc value 1.5 outside [0, 1]") { SnapshotForgery.put(Float(1.5), in: &$0, at: at.values! + 8) }
        forge("arc value -0.5 outside [0, 1]") { SnapshotForgery.put(Float(-0.5), in: &$0, at: at.values! + 12) }
        forge("label offsets are inconsistent") { SnapshotForgery.put(Int64(5), in: &$0, at: at.labels + 8) }
        forge("label of node 0 is not valid UTF-8") { $0[at.labels + 8 * (at.n + 1)] = 0xFF }
        forge("statistics do not decode") { $0[at.statistics] = UInt8(ascii: "[") }
        /// Replaces the statistics JSON (`edit` of its text), fixing the section sizes in the header.
        func forgeStatistics(_ expected: String, _ edit: @escaping (String) -> String) {
            forge(expected) { bytes in
                let range = at.statistics..<(at.statistics + at.statisticsBytes)
                let json = edit(String(decoding: bytes[range], as: UTF8.self))
                bytes.replaceSubrange(range, with: Array(json.utf8))
                SnapshotForgery.put(UInt64(json.utf8.count), in: &bytes, at: 40)
                SnapshotForgery.put(UInt64(bytes.count - GraphSnapshot.headerSize), in: &bytes, at: 48)
            }
        }
        forgeStatistics("statistics disagree with its arcs") {
            $0.replacingOccurrences(of: "\"parallelArcsMerged\":true", with: "\"parallelArcsMerged\":false")
        }
        forgeStatistics("statistics disagree with its arcs") {
            $0.replacingOccurrences(of: "\"selfLoopsDropped\":0", with: "\"selfLoopsDropped\":-3")
        }
        forgeStatistics("statistics do not decode") { $0.replacingOccurrences(of: "\"format\"", with: "\"fmt\"") }
        forge("header is inconsistent") { SnapshotForgery.put(UInt32(8), in: &$0, at: 64) }
        forge("sections do not add up") { SnapshotForgery.put(SnapshotForgery.get($0, UInt32.self, at: 64) | 4, in: &$0, at: 64) }
        forge("header is inconsistent") { SnapshotForgery.put(UInt64(2), in: &$0, at: 72) }
        forge("header is inconsistent") { SnapshotForgery.put(UInt64.max, in: &$0, at: 16) }
        // Section sizes that overflow when added must not trap.
        forge("sections do not add up") { SnapshotForgery.put(UInt64.max - 10, in: &$0, at: 32) }
        forge("sections do not add up") { SnapshotForgery.put(UInt64.max, in: &$0, at: 40) }
        for (expected, forged) in cases {
            let e = try Self.refusal(forged)
            #expect(e.message.contains(expected), "expected '\(expected)': \(e.message)")
            #expect(e.message.hasSuffix("rebuild it with 'infmax convert'"), "\(e.message)")
        }
    }

    /// LT weights above 1 are a model's concern, not the snapshot's: a forged snapshot whose
    /// in-weights sum to 1.1 loads, IC binds, and LT refuses it naming the node.
    @Test func ltSumsAboveOneAreRefusedWhenLTIsBound() throws {
        var bytes = try Self.snapshot("a d 0.5\nb d 0.4\n")
        let at = SnapshotForgery.Sections(bytes)
        SnapshotForgery.put(Float(0.6), in: &bytes, at: at.values! + 4)
        SnapshotForgery.reseal(&bytes)
        let graph = try GraphSnapshot.decode(bytes, path: Self.path)
        #expect(graph.arcValues == [0.5, 0.6])
        _ = try IndependentCascade(graph: graph, probabilities: .file)
        let e = try #require(throws: InfluenceError.self) { try LinearThreshold(graph: graph, weights: .file(rescale: false)) }
        #expect(e.kind == .data && e.parameter == "normalizeLT")
        #expect(e.message == "node 'd' has LT in-weights summing to 1.1 (expected at most 1, or rescaled to sum to 1)")
    }

    /// Random byte edits, resealed: every one loads a consistent graph or throws a data error.
    @Test func randomEditsNeverTrap() throws {
        let bytes = try Self.snapshot(Self.text, dedupe: true)
        var rng = Xoshiro256StarStar(seed: 11)
        for _ in 0..<400 {
            var forged = bytes
            for _ in 0..<(1 + Int(rng.nextBelow(3))) {
                forged[Int(rng.nextBelow(UInt64(forged.count)))] = UInt8(truncatingIfNeeded: rng.next())
            }
            SnapshotForgery.reseal(&forged)
            do {
                let graph = try GraphSnapshot.decode(forged, path: Self.path)
                #expect(graph.labels.count == graph.nodeCount)
            } catch {
                #expect(error.kind == .data && error.file == Self.path)
            }
        }
    }
}
