import Testing
@testable import InfluenceKit

/// Reverse-only graphs (the text load `infmax seeds` asks for under weighted cascade): the reverse
/// CSR alone, plus a 4-byte map back to forward arcs from which the full graph is rebuilt exactly.
@Suite struct ReverseOnlyGraphTests {
    /// Rows listed out of order (3 before 1 in node 0's row), a parallel pair 0→3 kept as two arcs,
    /// a self-loop dropped, an isolated declaration and a node without in-arcs: the forward order
    /// of the file is not the sorted order, so a rebuild that sorted rows would be caught.
    static let text = """
    0 3
    2 0
    0 1
    0 3
    4 4
    1 0
    3 2
    2 1
    5
    6 3
    """

    static func load(_ text: String, reverseOnly: Bool, options: GraphLoadOptions = GraphLoadOptions(),
                     name: String) throws -> InfluenceGraph {
        let path = writeTemporary(name, text)
        defer { removeTemporary(path) }
        return try GraphLoader.load(path, options: options, reverseOnly: reverseOnly).graph
    }

    /// The reverse-only graph holds the same reverse CSR, counts and content hash as the full load
    /// and none of the forward arrays; `withForwardArcs()` gives back every array element for
    /// element. The element-wise comparisons reject any arc placed in the wrong row or slot, any
    /// row reordered (the file's 0→3, 0→1 order), a parallel arc collapsed, and any wrong entry of
    /// `inArcs`; the byte count is checked to the byte against the arrays it names.
    @Test func keepsTheReverseSideAndRebuildsTheFullGraphExactly() throws {
        let full = try Self.load(Self.text, reverseOnly: false, name: "reverse-only-full.txt")
        let reverse = try Self.load(Self.text, reverseOnly: true, name: "reverse-only-cut.txt")
        #expect(full.hasForwardArcs && !reverse.hasForwardArcs)
        #expect(reverse.outOffsets.isEmpty && reverse.outTargets.isEmpty && reverse.inArcs.isEmpty)
        #expect(reverse.nodeCount == full.nodeCount && reverse.arcCount == full.arcCount && full.arcCount == 8)
        #expect(reverse.inOffsets == full.inOffsets && reverse.inSources == full.inSources)
        #expect(reverse.contentHash == full.contentHash)
        #expect(reverse.statistics.selfLoopsDropped == 1 && reverse.statistics.parallelArcs == 1)
        let n = full.nodeCount, m = full.arcCount
        // The bytes counted are the reverse CSR's and the 4-byte map's (allocated sizes), nothing else.
        #expect(reverse.reverseToForward.count == m)
        #expect(reverse.structureBytes == reverse.inOffsets.capacity * 8 + reverse.inSources.capacity * 4
                                          + reverse.reverseToForward.capacity * 4)
        #expect(full.structureBytes >= 8 * (n + 1) * 2 + 4 * m * 2 + 8 * m)

        let rebuilt = reverse.withForwardArcs()
        #expect(rebuilt.hasForwardArcs)
        #expect(rebuilt.outOffsets == full.outOffsets)
        #expect(rebuilt.outTargets == full.outTargets)
        #expect(rebuilt.inArcs == full.inArcs)
        #expect(rebuilt.inOffsets == full.inOffsets && rebuilt.inSources == full.inSources)
        #expect(rebuilt.contentHash == full.contentHash)
        // The file's order survives: node 0's out-row is 3, 1, 3 (not 1, 3, 3).
        #expect(Array(rebuilt.outTargets[rebuilt.outOffsets[0]..<rebuilt.outOffsets[1]]) == [3, 1, 3])
    }

    /// What needs the forward side keeps the full graph: merged parallel arcs (their groups are
    /// numbered by forward arc) and arc values (read per arc through `inArcs`).
    @Test func fallsBackToTheFullGraphWhenTheForwardSideIsNeeded() throws {
        let merged = try Self.load(Self.text, reverseOnly: true, options: GraphLoadOptions(build: GraphBuildOptions(dedupe: true)),
                                   name: "reverse-only-dedupe.txt")
        #expect(merged.hasForwardArcs && merged.parallelArcs != nil)
        let valued = try Self.load("0 1 0.5\n1 2 0.25\n", reverseOnly: true, options: GraphLoadOptions(readArcValues: true),
                                   name: "reverse-only-values.txt")
        #expect(valued.hasForwardArcs && valued.arcValues == [0.5, 0.25])
    }

    /// A seeds run on the reverse-only graph gives the record of the full graph (the same seeds
    /// and the same spread estimate, at k = 1 and k = 4), and forward Monte Carlo on the rebuilt
    /// graph — what the record's spread uses when cascades are cheaper — draws exactly the cascades
    /// of the full graph: any arc out of place changes which coin each arc gets, and with it the
    /// sum of 2,048 cascades (compared to the bit, as is every seed and estimate).
    @Test func seedsRecordsAndCascadesMatchTheFullGraph() throws {
        // 200 nodes, each with 4 in-arcs from scattered sources (weighted cascade: p = 1/4).
        var lines: [String] = []
        for v in 0..<200 {
            for j in 1...4 { lines.append("\((v * 37 + j * 53 + j * j) % 200) \(v)") }
        }
        let text = lines.joined(separator: "\n") + "\n"
        let full = try Self.load(text, reverseOnly: false, name: "reverse-only-big-full.txt")
        let reverse = try Self.load(text, reverseOnly: true, name: "reverse-only-big-cut.txt")
        #expect(!reverse.hasForwardArcs)
        for k in [1, 4] {
            let request = SeedsRequest(k: k, seed: 7, threads: 2)
            let a = try request.run(on: GraphInput(full, name: "g"))
            let b = try request.run(on: GraphInput(reverse, name: "g"))
            #expect(a.seeds == b.seeds, "k = \(k)")
            #expect(a.spread.estimate == b.spread.estimate && a.spread.method == b.spread.method, "k = \(k)")
            #expect(a.graph.contentHash == b.graph.contentHash)
            // The reverse-only run reports the smaller footprint it held.
            #expect((b.memory.bytesPerArc ?? 0) < (a.memory.bytesPerArc ?? 0))
        }
        let configuration = MonteCarloSimulator.Configuration(runs: 2_048, seed: 3, threads: 2)
        let onFull = try MonteCarloSimulator(model: IndependentCascade(graph: full), configuration: configuration)
        let onRebuilt = try MonteCarloSimulator(model: IndependentCascade(graph: reverse.withForwardArcs()),
                                                configuration: configuration)
        let seeds = [0, 17, 123]
        var x = MonteCarloTally(), y = MonteCarloTally()
        try onFull.simulate(seeds: seeds, runs: 0..<2_048, into: &x)
        try onRebuilt.simulate(seeds: seeds, runs: 0..<2_048, into: &y)
        #expect(x.sum == y.sum && x.estimate.mean == y.estimate.mean && x.sum > 2_048 * 3)
    }
}
