/// The forward CSR of an `InfluenceGraph`, borrowed as unsafe buffers for the simulation kernels.
///
/// Valid only inside `InfluenceGraph.withCascadeArcs(_:)`; the buffers point into the graph's
/// `let` arrays, which are never mutated, so any number of threads may read them at once.
public struct CascadeArcs: @unchecked Sendable {
    /// Number of nodes, n.
    public let nodeCount: Int
    /// Row offsets (n + 1 entries): the out-arcs of `u` are `offsets[u]..<offsets[u + 1]`.
    public let offsets: UnsafeBufferPointer<Int>
    /// Head of each arc.
    public let targets: UnsafeBufferPointer<UInt32>
    /// IC probability of each arc.
    public let probabilities: UnsafeBufferPointer<Float>
    /// LT weight of each arc.
    public let weights: UnsafeBufferPointer<Float>
}

extension InfluenceGraph {
    /// Calls `body` with the forward CSR as unsafe buffers (the one place the kernels obtain them).
    ///
    /// Complexity: O(1) besides `body`.
    public func withCascadeArcs<R>(_ body: (CascadeArcs) throws -> R) rethrows -> R {
        try outOffsets.withUnsafeBufferPointer { offsets in
            try outTargets.withUnsafeBufferPointer { targets in
                try outProbabilities.withUnsafeBufferPointer { probabilities in
                    try outWeights.withUnsafeBufferPointer { weights in
                        try body(CascadeArcs(nodeCount: nodeCount, offsets: offsets, targets: targets,
                                             probabilities: probabilities, weights: weights))
                    }
                }
            }
        }
    }
}
