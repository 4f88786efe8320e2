import Testing
@testable import InfluenceKit

/// Named value columns on the graph: their order and checks, building a graph with them from
/// arrays, adding one later, and keeping them through a snapshot (old snapshots still read).
@Suite struct ValueColumnsTests {
    /// Three arcs 0→1 (p 0.5), 1→2 (p 0.25), 2→0 (p 1), an arc column `cost` and a node column `u`.
    func sample() throws -> InfluenceGraph {
        try InfluenceGraph(sources: [0, 1, 2], targets: [1, 2, 0], values: [0.5, 0.25, 1],
                           arcColumns: ["cost": [3, 4, 5]], nodeColumns: ["u": [0.1, 0.2, 0.3]])
    }

    @Test func columnsKeepACanonicalOrderAndRefuseRepeatedNames() throws {
        var columns = ValueColumns()
        try columns.insert(ValueColumn(name: "u", scope: .node, values: [1]))
        try columns.insert(ValueColumn(name: "weight", scope: .arc, values: [1]))
        try columns.insert(ValueColumn(name: "b", scope: .node, values: [1]))
        try columns.insert(ValueColumn(name: "value", scope: .arc, values: [1]))
        #expect(columns.all.map(\.name) == ["value", "weight", "b", "u"])
        #expect(columns.arcNames == ["value", "weight"] && columns.nodeNames == ["b", "u"])
        // The same name may name an arc column and a node column, but not two of one scope.
        try columns.insert(ValueColumn(name: "u", scope: .arc, values: [2]))
        #expect(columns.arc("u") == [2] && columns.node("u") == [1])
        #expect(throws: InfluenceError(.usage, parameter: "columns", "the node column 'u' is given twice (expected one column per name)")) {
            try columns.insert(ValueColumn(name: "u", scope: .node, values: [3]))
        }
        #expect(throws: InfluenceError.self) { try ValueColumns([ValueColumn(name: "", scope: .arc, values: [])]) }
    }

    @Test func arraysBuildAGraphWithArcAndNodeColumns() throws {
        let g = try sample()
        #expect(g.arcValues == [0.5, 0.25, 1])
        #expect(g.columns.arc("cost") == [3, 4, 5])
        #expect(g.columns.node("u") == [0.1, 0.2, 0.3].map { Float($0) })
        // Self-loops drop their values in every arc column; undirected pairs double them.
        let u = try InfluenceGraph(sources: [0, 1, 1], targets: [1, 1, 2], arcColumns: ["cost": [7, 8, 9]], undirected: true)
        #expect(u.arcCount == 4 && u.statistics.selfLoopsDropped == 1)
        #expect(u.columns.arc("cost") == [7, 7, 9, 9])
    }

    @Test func arrayColumnsAreChecked() throws {
        #expect(throws: InfluenceError(.usage, parameter: "arcColumns", "2 values in arc column 'cost' for 1 arcs (expected one per arc)")) {
            try InfluenceGraph(sources: [0], targets: [1], arcColumns: ["cost": [1, 2]])
        }
        #expect(throws: InfluenceError(.usage, parameter: "nodeColumns", "1 values in node column 'u' for 2 nodes (expected one per node)")) {
            try InfluenceGraph(sources: [0], targets: [1], nodeColumns: ["u": [1]])
        }
        #expect(throws: InfluenceError.self) { try InfluenceGraph(sources: [0], targets: [1], arcColumns: ["value": [0.5]]) }
        #expect(throws: InfluenceError.self) { try InfluenceGraph(sources: [0], targets: [1], arcColumns: ["weight": [1.5]]) }
        #expect(throws: InfluenceError.self) { try InfluenceGraph(sources: [0], targets: [1], nodeColumns: ["u": [.infinity, 0]]) }
    }

    @Test func addingAColumnKeepsTheRestAndChecksItsLength() throws {
        let g = try sample()
        let more = try g.adding(ValueColumn(name: "p", scope: .node, values: [1, 2, 3]))
        #expect(more.columns.nodeNames == ["p", "u"] && more.columns.arc("cost") == g.columns.arc("cost"))
        #expect(more.outTargets == g.outTargets && more.arcValues == g.arcValues)
        #expect(throws: InfluenceError.self) { try g.adding(ValueColumn(name: "q", scope: .arc, values: [1])) }
        #expect(throws: InfluenceError.self) { try g.adding(ValueColumn(name: "cost", scope: .arc, values: [1, 2, 3])) }
    }

    @Test func snapshotsKeepEveryColumn() throws {
        let g = try sample()
        let path = TestPaths.temporary("columns.infgraph")
        defer { removeTemporary(path) }
        try GraphSnapshot.write(g, to: path)
        let back = try GraphSnapshot.read(path)
        #expect(back.columns == g.columns)
        #expect(back.outTargets == g.outTargets && back.inSources == g.inSources)
        // A column section cut short is refused, not misread.
        var bytes = try FileContents.read(path)
        bytes.removeLast(2)
        SnapshotForgery.put(UInt64(bytes.count - GraphSnapshot.headerSize), in: &bytes, at: 48)
        SnapshotForgery.reseal(&bytes)
        let e = try #require(throws: InfluenceError.self) { try GraphSnapshot.decode(bytes, path: path) }
        #expect(e.message.contains("column"), "\(e.message)")
    }

    /// A version-3 file (the format before columns) is the version-4 layout without the column
    /// section, so relabelling a column-less version-4 file as version 3 gives one to read.
    @Test func versionThreeSnapshotsStillRead() throws {
        let g = try InfluenceGraph(sources: [0, 1], targets: [1, 2], values: [0.5, 0.25])
        let path = TestPaths.temporary("v3.infgraph")
        defer { removeTemporary(path) }
        try GraphSnapshot.write(g, to: path)
        var bytes = try FileContents.read(path)
        SnapshotForgery.put(UInt32(3), in: &bytes, at: 8)
        SnapshotForgery.reseal(&bytes)
        let back = try GraphSnapshot.decode(bytes, path: path)
        #expect(back.arcValues == [0.5, 0.25] && back.outTargets == g.outTargets)
        // Version 3 knows no column flag.
        SnapshotForgery.put(UInt32(1 | 4), in: &bytes, at: 64)
        SnapshotForgery.reseal(&bytes)
        let e = try #require(throws: InfluenceError.self) { try GraphSnapshot.decode(bytes, path: path) }
        #expect(e.message.contains("header is inconsistent"), "\(e.message)")
    }
}
