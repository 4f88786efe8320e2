import InfluenceKit

/// Splits work over rows into a fixed number of contiguous ranges and runs them on up to
/// `threads` workers (through InfluenceKit's `Parallel.forEachTask`). Each output row is written by
/// exactly one range and computed in the same order whatever the split, so results are identical
/// for every thread count.
enum RowParallel {
    /// Runs `body(range)` for contiguous ranges covering `0..<count`; at least `grain` rows each.
    /// Complexity: the body's cost over min(threads, count/grain) workers.
    static func forEachRange(_ count: Int, threads: Int, grain: Int = 16, _ body: (Range<Int>) -> Void) {
        let parts = max(1, min(threads, (count + grain - 1) / max(grain, 1)))
        if parts <= 1 { if count > 0 { body(0..<count) }; return }
        Parallel.forEachTask(parts, workers: parts, cancellable: true) { _, part in
            let low = count * part / parts, high = count * (part + 1) / parts
            if low < high { body(low..<high) }
        }
    }

    /// Runs `body(range)` over ranges whose boundaries split `offsets` (a CSR's row offsets) into
    /// parts of about equal item counts (`Parallel.balancedRanges`).
    /// Complexity: O(parts · log rows) plus the body's cost over the parts' workers.
    static func forEachBalancedRange(offsets: UnsafeBufferPointer<Int>, threads: Int, _ body: (Range<Int>) -> Void) {
        let rows = offsets.count - 1
        let total = offsets[rows]
        let parts = max(1, min(threads, rows / 8))
        if parts <= 1 || total < 4096 { if rows > 0 { body(0..<rows) }; return }
        let bounds = Parallel.balancedRanges(offsets: offsets, parts: parts)
        Parallel.forEachTask(parts, workers: parts, cancellable: true) { _, part in
            let low = bounds[part], high = bounds[part + 1]
            if low < high { body(low..<high) }
        }
    }
}
