import Dispatch
import Synchronization

/// Fork-join helpers over `DispatchQueue.concurrentPerform`.
///
/// Work is split into tasks by index; anything random inside a task must draw from a stream
/// derived from the task index (never the worker), so results do not depend on the thread count.
public enum Parallel {
    /// Number of online processors.
    public static var processorCount: Int { Platform.processorCount }

    /// Runs `body(worker, task)` for every task in `0..<tasks`, handing tasks out dynamically to
    /// `workers` workers (each task exactly once). Use per-worker scratch indexed by `worker`.
    static func forEachTask(_ tasks: Int, workers: Int, _ body: (_ worker: Int, _ task: Int) -> Void) {
        let workers = max(1, min(workers, tasks))
        if workers == 1 { for t in 0..<tasks { body(0, t) }; return }
        let next = Atomic<Int>(0)
        withoutActuallyEscaping(body) { escaping in
            let box = UnsafeSharing(escaping)
            withUnsafePointer(to: next) { counter in
                let shared = UnsafeSharing(counter)
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    while true {
                        let t = shared.value.pointee.wrappingAdd(1, ordering: .relaxed).oldValue
                        if t >= tasks { break }
                        box.value(worker, t)
                    }
                }
            }
        }
    }
}

/// Carries a value into a `@Sendable` closure when the caller guarantees the sharing is safe
/// (workers write disjoint slots, or only read).
struct UnsafeSharing<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
