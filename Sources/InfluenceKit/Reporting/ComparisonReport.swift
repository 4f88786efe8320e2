/// The record of a comparison, as `infmax compare --json` prints it: parameters, then one row per
/// (algorithm, k) with the seeds by their original labels.
public struct ComparisonReport: Sendable, Codable, Equatable {
    /// One algorithm at one k.
    public struct Row: Sendable, Codable, Equatable {
        /// The method's name (`degree`, `opim-c`, …).
        public var algorithm: String
        /// The seed set's size.
        public var k: Int
        /// Seeds by original label, in order of choice.
        public var seeds: [String]
        /// Monte Carlo estimate of their spread (mean, 95% CI, ...).
        public var spread: SpreadEstimate
        /// Wall time to choose them, in seconds.
        public var selectionSeconds: Double
    }

    /// The graph's path (as given).
    public var graph: String
    /// Nodes of the graph.
    public var nodes: Int
    /// Arcs of the graph.
    public var arcs: Int
    /// The model's name (`ic`, `lt`).
    public var model: String
    /// The scheme the model was bound with (`wc`, `1/indeg`, `file`, ...).
    public var scheme: String
    /// Monte Carlo runs per evaluation.
    public var runs: Int
    /// The evaluation seed (every seed set sees the same worlds).
    public var seed: UInt64
    /// The seed of randomised selectors, derived from `seed`.
    public var selectionSeed: UInt64
    /// The seed set sizes compared, increasing.
    public var ks: [Int]
    /// The methods compared, in the order they ran.
    public var algorithms: [String]
    /// One row per (method, k): methods in order, then increasing k.
    public var rows: [Row]

    /// Labels the rows of a comparison run on `graph`.
    ///
    /// Complexity: O(rows · k).
    public init(graphPath: String, model: any DiffusionModel,
                evaluation: MonteCarloSimulator.Configuration, rows: [Comparison.Row]) {
        let graph = model.graph
        self.graph = graphPath
        nodes = graph.nodeCount
        arcs = graph.arcCount
        self.model = model.name
        scheme = model.scheme
        runs = evaluation.runs
        seed = evaluation.seed
        selectionSeed = Comparison.selectionSeed(for: evaluation.seed)
        ks = Array(Set(rows.map(\.k))).sorted()
        var names: [String] = []
        for row in rows where !names.contains(row.algorithm) { names.append(row.algorithm) }
        algorithms = names
        self.rows = rows.map {
            Row(algorithm: $0.algorithm, k: $0.k, seeds: $0.seeds.map { graph.label(of: $0) }, spread: $0.spread,
                selectionSeconds: $0.selectionSeconds)
        }
    }
}
