/// Pick the k seeds of largest expected spread with a guarantee: OPIM-C (default), IMM or HIST on
/// reverse-reachable sets — or, without a guarantee, `embedding` (learned scores; needs
/// `RunContext.learnedSelectors`) — then the seeds' spread on fresh RR sets independent of the
/// selection.
///
/// Every field has a default but `k`; in JSON every key but `k` may be left out (the default
/// applies) and an unknown key is refused:
///
/// ```json
/// {"k": 10, "model": "lt", "epsilon": 0.1, "seed": 7}
/// ```
///
/// ```swift
/// let input = try GraphInput.load("Graphs/demo.txt")
/// let record = try SeedsRequest(k: 10).run(on: input)
/// print(record.seeds.map(\.label), record.spread.estimate)
/// ```
public struct SeedsRequest: UseCaseRequest, ModelFields, RISFields {
    /// The record it produces.
    public typealias Record = SeedsRecord
    /// `seeds`.
    public static let useCase = UseCaseKind.seeds

    /// Budget k: how many each chooser picks; here the campaign's seeds (1 ≤ k ≤ n). Required.
    public var k: Int
    /// `opim-c` (default), `imm`, `hist` (sentinel set and residual RR sets, for large k), or
    /// `embedding` (no guarantee).
    public var algorithm: SelectionAlgorithm
    /// The diffusion model: `ic` (default) or `lt`.
    public var model: DiffusionModelKind
    /// The probability scheme (`wc` default, `uniform:P`, `trivalency:SEED`, `file`).
    public var probabilities: ProbabilityScheme
    /// LT with `file` weights: rescale in-weights that sum above 1 (default false).
    public var normalizeLT: Bool
    /// ε of the target ratio 1 − 1/e − ε (default 0.1).
    public var epsilon: Double
    /// OPIM-C's and HIST's failure probability (default nil: 1/n).
    public var delta: Double?
    /// IMM's ℓ: failure probability n^−ℓ (default 1).
    public var ell: Double
    /// OPIM-C's precision refinement target, a choice error of greedy (default 0.05; nil: the
    /// paper's stopping rule).
    public var precision: Double?
    /// How IC in-arcs are drawn: `subset` (default) or `plain`.
    public var sampling: RRSamplingMethod
    /// Fresh RR sets for the spread interval (default nil: about 1% relative standard error at
    /// the selection's coverage, between 2^14 and 2^22, no more than the selection pool held).
    public var evaluationSets: Int?
    /// The `embedding` method's knobs (used with `algorithm: embedding` only).
    public var embedding: EmbeddingSelectionParameters
    /// OPIM-C only: the seconds selection may take (default nil: no limit). No round starts that
    /// is expected to end after the budget; the seeds of the last round are returned with the
    /// ratio that round proved (the record's `stoppedAtTimeBudget` says whether the budget ended
    /// the run).
    public var timeBudgetSeconds: Double?
    /// Seed of every random choice (default 1).
    public var seed: UInt64
    /// Worker threads (default: every core; the result does not depend on it).
    public var threads: Int
    /// Memory the RR-set pools may take, in bytes (default `SystemMemory.defaultLimitBytes`).
    public var memoryLimitBytes: Int

    /// Complexity: O(1).
    public init(k: Int, algorithm: SelectionAlgorithm = .opimC, model: DiffusionModelKind = .ic,
                probabilities: ProbabilityScheme = .weightedCascade, normalizeLT: Bool = false,
                epsilon: Double = 0.1, delta: Double? = nil, ell: Double = 1,
                precision: Double? = RISParameters.defaultPrecision, sampling: RRSamplingMethod = .subset,
                evaluationSets: Int? = nil, embedding: EmbeddingSelectionParameters = EmbeddingSelectionParameters(),
                seed: UInt64 = 1, threads: Int = Parallel.processorCount,
                memoryLimitBytes: Int = SystemMemory.defaultLimitBytes, timeBudgetSeconds: Double? = nil) {
        self.embedding = embedding
        self.timeBudgetSeconds = timeBudgetSeconds
        self.k = k
        self.algorithm = algorithm
        self.model = model
        self.probabilities = probabilities
        self.normalizeLT = normalizeLT
        self.epsilon = epsilon
        self.delta = delta
        self.ell = ell
        self.precision = precision
        self.sampling = sampling
        self.evaluationSets = evaluationSets
        self.seed = seed
        self.threads = threads
        self.memoryLimitBytes = memoryLimitBytes
    }

