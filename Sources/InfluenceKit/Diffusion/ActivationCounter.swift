/// Per-worker activation counts (UInt32 per node: a worker makes fewer than 2^32 runs per call).
final class ActivationCounter: @unchecked Sendable {
    let counts: UnsafeMutablePointer<UInt32>
    private let nodeCount: Int

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        counts = .allocate(capacity: max(1, nodeCount))
        counts.initialize(repeating: 0, count: max(1, nodeCount))
    }

    deinit { counts.deallocate() }
}
