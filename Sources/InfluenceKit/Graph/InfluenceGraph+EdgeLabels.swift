extension InfluenceGraph {
    /// Builds a graph from arcs whose endpoints are integer node *labels* (a pipeline's user ids),
    /// numbered exactly as the edge-list reader numbers integer ids: in increasing order of id, so
    /// ids that are already `0..<n` stay the identity and any other set keeps its labels. The same
    /// arcs in a file and in these arrays give the same graph, arc for arc.
    ///
    /// A self-loop is dropped and counted (its endpoint is a node only if another arc names it, as
    /// in a file); parallel arcs are kept (and counted), or merged with `options.dedupe`.
    ///
    /// - Parameters:
    ///   - sources: tail label of each arc.
    ///   - targets: head label of each arc (as many as `sources`).
    ///   - values: optional per-arc value in [0, 1] (an IC probability or LT weight, for the
    ///     `file` schemes).
    ///   - undirected: each pair becomes two arcs, u→v then v→u, with the same value.
    ///   - options: how parallel arcs are kept (`dedupe` merges them).
    /// - Throws: `InfluenceError(.usage)` naming the parameter and the first offending index.
    /// - Complexity: O(m + n log n).
    public init(labelledSources sources: UnsafeBufferPointer<Int64>, targets: UnsafeBufferPointer<Int64>,
                values: UnsafeBufferPointer<Double>? = nil, undirected: Bool = false,
                options: GraphBuildOptions = GraphBuildOptions()) throws(InfluenceError) {
        guard sources.count == targets.count else {
            throw InfluenceError(.usage, parameter: "targets",
                                 "\(sources.count) sources but \(targets.count) targets (expected one target per source)")
        }
        if let values {
            guard values.count == sources.count else {
                throw InfluenceError(.usage, parameter: "values", "\(values.count) values for \(sources.count) arcs (expected one per arc)")
            }
            if let bad = values.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
                throw InfluenceError(.usage, parameter: "values", "values[\(bad)] = \(values[bad]) (expected a probability in [0, 1])")
            }
        }
        // Endpoint labels of the kept arcs, interleaved u, v as the reader stores them.
        var ids = [Int64]()
        var kept = [Float]()
        ids.reserveCapacity(2 * sources.count)
        if values != nil { kept.reserveCapacity(sources.count) }
        var selfLoops = 0
        for i in 0..<sources.count {
            let u = sources[i], v = targets[i]
            if u == v { selfLoops += 1; continue }
            ids.append(u); ids.append(v)
            if let values { kept.append(Float(values[i])) }
        }
        let distinct = IntegerIdMap.densify(&ids)
        let n = distinct.count
        guard n < Int(UInt32.max) else {
            throw InfluenceError(.usage, parameter: "sources", "\(n) distinct node ids (expected fewer than 2^32 − 1)")
        }
        let labels: NodeLabels = distinct.first == 0 && distinct.last == Int64(n - 1) ? .identity(count: n) : .integers(distinct)
        let edges = ids.count / 2
        let m = undirected ? 2 * edges : edges
        var tails = [UInt32](repeating: 0, count: m), heads = [UInt32](repeating: 0, count: m)
        var arcValues: [Float]? = values == nil ? nil : [Float](repeating: 0, count: m)
        for e in 0..<edges {
            let u = UInt32(truncatingIfNeeded: ids[2 * e]), v = UInt32(truncatingIfNeeded: ids[2 * e + 1])
            if undirected {
                tails[2 * e] = u; heads[2 * e] = v; tails[2 * e + 1] = v; heads[2 * e + 1] = u
                if values != nil { arcValues?[2 * e] = kept[e]; arcValues?[2 * e + 1] = kept[e] }
            } else {
                tails[e] = u; heads[e] = v
                if values != nil { arcValues?[e] = kept[e] }
            }
        }
        let arcs = ArcList(nodeCount: n, sources: tails, targets: heads, values: arcValues, labels: labels,
                           selfLoopsDropped: selfLoops, undirected: undirected)
        try self.init(arcs: arcs, options: options, format: "arrays", source: "arrays")
    }
}
