import Testing
@_spi(Kernels) @testable import InfluenceKit

@Suite struct GraphSnapshotTests {
    static let fixtures = ["tiny.graphml", "tiny.gml", "tiny.net", "tiny.ncol", "tiny.lgl", "tiny.txt", "tiny.txt.gz", "sparse.txt"]

    /// Writes `graph` to a fresh snapshot, reads it back, removes the file.
    func roundTrip(_ graph: InfluenceGraph, _ name: String) throws -> LoadedGraph {
        let path = TestPaths.temporary(name)
        defer { removeTemporary(path) }
        try GraphSnapshot.write(graph, to: path)
        return try GraphLoader.load(path)
    }

    @Test(arguments: fixtures)
    func roundTripsEveryFixture(_ name: String) throws {
        let original = try GraphLoader.load(TestPaths.fixture(name), options: GraphLoadOptions(readArcValues: true)).graph
        #expect(original.arcValues != nil)
        let loaded = try roundTrip(original, "\(name).infgraph")
        #expect(loaded.igraph == nil, "a snapshot loads without building igraph")
        expectSameGraph(original, loaded.graph)
        #expect(loaded.graph.statistics.format.hasPrefix("infgraph"))
    }

    @Test func roundTripsIdentityAndKarate() throws {
        let karate = try GraphLoader.load(TestPaths.fixture("../../Graphs/karate.txt"), options: GraphLoadOptions(undirected: true)).graph
        let loaded = try roundTrip(karate, "karate.infgraph")
        expectSameGraph(karate, loaded.graph)
        #expect(loaded.graph.arcValues == nil)
        // igraph is rebuilt on demand and agrees.
        let components = try loaded.igraphGraph().components(strong: false)
        #expect(components == ComponentSummary(count: 1, largest: 34))
    }

