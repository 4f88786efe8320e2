import Testing
@_spi(Kernels) @testable import InfluenceKit

/// `InfluenceGraph(nodeCount:sources:targets:values:labels:undirected:options:)` builds the same
/// graph as loading the same arcs from a file, with the loader's checks, each error naming its
/// parameter.
@Suite struct InMemoryBuilderTests {
    /// String labels in first-appearance order, a self-loop, parallel arcs, values.
    static let arcs: [(String, String, Double)] = [
        ("ann", "bob", 0.5), ("bob", "cat", 0.25), ("cat", "ann", 1), ("cat", "dan", 0.75),
        ("dan", "dan", 0.1), ("ann", "bob", 0.125), ("dan", "eve", 0), ("eve", "bob", 0.375),
    ]
    static let labels = ["ann", "bob", "cat", "dan", "eve"]

    static func text() -> String { arcs.map { "\($0.0) \($0.1) \($0.2)" }.joined(separator: "\n") + "\n" }

    static func built(undirected: Bool = false, dedupe: Bool = false) throws -> InfluenceGraph {
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        return try InfluenceGraph(sources: arcs.map { index[$0.0]! }, targets: arcs.map { index[$0.1]! }, values: arcs.map(\.2),
                                  labels: labels, undirected: undirected, options: GraphBuildOptions(dedupe: dedupe))
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func sameGraphAsLoadingTheSameText(_ undirected: Bool, _ dedupe: Bool) throws {
        let loaded = try graphFrom(Self.text(), undirected: undirected, values: true, dedupe: dedupe, name: "builder.txt")
        let built = try Self.built(undirected: undirected, dedupe: dedupe)
        expectSameGraph(loaded, built, labelsByText: true)
        #expect(built.statistics.format == "arrays")
        #expect(built.statistics.selfLoopsDropped == 1)
        #expect(built.statistics.parallelArcs == (undirected ? 2 : 1))
        // Models bound to either agree.
        #expect(try IndependentCascade(graph: loaded, probabilities: .file).probabilities
                    == IndependentCascade(graph: built, probabilities: .file).probabilities)
        #expect(try LinearThreshold(graph: loaded).weights == LinearThreshold(graph: built).weights)
    }

    @Test func defaultsAreIdentityLabelsNoValuesAndNodeCountFromTheLargestId() throws {
        let g = try InfluenceGraph(sources: [0, 3, 1], targets: [1, 1, 2])
        #expect(g.nodeCount == 4 && g.arcCount == 3)
        #expect(g.labels == .identity(count: 4))
        #expect(g.arcValues == nil)
        #expect(g.inDegree(1) == 2 && g.outDegree(2) == 0 && g.inDegree(3) == 0)
        // Isolated nodes beyond the largest id.
        let wide = try InfluenceGraph(nodeCount: 10, sources: [0], targets: [1])
        #expect(wide.nodeCount == 10 && wide.outOffsets.count == 11)
        let empty = try InfluenceGraph(nodeCount: 3, sources: [], targets: [])
        #expect(empty.nodeCount == 3 && empty.arcCount == 0)
    }

