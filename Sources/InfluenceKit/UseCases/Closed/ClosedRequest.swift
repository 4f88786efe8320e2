/// IM in a closed social network (PVLDB 2022): recommend to every user at most k friends to share
/// with, so that the seeds' summed spread Σ_s σ({s}) is largest. PSNA by default; the degree,
/// fof and random baselines are scored beside it on the same Monte Carlo worlds.
///
/// ```json
/// {"seeds": ["0", "33", "2"], "k": 3, "probabilities": "trivalency:1"}
/// ```
public struct ClosedRequest: UseCaseRequest {
    /// The record it produces.
    public typealias Record = ClosedRecord
    /// `closed`.
    public static let useCase = UseCaseKind.closed

    /// The seeds, by label (each once). Required.
    public var seeds: [String]
    /// Budget k: how many each chooser picks; here each user's friends to share with (≥ 1). Required.
    public var k: Int
    /// `psna` (default), `greedy`, `degree`, `fof`, `random`.
    public var algorithm: ClosedNetworkIM.Algorithm
    /// The diffusion model (default `ic`, the only one the problem is defined for: another is
    /// refused with the model's message).
    public var model: DiffusionModelKind
    /// The probability scheme (default `wc`).
    public var probabilities: ProbabilityScheme
    /// PSNA stops when the objective's relative gain falls to ε (default 1e-4, in (0, 1)).
    public var epsilon: Double
    /// Allow arcs into seeds, as the published code does (default false).
    public var compat: Bool
    /// Monte Carlo worlds of the evaluation of every method (default 10,000).
    public var evaluationRuns: Int
    /// Monte Carlo worlds of PSNA's objective estimate after each iteration (default 1,000).
    public var estimationRuns: Int
    /// Monte Carlo worlds per marginal gain of the greedy (default 1,000).
    public var greedyRuns: Int
    /// The greedy is refused above this estimated time (default 300 s) unless `force`.
    public var greedyBudgetSeconds: Double
    /// Run the greedy whatever its estimate (default false).
    public var force: Bool
    /// Score the degree, fof and random baselines beside the method (default true).
    public var baselines: Bool
    /// Return the best k-subnetwork of the method and the baselines on the same evaluation worlds
    /// (default true; the record's `winner` names it). False returns the method's own.
    public var keepBest: Bool
    /// Seed of every random choice (default 1).
    public var seed: UInt64
    /// Worker threads (default: every core).
    public var threads: Int

    /// Complexity: O(1).
    public init(seeds: [String], k: Int, algorithm: ClosedNetworkIM.Algorithm = .psna, model: DiffusionModelKind = .ic,
                probabilities: ProbabilityScheme = .weightedCascade, epsilon: Double = 1e-4, compat: Bool = false,
                evaluationRuns: Int = 10_000, estimationRuns: Int = 1_000, greedyRuns: Int = 1_000,
                greedyBudgetSeconds: Double = 300, force: Bool = false, baselines: Bool = true, keepBest: Bool = true, seed: UInt64 = 1,
                threads: Int = Parallel.processorCount) {
        self.seeds = seeds; self.k = k; self.algorithm = algorithm; self.model = model; self.probabilities = probabilities
        self.epsilon = epsilon; self.compat = compat; self.evaluationRuns = evaluationRuns
        self.estimationRuns = estimationRuns; self.greedyRuns = greedyRuns; self.greedyBudgetSeconds = greedyBudgetSeconds
        self.force = force; self.baselines = baselines; self.keepBest = keepBest; self.seed = seed; self.threads = threads
    }

    /// The model as a specification that binds it. Complexity: O(1).
    public var modelSpecification: ModelSpecification {
        get { ModelSpecification(model: model, probabilities: probabilities) }
        set { model = newValue.model; probabilities = newValue.probabilities }
    }

