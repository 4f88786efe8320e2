import Testing
@testable import InfluenceKit

/// `InfluenceGraph(labelledSources:targets:)`: arrays of integer labels give the graph a file with
/// the same lines gives, arc for arc and label for label.
@Suite struct EdgeLabelsTests {
    /// The arcs of `Tests/Fixtures/sparse.txt` (sparse ids, a self-loop), as a pipeline holds them.
    let sources: [Int64] = [1_000_000_000_000, 42, 7, 7, 99]
    let targets: [Int64] = [42, 7, 1_000_000_000_000, 99, 99]
    let values: [Double] = [0.5, 0.25, 1.0, 0.75, 0.1]

    private func fromArrays(undirected: Bool = false, values: [Double]? = nil) throws -> InfluenceGraph {
        try sources.withUnsafeBufferPointer { s in
            try targets.withUnsafeBufferPointer { t in
                if let values {
                    return try values.withUnsafeBufferPointer { v in
                        try InfluenceGraph(labelledSources: s, targets: t, values: v, undirected: undirected)
                    }
                }
                return try InfluenceGraph(labelledSources: s, targets: t, undirected: undirected)
            }
        }
    }

    @Test(arguments: [false, true]) func sameGraphAsTheFile(undirected: Bool) throws {
        let file = try GraphLoader.load(TestPaths.fixture("sparse.txt"),
                                        options: GraphLoadOptions(undirected: undirected, readArcValues: true)).graph
        let arrays = try fromArrays(undirected: undirected, values: values)
        #expect(arrays.nodeCount == file.nodeCount && arrays.labels == file.labels)
        #expect(arrays.outOffsets == file.outOffsets && arrays.outTargets == file.outTargets)
        #expect(arrays.inSources == file.inSources && arrays.arcValues == file.arcValues)
        #expect(arrays.statistics.selfLoopsDropped == 1 && file.statistics.selfLoopsDropped == 1)
        #expect(arrays.labels == .integers([7, 42, 99, 1_000_000_000_000]))
    }

    @Test func denseIdsStayTheIdentity() throws {
        let s: [Int64] = [2, 0, 1], t: [Int64] = [0, 1, 2]
        let graph = try s.withUnsafeBufferPointer { a in try t.withUnsafeBufferPointer { b in
            try InfluenceGraph(labelledSources: a, targets: b)
        } }
        #expect(graph.labels == .identity(count: 3) && graph.arcCount == 3)
    }

    @Test func badValuesNameTheIndex() throws {
        #expect(throws: InfluenceError(.usage, parameter: "values", "values[1] = 1.5 (expected a probability in [0, 1])")) {
            try fromArrays(values: [0.5, 1.5, 0, 0, 0])
        }
        #expect(throws: InfluenceError(.usage, parameter: "values", "2 values for 5 arcs (expected one per arc)")) {
            try fromArrays(values: [0.5, 0.5])
        }
    }
}