    @Test func eachValidationErrorNamesItsParameter() throws {
        func failure(_ build: () throws(InfluenceError) -> InfluenceGraph) -> InfluenceError? {
            do { _ = try build(); return nil } catch { return error }
        }
        let cases: [(String, String, () throws(InfluenceError) -> InfluenceGraph)] = [
            ("targets", "2 sources but 1 targets", { () throws(InfluenceError) in try InfluenceGraph(sources: [0, 1], targets: [1]) }),
            ("values", "1 values for 2 arcs", { () throws(InfluenceError) in try InfluenceGraph(sources: [0, 1], targets: [1, 2], values: [0.5]) }),
            ("nodeCount", "node count -2", { () throws(InfluenceError) in try InfluenceGraph(nodeCount: -2, sources: [], targets: []) }),
            ("sources", "sources[1] = -1 is not a node", { () throws(InfluenceError) in try InfluenceGraph(sources: [0, -1], targets: [1, 2]) }),
            ("sources", "sources[0] = 3 is not a node (expected an id in 0..<3)",
             { () throws(InfluenceError) in try InfluenceGraph(nodeCount: 3, sources: [3], targets: [1]) }),
            ("targets", "targets[1] = 5 is not a node (expected an id in 0..<4)",
             { () throws(InfluenceError) in try InfluenceGraph(nodeCount: 4, sources: [0, 1], targets: [1, 5]) }),
            ("values", "values[1] = 1.5", { () throws(InfluenceError) in try InfluenceGraph(sources: [0, 1], targets: [1, 2], values: [0.5, 1.5]) }),
            ("values", "values[0] = -0.1", { () throws(InfluenceError) in try InfluenceGraph(sources: [0], targets: [1], values: [-0.1]) }),
            ("values", "values[0] = nan", { () throws(InfluenceError) in try InfluenceGraph(sources: [0], targets: [1], values: [.nan]) }),
            ("labels", "2 labels for 3 nodes", { () throws(InfluenceError) in try InfluenceGraph(sources: [0, 1], targets: [1, 2], labels: ["a", "b"]) }),
            ("labels", "labels[2] = 'a' repeats an earlier label",
             { () throws(InfluenceError) in try InfluenceGraph(sources: [0, 1], targets: [1, 2], labels: ["a", "b", "a"]) }),
        ]
        for (parameter, prefix, build) in cases {
            let error = try #require(failure(build), "\(parameter): \(prefix)")
            #expect(error.kind == .usage, "\(error)")
            #expect(error.parameter == parameter, "\(error)")
            #expect(error.message.hasPrefix(prefix), "\(error.message)")
        }
    }

    /// Self-loops are dropped (with their values, keeping the rest aligned) and counted.
    @Test func selfLoopsAreDroppedWithTheirValues() throws {
        let g = try InfluenceGraph(sources: [0, 1, 1, 2], targets: [1, 1, 2, 0], values: [0.1, 0.9, 0.2, 0.3])
        #expect(g.arcCount == 3 && g.statistics.selfLoopsDropped == 1)
        #expect(g.arcValues == [0.1, 0.2, 0.3])
    }

    /// Graphs of more than 500,000 arcs build their reverse CSR on several workers (one range of
    /// forward rows each): the result must be exactly the sequential one — every arc once at its
    /// head (the checking initializer verifies the slot → arc bijection) and each in-row's sources
    /// increasing.
    @Test func parallelReverseCSRIsTheSequentialOne() throws {
        var random = Xoshiro256StarStar(seed: 42)
        let n = 20_000, m = 600_000
        let sources = (0..<m).map { _ in Int(random.nextBelow(UInt64(n))) }
        let targets = sources.map { u in (u + 1 + Int(random.nextBelow(UInt64(n - 1)))) % n }
        let g = try InfluenceGraph(nodeCount: n, sources: sources, targets: targets)
        #expect(g.arcCount == m)
        let checked = try InfluenceGraph(nodeCount: n, outOffsets: g.outOffsets, outTargets: g.outTargets, inOffsets: g.inOffsets,
                                         inSources: g.inSources, inArcs: g.inArcs, arcValues: nil, parallelArcs: g.parallelArcs,
                                         labels: g.labels, statistics: g.statistics)
        #expect(checked.inSources == g.inSources)
        var sorted = true
        for v in 0..<n where sorted {
            for slot in (g.inOffsets[v] + 1)..<max(g.inOffsets[v] + 1, g.inOffsets[v + 1]) where g.inSources[slot - 1] > g.inSources[slot] {
                sorted = false
            }
        }
        #expect(sorted, "each reverse row lists its sources in increasing order")
        // Within a row, parallel arcs from one source keep their forward order.
        var ordered = true
        for v in 0..<n where ordered {
            for slot in (g.inOffsets[v] + 1)..<max(g.inOffsets[v] + 1, g.inOffsets[v + 1])
                where g.inSources[slot - 1] == g.inSources[slot] && g.inArcs[slot - 1] > g.inArcs[slot] {
                ordered = false
            }
        }
        #expect(ordered)
    }
}
