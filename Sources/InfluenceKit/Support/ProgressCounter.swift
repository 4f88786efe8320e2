import CSupport

/// A shared counter of finished runs, for progress reports from worker threads.
final class ProgressCounter: @unchecked Sendable {
    private let value = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    init() { value.initialize(to: 0) }
    deinit { value.deallocate() }
    /// Adds `amount` and returns the new total, atomically.
    func add(_ amount: Int) -> Int { ik_atomic_fetch_add(value, amount) + amount }
}
