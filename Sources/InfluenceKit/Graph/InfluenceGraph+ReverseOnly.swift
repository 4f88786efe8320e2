extension InfluenceGraph {
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
