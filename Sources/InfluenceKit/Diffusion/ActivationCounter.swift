/// Per-worker activation counts (one Int per node: a worker may make any number of runs).
final class ActivationCounter: @unchecked Sendable {
    let counts: UnsafeMutablePointer<Int>
    private let nodeCount: Int

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        counts = .allocate(capacity: max(1, nodeCount))
        counts.initialize(repeating: 0, count: max(1, nodeCount))
    }

    deinit { counts.deallocate() }
}
