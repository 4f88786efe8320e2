import Testing
@testable import InfluenceKit

/// Reading the arcs, node values, inviters and truth files: headers, labels, and bad input as
/// one error naming file and line.
@Suite struct RecommendationInputTests {
    func write(_ name: String, _ text: String) throws -> String { writeTemporary(name, text) }

    @Test func filesGiveTheSameGraphAsMemory() throws {
        let arcs = try write("arcs.tsv", SevenNodes.arcsFile), nodes = try write("nodes.tsv", SevenNodes.nodesFile)
        defer { removeTemporary(arcs); removeTemporary(nodes) }
        let loaded = try InviteGraph.load(arcs: arcs, nodeValues: nodes)
        let memory = try SevenNodes.graph()
        #expect(loaded.labels == memory.labels && loaded.outTargets == memory.outTargets && loaded.invite == memory.invite)
        #expect(loaded.acceptance == memory.acceptance && loaded.acceptance[3] == 1)
        #expect(loaded.labels == ["0", "1", "2", "3", "4", "5", "6"] && loaded.integerLabels)
    }

    @Test func namedColumnsInAnyOrderAndStringLabels() throws {
        let arcs = try write("named.tsv", "# comment\nP source target extra\n0.5 bob alice x\n0.25 alice carol y\n")
        let nodes = try write("named-nodes.tsv", "U node\n0.5 carol\n0.9 nobody\n")
        defer { removeTemporary(arcs); removeTemporary(nodes) }
        let g = try InviteGraph.load(arcs: arcs, nodeValues: nodes)
        #expect(g.labels == ["alice", "bob", "carol"] && !g.integerLabels)
        #expect(g.acceptance == [1, 1, 0.5])
        let bob = g.node(labelled: "bob")!
        #expect(g.outDegree(bob) == 1 && g.invite[g.arcs(from: bob).lowerBound] == 0.5)
        let inviters = try write("inv.txt", "inviter\nbob\n\nalice\n")
        defer { removeTemporary(inviters) }
        #expect(try InviterFile.nodes(inviters, in: g) == [bob, g.node(labelled: "alice")!])
    }

    func error(_ body: () throws -> Void) -> InfluenceError? {
        do { try body(); return nil } catch let e as InfluenceError { return e } catch { return nil }
    }

    @Test func badInputNamesFileAndLine() throws {
        let cases: [(arcs: String, nodes: String?, line: Int, words: String)] = [
            ("inviter invitee P\n0 1 0.5\n1 2 1.5\n", nil, 3, "outside [0, 1]"),
            ("0 1 0.5\n1 2 -0.1\n", nil, 2, "outside [0, 1]"),
            ("0 1 0.5\n1 2 abc\n", nil, 2, "not a number"),
            ("0 1 0.5\n1 2 nan\n", nil, 2, "not a number"),
            ("inviter invitee P\n0 1 0.5\n2 0 0.1\n0 1 0.25\n", nil, 4, "given twice (first on line 2)"),
            ("0 1 0.5\n1 1 0.5\n", nil, 2, "invites itself"),
            ("0 1 0.5\n1 2\n", nil, 2, "expected inviter, invitee and P"),
            ("from to weight\n0 1 0.5\n", nil, 1, "names no P column"),
            ("0 1 0.5\n", "node U\n1 0.5\n0 2\n", 3, "outside [0, 1]"),
            ("0 1 0.5\n", "node U\n1 0.5\n1 0.25\n", 3, "given twice (first on line 2)"),
        ]
        for c in cases {
            let arcs = try write("bad.tsv", c.arcs)
            let nodes = try c.nodes.map { try write("bad-nodes.tsv", $0) }
            defer { removeTemporary(arcs); if let nodes { removeTemporary(nodes) } }
            let e = try #require(error { _ = try InviteGraph.load(arcs: arcs, nodeValues: nodes) }, "\(c.arcs) loaded")
            #expect(e.kind == .data && e.file == (nodes ?? arcs) && e.line == c.line, "\(e)")
            #expect(e.message.contains(c.words), "\(e)")
        }
    }

    @Test func unknownAndRepeatedInviters() throws {
        let g = try SevenNodes.graph()
        let unknown = try write("unknown.txt", "0\n# x\n42\n"), twice = try write("twice.txt", "0\n1\n0\n")
        defer { removeTemporary(unknown); removeTemporary(twice) }
        let e1 = try #require(error { _ = try InviterFile.nodes(unknown, in: g) })
        #expect(e1.line == 3 && e1.message.contains("'42' is not a node"))
        let e2 = try #require(error { _ = try InviterFile.nodes(twice, in: g) })
        #expect(e2.line == 3 && e2.message.contains("listed twice (first on line 1)"))
    }

    @Test func memoryArcsAreCheckedToo() {
        #expect(error { _ = try InviteGraph(arcs: [.init(inviter: "a", invitee: "b", invite: 2)]) }?.parameter == "arcs")
        #expect(error { _ = try InviteGraph(arcs: [.init(inviter: "a", invitee: "b", invite: 0.5), .init(inviter: "a", invitee: "b", invite: 0.1)]) }?.message.contains("twice") == true)
        #expect(error { _ = try InviteGraph(arcs: [.init(inviter: "a", invitee: "b", invite: 0.5)], acceptance: ["b": -1]) }?.parameter == "acceptance")
    }

    @Test func truthFileWithHeader() throws {
        let path = try write("truth.tsv", "inviter\tinvitee\n0\t3\n0\t2\n1\t1\n")
        defer { removeTemporary(path) }
        let truth = try TruthPairs.read(path)
        #expect(truth.invitees == [ByteLabel("0"): ["3", "2"]] && truth.pairCount == 2)
    }
}
