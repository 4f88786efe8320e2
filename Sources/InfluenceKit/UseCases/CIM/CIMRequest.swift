/// Capacity-constrained IM (KDD 2023): each active participant (AP) promotes to at most k of its
/// friends outside the AP set; the spread is measured on P, the graph without the APs. The APs
/// are a line of an AP file (`apFile`, `apSet`) or labels given directly (`activeParticipants`).
///
/// ```json
/// {"k": 2, "apFile": "Graphs/karate-aps.txt", "apSet": 2, "baselines": true}
/// ```
public struct CIMRequest: UseCaseRequest, ModelFields {
    /// The record it produces.
    public typealias Record = CIMRecord
    /// `cim`.
    public static let useCase = UseCaseKind.cim

    /// Budget k: how many each chooser picks; here each AP's seeds, its capacity (≥ 1). Required.
    public var k: Int
    /// The AP file: one AP set per line, labels separated by spaces or commas (nil when
    /// `activeParticipants` gives the set).
    public var apFile: String?
    /// The 1-based line of `apFile` to run (default 1).
    public var apSet: Int
    /// The APs by label, instead of an AP file.
    public var activeParticipants: [String]?
    /// `rr-opim+` (default), `rr-opim`, `mg-opim`, `rr-greedy`, `mg-greedy`.
    public var algorithm: CapacityAlgorithm
    /// The diffusion model (default `ic`).
    public var model: DiffusionModelKind
    /// The probability scheme (default `wc`).
    public var probabilities: ProbabilityScheme
    /// LT with `file` weights: rescale in-weights that sum above 1 (default false).
    public var normalizeLT: Bool
    /// ε of the target ratio ½ − ε (default 0.1; strictly between 0 and 0.5).
    public var epsilon: Double
    /// Failure probability (default nil: 1/n_P).
    public var delta: Double?
    /// Precision refinement of the union's estimate (default 0.004; nil: the paper's stopping rule).
    public var precision: Double?
    /// The published code's deviations (θ₀/√χ, RR-OPIM+'s upper bound without 2Λ) (default false).
    public var compat: Bool
    /// IC in-arc drawing (default `subset`).
    public var sampling: RRSamplingMethod
    /// Fresh RR sets of P for the spread interval (default nil: about 1% relative standard error).
    public var evaluationSets: Int?
    /// Also score the degree, PageRank and random baselines (default false).
    public var baselines: Bool
    /// Return the best of the algorithm's and the baselines' assignments on the same fresh RR
    /// sets of P (default true; the record's `winner` and `contenders` say which and by how much).
    public var keepBest: Bool
    /// Also run OPIM-C on P for k·|A| seeds ignoring the constraint (default false).
    public var unconstrainedReference: Bool
    /// Also measure every assignment by this many Monte Carlo cascades on P (default nil).
    public var monteCarloEvaluationRuns: Int?
    /// Cascades per marginal-gain evaluation of the Monte Carlo greedy variants (default 10,000).
    public var monteCarloRuns: Int
    /// The Monte Carlo greedy variants are refused above this estimated time (default 300 s) unless `force`.
    public var monteCarloBudgetSeconds: Double
    /// Run a Monte Carlo greedy whatever its estimate (default false).
    public var force: Bool
    /// Seed of every random choice (default 1).
    public var seed: UInt64
    /// Worker threads (default: every core).
    public var threads: Int
    /// Memory limit of the RR-set pools (default `SystemMemory.defaultLimitBytes`).
    public var memoryLimitBytes: Int

