/// The compact, immutable graph every hot loop runs on: forward and reverse CSR with dense
/// `UInt32` node ids, the map from reverse slots to forward arcs, the named value columns the
/// input or the caller gave (per arc, per node; see `ValueColumns`), and the original labels. It
/// knows no diffusion model: a model (`IndependentCascade`, `LinearThreshold`) is built from a
/// graph and its parameter scheme, reads the columns it needs by name, and owns its own per-arc
/// arrays.
///
/// Arc `a` of the forward CSR goes from the node whose row contains it to `outTargets[a]`. The
/// reverse CSR lists, for each node `v`, its in-arcs `inSources[inOffsets[v]..<inOffsets[v+1]]` in
/// increasing order of source; `inArcs[slot]` is the forward arc of reverse slot `slot`.
///
/// Parallel arcs: without deduplication each input arc is one forward arc. With `dedupe`, arcs with
/// the same tail and head are merged into one forward arc that stands for several *input arcs*
/// (`parallelArcs`), and each model combines their parameters by its own rule (IC: 1 − Π(1 − p),
/// LT: Σw), so the cascade is unchanged. Input arcs are numbered in the order of the un-merged
/// forward CSR (stable by input order within a row); arc columns are indexed by input arc.
///
/// Reverse-only graphs (`hasForwardArcs` false, from a text load asked for one): RR-set sampling
/// under weighted cascade reads only the reverse CSR, so `infmax seeds` keeps nothing else — the
/// forward CSR (`outOffsets`, `outTargets`) and `inArcs` are empty, and a 4-byte map from reverse
/// slots to forward arcs is kept instead, from which `withForwardArcs()` rebuilds the very graph
/// the load would have made (same arc numbering, same content hash). Anything that walks out-arcs
/// or reads per-arc values must call `withForwardArcs()` first.
///
/// The struct holds only `let` arrays, so it is `Sendable` and can be shared across threads freely.
public struct InfluenceGraph: Sendable {
    /// Number of nodes, n.
    public let nodeCount: Int
    /// Row offsets of the forward CSR (n + 1 entries).
    public let outOffsets: [Int]
    /// Head of each forward arc (m entries).
    public let outTargets: [UInt32]
    /// Row offsets of the reverse CSR (n + 1 entries).
    public let inOffsets: [Int]
    /// Tail of each reverse arc (m entries).
    public let inSources: [UInt32]
    /// The forward arc of each reverse slot (m entries).
    public let inArcs: [Int]
    /// The named value columns: per input arc and per node, checked against the graph's sizes.
    public let columns: ValueColumns
    /// Which input arcs each forward arc stands for, when parallel arcs were merged.
    public let parallelArcs: ParallelArcGroups?
    /// Original labels.
    public let labels: NodeLabels
    /// What loading found (format, self-loops, parallel arcs).
    public let statistics: GraphLoadStatistics
    /// False for a reverse-only graph: the forward CSR and `inArcs` are empty (see
    /// `withForwardArcs()`).
    public let hasForwardArcs: Bool
    /// Reverse-only graphs: the forward arc of each reverse slot (m entries); empty otherwise.
    let reverseToForward: [UInt32]
    /// Reverse-only graphs: the content hash of the full graph, taken before the forward CSR was
    /// dropped.
    let storedContentHash: String?

    /// The arc column `value`: the third column of the input (or the `weight` attribute of igraph
    /// formats), one value in [0, 1] per input arc; nil when the input had none or it was not
    /// asked for. Complexity: O(number of columns).
    public var arcValues: [Float]? { columns.arc(ValueColumns.value) }

    /// Number of arcs, m.
    @inlinable public var arcCount: Int { inSources.count }

    /// Number of input arcs (m, or more when parallel arcs were merged).
    public var inputArcCount: Int { parallelArcs?.inputArcCount ?? arcCount }

    /// Out-degree of `node`. Complexity: O(1).
    @inlinable public func outDegree(_ node: Int) -> Int { outOffsets[node + 1] - outOffsets[node] }

    /// In-degree of `node` (merged arcs count once). Complexity: O(1).
    @inlinable public func inDegree(_ node: Int) -> Int { inOffsets[node + 1] - inOffsets[node] }

