/// Compare seed-selection methods on one graph at several k: each method chooses (prefix
/// methods once, at the largest k), then every seed set is evaluated by one Monte Carlo
/// simulator on common random numbers, so the differences between methods are paired.
/// Randomised methods draw from `Comparison.selectionSeed(for: seed)`, never from the
/// evaluation's own worlds.
///
/// ```json
/// {"ks": [1, 5, 10], "algorithms": ["opim-c", "degree", "pagerank"], "runs": 20000}
/// ```
public struct CompareRequest: UseCaseRequest, ModelFields, RISFields {
    /// The record it produces.
    public typealias Record = ComparisonRecord
    /// `compare`.
    public static let useCase = UseCaseKind.compare

    /// Budget k: how many each chooser picks; here the campaign's seeds, one comparison per k (default 1, 5, 10, 20, 50; each 1 ≤ k ≤ n; sorted, repeats dropped).
    public var ks: [Int]
    /// The methods, in the order the record lists them (default `SelectionAlgorithm.compareDefaults`).
    public var algorithms: [SelectionAlgorithm]
    /// The diffusion model (default `ic`).
    public var model: DiffusionModelKind
    /// The probability scheme (default `wc`).
    public var probabilities: ProbabilityScheme
    /// LT with `file` weights: rescale in-weights that sum above 1 (default false).
    public var normalizeLT: Bool
    /// Monte Carlo runs per evaluated seed set (default 10,000).
    public var runs: Int
    /// OPIM-C's and IMM's ε (default 0.1).
    public var epsilon: Double
    /// OPIM-C's δ (default nil: 1/n).
    public var delta: Double?
    /// IMM's ℓ (default 1).
    public var ell: Double
    /// OPIM-C's precision refinement, a choice error of greedy (default 0.05; nil: the paper's stopping rule).
    public var precision: Double?
    /// IC in-arc drawing (default `subset`).
    public var sampling: RRSamplingMethod
    /// Monte Carlo runs per CELF gain evaluation (default nil: `runs`).
    public var celfRuns: Int?
    /// CELF is refused when its estimated time exceeds this (default 300 s) unless `force`.
    public var celfBudgetSeconds: Double
    /// Run CELF whatever its estimate (default false).
    public var force: Bool
    /// The `embedding` method's knobs.
    public var embedding: EmbeddingSelectionParameters
    /// The evaluation seed (default 1).
    public var seed: UInt64
    /// Worker threads (default: every core).
    public var threads: Int
    /// Memory limit of RR-set pools and simulation buffers (default `SystemMemory.defaultLimitBytes`).
    public var memoryLimitBytes: Int

    /// Complexity: O(1).
    public init(ks: [Int] = [1, 5, 10, 20, 50], algorithms: [SelectionAlgorithm] = SelectionAlgorithm.compareDefaults,
                model: DiffusionModelKind = .ic, probabilities: ProbabilityScheme = .weightedCascade, normalizeLT: Bool = false,
                runs: Int = 10_000, epsilon: Double = 0.1, delta: Double? = nil, ell: Double = 1,
                precision: Double? = RISParameters.defaultPrecision, sampling: RRSamplingMethod = .subset,
                celfRuns: Int? = nil, celfBudgetSeconds: Double = 300, force: Bool = false,
                embedding: EmbeddingSelectionParameters = EmbeddingSelectionParameters(), seed: UInt64 = 1,
                threads: Int = Parallel.processorCount, memoryLimitBytes: Int = SystemMemory.defaultLimitBytes) {
        self.ks = ks; self.algorithms = algorithms; self.model = model; self.probabilities = probabilities
        self.normalizeLT = normalizeLT; self.runs = runs; self.epsilon = epsilon; self.delta = delta; self.ell = ell
        self.precision = precision; self.sampling = sampling; self.celfRuns = celfRuns
        self.celfBudgetSeconds = celfBudgetSeconds; self.force = force; self.embedding = embedding; self.seed = seed
        self.threads = threads; self.memoryLimitBytes = memoryLimitBytes
    }

    /// Checks every field, naming it (`ks`… as `k`, `algorithms`, `runs`, `celfRuns`,
    /// `celfBudget`, `threads`, the RIS parameters, the embedding knobs). Complexity: O(|ks| + |algorithms|).
    public func validate() throws(InfluenceError) {
        guard !ks.isEmpty else { throw InfluenceError(.usage, parameter: "k", "no seed set sizes (expected a list such as 1,5,10,20,50)") }
        if let bad = ks.first(where: { $0 < 1 }) {
            throw InfluenceError(.usage, parameter: "k", "k = \(bad) (expected positive seed set sizes)")
        }
        guard !algorithms.isEmpty else {
            throw InfluenceError(.usage, parameter: "algorithms", "no algorithms (expected a list such as opim-c,degree)")
        }
        for (i, a) in algorithms.enumerated() where algorithms[..<i].contains(a) {
            throw InfluenceError(.usage, parameter: "algorithms", "algorithm '\(a.rawValue)' appears twice (list each once)")
        }
        guard runs >= 1 else { throw InfluenceError(.usage, parameter: "runs", "runs = \(runs) (expected at least 1, e.g. 10000)") }
        if let celfRuns, celfRuns < 1 { throw InfluenceError(.usage, parameter: "celfRuns", "celfRuns = \(celfRuns) (expected at least 1)") }
        guard celfBudgetSeconds > 0 else {
            throw InfluenceError(.usage, parameter: "celfBudget", "CELF budget \(celfBudgetSeconds) s (expected a positive number of seconds)")
        }
        try Parallel.checkThreadCount(threads)
        try ris.validate()
        try embedding.validate()
    }

    private static let keys = ["ks", "algorithms", "runs", "celfRuns", "celfBudgetSeconds", "force", "embedding", "seed", "threads"]
        + SharedRequestKeys.model + SharedRequestKeys.ris

    /// Decodes a request, each absent key taking its default; an unknown key is refused.
    /// Complexity: O(size of the JSON).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldKey.self)
        try c.refuseUnknownKeys(Self.keys)
        let d = CompareRequest()
        ks = try c.field("ks", default: d.ks)
        algorithms = try c.field("algorithms", default: d.algorithms)
        let m = try c.modelFields(default: d.modelSpecification)
        model = m.model; probabilities = m.probabilities; normalizeLT = m.normalizeLT
        runs = try c.field("runs", default: d.runs)
        let r = try c.risFields(default: d.ris)
        epsilon = r.epsilon; delta = r.delta; ell = r.ell; precision = r.precision; sampling = r.sampling
        memoryLimitBytes = r.memoryLimitBytes
        celfRuns = try c.optionalField("celfRuns")
        celfBudgetSeconds = try c.field("celfBudgetSeconds", default: d.celfBudgetSeconds)
        force = try c.field("force", default: d.force)
        embedding = try c.field("embedding", default: d.embedding)
        seed = try c.field("seed", default: d.seed)
        threads = try c.field("threads", default: d.threads)
    }

    /// Encodes every field (nil ones as null). Complexity: O(|ks| + |algorithms|).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: FieldKey.self)
        try c.field("ks", ks); try c.field("algorithms", algorithms); try c.modelFields(modelSpecification)
        try c.field("runs", runs); try c.risFields(ris); try c.field("celfRuns", celfRuns)
        try c.field("celfBudgetSeconds", celfBudgetSeconds); try c.field("force", force); try c.field("embedding", embedding)
        try c.field("seed", seed); try c.field("threads", threads)
    }
}
