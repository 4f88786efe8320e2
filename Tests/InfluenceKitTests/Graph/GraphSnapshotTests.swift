import Testing
@testable import InfluenceKit

@Suite(.serialized) struct GraphSnapshotTests {
    static let fixtures = ["tiny.graphml", "tiny.gml", "tiny.net", "tiny.ncol", "tiny.lgl", "tiny.txt", "tiny.txt.gz", "sparse.txt"]

    func assertSame(_ a: InfluenceGraph, _ b: InfluenceGraph) {
        #expect(a.nodeCount == b.nodeCount)
        #expect(a.outOffsets == b.outOffsets)
        #expect(a.outTargets == b.outTargets)
        #expect(a.outProbabilities == b.outProbabilities)
        #expect(a.outWeights == b.outWeights)
        #expect(a.inOffsets == b.inOffsets)
        #expect(a.inSources == b.inSources)
        #expect(a.inProbabilities == b.inProbabilities)
        #expect(a.inWeights == b.inWeights)
        #expect(a.labels == b.labels)
        #expect(a.statistics.selfLoopsDropped == b.statistics.selfLoopsDropped)
        #expect(a.statistics.probabilityScheme == b.statistics.probabilityScheme)
    }

    @Test(arguments: fixtures)
    func roundTripsEveryFixture(_ name: String) throws {
        let original = try GraphLoader.load(TestPaths.fixture(name), options: GraphLoadOptions(build: GraphBuildOptions(probabilities: .file))).graph
        let path = TestPaths.temporary("\(name).infgraph")
        try GraphSnapshot.write(original, to: path)
        let loaded = try GraphLoader.load(path)
        #expect(loaded.igraph == nil, "a snapshot loads without building igraph")
        assertSame(original, loaded.graph)
        #expect(loaded.graph.statistics.format.hasPrefix("infgraph"))
    }

    @Test func roundTripsIdentityAndKarate() throws {
        let karate = try GraphLoader.load(TestPaths.fixture("../../Graphs/karate.txt"), options: GraphLoadOptions(undirected: true)).graph
        let path = TestPaths.temporary("karate.infgraph")
        try GraphSnapshot.write(karate, to: path)
        let loaded = try GraphLoader.load(path)
        assertSame(karate, loaded.graph)
        // igraph is rebuilt on demand and agrees.
        let components = try loaded.igraphGraph().components(strong: false)
        #expect(components == ComponentSummary(count: 1, largest: 34))
    }

    func writeKarateSnapshot() throws -> (String, [UInt8]) {
        let karate = try GraphLoader.load(TestPaths.fixture("../../Graphs/karate.txt"), options: GraphLoadOptions(undirected: true)).graph
        let path = TestPaths.temporary("damaged.infgraph")
        try GraphSnapshot.write(karate, to: path)
        return (path, try FileContents.read(path))
    }

    @Test func truncatedSnapshotIsRejected() throws {
        let (path, bytes) = try writeKarateSnapshot()
        try AtomicFile.write(Array(bytes.prefix(bytes.count - 100)), to: path)
        let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
        #expect(e.message.contains("truncated"))
        try AtomicFile.write(Array(bytes.prefix(30)), to: path)
        #expect(throws: InfluenceError.self) { try GraphLoader.load(path) }
    }

    @Test func corruptedSnapshotIsRejected() throws {
        let (path, bytes) = try writeKarateSnapshot()
        for offset in [70, bytes.count / 2, bytes.count - 3] {
            var damaged = bytes
            damaged[offset] ^= 0x40
            try AtomicFile.write(damaged, to: path)
            let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
            #expect(e.message.contains("checksum mismatch"))
        }
    }

    @Test func wrongVersionIsRejected() throws {
        let (path, bytes) = try writeKarateSnapshot()
        var changed = bytes
        changed[8] = 99
        try AtomicFile.write(changed, to: path)
        let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
        #expect(e.message == "snapshot version 99 (expected version 1; rebuild it with 'infmax convert')")
    }

    @Test func notASnapshot() throws {
        let path = writeTemporary("plain.infgraph", "0 1\n")
        let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
        #expect(e.message == "not an InfluenceKit snapshot (expected a file written by 'infmax convert')")
    }

    @Test func forgedHeaderWithValidChecksumIsStillRejected() throws {
        // A payload whose checksum matches but whose arrays are inconsistent must not load.
        let (path, bytes) = try writeKarateSnapshot()
        var forged = bytes
        // Point an arc at a node that does not exist (first out target), then fix the checksum.
        let outTargetsStart = 64 + 8 * 35
        forged[outTargetsStart] = 0xFF; forged[outTargetsStart + 1] = 0xFF
        let sum = forged.withUnsafeBytes { Checksum64.of(UnsafeRawBufferPointer(rebasing: $0[64...])) }
        withUnsafeBytes(of: sum.littleEndian) { forged.replaceSubrange(56..<64, with: $0) }
        try AtomicFile.write(forged, to: path)
        let e = try #require(throws: InfluenceError.self) { try GraphLoader.load(path) }
        #expect(e.message.contains("inconsistent graph"))
    }
}
