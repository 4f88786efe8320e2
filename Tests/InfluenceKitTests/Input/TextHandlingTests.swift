import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Byte order marks, line endings and labels compared by their bytes.
@Suite struct TextHandlingTests {
    @Test func byteOrderMarkIsSkipped() throws {
        let g = try graphFrom("\u{FEFF}1 2\n2 3\n")
        #expect(g.labels == .integers([1, 2, 3]))
        let s = try graphFrom("\u{FEFF}alpha beta\n")
        #expect(s.labels == .strings(["alpha", "beta"]))
    }

    @Test func loneCRIsALineBreakAndCountsInLineNumbers() throws {
        let g = try graphFrom("# c\r1 2\r2 3\r\r3 1")
        #expect(g.arcCount == 3)
        #expect(g.labels == .integers([1, 2, 3]))
        let path = writeTemporary("cr.txt", "1 2\r2 3\r3 4 5 6 7\r")
        defer { removeTemporary(path) }
        #expect(throws: InfluenceError(.data, file: path, line: 3, "line has 5 fields (expected 'u v', 'u v p' or 'u v p w')")) {
            try GraphLoader.load(path)
        }
    }

    @Test func mixedLineEndingsCountOneLineEach() throws {
        let path = writeTemporary("mixed.txt", "1 2\r\n2 3\r3 4\n4 5\r\n\r\nx y z w v\n")
        defer { removeTemporary(path) }
        #expect(throws: InfluenceError(.data, file: path, line: 6, "line has 5 fields (expected 'u v', 'u v p' or 'u v p w')")) {
            try GraphLoader.load(path)
        }
    }

    @Test func labelsCompareByBytesNotCanonicalEquivalence() throws {
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        #expect(nfc == nfd, "Swift's String equality would merge them")
        let g = try graphFrom("\(nfc) x\n\(nfd) x\n")
        #expect(g.nodeCount == 3)
        #expect(g.arcCount == 2)
        let index = g.labels.makeIndex()
        #expect(index.node(for: nfc) == 0)
        #expect(index.node(for: nfd) == 2)
        #expect(NodeLabels.strings([nfc]) != NodeLabels.strings([nfd]))
    }

    @Test func invalidUTF8InALabelIsRefusedWithItsLine() throws {
        let path = TestPaths.temporary("latin1.txt")
        defer { removeTemporary(path) }
        try AtomicFile.write(Array("a b\n".utf8) + [0x63, 0x61, 0x66, 0xE9, 0x20, 0x61, 0x0A], to: path)
        var caught: InfluenceError?
        do { _ = try GraphLoader.load(path) } catch { caught = error }
        let e = try #require(caught)
        #expect(e.line == 2)
        #expect(e.message.hasPrefix("binary data: bytes that are not UTF-8 at line 2"))
    }

    @Test func aLiteralReplacementCharacterIsAValidLabel() throws {
        let g = try graphFrom("\u{FFFD} a\n")
        #expect(g.labels == .strings(["\u{FFFD}", "a"]))
    }

    /// The chunked scanner gives the same arcs whatever the chunk size, with tokens, CRLF pairs
    /// and the byte order mark straddling chunk boundaries.
    @Test func resultDoesNotDependOnTheChunkSize() throws {
        var rng = Xoshiro256StarStar(seed: 11)
        let breaks = ["\n", "\r\n", "\r"]
        for round in 0..<6 {
            var text = round % 2 == 0 ? "\u{FEFF}" : ""
            for line in 0..<300 {
                let u = rng.next() % 50, v = rng.next() % 50
                let name = round >= 4 && line == 150 ? "n\(u)" : "\(u)"
                text += "\(name)\t \(v) 0.\(rng.next() % 10)" + breaks[Int(rng.next() % 3)]
                if line % 37 == 0 { text += "# comment \(line)" + breaks[Int(rng.next() % 3)] }
            }
            let bytes = Array(text.utf8)
            let whole = try EdgeListReader.parse(bytes, path: "round\(round)", undirected: round == 1, readValues: true)
            for size in [1, 2, 3, 5, 7, 13, 64, 1000] {
                let chunked = try EdgeListReader.parse(bytes, path: "round\(round)", undirected: round == 1, readValues: true, chunkSize: size)
                #expect(chunked.sources == whole.sources, "round \(round) size \(size)")
                #expect(chunked.targets == whole.targets, "round \(round) size \(size)")
                #expect(chunked.values == whole.values, "round \(round) size \(size)")
                #expect(chunked.labels == whole.labels, "round \(round) size \(size)")
            }
            #expect(whole.count == (round == 1 ? 600 : 300) - whole.selfLoopsDropped * (round == 1 ? 2 : 1))
        }
    }

    @Test func switchingToStringLabelsMidFileKeepsFirstAppearanceOrder() throws {
        let g = try graphFrom("5 3\n3 7\n7 x\n")
        #expect(g.labels == .strings(["5", "3", "7", "x"]))
        #expect(g.outTargets.count == 3)
    }
}