    /// The label of `node`.
    /// Complexity: O(1) (a string is built for integer labels).
    public func label(of node: Int) -> String { labels.label(of: node) }

    /// How many input arcs forward arc `arc` stands for (1 unless parallel arcs were merged).
    /// Complexity: O(1).
    public func multiplicity(ofArc arc: Int) -> Int {
        guard let groups = parallelArcs else { return 1 }
        return groups.offsets[arc + 1] - groups.offsets[arc]
    }

    /// Each node's in-degree counting input arcs (parallel arcs counted, merged or not): the
    /// degree the weighted-cascade and 1/indeg schemes divide by. Complexity: O(n + m).
    public func inputInDegrees() -> [Int] {
        guard parallelArcs != nil else { return (0..<nodeCount).map { inOffsets[$0 + 1] - inOffsets[$0] } }
        var degree = [Int](repeating: 0, count: nodeCount)
        for v in 0..<nodeCount {
            var d = 0
            for slot in inOffsets[v]..<inOffsets[v + 1] { d += multiplicity(ofArc: inArcs[slot]) }
            degree[v] = d
        }
        return degree
    }

    /// Assembles a graph from already-built arrays (snapshots) after checking them: sizes, offsets,
    /// endpoints in range, the reverse CSR and arc map consistent with the forward one, the value
    /// columns' lengths and values (`arcValues` becomes the `value` column, in [0, 1]). An
    /// inconsistent set throws instead of producing a wrong graph.
    ///
    /// - Parameters:
    ///   - nodeCount: n.
    ///   - outOffsets: the forward CSR's row offsets, n + 1 of them.
    ///   - outTargets: the forward CSR's arc heads, m of them.
    ///   - inOffsets: the reverse CSR's row offsets, n + 1 of them.
    ///   - inSources: the reverse CSR's arc tails, m of them.
    ///   - inArcs: per reverse slot, its forward arc.
    ///   - arcValues: the `value` arc column (nil for none).
    ///   - columns: further named columns (not a second `value` arc column).
    ///   - parallelArcs: the groups of merged parallel arcs, when there were any.
    ///   - labels: the nodes' labels, n of them.
    ///   - statistics: what loading found and did.
    /// - Complexity: O(n + m + total column values).
    public init(nodeCount: Int, outOffsets: [Int], outTargets: [UInt32], inOffsets: [Int], inSources: [UInt32],
                inArcs: [Int], arcValues: [Float]?, columns: ValueColumns = ValueColumns(), parallelArcs: ParallelArcGroups?,
                labels: NodeLabels, statistics: GraphLoadStatistics) throws(InfluenceError) {
        let all = try Self.columns(arcValues, columns)
        try Self.check(nodeCount: nodeCount, outOffsets: outOffsets, outTargets: outTargets, inOffsets: inOffsets,
                       inSources: inSources, inArcs: inArcs, columns: all, parallelArcs: parallelArcs, labels: labels)
        self.init(unchecked: nodeCount, outOffsets: outOffsets, outTargets: outTargets, inOffsets: inOffsets,
                  inSources: inSources, inArcs: inArcs, columns: all, parallelArcs: parallelArcs,
                  labels: labels, statistics: statistics)
    }

