/// Epoch-stamped visited marks owned by one worker (a class so each worker's buffer is shared
/// into the parallel closure by reference; only its worker touches it).
final class PinnedMarks: @unchecked Sendable {
    private let marks: UnsafeMutablePointer<UInt32>
    private let count: Int
    private var epoch: UInt32 = 0

    init(count: Int) {
        self.count = count
        marks = .allocate(capacity: max(count, 1))
        marks.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { marks.deallocate() }

    /// A fresh epoch (clearing the marks when the counter wraps). Complexity: O(1) amortised.
    @inline(__always) func nextEpoch() -> UInt32 {
        if epoch == UInt32.max { marks.update(repeating: 0, count: max(count, 1)); epoch = 0 }
        epoch += 1
        return epoch
    }

    @inline(__always) func stamp(_ node: Int, _ epoch: UInt32) { marks[node] = epoch }
    @inline(__always) func isStamped(_ node: Int, _ epoch: UInt32) -> Bool { marks[node] == epoch }
}
