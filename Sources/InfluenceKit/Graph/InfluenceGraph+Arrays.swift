extension InfluenceGraph {
    /// Builds a graph from arrays in memory (a pipeline's edge frame), with the same checks and the
    /// same construction as a file load: endpoints must be node ids in `0..<nodeCount`, values in
    /// [0, 1], labels one per node and distinct; self-loops are dropped and counted; parallel arcs
    /// are kept (and counted) or merged with `options.dedupe`.
    ///
    /// - Parameters:
    ///   - nodeCount: number of nodes (nil: one more than the largest endpoint).
    ///   - sources: tail of each arc.
    ///   - targets: head of each arc (as many as `sources`).
    ///   - values: optional per-arc value (an IC probability or LT weight, for the `file` schemes):
    ///     the graph's `value` column.
    ///   - arcColumns: further named per-arc columns (one value per arc, finite; `weight` in
    ///     [0, 1]), kept like `values` through self-loop removal, doubling and merging.
    ///   - nodeColumns: named per-node columns (one finite value per node).
    ///   - labels: optional label of each node (nil: node `i` is labelled `i`).
    ///   - undirected: each pair becomes two arcs, u→v and v→u, with the same values.
    ///   - options: how parallel arcs are kept (`dedupe` merges them).
    /// - Throws: `InfluenceError(.usage)` naming the parameter and the first offending index.
    /// - Complexity: O(n + m).
    public init(nodeCount: Int? = nil, sources: [Int], targets: [Int], values: [Double]? = nil,
                arcColumns: [String: [Double]] = [:], nodeColumns: [String: [Double]] = [:], labels: [String]? = nil,
                undirected: Bool = false, options: GraphBuildOptions = GraphBuildOptions()) throws(InfluenceError) {
        guard sources.count == targets.count else {
            throw InfluenceError(.usage, parameter: "targets",
                                 "\(sources.count) sources but \(targets.count) targets (expected one target per source)")
        }
        if let values, values.count != sources.count {
            throw InfluenceError(.usage, parameter: "values", "\(values.count) values for \(sources.count) arcs (expected one per arc)")
        }
        if arcColumns[ValueColumns.value] != nil {
            throw InfluenceError(.usage, parameter: "arcColumns", "an arc column named '\(ValueColumns.value)' (expected it as `values`)")
        }
        for (name, column) in arcColumns.sorted(by: { $0.key < $1.key }) where column.count != sources.count {
            throw InfluenceError(.usage, parameter: "arcColumns", "\(column.count) values in arc column '\(name)' for \(sources.count) arcs (expected one per arc)")
        }
        let largest = max(sources.max() ?? -1, targets.max() ?? -1)
        let n = nodeCount ?? (largest + 1)
        guard n >= 0, n < Int(UInt32.max) else {
            throw InfluenceError(.usage, parameter: "nodeCount", "node count \(n) (expected 0 ≤ n < 2^32 − 1)")
        }
        for (name, ids) in [("sources", sources), ("targets", targets)] {
            if let bad = ids.firstIndex(where: { $0 < 0 || $0 >= n }) {
                throw InfluenceError(.usage, parameter: ParameterKey(rawValue: name), "\(name)[\(bad)] = \(ids[bad]) is not a node (expected an id in 0..<\(n))")
            }
        }
        if let values, let bad = values.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
            throw InfluenceError(.usage, parameter: "values", "values[\(bad)] = \(values[bad]) (expected a probability in [0, 1])")
        }
        var nodeLabels = NodeLabels.identity(count: n)
        if let labels {
            guard labels.count == n else {
                throw InfluenceError(.usage, parameter: "labels", "\(labels.count) labels for \(n) nodes (expected one per node)")
            }
            // Distinct byte strings: `café` in NFC and in NFD are two labels, as in a file.
            var seen = Set<ByteLabel>()
            for (i, label) in labels.enumerated() where !seen.insert(ByteLabel(label)).inserted {
                throw InfluenceError(.usage, parameter: "labels", "labels[\(i)] = '\(label)' repeats an earlier label (expected distinct labels)")
            }
            nodeLabels = .strings(labels)
        }
        var tails = [UInt32](), heads = [UInt32]()
        var arcValues: [Float]? = values == nil ? nil : []
        let capacity = sources.count * (undirected ? 2 : 1)
        tails.reserveCapacity(capacity); heads.reserveCapacity(capacity); arcValues?.reserveCapacity(capacity)
        var kept: [Int] = []   // the input arc of each listed arc
        kept.reserveCapacity(capacity)
        var selfLoops = 0
        for i in 0..<sources.count {
            let u = sources[i], v = targets[i]
            if u == v { selfLoops += 1; continue }
            let p = values.map { Float($0[i]) }
            tails.append(UInt32(u)); heads.append(UInt32(v)); kept.append(i); if let p { arcValues?.append(p) }
            if undirected { tails.append(UInt32(v)); heads.append(UInt32(u)); kept.append(i); if let p { arcValues?.append(p) } }
        }
        var columns: [ValueColumn] = []
        for (name, column) in arcColumns {
            columns.append(ValueColumn(name: name, scope: .arc, values: kept.map { Float(column[$0]) }))
        }
        for (name, column) in nodeColumns {
            guard column.count == n else {
                throw InfluenceError(.usage, parameter: "nodeColumns", "\(column.count) values in node column '\(name)' for \(n) nodes (expected one per node)")
            }
            columns.append(ValueColumn(name: name, scope: .node, values: column.map { Float($0) }))
        }
        let arcs = ArcList(nodeCount: n, sources: tails, targets: heads, values: arcValues, columns: columns, labels: nodeLabels,
                           selfLoopsDropped: selfLoops, undirected: undirected)
        try self.init(arcs: arcs, options: options, format: "arrays", source: "arrays")
    }
}