    /// Checks every field and combination, naming the parameter at fault (`algorithm`, `k`,
    /// `epsilon`, `delta`, `ell`, `precision`, `evaluationSets`, `threads`, `memoryLimit`).
    /// Complexity: O(1).
    public func validate() throws(InfluenceError) {
        guard algorithm.usesRRSets || algorithm == .embedding else {
            throw InfluenceError(.usage, parameter: "algorithm",
                                 "'\(algorithm.rawValue)' is a baseline (expected opim-c, imm, hist or embedding; compare the others with a compare request)")
        }
        if algorithm == .embedding { try embedding.validate() }
        guard k >= 1 else { throw InfluenceError(.usage, parameter: "k", "k must be at least 1 (got \(k))") }
        try Parallel.checkThreadCount(threads)
        if let evaluationSets { try SpreadInterval.checkSetCount(evaluationSets) }
        if let timeBudgetSeconds {
            guard timeBudgetSeconds > 0, timeBudgetSeconds.isFinite else {
                throw InfluenceError(.usage, parameter: "timeBudgetSeconds", "time budget \(timeBudgetSeconds) s (expected a positive number of seconds, e.g. 2)")
            }
            guard algorithm == .opimC else {
                throw InfluenceError(.usage, parameter: "timeBudgetSeconds", "a time budget applies to opim-c, whose rounds each prove a ratio (got algorithm \(algorithm.rawValue))")
            }
        }
        if algorithm == .imm, delta != nil {
            throw InfluenceError(.usage, parameter: "delta", "δ applies to OPIM-C; IMM's failure probability is n^−ℓ (set ell instead)")
        }
        try ris.validate()
    }

    private static let keys = ["k", "algorithm", "evaluationSets", "embedding", "seed", "threads", "timeBudgetSeconds"]
        + SharedRequestKeys.model + SharedRequestKeys.ris

    /// Decodes a request, each absent key taking its default; an unknown key is refused.
    /// Complexity: O(size of the JSON).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldKey.self)
        try c.refuseUnknownKeys(Self.keys)
        let defaults = SeedsRequest(k: 1)
        k = try c.requiredField("k")
        algorithm = try c.field("algorithm", default: defaults.algorithm)
        let m = try c.modelFields(default: defaults.modelSpecification)
        model = m.model; probabilities = m.probabilities; normalizeLT = m.normalizeLT
        let r = try c.risFields(default: defaults.ris)
        epsilon = r.epsilon; delta = r.delta; ell = r.ell; precision = r.precision; sampling = r.sampling
        memoryLimitBytes = r.memoryLimitBytes
        evaluationSets = try c.optionalField("evaluationSets")
        embedding = try c.field("embedding", default: defaults.embedding)
        seed = try c.field("seed", default: defaults.seed)
        threads = try c.field("threads", default: defaults.threads)
        timeBudgetSeconds = try c.optionalField("timeBudgetSeconds")
    }

    /// Encodes every field (nil ones as null). Complexity: O(1).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: FieldKey.self)
        try c.field("k", k)
        try c.field("algorithm", algorithm)
        try c.modelFields(modelSpecification)
        try c.risFields(ris)
        try c.field("evaluationSets", evaluationSets)
        try c.field("embedding", embedding)
        try c.field("seed", seed)
        try c.field("threads", threads)
        try c.field("timeBudgetSeconds", timeBudgetSeconds)
    }
}
