extension InfluenceGraph {
    /// The consistency checks of the public assembling initializer. Complexity: O(n + m).
    static func check(nodeCount: Int, outOffsets: [Int], outTargets: [UInt32], inOffsets: [Int], inSources: [UInt32],
                      inArcs: [Int], columns: ValueColumns, parallelArcs: ParallelArcGroups?,
                      labels: NodeLabels) throws(InfluenceError) {
        let m = outTargets.count
        guard nodeCount >= 0, nodeCount < Int(UInt32.max),
              outOffsets.count == nodeCount + 1, inOffsets.count == nodeCount + 1,
              inSources.count == m, inArcs.count == m, labels.count == nodeCount
        else { throw InfluenceError(.data, "inconsistent graph arrays (sizes do not match n = \(nodeCount), m = \(m))") }
        try checkOffsets(outOffsets, arcCount: m)
        try checkOffsets(inOffsets, arcCount: m)
        let n = UInt32(nodeCount)
        if let bad = outTargets.first(where: { $0 >= n }) ?? inSources.first(where: { $0 >= n }) {
            throw InfluenceError(.data, "arc endpoint \(bad) out of range (expected below \(n))")
        }
        // The reverse CSR must list exactly the forward arcs: slot → forward arc is a bijection
        // whose arc has the slot's row as head and the slot's source as tail.
        var consistent = true
        var seen = [Bool](repeating: false, count: m)
        var tail = [UInt32](repeating: 0, count: m)
        outOffsets.withUnsafeBufferPointer { off in
            tail.withUnsafeMutableBufferPointer { tail in
                for u in 0..<nodeCount { for a in off[u]..<off[u + 1] { tail[a] = UInt32(truncatingIfNeeded: u) } }
            }
        }
        inOffsets.withUnsafeBufferPointer { inOff in
            inArcs.withUnsafeBufferPointer { map in
                inSources.withUnsafeBufferPointer { sources in
                    outTargets.withUnsafeBufferPointer { targets in
                        tail.withUnsafeBufferPointer { tail in
                            seen.withUnsafeMutableBufferPointer { seen in
                                for v in 0..<nodeCount where consistent {
                                    for slot in inOff[v]..<inOff[v + 1] {
                                        let a = map[slot]
                                        guard a >= 0, a < m, !seen[a], Int(targets[a]) == v, tail[a] == sources[slot] else {
                                            consistent = false
                                            break
                                        }
                                        seen[a] = true
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        guard consistent else {
            throw InfluenceError(.data, "the reverse CSR does not match the forward arcs (expected each arc once, at its head)")
        }
        try checkArcData(arcCount: m, nodeCount: nodeCount, columns: columns, parallelArcs: parallelArcs)
    }

    /// Checks parallel-arc groups (every input arc once, each merged arc at least one) and the
    /// value columns (`ValueColumns.check`). Complexity: O(m + input arcs + column values).
    static func checkArcData(arcCount m: Int, nodeCount: Int, columns: ValueColumns,
                             parallelArcs: ParallelArcGroups?) throws(InfluenceError) {
        let inputCount: Int
        if let groups = parallelArcs {
            guard groups.offsets.count == m + 1 else {
                throw InfluenceError(.data, "parallel-arc groups do not match the arcs (expected \(m + 1) offsets)")
            }
            try checkOffsets(groups.offsets, arcCount: groups.inputArcs.count)
            var used = [Bool](repeating: false, count: groups.inputArcs.count)
            for a in 0..<m {
                guard groups.offsets[a + 1] > groups.offsets[a] else {
                    throw InfluenceError(.data, "a merged arc stands for no input arc (expected at least one)")
                }
            }
            for j in groups.inputArcs {
                guard j >= 0, j < used.count, !used[j] else {
                    throw InfluenceError(.data, "parallel-arc groups repeat or skip an input arc (expected each once)")
                }
                used[j] = true
            }
            inputCount = groups.inputArcs.count
        } else {
            inputCount = m
        }
        if let values = columns.arc(ValueColumns.value), values.count != inputCount {
            throw InfluenceError(.data, "\(values.count) arc values for \(inputCount) input arcs (expected one per arc)")
        }
        try columns.check(inputArcCount: inputCount, nodeCount: nodeCount)
    }

    static func checkOffsets(_ offsets: [Int], arcCount: Int) throws(InfluenceError) {
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
