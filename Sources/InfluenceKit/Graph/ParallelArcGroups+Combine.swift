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
        guard parallelArcs != nil else { return inputValues }
        return combineParallelInDouble(inputValues, initial: initial, combine, finish: finish).map { Float($0) }
    }

    /// As `combineParallel`, keeping the folded values in Double (a merged IC probability of
    /// many tiny ones, or an LT weight sum, is not rounded to Float's 24 bits); without merged arcs,
    /// `inputValues` converted.
    ///
    /// - Complexity: O(m + input arcs).
    public func combineParallelInDouble(_ inputValues: [Float], initial: Double,
                                        _ combine: (_ accumulated: Double, _ value: Double) -> Double,
                                        finish: (Double) -> Double = { $0 }) -> [Double] {
        guard let groups = parallelArcs else { return inputValues.map { Double($0) } }
        return (0..<arcCount).map { a in
            var accumulated = initial
            for g in groups.offsets[a]..<groups.offsets[a + 1] { accumulated = combine(accumulated, Double(inputValues[groups.inputArcs[g]])) }
            return finish(accumulated)
        }
    }

    /// `table[v]` repeated over each reverse row `v` (a per-head value in reverse order).
    /// Complexity: O(n + m).
    func perReverseRow<Value>(_ table: [Value]) -> [Value] {
        let m = arcCount
        return [Value](unsafeUninitializedCapacity: m) { out, initialized in
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
    func perArcHead<Value>(_ table: [Value]) -> [Value] {
        [Value](unsafeUninitializedCapacity: arcCount) { out, initialized in
            table.withUnsafeBufferPointer { t in
                outTargets.withUnsafeBufferPointer { tgt in
                    for a in 0..<tgt.count { out[a] = t[Int(tgt[a])] }
                }
            }
            initialized = arcCount
        }
    }

    /// Forward-order values gathered into reverse-CSR order. Complexity: O(m).
    func reverseOrder<Value>(_ values: [Value]) -> [Value] { CSRConstruction.gather(values, by: inArcs) }
}
