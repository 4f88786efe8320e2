extension InfluenceGraph {
    /// Builds the compact graph from parsed arcs: the forward CSR by a stable counting sort (arcs
    /// keep their input order within a row), parallel arcs counted (and merged into groups with
    /// `dedupe`), then the reverse CSR with its map to forward arcs. The arc values (the `value`
    /// column) and the other arc columns are kept per input arc, node columns per node; `value`
    /// and `weight` are checked to lie in [0, 1], other columns to be finite.
    ///
    /// - Parameters:
    ///   - arcs: the parsed arcs, their values and the node labels.
    ///   - options: how parallel arcs are kept (`dedupe` merges them).
    ///   - format: recorded in the statistics (`snap`, `graphml`, ...).
    ///   - source: the file name used in error messages.
    ///   - reverseOnly: keep only the reverse CSR (see `hasForwardArcs`) when nothing needs the
    ///     forward side to read the graph: no parallel arcs merged, no arc columns, fewer than 2³²
    ///     arcs (otherwise the full graph is built).
    /// - Complexity: O(n + m).
    public init(arcs: ArcList, options: GraphBuildOptions, format: String, source: String, reverseOnly: Bool = false) throws(InfluenceError) {
        let n = arcs.nodeCount
        let fileColumns = [arcs.values] + arcs.columns.map { $0.scope == .arc && $0.name == ValueColumns.weight ? $0.values : nil }
        for values in fileColumns.compactMap({ $0 }) {
            guard values.count == arcs.count else {
                throw InfluenceError(.data, file: source, "\(values.count) arc values for \(arcs.count) arcs (expected one per arc)")
            }
            if let bad = values.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
                throw InfluenceError(.data, file: source, "arc \(bad + 1) has value \(values[bad]) (expected a probability in [0, 1])")
            }
        }
        // Forward CSR, stable by input order: position j is input arc j.
        var offsets = CSRConstruction.offsets(keys: arcs.sources, nodeCount: n)
        var targets = CSRConstruction.scatter(keys: arcs.sources, items: arcs.targets, offsets: offsets)
        var columns = ValueColumns()
        do throws(InfluenceError) {
            if let values = arcs.values {
                try columns.insert(ValueColumn(name: ValueColumns.value, scope: .arc,
                                               values: CSRConstruction.scatter(keys: arcs.sources, items: values, offsets: offsets)))
            }
            for column in arcs.columns {
                let expected = column.scope == .arc ? arcs.count : n
                guard column.values.count == expected else {
                    throw InfluenceError(.data, file: source, "\(column.values.count) values in \(column.scope) column '\(column.name)' (expected \(expected), one per \(column.scope))")
                }
                let inGraphOrder = column.scope == .arc
                    ? CSRConstruction.scatter(keys: arcs.sources, items: column.values, offsets: offsets) : column.values
                try columns.insert(ValueColumn(name: column.name, scope: column.scope, values: inGraphOrder))
            }
            try columns.check(inputArcCount: arcs.count, nodeCount: n)
        } catch {
            throw InfluenceError(error.kind, file: source, parameter: error.parameter, error.message)
        }
        let (parallel, inDegreeBeforeMerge) = CSRConstruction.parallelArcsAndInDegrees(offsets: offsets, targets: targets, nodeCount: n)
        var inDegree = inDegreeBeforeMerge
        var groups: ParallelArcGroups?
        if options.dedupe, parallel > 0 {
            let merged = CSRConstruction.mergeParallelArcs(offsets: offsets, targets: targets, nodeCount: n)
            offsets = merged.offsets
            targets = merged.targets
            groups = merged.groups
            inDegree = CSRConstruction.parallelArcsAndInDegrees(offsets: offsets, targets: targets, nodeCount: n).inDegree
        }
        var inOffsets = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { inOffsets[v + 1] = inOffsets[v] &+ inDegree[v] }
        let statistics = GraphLoadStatistics(
            format: format, undirectedInput: arcs.undirected, selfLoopsDropped: arcs.selfLoopsDropped,
            parallelArcs: parallel, parallelArcsMerged: groups != nil)
        if reverseOnly, Self.reverseOnlyAllowed(parallelArcs: groups, columns: columns, arcCount: targets.count) {
            let reversed = CSRConstruction.reverse(offsets: offsets, targets: targets, inOffsets: inOffsets, nodeCount: n,
                                                   arcType: UInt32.self)
            // The hash of the full graph, from its forward CSR, before that is dropped.
            let hash = InfluenceGraph(unchecked: n, outOffsets: offsets, outTargets: targets, inOffsets: inOffsets,
                                      inSources: reversed.sources, inArcs: [], columns: columns, parallelArcs: nil,
                                      labels: arcs.labels, statistics: statistics).contentHash
            self.init(unchecked: n, outOffsets: [], outTargets: [], inOffsets: inOffsets, inSources: reversed.sources,
                      inArcs: [], columns: columns, parallelArcs: nil, labels: arcs.labels, statistics: statistics,
                      reverseToForward: reversed.forwardArc, storedContentHash: hash)
            return
        }
        let reversed = CSRConstruction.reverse(offsets: offsets, targets: targets, inOffsets: inOffsets, nodeCount: n)
        self.init(unchecked: n, outOffsets: offsets, outTargets: targets, inOffsets: inOffsets, inSources: reversed.sources,
                  inArcs: reversed.forwardArc, columns: columns, parallelArcs: groups, labels: arcs.labels,
                  statistics: statistics)
    }
}
