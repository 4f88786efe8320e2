extension InfluenceGraph {
    /// Whether a graph of these parts can be reverse-only: no merged parallel arcs (their groups
    /// are numbered by forward arc), no arc columns (read per reverse slot through `inArcs`),
    /// fewer than 2³² arcs (the map is 4 bytes an arc). Complexity: O(number of columns).
    static func reverseOnlyAllowed(parallelArcs: ParallelArcGroups?, columns: ValueColumns, arcCount: Int) -> Bool {
        parallelArcs == nil && arcCount < Int(UInt32.max) && !columns.all.contains(where: { $0.scope == .arc })
    }

    /// This graph cut to its reverse side, as a reverse-only text load makes it (see
    /// `hasForwardArcs`): `self` when it already is, nil when it cannot be (merged parallel arcs,
    /// arc columns, 2³² arcs or more). Complexity: O(m) (the 4-byte map from `inArcs`).
    public func reverseOnly() -> InfluenceGraph? {
        guard hasForwardArcs else { return self }
        guard Self.reverseOnlyAllowed(parallelArcs: parallelArcs, columns: columns, arcCount: arcCount) else { return nil }
        let map = inArcs.map { UInt32(truncatingIfNeeded: $0) }
        return InfluenceGraph(unchecked: nodeCount, outOffsets: [], outTargets: [], inOffsets: inOffsets, inSources: inSources,
                              inArcs: [], columns: columns, parallelArcs: nil, labels: labels, statistics: statistics,
                              reverseToForward: map, storedContentHash: contentHash)
    }

    /// The full graph of a reverse-only graph: the forward CSR and `inArcs` rebuilt from the
    /// reverse CSR and its map to forward arcs, exactly as the load would have made them (same
    /// arc numbering, so the same cascades for the same seed); `self` when it has them already.
    ///
    /// - Complexity: O(n + m) time; the forward CSR's 12 bytes an arc plus 8 a node, and `inArcs`'
    ///   8 bytes an arc.
    public func withForwardArcs() -> InfluenceGraph {
        guard !hasForwardArcs else { return self }
        let n = nodeCount, m = arcCount
        var outOffsets = [Int](repeating: 0, count: n + 1)
        var outTargets = [UInt32](repeating: 0, count: m)
        var inArcs = [Int](repeating: 0, count: m)
        inSources.withUnsafeBufferPointer { sources in
            outOffsets.withUnsafeMutableBufferPointer { off in
                for u in sources { off[Int(u) &+ 1] &+= 1 }
                for u in 0..<n { off[u &+ 1] &+= off[u] }
            }
            inOffsets.withUnsafeBufferPointer { rows in
                reverseToForward.withUnsafeBufferPointer { map in
                    outTargets.withUnsafeMutableBufferPointer { targets in
                        inArcs.withUnsafeMutableBufferPointer { arcs in
                            for v in 0..<n {
                                for slot in rows[v]..<rows[v &+ 1] {
                                    let a = Int(map[slot])
                                    targets[a] = UInt32(truncatingIfNeeded: v)
                                    arcs[slot] = a
                                }
                            }
                        }
                    }
                }
            }
        }
        return InfluenceGraph(unchecked: n, outOffsets: outOffsets, outTargets: outTargets, inOffsets: inOffsets,
                              inSources: inSources, inArcs: inArcs, columns: columns, parallelArcs: parallelArcs,
                              labels: labels, statistics: statistics)
    }
}
