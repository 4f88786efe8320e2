import Testing
@testable import InfluenceKit

@Suite(.serialized) struct EdgeListReaderTests {
    @Test func contiguousIdsStayTheIdentity() throws {
        let g = try graphFrom("0 1\n1 2\n2 0\n")
        #expect(g.labels == .identity(count: 3))
        #expect(g.outTargets == [1, 2, 0])
    }

    @Test func sparseIntegerIdsAreRenumberedInIncreasingOrderAndMappedBack() throws {
        let g = try GraphLoader.load(TestPaths.fixture("sparse.txt"), options: GraphLoadOptions(build: GraphBuildOptions(probabilities: .file))).graph
        #expect(g.labels == .integers([7, 42, 99, 1_000_000_000_000]))
        #expect(g.labels.makeIndex().node(for: "1000000000000") == 3)
        #expect(g.labels.makeIndex().node(for: "100") == nil)
        // 1000000000000 -> 42 with p = 0.5
        let row = g.outOffsets[3]..<g.outOffsets[4]
        #expect(row.map { g.outTargets[$0] } == [1])
        #expect(row.map { g.outProbabilities[$0] } == [0.5])
    }

    @Test func hugeSparseIdsUseTheHashPathWithTheSameResult() throws {
        var text = ""
        for i in 0..<500 { text += "\(Int64(i) * 9_000_000_000_001) \(Int64(i + 1) * 9_000_000_000_001)\n" }
        let g = try graphFrom(text)
        #expect(g.nodeCount == 501)
        guard case .integers(let labels) = g.labels else { Issue.record("expected integer labels"); return }
        #expect(labels == (0...500).map { Int64($0) * 9_000_000_000_001 })
        for u in 0..<500 { #expect(g.outTargets[g.outOffsets[u]] == UInt32(u + 1)) }
    }

    @Test func stringLabelsRoundTripInFirstAppearanceOrder() throws {
        let g = try graphFrom("zeta alpha\nalpha 007\n007 zeta\n")
        #expect(g.labels == .strings(["zeta", "alpha", "007"]))
        let index = g.labels.makeIndex()
        for node in 0..<g.nodeCount { #expect(index.node(for: g.label(of: node)) == node) }
    }

    @Test func leadingZerosKeepTheirSpelling() throws {
        let g = try graphFrom("007 7\n")
        #expect(g.nodeCount == 2)
        #expect(g.label(of: 0) == "007")
        #expect(g.label(of: 1) == "7")
    }

    @Test func commentsBlankLinesTabsAndCRLF() throws {
        let g = try graphFrom("# header\r\n% other\r\n\r\n  1\t2  \r\n\t2 3\r\n\n")
        #expect(g.nodeCount == 3)
        #expect(g.arcCount == 2)
        #expect(g.labels == .integers([1, 2, 3]))
    }

    @Test func undirectedMakesTwoArcsPerLine() throws {
        let g = try graphFrom("0 1\n1 2\n", undirected: true)
        #expect(g.arcCount == 4)
        #expect(g.statistics.undirectedInput)
        #expect(g.inDegree(1) == 2)
    }

    @Test func selfLoopsAreDroppedAndCounted() throws {
        let g = try graphFrom("0 0\n0 1\n1 1\n1 2\n")
        #expect(g.arcCount == 2)
        #expect(g.statistics.selfLoopsDropped == 2)
    }

    @Test func parallelArcsAreKeptAndCounted() throws {
        let g = try graphFrom("0 1\n0 1\n0 1\n1 0\n")
        #expect(g.arcCount == 4)
        #expect(g.statistics.parallelArcs == 2)
        let third: Float = 1.0 / 3
        #expect(g.outProbabilities == [third, third, third, Float(1)])
    }

    @Test func dedupeMergesParallelArcsKeepingTheCascade() throws {
        let path = writeTemporary("dup.txt", "0 1 0.5\n0 1 0.5\n1 2 0.2\n")
        let options = GraphLoadOptions(build: GraphBuildOptions(probabilities: .file, dedupe: true))
        let g = try GraphLoader.load(path, options: options).graph
        #expect(g.arcCount == 2)
        #expect(g.statistics.parallelArcs == 1)
        #expect(g.statistics.parallelArcsMerged)
        #expect(g.outProbabilities == [0.75, 0.2]) // 1 − (1 − 0.5)²
        #expect(g.outWeights == [1.0, 0.2])        // LT weights add
        #expect(g.inProbabilities == [0.75, 0.2])
    }

    @Test func gzipIsReadTransparently() throws {
        let plain = try GraphLoader.load(TestPaths.fixture("tiny.txt")).graph
        let zipped = try GraphLoader.load(TestPaths.fixture("tiny.txt.gz")).graph
        #expect(plain.outTargets == zipped.outTargets)
        #expect(plain.labels == zipped.labels)
    }
}
