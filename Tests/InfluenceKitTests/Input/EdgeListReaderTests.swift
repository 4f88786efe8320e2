import Testing
@_spi(Kernels) @testable import InfluenceKit

@Suite struct EdgeListReaderTests {
    @Test func contiguousIdsStayTheIdentity() throws {
        let g = try graphFrom("0 1\n1 2\n2 0\n")
        #expect(g.labels == .identity(count: 3))
        #expect(g.outTargets == [1, 2, 0])
    }

    @Test func sparseIntegerIdsAreRenumberedInIncreasingOrderAndMappedBack() throws {
        let g = try GraphLoader.load(TestPaths.fixture("sparse.txt"), options: GraphLoadOptions(readArcValues: true)).graph
        #expect(g.labels == .integers([7, 42, 99, 1_000_000_000_000]))
        #expect(g.labels.makeIndex().node(for: "1000000000000") == 3)
        #expect(g.labels.makeIndex().node(for: "100") == nil)
        // 1000000000000 -> 42 with p = 0.5
        let row = g.outOffsets[3]..<g.outOffsets[4]
        #expect(row.map { g.outTargets[$0] } == [1])
        #expect(row.map { g.arcValues![$0] } == [0.5])
        #expect(row.map { try! IndependentCascade(graph: g, probabilities: .file).probabilities[$0] } == [0.5])
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
        #expect(g.parallelArcs == nil && g.inputArcCount == 4)
        let third: Float = 1.0 / 3
        #expect(try IndependentCascade(graph: g).probabilities == [third, third, third, Float(1)])
        #expect(g.inputInDegrees() == [1, 3])
    }

    @Test func dedupeMergesParallelArcsKeepingTheCascade() throws {
        let g = try graphFrom("0 1 0.5\n0 1 0.5\n1 2 0.2\n", values: true, dedupe: true, name: "dup.txt")
        #expect(g.arcCount == 2)
        #expect(g.inputArcCount == 3)
        #expect(g.statistics.parallelArcs == 1)
        #expect(g.statistics.parallelArcsMerged)
        #expect(g.parallelArcs == ParallelArcGroups(offsets: [0, 2, 3], inputArcs: [0, 1, 2]))
        #expect((0..<2).map { g.multiplicity(ofArc: $0) } == [2, 1])
        #expect(g.arcValues == [0.5, 0.5, 0.2], "raw values stay per input arc")
        let ic = try IndependentCascade(graph: g, probabilities: .file)
        #expect(ic.probabilities == [0.75, 0.2]) // 1 − (1 − 0.5)²
        #expect(ic.inProbabilities == [0.75, 0.2])
        let lt = try LinearThreshold(graph: g, weights: .file(rescale: false))
        #expect(lt.weights == [1.0, 0.2])        // LT weights add
        // Weighted cascade counts the parallel input arcs in the in-degree: 1 − (1 − 1/2)².
        #expect(try IndependentCascade(graph: g).probabilities == [0.75, 1])
        #expect(try LinearThreshold(graph: g).weights == [1, 1])
    }

    @Test func gzipIsReadTransparently() throws {
        let plain = try GraphLoader.load(TestPaths.fixture("tiny.txt")).graph
        let zipped = try GraphLoader.load(TestPaths.fixture("tiny.txt.gz")).graph
        #expect(plain.outTargets == zipped.outTargets)
        #expect(plain.labels == zipped.labels)
    }
}