    /// Complexity: O(1).
    public init(k: Int, apFile: String? = nil, apSet: Int = 1, activeParticipants: [String]? = nil,
                algorithm: CapacityAlgorithm = .rrOPIMPlus, model: DiffusionModelKind = .ic,
                probabilities: ProbabilityScheme = .weightedCascade, normalizeLT: Bool = false, epsilon: Double = 0.1,
                delta: Double? = nil, precision: Double? = CapacityConstrainedIM.Configuration.defaultPrecision,
                compat: Bool = false, sampling: RRSamplingMethod = .subset, evaluationSets: Int? = nil,
                baselines: Bool = false, keepBest: Bool = true, unconstrainedReference: Bool = false, monteCarloEvaluationRuns: Int? = nil,
                monteCarloRuns: Int = 10_000, monteCarloBudgetSeconds: Double = 300, force: Bool = false,
                seed: UInt64 = 1, threads: Int = Parallel.processorCount, memoryLimitBytes: Int = SystemMemory.defaultLimitBytes) {
        self.k = k; self.apFile = apFile; self.apSet = apSet; self.activeParticipants = activeParticipants
        self.algorithm = algorithm; self.model = model; self.probabilities = probabilities; self.normalizeLT = normalizeLT
        self.epsilon = epsilon; self.delta = delta; self.precision = precision; self.compat = compat
        self.sampling = sampling; self.evaluationSets = evaluationSets; self.baselines = baselines; self.keepBest = keepBest
        self.unconstrainedReference = unconstrainedReference; self.monteCarloEvaluationRuns = monteCarloEvaluationRuns
        self.monteCarloRuns = monteCarloRuns; self.monteCarloBudgetSeconds = monteCarloBudgetSeconds; self.force = force
        self.seed = seed; self.threads = threads; self.memoryLimitBytes = memoryLimitBytes
    }

    /// The engine's configuration. Complexity: O(1).
    public var configuration: CapacityConstrainedIM.Configuration {
        CapacityConstrainedIM.Configuration(
            k: k, algorithm: algorithm, epsilon: epsilon, delta: delta, precision: precision, compat: compat, seed: seed,
            threads: threads, sampling: sampling, memoryLimitBytes: memoryLimitBytes, evaluationSets: evaluationSets,
            monteCarloRuns: monteCarloRuns, monteCarloBudgetSeconds: force ? nil : monteCarloBudgetSeconds,
            baselines: baselines ? CapacityBaseline.allCases : [], unconstrainedReference: unconstrainedReference,
            monteCarloEvaluationRuns: monteCarloEvaluationRuns, keepBest: keepBest)
    }

    /// Checks every field, naming it (`k`, `apSet`, `activeParticipants`, `epsilon`, `delta`,
    /// `precision`, `evaluationSets`, `evaluationRuns`, `greedyRuns`, `monteCarloBudget`,
    /// `threads`, `memoryLimit`). Complexity: O(1).
    public func validate() throws(InfluenceError) {
        guard k >= 1 else { throw InfluenceError(.usage, parameter: "k", "k = \(k) (expected at least 1: each AP picks up to k friends)") }
        guard apSet >= 1 else { throw InfluenceError(.usage, parameter: "apSet", "AP set \(apSet) (expected a line number from 1)") }
        switch (apFile, activeParticipants) {
        case (nil, nil):
            throw InfluenceError(.usage, parameter: "activeParticipants", "no active participants (expected an AP file or a list of labels)")
        case (.some, .some):
            throw InfluenceError(.usage, parameter: "activeParticipants", "both an AP file and AP labels (expected one)")
        case (nil, let labels?) where labels.isEmpty:
            throw InfluenceError(.usage, parameter: "activeParticipants", "an empty AP list (expected at least one label)")
        default: break
        }
        try ParameterCheck.epsilon(epsilon, below: 0.5)
        if let delta, !(delta > 0 && delta < 1) { throw InfluenceError(.usage, parameter: "delta", "δ = \(delta) (expected strictly between 0 and 1)") }
        if let precision, !(precision > 0 && precision < 1) {
            throw InfluenceError(.usage, parameter: "precision", "precision \(precision) (expected a relative standard error strictly between 0 and 1, or none)")
        }
        if let evaluationSets { try SpreadInterval.checkSetCount(evaluationSets) }
        if let runs = monteCarloEvaluationRuns, runs < 1 {
            throw InfluenceError(.usage, parameter: "evaluationRuns", "Monte Carlo evaluation runs \(runs) (expected at least 1)")
        }
        guard monteCarloRuns >= 1 else { throw InfluenceError(.usage, parameter: "greedyRuns", "Monte Carlo runs \(monteCarloRuns) (expected at least 1)") }
        guard monteCarloBudgetSeconds > 0 else {
            throw InfluenceError(.usage, parameter: "monteCarloBudget", "budget \(monteCarloBudgetSeconds) s (expected a positive number of seconds)")
        }
        try Parallel.checkThreadCount(threads)
        guard memoryLimitBytes > 0 else {
            throw InfluenceError(.usage, parameter: "memoryLimit", "memory limit \(memoryLimitBytes) bytes (expected a positive size)")
        }
    }

