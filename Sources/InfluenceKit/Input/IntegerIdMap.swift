/// Renumbers integer node ids to dense ids `0..<n` in increasing order of id, so that a file whose
/// ids are already `0..<n` keeps them.
///
/// Dense ids (at most a few times the number of arcs) go through a direct table; large sparse ids
/// through an open-addressing hash table. Complexity: O(m + n log n).
struct IntegerIdMap {
    /// Remaps `ids` in place and returns the sorted distinct original ids (the labels).
    static func densify(_ ids: inout [Int64]) -> [Int64] {
        let buffer = GrowableBuffer<Int64>()
        buffer.reserveCapacity(ids.count)
        for id in ids { buffer.append(id) }
        let labels = densify(buffer)
        buffer.withUnsafeBufferPointer { dense in ids = Array(dense) }
        return labels
    }

    /// Remaps `ids` in place and returns the sorted distinct original ids (the labels).
    static func densify(_ ids: ProvisionalIDs) -> [Int64] {
        if let wide = ids.wide { return densify(wide) }
        return densify(ids.narrow)
    }

    /// Remaps `ids` in place and returns the sorted distinct original ids (the labels).
    static func densify<ID: FixedWidthInteger & BitwiseCopyable>(_ ids: GrowableBuffer<ID>) -> [Int64] {
        guard !ids.isEmpty else { return [] }
        var low = Int64.max, high = Int64.min
        ids.withUnsafeBufferPointer { all in for id in all { low = min(low, Int64(id)); high = max(high, Int64(id)) } }
        let span = high.subtractingReportingOverflow(low)
        if !span.overflow, span.partialValue < max(1 << 22, Int64(ids.count) * 4) {
            return densifyByTable(ids, low: low, span: Int(span.partialValue) + 1)
        }
        return densifyByHash(ids)
    }

    private static func densifyByTable<ID: FixedWidthInteger & BitwiseCopyable>(_ ids: GrowableBuffer<ID>, low: Int64, span: Int) -> [Int64] {
        var table = [Int32](repeating: -1, count: span)
        ids.withUnsafeBufferPointer { source in
            table.withUnsafeMutableBufferPointer { t in
                for id in source { t[Int(Int64(id) &- low)] = 0 }
            }
        }
        var labels = [Int64]()
        var next: Int32 = 0
        for i in 0..<span where table[i] == 0 {
            table[i] = next
            next += 1
            labels.append(low &+ Int64(i))
        }
        ids.withUnsafeMutableBufferPointer { values in
            table.withUnsafeBufferPointer { t in
                for i in 0..<values.count { values[i] = ID(truncatingIfNeeded: t[Int(Int64(values[i]) &- low)]) }
            }
        }
        return labels
    }

    private static func densifyByHash<ID: FixedWidthInteger & BitwiseCopyable>(_ ids: GrowableBuffer<ID>) -> [Int64] {
        var capacity = 16
        while capacity < ids.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var keys = [Int64](repeating: 0, count: capacity)
        var slots = [Int32](repeating: -1, count: capacity)
        var distinct = [Int64]()
        ids.withUnsafeMutableBufferPointer { values in
            keys.withUnsafeMutableBufferPointer { k in
                slots.withUnsafeMutableBufferPointer { s in
                    for i in 0..<values.count {
                        let id = Int64(values[i])
                        var h = Int(truncatingIfNeeded: SplitMix64.mix(UInt64(bitPattern: id))) & mask
                        while true {
                            if s[h] < 0 {
                                s[h] = Int32(distinct.count)
                                k[h] = id
                                distinct.append(id)
                                break
                            }
                            if k[h] == id { break }
                            h = (h + 1) & mask
                        }
                        values[i] = ID(truncatingIfNeeded: s[h])
                    }
                }
            }
        }
        // First-appearance ids -> ids in increasing label order.
        let order = distinct.indices.sorted { distinct[$0] < distinct[$1] }
        var rank = [Int64](repeating: 0, count: distinct.count)
        for (r, i) in order.enumerated() { rank[i] = Int64(r) }
        ids.withUnsafeMutableBufferPointer { values in
            for i in 0..<values.count { values[i] = ID(truncatingIfNeeded: rank[Int(values[i])]) }
        }
        return order.map { distinct[$0] }
    }
}
