/// What a `CompareRequest` produced: one row per (algorithm, k) with the seeds, their Monte Carlo
/// spread on the worlds every seed set shares, and the selection time; CELF's cost estimate when
/// CELF ran. `infmax compare --json` prints it; `csv()` and `plot()` draw it.
public struct ComparisonRecord: UseCaseRecord {
    /// The request type.
    public typealias Request = CompareRequest

    /// One algorithm at one k.
    public struct Row: Sendable, Codable, Equatable {
        /// The method's name (`opim-c`, `degree`, ...).
        public var algorithm: String
        /// Seed set size.
        public var k: Int
        /// The seeds in order of choice.
        public var seeds: [SeedEntry]
        /// σ(seeds) by Monte Carlo on the common worlds, with its 95% interval.
        public var spread: SpreadValue
        /// The Monte Carlo summary behind `spread` (standard deviation, min, max).
        public var monteCarlo: SpreadEstimate
        /// Wall time to choose the seeds (for a prefix: the time the prefix took).
        public var selectionSeconds: Double

        /// Complexity: O(k).
        public init(algorithm: String, k: Int, seeds: [SeedEntry], monteCarlo: SpreadEstimate, selectionSeconds: Double) {
            self.algorithm = algorithm
            self.k = k
            self.seeds = seeds
            self.spread = SpreadValue(monteCarlo)
            self.monteCarlo = monteCarlo
            self.selectionSeconds = selectionSeconds
        }
    }

    /// `compare`.
    public var useCase: UseCaseKind
    /// The versions that wrote the record.
    public var versions: RecordVersions
    /// The graph it ran on.
    public var graph: GraphProvenance
    /// The request as it ran.
    public var request: CompareRequest
    /// The model as bound.
    public var model: BoundModel
    /// The seed randomised selectors drew from, derived from the request's evaluation seed.
    public var selectionSeed: UInt64
    /// The seed set sizes, sorted.
    public var ks: [Int]
    /// The methods in the request's order.
    public var algorithms: [String]
    /// Rows in method order, then increasing k.
    public var rows: [Row]
    /// CELF's estimated cost at the largest k, when CELF ran.
    public var celfEstimate: CELF.CostEstimate?
    /// Wall times: load, `comparison`, total.
    public var timings: RecordTimings
    /// Memory.
    public var memory: RecordMemory

    /// Complexity: O(1).
    public init(graph: GraphProvenance, request: CompareRequest, model: BoundModel, ks: [Int], rows: [Row],
                celfEstimate: CELF.CostEstimate?, timings: RecordTimings, memory: RecordMemory) {
        useCase = .compare
        versions = RecordVersions()
        self.graph = graph
        self.request = request
        self.model = model
        selectionSeed = Comparison.selectionSeed(for: request.seed)
        self.ks = ks
        algorithms = request.algorithms.map(\.rawValue)
        self.rows = rows
        self.celfEstimate = celfEstimate
        self.timings = timings
        self.memory = memory
    }
}