    private static let keys = ["k", "apFile", "apSet", "activeParticipants", "algorithm", "model", "probabilities", "normalizeLT",
                               "epsilon", "delta", "precision", "compat", "sampling", "evaluationSets", "baselines", "keepBest",
                               "unconstrainedReference", "monteCarloEvaluationRuns", "monteCarloRuns", "monteCarloBudgetSeconds",
                               "force", "seed", "threads", "memoryLimitBytes"]

    /// Decodes a request, each absent key taking its default; an unknown key is refused.
    /// Complexity: O(size of the JSON).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldKey.self)
        try c.refuseUnknownKeys(Self.keys)
        let d = CIMRequest(k: 1)
        k = try c.requiredField("k")
        apFile = try c.optionalField("apFile")
        apSet = try c.field("apSet", default: d.apSet)
        activeParticipants = try c.optionalField("activeParticipants")
        algorithm = try c.field("algorithm", default: d.algorithm)
        let m = try c.modelFields(default: d.modelSpecification)
        model = m.model; probabilities = m.probabilities; normalizeLT = m.normalizeLT
        epsilon = try c.field("epsilon", default: d.epsilon)
        delta = try c.optionalField("delta")
        precision = try c.precisionField(default: d.precision)
        compat = try c.field("compat", default: d.compat)
        sampling = try c.field("sampling", default: d.sampling)
        evaluationSets = try c.optionalField("evaluationSets")
        baselines = try c.field("baselines", default: d.baselines)
        keepBest = try c.field("keepBest", default: d.keepBest)
        unconstrainedReference = try c.field("unconstrainedReference", default: d.unconstrainedReference)
        monteCarloEvaluationRuns = try c.optionalField("monteCarloEvaluationRuns")
        monteCarloRuns = try c.field("monteCarloRuns", default: d.monteCarloRuns)
        monteCarloBudgetSeconds = try c.field("monteCarloBudgetSeconds", default: d.monteCarloBudgetSeconds)
        force = try c.field("force", default: d.force)
        seed = try c.field("seed", default: d.seed)
        threads = try c.field("threads", default: d.threads)
        memoryLimitBytes = try c.field("memoryLimitBytes", default: d.memoryLimitBytes)
    }

    /// Encodes every field (nil ones as null). Complexity: O(|activeParticipants|).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: FieldKey.self)
        try c.field("k", k); try c.field("apFile", apFile); try c.field("apSet", apSet)
        try c.field("activeParticipants", activeParticipants); try c.field("algorithm", algorithm); try c.field("model", model)
        try c.field("probabilities", probabilities); try c.field("normalizeLT", normalizeLT); try c.field("epsilon", epsilon)
        try c.field("delta", delta); try c.field("precision", precision); try c.field("compat", compat)
        try c.field("sampling", sampling); try c.field("evaluationSets", evaluationSets); try c.field("baselines", baselines)
        try c.field("keepBest", keepBest)
        try c.field("unconstrainedReference", unconstrainedReference)
        try c.field("monteCarloEvaluationRuns", monteCarloEvaluationRuns); try c.field("monteCarloRuns", monteCarloRuns)
        try c.field("monteCarloBudgetSeconds", monteCarloBudgetSeconds); try c.field("force", force); try c.field("seed", seed)
        try c.field("threads", threads); try c.field("memoryLimitBytes", memoryLimitBytes)
    }
}
