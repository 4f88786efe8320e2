import CSupport
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Fork-join helpers over `DispatchQueue.concurrentPerform`.
///
/// Work is split into tasks by index; anything random inside a task must draw from a stream
/// derived from the task index (never the worker), so results do not depend on the thread count.
public enum Parallel {
    /// Number of online processors.
    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Runs `body(worker)` for `worker` in `0..<workers` concurrently and waits for all.
    public static func run(workers: Int, _ body: (Int) -> Void) {
        if workers <= 1 { body(0); return }
        withoutActuallyEscaping(body) { escaping in
            let box = UncheckedSendableBox(escaping)
            DispatchQueue.concurrentPerform(iterations: workers) { box.value($0) }
        }
    }

    /// Runs `body(worker, task)` for every task in `0..<tasks`, handing tasks out dynamically to
    /// `workers` workers (each task exactly once). Use per-worker scratch indexed by `worker`.
    public static func forEachTask(_ tasks: Int, workers: Int, _ body: (_ worker: Int, _ task: Int) -> Void) {
        let workers = max(1, min(workers, tasks))
        if workers == 1 { for t in 0..<tasks { body(0, t) }; return }
        let next = TaskCounter()
        withoutActuallyEscaping(body) { escaping in
            let box = UncheckedSendableBox(escaping)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                while true {
                    let t = next.take()
                    if t >= tasks { break }
                    box.value(worker, t)
                }
            }
        }
    }
}

/// A shared atomic counter handing out task indices.
final class TaskCounter: @unchecked Sendable {
    private let value = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    init() { value.initialize(to: 0) }
    deinit { value.deallocate() }
    /// The next index (post-increment), atomically.
    func take() -> Int { ik_atomic_fetch_add(value, 1) }
}

/// Carries a value into a `@Sendable` closure when the caller guarantees the sharing is safe
/// (workers write disjoint slots, or only read).
public struct UncheckedSendableBox<T>: @unchecked Sendable {
    public let value: T
    public init(_ value: T) { self.value = value }
}