    /// Assembles a graph from its forward CSR (snapshots), after checking it: sizes, offsets,
    /// endpoints in range, parallel-arc groups, the value columns (`arcValues` becomes the `value`
    /// column, in [0, 1]). The reverse CSR and its arc map are rebuilt by the counting sort of a
    /// text load.
    ///
    /// - Parameters:
    ///   - nodeCount: n.
    ///   - outOffsets: the forward CSR's row offsets, n + 1 of them.
    ///   - outTargets: the forward CSR's arc heads, m of them.
    ///   - arcValues: the `value` arc column (nil for none).
    ///   - columns: further named columns (not a second `value` arc column).
    ///   - parallelArcs: the groups of merged parallel arcs, when there were any.
    ///   - labels: the nodes' labels, n of them.
    ///   - statistics: what loading found and did.
    /// - Complexity: O(n + m + total column values).
    public init(nodeCount: Int, outOffsets: [Int], outTargets: [UInt32], arcValues: [Float]?, columns: ValueColumns = ValueColumns(),
                parallelArcs: ParallelArcGroups?, labels: NodeLabels, statistics: GraphLoadStatistics) throws(InfluenceError) {
        let columns = try Self.columns(arcValues, columns)
        let n = nodeCount, m = outTargets.count
        guard n >= 0, n < Int(UInt32.max), outOffsets.count == n + 1, labels.count == n else {
            throw InfluenceError(.data, "inconsistent graph arrays (sizes do not match n = \(n), m = \(m))")
        }
        try Self.checkOffsets(outOffsets, arcCount: m)
        if let bad = outTargets.first(where: { $0 >= UInt32(n) }) {
            throw InfluenceError(.data, "arc endpoint \(bad) out of range (expected below \(n))")
        }
        try Self.checkArcData(arcCount: m, nodeCount: n, columns: columns, parallelArcs: parallelArcs)
        var inOffsets = [Int](repeating: 0, count: n + 1)
        inOffsets.withUnsafeMutableBufferPointer { off in
            outTargets.withUnsafeBufferPointer { targets in
                for v in targets { off[Int(v) &+ 1] &+= 1 }
            }
            for v in 0..<n { off[v &+ 1] &+= off[v] }
        }
        let reversed = CSRConstruction.reverse(offsets: outOffsets, targets: outTargets, inOffsets: inOffsets, nodeCount: n)
        self.init(unchecked: n, outOffsets: outOffsets, outTargets: outTargets, inOffsets: inOffsets, inSources: reversed.sources,
                  inArcs: reversed.forwardArc, columns: columns, parallelArcs: parallelArcs, labels: labels,
                  statistics: statistics)
    }

    /// `columns` with `arcValues` as its `value` arc column.
    static func columns(_ arcValues: [Float]?, _ columns: ValueColumns) throws(InfluenceError) -> ValueColumns {
        guard let arcValues else { return columns }
        var all = columns
        try all.insert(ValueColumn(name: ValueColumns.value, scope: .arc, values: arcValues))
        return all
    }

    /// Assembles arrays the caller built consistently (the CSR construction of this module).
    init(unchecked nodeCount: Int, outOffsets: [Int], outTargets: [UInt32], inOffsets: [Int], inSources: [UInt32],
         inArcs: [Int], columns: ValueColumns, parallelArcs: ParallelArcGroups?, labels: NodeLabels,
         statistics: GraphLoadStatistics, reverseToForward: [UInt32] = [], storedContentHash: String? = nil) {
        // Only reverse-only graphs carry the hash of the graph they were cut from.
        hasForwardArcs = storedContentHash == nil
        self.reverseToForward = reverseToForward
        self.storedContentHash = storedContentHash
        self.columns = columns
        self.nodeCount = nodeCount
        self.outOffsets = outOffsets
        self.outTargets = outTargets
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inArcs = inArcs
        self.parallelArcs = parallelArcs
        self.labels = labels
        self.statistics = statistics
    }
}

/// Which input arcs each merged forward arc stands for: forward arc `a` stands for input arcs
/// `inputArcs[offsets[a]..<offsets[a + 1]]` (at least one each).
public struct ParallelArcGroups: Sendable, Equatable {
    /// m + 1 offsets into `inputArcs`.
    public let offsets: [Int]
    /// Input arc numbers grouped by forward arc, increasing within a group.
    public let inputArcs: [Int]

    /// Number of input arcs.
    public var inputArcCount: Int { inputArcs.count }

    /// Complexity: O(1).
    public init(offsets: [Int], inputArcs: [Int]) {
        self.offsets = offsets
        self.inputArcs = inputArcs
    }
}

extension InfluenceGraph {
    /// Bytes held by the graph's arrays: both CSRs (the reverse one alone in a reverse-only graph),
    /// the arc map, the arc and node value columns
    /// and the parallel-arc groups (labels not counted). Complexity: O(number of columns).
    public var structureBytes: Int {
        var bytes = outOffsets.capacity * 8 + outTargets.capacity * 4 + inOffsets.capacity * 8
            + inSources.capacity * 4 + inArcs.capacity * 8 + reverseToForward.capacity * 4
        if let groups = parallelArcs { bytes += groups.offsets.capacity * 8 + groups.inputArcs.capacity * 8 }
        bytes += columns.all.reduce(0) { $0 + $1.values.capacity * 4 }
        return bytes
    }
}
