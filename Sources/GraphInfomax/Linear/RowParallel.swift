import Dispatch

/// Splits work over rows into a fixed number of contiguous ranges and runs them on up to
/// `threads` workers. Each output row is written by exactly one range and computed in the same
/// order whatever the split, so results are identical for every thread count.
enum RowParallel {
    /// Runs `body(range)` for contiguous ranges covering `0..<count`; at least `grain` rows each.
    static func forEachRange(_ count: Int, threads: Int, grain: Int = 16, _ body: (Range<Int>) -> Void) {
        let parts = max(1, min(threads, (count + grain - 1) / max(grain, 1)))
        if parts <= 1 { if count > 0 { body(0..<count) }; return }
        withoutActuallyEscaping(body) { escaping in
            let box = SharedClosure(escaping)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let low = count * part / parts, high = count * (part + 1) / parts
                if low < high { box.body(low..<high) }
            }
        }
    }

    /// Runs `body(range)` over ranges whose boundaries split `offsets` (a CSR's row offsets) into
    /// parts of about equal item counts.
    static func forEachBalancedRange(offsets: UnsafeBufferPointer<Int>, threads: Int, _ body: (Range<Int>) -> Void) {
        let rows = offsets.count - 1
        let total = offsets[rows]
        let parts = max(1, min(threads, rows / 8))
        if parts <= 1 || total < 4096 { if rows > 0 { body(0..<rows) }; return }
        var bounds = [0]
        for p in 1..<parts {
            let wanted = total * p / parts
            var low = bounds[p - 1], high = rows
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < wanted { low = middle + 1 } else { high = middle }
            }
            bounds.append(low)
        }
        bounds.append(rows)
        withoutActuallyEscaping(body) { escaping in
            let box = SharedClosure(escaping)
            bounds.withUnsafeBufferPointer { b in
                let shared = SharedPointer(b)
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let low = shared.buffer[part], high = shared.buffer[part + 1]
                    if low < high { box.body(low..<high) }
                }
            }
        }
    }
}

/// A closure handed to workers that write disjoint rows.
struct SharedClosure: @unchecked Sendable {
    let body: (Range<Int>) -> Void
    init(_ body: @escaping (Range<Int>) -> Void) { self.body = body }
}

/// A buffer handed to workers that only read it, or write disjoint parts of it.
struct SharedPointer<T>: @unchecked Sendable {
    let buffer: T
    init(_ buffer: T) { self.buffer = buffer }
}
