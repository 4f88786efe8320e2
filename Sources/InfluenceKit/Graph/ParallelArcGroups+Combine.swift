extension InfluenceGraph {
    /// One value per forward arc from one value per input arc: the values of the input arcs a
    /// merged arc stands for, folded with `combine` from `initial` (in Double); without merged
    /// arcs, `inputValues` itself. Models use it to apply their own merge rule (IC: the chance
    /// that at least one input arc is live; LT: the summed weight).
    ///
    /// - Complexity: O(m + input arcs).
    public func combineParallel(_ inputValues: [Float], initial: Double,
                                _ combine: (_ accumulated: Double, _ value: Double) -> Double,
                                finish: (Double) -> Double = { $0 }) -> [Float] {
        guard let groups = parallelArcs else { return inputValues }
        return (0..<arcCount).map { a in
            var accumulated = initial
            for g in groups.offsets[a]..<groups.offsets[a + 1] { accumulated = combine(accumulated, Double(inputValues[groups.inputArcs[g]])) }
            return Float(finish(accumulated))
        }
    }

    /// `table[v]` repeated over each reverse row `v` (a per-head value in reverse order).
    /// Complexity: O(n + m).
    func perReverseRow(_ table: [Float]) -> [Float] {
        let m = arcCount
        return [Float](unsafeUninitializedCapacity: m) { out, initialized in
            table.withUnsafeBufferPointer { t in
                inOffsets.withUnsafeBufferPointer { off in
                    for v in 0..<t.count {
                        let value = t[v]
                        for slot in off[v]..<off[v + 1] { out[slot] = value }
                    }
                }
            }
            initialized = m
        }
    }

    /// `table[head of a]` for every forward arc. Complexity: O(m).
    func perArcHead(_ table: [Float]) -> [Float] {
        [Float](unsafeUninitializedCapacity: arcCount) { out, initialized in
            table.withUnsafeBufferPointer { t in
                outTargets.withUnsafeBufferPointer { tgt in
                    for a in 0..<tgt.count { out[a] = t[Int(tgt[a])] }
                }
            }
            initialized = arcCount
        }
    }

    /// Forward-order values gathered into reverse-CSR order. Complexity: O(m).
    func reverseOrder(_ values: [Float]) -> [Float] { CSRConstruction.gather(values, by: inArcs) }
}
