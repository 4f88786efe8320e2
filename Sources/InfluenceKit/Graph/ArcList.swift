/// Arcs as read from a file, before they become an `InfluenceGraph`: dense endpoints, the optional
/// value columns, and the original labels. Self-loops are already dropped (and counted).
public struct ArcList: Sendable {
    /// Number of nodes (dense ids `0..<nodeCount`).
    public var nodeCount: Int
    /// Tail of each arc.
    public var sources: [UInt32]
    /// Head of each arc.
    public var targets: [UInt32]
    /// Third column per arc (the graph's `value` column: IC probability / LT weight), when the
    /// input had one.
    public var values: [Float]?
    /// Further named columns: arc columns one value per arc of this list (in its order), node
    /// columns one per dense id. The edge-list reader puts a fourth column here as `weight`.
    public var columns: [ValueColumn]
    /// Original labels of the dense ids.
    public var labels: NodeLabels
    /// Self-loops seen in the input and dropped.
    public var selfLoopsDropped: Int
    /// Input was undirected: every edge became two arcs.
    public var undirected: Bool

    /// Arcs from their parts, as a reader produced them; `columns` are the named columns besides
    /// `values`. Complexity: O(1).
    public init(nodeCount: Int, sources: [UInt32], targets: [UInt32], values: [Float]?, columns: [ValueColumn] = [],
                labels: NodeLabels, selfLoopsDropped: Int, undirected: Bool) {
        self.columns = columns
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
