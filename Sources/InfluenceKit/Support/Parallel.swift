import Dispatch
import Synchronization

/// Fork-join helpers over `DispatchQueue.concurrentPerform`.
///
/// Work is split into tasks by index; anything random inside a task must draw from a stream
/// derived from the task index (never the worker), so results do not depend on the thread count.
public enum Parallel {
    /// Number of online processors.
    public static var processorCount: Int { Platform.processorCount }

    /// The most worker threads a computation takes: 1,024. Each worker holds O(n) scratch, and
    /// no machine this targets has more cores.
    public static let maximumThreads = 1024

    /// Throws a usage error (parameter `threads`) unless `1 ≤ threads ≤ maximumThreads`.
    /// Complexity: O(1).
    public static func checkThreadCount(_ threads: Int) throws(InfluenceError) {
        guard threads >= 1, threads <= maximumThreads else {
            throw InfluenceError(.usage, parameter: "threads",
                                 "threads = \(threads) (expected 1 to \(maximumThreads); this machine has \(processorCount) cores)")
        }
    }

    /// Runs `body(worker, task)` for every task in `0..<tasks`, handing tasks out dynamically to
    /// `workers` workers (each task exactly once). Use per-worker scratch indexed by `worker`.
    /// Shared with GraphInfomax's row-parallel kernels.
    ///
    /// `cancellable`: when the calling thread runs inside a cancellable use case
    /// (`CancellationFlag.current`) and its flag is set, the tasks not yet started are skipped.
    /// Only for loops whose results the use case discards when cancelled (it then throws
    /// `InfluenceError.cancelled`): never for building a structure that is read afterwards.
    ///
    /// Complexity: the tasks' cost over min(workers, tasks) threads, plus one atomic increment per
    /// task (and one relaxed atomic load per task when `cancellable`).
    package static func forEachTask(_ tasks: Int, workers: Int, cancellable: Bool = false,
                                    _ body: (_ worker: Int, _ task: Int) -> Void) {
        let workers = max(1, min(workers, tasks))
        // Once the flag is set, each worker stops taking tasks.
        let flag = cancellable ? CancellationFlag.current : nil
        if workers == 1 {
            for t in 0..<tasks {
                if let flag, flag.isCancelled { return }
                body(0, t)
            }
            return
        }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { escaping in
            let box = UnsafeSharing(escaping)
            withUnsafePointer(to: next) { counter in
                let shared = UnsafeSharing(counter)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    while true {
                        if let flag, flag.isCancelled { break }
                        let t = shared.value.pointee.wrappingAdd(1, ordering: .relaxed).oldValue
                        if t >= tasks { break }
                        box.value(worker, t)
                    }
                }
            }
        }
    }
}

extension Parallel {
    /// Bounds of `parts` consecutive row ranges of a CSR with about equal item counts: range `p` is
    /// rows `bounds[p]..<bounds[p + 1]` (`bounds` has `parts + 1` entries, from 0 to the row count).
    /// `offsets` are the CSR's row offsets (an array or a buffer); shared with GraphInfomax.
    /// Complexity: O(parts · log rows).
    package static func balancedRanges<Offsets: RandomAccessCollection>(offsets: Offsets, parts: Int) -> [Int]
    where Offsets.Element == Int, Offsets.Index == Int {
        let rows = offsets.count - 1
        let total = offsets[rows]
        var bounds = [0]
        for p in 1..<max(parts, 1) {
            let wanted = total * p / parts
            var low = bounds[p - 1], high = rows
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < wanted { low = middle + 1 } else { high = middle }
            }
            bounds.append(low)
        }
        bounds.append(rows)
        return bounds
    }
}

/// Carries a value into a `@Sendable` closure when the caller guarantees the sharing is safe
/// (workers write disjoint slots, or only read). Shared with GraphInfomax's kernels.
package struct UnsafeSharing<T>: @unchecked Sendable {
    /// The value shared.
    package let value: T
    /// Wraps `value`. Complexity: O(1).
    package init(_ value: T) { self.value = value }
}
