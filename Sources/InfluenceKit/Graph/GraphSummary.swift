/// Minimum, mean and maximum of a per-node or per-arc quantity.
public struct RangeSummary: Sendable, Codable, Equatable {
    /// The smallest value (0 when there is none).
    public var min: Double
    /// The mean value (0 when there is none).
    public var mean: Double
    /// The largest value (0 when there is none).
    public var max: Double

    /// Summary of `values` (all zero when empty). Complexity: O(count).
    public init<S: Sequence>(_ values: S) where S.Element: BinaryFloatingPoint {
        var lo = Double.infinity, hi = -Double.infinity, sum = 0.0, count = 0
        for v in values { let x = Double(v); lo = Swift.min(lo, x); hi = Swift.max(hi, x); sum += x; count += 1 }
        if count == 0 { lo = 0; hi = 0 }
        self.min = lo; self.max = hi; self.mean = count == 0 ? 0 : sum / Double(count)
    }
}

/// What `infmax info` reports about a graph.
public struct GraphSummary: Sendable, Codable, Equatable {
    /// Number of nodes.
    public var nodes: Int
    /// Number of arcs (an undirected edge counts twice).
    public var arcs: Int
    /// False when the input was undirected (each edge stored as two arcs).
    public var directed: Bool
    /// Self-loops dropped while reading.
    public var selfLoopsDropped: Int
    /// Arcs that repeat an earlier arc with the same tail and head.
    public var parallelArcs: Int
    /// Whether parallel arcs were merged (`dedupe`).
    public var parallelArcsMerged: Bool
    /// In-degrees of the nodes.
    public var inDegree: RangeSummary
    /// Out-degrees of the nodes.
    public var outDegree: RangeSummary
    /// Weakly connected components (from igraph).
    public var weaklyConnectedComponents: ComponentSummary
    /// Strongly connected components (from igraph).
    public var stronglyConnectedComponents: ComponentSummary
    /// Nodes with no in-arcs (they can only be activated as seeds).
    public var nodesWithoutInArcs: Int
    /// How the nodes are labelled: the identity (labels `0..<n`), integers, or strings.
    public var labelType: LabelType
    /// Whether every arc has its reverse (always for an undirected load).
    public var symmetric: Bool
    /// The IC probability scheme summarised in `probability` (nil when no IC model was given).
    public var probabilityScheme: String?
    /// IC probabilities of the arcs.
    public var probability: RangeSummary?
    /// The LT weight scheme summarised in `ltWeight`.
    public var ltWeightScheme: String?
    /// LT weights of the arcs.
    public var ltWeight: RangeSummary?
    /// Why there is no LT weight summary, when binding LT failed (e.g. the file's in-weights of
    /// a node sum above 1).
    public var ltWeightProblem: String?
    /// The input's own arc values (third column), when loaded.
    public var arcValues: RangeSummary?
    /// The format the graph was read from.
    public var format: String

    /// The storage of a graph's labels (`NodeLabels`), as reported.
    public enum LabelType: String, Sendable, Codable, Equatable {
        /// Node `i` is labelled `i`.
        case identity
        /// Decimal integer labels.
        case integer
        /// Arbitrary string labels.
        case string

        /// The type of `labels`.
        /// Complexity: O(1).
        public init(_ labels: NodeLabels) {
            switch labels {
            case .identity: self = .identity
            case .integers: self = .integer
            case .strings: self = .string
            }
        }
    }

    /// Summarises the graph of `loaded` and the arc parameters of the models given; components
    /// are computed on the CSR (`weaklyConnectedComponents()`, `stronglyConnectedComponents()`),
    /// without igraph.
    /// Complexity: O(n + m).
    public init(_ loaded: LoadedGraph, ic: IndependentCascade? = nil, lt: LinearThreshold? = nil,
                ltProblem: String? = nil) throws(InfluenceError) {
        let graph = loaded.graph
        let n = graph.nodeCount
        nodes = n
        arcs = graph.arcCount
        directed = !graph.statistics.undirectedInput
        selfLoopsDropped = graph.statistics.selfLoopsDropped
        parallelArcs = graph.statistics.parallelArcs
        parallelArcsMerged = graph.statistics.parallelArcsMerged
        inDegree = RangeSummary((0..<n).lazy.map { Double(graph.inDegree($0)) })
        outDegree = RangeSummary((0..<n).lazy.map { Double(graph.outDegree($0)) })
        nodesWithoutInArcs = (0..<n).reduce(0) { $0 + (graph.inDegree($1) == 0 ? 1 : 0) }
        probabilityScheme = ic?.scheme
        probability = ic.map { RangeSummary($0.probabilities) }
        ltWeightScheme = lt?.scheme
        ltWeight = lt.map { RangeSummary($0.weights) }
        ltWeightProblem = ltProblem
        arcValues = graph.arcValues.map { RangeSummary($0) }
        format = graph.statistics.format
        labelType = LabelType(graph.labels)
        symmetric = graph.isSymmetric
        weaklyConnectedComponents = graph.weaklyConnectedComponents().summary
        stronglyConnectedComponents = graph.stronglyConnectedComponents().summary
    }
}
