/// Arcs as read from a file, before they become an `InfluenceGraph`: dense endpoints, the optional
/// value columns, and the original labels. Self-loops are already dropped (and counted).
public struct ArcList: Sendable {
    /// Number of nodes (dense ids `0..<nodeCount`).
    public var nodeCount: Int
    /// Tail of each arc.
    public var sources: [UInt32]
    /// Head of each arc.
    public var targets: [UInt32]
    /// Third column (IC probability / LT weight) per arc, when the input had one.
    public var values: [Float]?
    /// LT weight per arc, when the input gave it apart from `values` (a fourth column, or a
    /// column named as the weight); the linear threshold model prefers it to `values`.
    public var ltWeights: [Float]?
    /// Original labels of the dense ids.
    public var labels: NodeLabels
    /// Self-loops seen in the input and dropped.
    public var selfLoopsDropped: Int
    /// Input was undirected: every edge became two arcs.
    public var undirected: Bool

    /// Arcs from their parts, as a reader produced them. Complexity: O(1).
    public init(nodeCount: Int, sources: [UInt32], targets: [UInt32], values: [Float]?, ltWeights: [Float]? = nil,
                labels: NodeLabels, selfLoopsDropped: Int, undirected: Bool) {
        self.ltWeights = ltWeights
        self.nodeCount = nodeCount
        self.sources = sources
        self.targets = targets
        self.values = values
        self.labels = labels
        self.selfLoopsDropped = selfLoopsDropped
        self.undirected = undirected
    }

    /// Number of arcs.
    public var count: Int { sources.count }
}