    /// A snapshot keeps the raw arc values per input arc and the merged parallel-arc groups, so a
    /// model bound to the reloaded graph is the model bound to the original (same probabilities
    /// and weights, merged arcs included), and the exact spread is unchanged.
    @Test func roundTripKeepsArcValuesAndMergedParallelArcs() throws {
        let text = "a b 0.5\na b 0.25\nc b 0.125\nb d 0.75\nb d 0.5\nd a 0.3\nc d 0.2\n"
        let merged = try graphFrom(text, values: true, dedupe: true, name: "parallel.txt")
        #expect(merged.arcCount == 5 && merged.inputArcCount == 7)
        let groups = try #require(merged.parallelArcs)
        #expect(groups.inputArcCount == 7)
        let loaded = try roundTrip(merged, "parallel.infgraph").graph
        expectSameGraph(merged, loaded)
        #expect(loaded.arcValues?.count == 7)
        #expect((0..<loaded.arcCount).map { loaded.multiplicity(ofArc: $0) } == (0..<merged.arcCount).map { merged.multiplicity(ofArc: $0) })
        #expect((0..<loaded.arcCount).map { loaded.multiplicity(ofArc: $0) }.sorted() == [1, 1, 1, 2, 2])
        for scheme in [ProbabilityScheme.file, .weightedCascade, .uniform(0.3), .trivalency(seed: 4)] {
            #expect(try IndependentCascade(graph: loaded, probabilities: scheme).probabilities
                        == IndependentCascade(graph: merged, probabilities: scheme).probabilities, "\(scheme)")
        }
        #expect(try LinearThreshold(graph: loaded, weights: .file(rescale: true)).weights
                    == LinearThreshold(graph: merged, weights: .file(rescale: true)).weights)
        let index = loaded.labels.makeIndex()
        let a = index.node(for: "a")!
        for kind in DiffusionModelKind.allCases {
            #expect(try exactSpread([a], loaded, kind) == exactSpread([a], merged, kind))
        }
        // Without dedupe the snapshot has no groups and the same values.
        let plain = try graphFrom(text, values: true, name: "parallel.txt")
        let reloaded = try roundTrip(plain, "plain.infgraph").graph
        expectSameGraph(plain, reloaded)
        #expect(reloaded.parallelArcs == nil && reloaded.arcCount == 7)
    }

    func writeKarateSnapshot() throws -> (String, [UInt8]) {
        let karate = try GraphLoader.load(TestPaths.fixture("../../Graphs/karate.txt"), options: GraphLoadOptions(undirected: true)).graph
        let path = TestPaths.temporary("damaged.infgraph")
        try GraphSnapshot.write(karate, to: path)
        return (path, try FileContents.read(path))
    }

    @Test func truncatedSnapshotIsRejected() throws {
        let (path, bytes) = try writeKarateSnapshot()
        defer { removeTemporary(path) }
        try AtomicFile.write(Array(bytes.prefix(bytes.count - 100)), to: path)
        let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
        #expect(e.message.contains("truncated"))
        try AtomicFile.write(Array(bytes.prefix(30)), to: path)
        let short = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
        #expect(short.message.contains("truncated"))
    }

    @Test func corruptedSnapshotIsRejected() throws {
        let (path, bytes) = try writeKarateSnapshot()
        defer { removeTemporary(path) }
        for offset in [90, bytes.count / 2, bytes.count - 3] {
            var damaged = bytes
            damaged[offset] ^= 0x40
            try AtomicFile.write(damaged, to: path)
            let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
            #expect(e.message.contains("checksum mismatch"))
        }
    }

    @Test func wrongVersionIsRejected() throws {
        let (path, bytes) = try writeKarateSnapshot()
        defer { removeTemporary(path) }
        #expect(bytes[8] == UInt8(GraphSnapshot.version) && GraphSnapshot.version == 4)
        var changed = bytes
        changed[8] = 99
        try AtomicFile.write(changed, to: path)
        let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
        #expect(e.message == "snapshot version 99 (expected version 3 to 4; re-convert the original graph with 'infmax convert')")
    }

    /// A file written by the first snapshot format (version 1: a 64-byte header, model arrays in
    /// the payload) is refused before anything else is read, with the advice to re-convert.
    @Test func versionOneHeaderIsRefusedWithTheReconvertMessage() throws {
        var header = Array("INFGRAPH".utf8)
        header += [1, 0, 0, 0]          // version 1
        header += [0, 0, 0, 0]          // label kind: identity
        header += [UInt8](repeating: 0, count: 48)
        header += [UInt8](repeating: 0xAB, count: 200) // a payload of the old layout
        let path = TestPaths.temporary("v1.infgraph")
        defer { removeTemporary(path) }
        try AtomicFile.write(header, to: path)
        let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
        #expect(e == InfluenceError(.data, file: path,
            "snapshot version 1, written by an older InfluenceKit (expected version 3 to 4; re-convert the original graph with 'infmax convert')"))
    }

    @Test func notASnapshot() throws {
        let path = writeTemporary("plain.infgraph", "0 1\n")
        defer { removeTemporary(path) }
        let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
        #expect(e.message == "not an InfluenceKit snapshot (expected a file written by 'infmax convert')")
    }

    @Test func forgedHeaderWithValidChecksumIsStillRejected() throws {
        // A payload whose checksum matches but whose arrays are inconsistent must not load.
        let (path, bytes) = try writeKarateSnapshot()
        defer { removeTemporary(path) }
        var forged = bytes
        // Point an arc at a node that does not exist (first out target, after the 80-byte header
        // and 35 out offsets), then fix the checksum.
        let outTargetsStart = GraphSnapshot.headerSize + 8 * 35
        forged[outTargetsStart] = 0xFF; forged[outTargetsStart + 1] = 0xFF
        SnapshotForgery.reseal(&forged)
        try AtomicFile.write(forged, to: path)
        let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
        #expect(e.message.contains("inconsistent graph"))
    }
}
