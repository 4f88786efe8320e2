/// The node → RR-set incidence of an `RRSetCollection`, in CSR form: the sets containing node `v`
/// are `setIDs[nodeOffsets[v]..<nodeOffsets[v + 1]]`, in increasing order.
///
/// Built once per pool by `RRSetCollection.makeInvertedIndex()`; max coverage reads it to find the
/// sets a chosen seed covers. Memory: 4 bytes per member plus 8 bytes per node.
public struct RRSetInvertedIndex: Sendable {
    /// `n + 1` offsets into `setIDs`.
    public let nodeOffsets: [Int]
    /// Set ids grouped by node.
    public let setIDs: [UInt32]

    /// Number of sets that contain `node` (its coverage alone). Complexity: O(1).
    public func degree(of node: Int) -> Int { nodeOffsets[node + 1] - nodeOffsets[node] }

    /// The sets that contain `node`. Complexity: O(1).
    public func sets(containing node: Int) -> ArraySlice<UInt32> {
        setIDs[nodeOffsets[node]..<nodeOffsets[node + 1]]
    }

    /// Bytes held by the index.
    public var memoryBytes: Int { nodeOffsets.capacity * 8 + setIDs.capacity * 4 }

    init(nodeOffsets: [Int], setIDs: [UInt32]) {
        self.nodeOffsets = nodeOffsets
        self.setIDs = setIDs
    }
}
