/// What loading a graph found and did, reported by `infmax info` and kept in snapshots.
public struct GraphLoadStatistics: Sendable, Codable, Equatable {
    /// Format the graph was read from (`snap`, `graphml`, `gml`, `pajek`, `ncol`, `lgl`, `infgraph`,
    /// `arrays` for graphs built in memory).
    public var format: String
    /// The input was undirected (each edge became two arcs).
    public var undirectedInput: Bool
    /// Self-loops dropped while reading.
    public var selfLoopsDropped: Int
    /// Arcs that repeat an earlier arc with the same tail and head.
    public var parallelArcs: Int
    /// Parallel arcs were merged into one (`dedupe`).
    public var parallelArcsMerged: Bool

    /// Statistics from their values. Complexity: O(1).
    public init(format: String, undirectedInput: Bool, selfLoopsDropped: Int, parallelArcs: Int, parallelArcsMerged: Bool) {
        self.format = format
        self.undirectedInput = undirectedInput
        self.selfLoopsDropped = selfLoopsDropped
        self.parallelArcs = parallelArcs
        self.parallelArcsMerged = parallelArcsMerged
    }
}
