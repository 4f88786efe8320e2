/// The compact, immutable graph every hot loop runs on: forward and reverse CSR with dense
/// `UInt32` node ids, per-arc IC probability and LT weight, and the original labels.
///
/// Arc `a` of the forward CSR goes from the node whose row contains it to `outTargets[a]`, with
/// IC probability `outProbabilities[a]` and LT weight `outWeights[a]`. The reverse CSR lists, for
/// each node `v`, its in-arcs `inSources[inOffsets[v]..<inOffsets[v+1]]` with the same values
/// (`inProbabilities`, `inWeights`), in increasing order of source.
///
/// Hot loops read the arrays through `withUnsafeBufferPointer`; the struct holds only `let`
/// arrays, so it is `Sendable` and can be shared across threads freely.
public struct InfluenceGraph: Sendable {
    /// Number of nodes, n.
    public let nodeCount: Int
    /// Row offsets of the forward CSR (n + 1 entries).
    public let outOffsets: [Int]
    /// Head of each forward arc (m entries).
    public let outTargets: [UInt32]
    /// IC probability of each forward arc.
    public let outProbabilities: [Float]
    /// LT weight of each forward arc.
    public let outWeights: [Float]
    /// Row offsets of the reverse CSR (n + 1 entries).
    public let inOffsets: [Int]
    /// Tail of each reverse arc (m entries).
    public let inSources: [UInt32]
    /// IC probability of each reverse arc.
    public let inProbabilities: [Float]
    /// LT weight of each reverse arc.
    public let inWeights: [Float]
    /// Original labels.
    public let labels: NodeLabels
    /// What loading found (self-loops, parallel arcs, scheme).
    public let statistics: GraphLoadStatistics

    /// Number of arcs, m.
    @inlinable public var arcCount: Int { outTargets.count }

    /// Out-degree of `node`. Complexity: O(1).
    @inlinable public func outDegree(_ node: Int) -> Int { outOffsets[node + 1] - outOffsets[node] }

    /// In-degree of `node`. Complexity: O(1).
    @inlinable public func inDegree(_ node: Int) -> Int { inOffsets[node + 1] - inOffsets[node] }

    /// The label of `node`.
    public func label(of node: Int) -> String { labels.label(of: node) }

    /// Assembles a graph from already-built CSR arrays (snapshots). The arrays are checked for
    /// consistency; an inconsistent set throws instead of producing a wrong graph.
    ///
    /// Complexity: O(n + m).
    public init(nodeCount: Int, outOffsets: [Int], outTargets: [UInt32], outProbabilities: [Float],
                outWeights: [Float], inOffsets: [Int], inSources: [UInt32], inProbabilities: [Float],
                inWeights: [Float], labels: NodeLabels, statistics: GraphLoadStatistics,
                validate: Bool = true) throws(InfluenceError) {
        let m = outTargets.count
        if validate {
            guard nodeCount >= 0, nodeCount < Int(UInt32.max),
                  outOffsets.count == nodeCount + 1, inOffsets.count == nodeCount + 1,
                  outProbabilities.count == m, outWeights.count == m,
                  inSources.count == m, inProbabilities.count == m, inWeights.count == m,
                  labels.count == nodeCount
            else { throw InfluenceError(.data, "inconsistent graph arrays (sizes do not match n = \(nodeCount), m = \(m))") }
            try Self.checkOffsets(outOffsets, arcCount: m)
            try Self.checkOffsets(inOffsets, arcCount: m)
            let n = UInt32(nodeCount)
            for t in outTargets where t >= n { throw InfluenceError(.data, "arc endpoint \(t) out of range (expected below \(n))") }
            for t in inSources where t >= n { throw InfluenceError(.data, "arc endpoint \(t) out of range (expected below \(n))") }
            for p in outProbabilities where !(p >= 0 && p <= 1) { throw InfluenceError(.data, "probability \(p) outside [0, 1]") }
            for p in inProbabilities where !(p >= 0 && p <= 1) { throw InfluenceError(.data, "probability \(p) outside [0, 1]") }
        }
        self.nodeCount = nodeCount
        self.outOffsets = outOffsets
        self.outTargets = outTargets
        self.outProbabilities = outProbabilities
        self.outWeights = outWeights
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inProbabilities = inProbabilities
        self.inWeights = inWeights
        self.labels = labels
        self.statistics = statistics
    }

    private static func checkOffsets(_ offsets: [Int], arcCount: Int) throws(InfluenceError) {
        guard offsets.first == 0, offsets.last == arcCount else {
            throw InfluenceError(.data, "CSR offsets do not span the arcs (expected 0 ... \(arcCount))")
        }
        var previous = 0
        for o in offsets {
            if o < previous { throw InfluenceError(.data, "CSR offsets decrease (expected non-decreasing offsets)") }
            previous = o
        }
    }
}