    /// The engine's configuration. Complexity: O(1).
    public var configuration: ClosedNetworkIM.Configuration {
        ClosedNetworkIM.Configuration(
            k: k, algorithm: algorithm, epsilon: epsilon, allowArcsIntoSeeds: compat, evaluationRuns: evaluationRuns,
            estimationRuns: estimationRuns, greedyRuns: greedyRuns, greedyBudgetSeconds: force ? nil : greedyBudgetSeconds,
            baselines: baselines ? ClosedBaseline.allCases : [], keepBest: keepBest, seed: seed, threads: threads)
    }

    /// Checks every field, naming it (`seeds`, `k`, `epsilon`, `evaluationRuns`,
    /// `estimationRuns`, `greedyRuns`, `greedyBudget`, `threads`). Complexity: O(|seeds|).
    public func validate() throws(InfluenceError) {
        guard !seeds.isEmpty else { throw InfluenceError(.usage, parameter: "seeds", "no seeds (expected at least one label)") }
        guard k >= 1 else { throw InfluenceError(.usage, parameter: "k", "k = \(k) (expected at least 1: each user shares with up to k friends)") }
        try ParameterCheck.epsilon(epsilon, example: "1e-4, the paper's")
        for (name, runs) in [("evaluationRuns", evaluationRuns), ("estimationRuns", estimationRuns), ("greedyRuns", greedyRuns)] where runs < 1 {
            throw InfluenceError(.usage, parameter: ParameterKey(rawValue: name), "\(runs) Monte Carlo runs (expected at least 1)")
        }
        guard greedyBudgetSeconds > 0 else {
            throw InfluenceError(.usage, parameter: "greedyBudget", "budget \(greedyBudgetSeconds) s (expected a positive number of seconds)")
        }
        try Parallel.checkThreadCount(threads)
    }

    private static let keys = ["seeds", "k", "algorithm", "model", "probabilities", "epsilon", "compat", "evaluationRuns", "estimationRuns",
                               "greedyRuns", "greedyBudgetSeconds", "force", "baselines", "keepBest", "seed", "threads"]

    /// Decodes a request, each absent key taking its default; an unknown key is refused.
    /// Complexity: O(size of the JSON).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldKey.self)
        try c.refuseUnknownKeys(Self.keys)
        let d = ClosedRequest(seeds: [], k: 1)
        seeds = try c.requiredField("seeds")
        k = try c.requiredField("k")
        algorithm = try c.field("algorithm", default: d.algorithm)
        model = try c.field("model", default: d.model)
        probabilities = try c.field("probabilities", default: d.probabilities)
        epsilon = try c.field("epsilon", default: d.epsilon)
        compat = try c.field("compat", default: d.compat)
        evaluationRuns = try c.field("evaluationRuns", default: d.evaluationRuns)
        estimationRuns = try c.field("estimationRuns", default: d.estimationRuns)
        greedyRuns = try c.field("greedyRuns", default: d.greedyRuns)
        greedyBudgetSeconds = try c.field("greedyBudgetSeconds", default: d.greedyBudgetSeconds)
        force = try c.field("force", default: d.force)
        baselines = try c.field("baselines", default: d.baselines)
        keepBest = try c.field("keepBest", default: d.keepBest)
        seed = try c.field("seed", default: d.seed)
        threads = try c.field("threads", default: d.threads)
    }

    /// Encodes every field. Complexity: O(|seeds|).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: FieldKey.self)
        try c.field("seeds", seeds); try c.field("k", k); try c.field("algorithm", algorithm); try c.field("model", model)
        try c.field("model", model); try c.field("probabilities", probabilities); try c.field("epsilon", epsilon); try c.field("compat", compat)
        try c.field("evaluationRuns", evaluationRuns); try c.field("estimationRuns", estimationRuns)
        try c.field("greedyRuns", greedyRuns); try c.field("greedyBudgetSeconds", greedyBudgetSeconds)
        try c.field("force", force); try c.field("baselines", baselines); try c.field("keepBest", keepBest); try c.field("seed", seed); try c.field("threads", threads)
    }
}
