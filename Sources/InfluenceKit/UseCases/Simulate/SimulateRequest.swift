/// Simulate a seed set's spread: Monte Carlo cascades from the seeds (a fixed count of runs, or
/// batches until a relative confidence half-width), optionally the exact value and the nodes
/// most likely to end active.
///
/// In JSON every key but `seeds` may be left out (the default applies):
///
/// ```json
/// {"seeds": ["0", "33"], "runs": 100000, "model": "lt"}
/// ```
///
/// ```swift
/// let input = try GraphInput.load("Graphs/karate.txt", options: GraphLoadOptions(undirected: true))
/// let record = try SimulateRequest(seeds: ["0", "33"], runs: 10_000).run(on: input)
/// print(record.spread.estimate, record.spread.low, record.spread.high)
/// ```
public struct SimulateRequest: UseCaseRequest, ModelFields {
    /// The record it produces.
    public typealias Record = SimulationRecord
    /// `simulate`.
    public static let useCase = UseCaseKind.simulate

    /// The seed set, by label in the graph (byte for byte). Required, at least one.
    public var seeds: [String]
    /// The diffusion model: `ic` (default) or `lt`.
    public var model: DiffusionModelKind
    /// The probability scheme (`wc` default, `uniform:P`, `trivalency:SEED`, `file`).
    public var probabilities: ProbabilityScheme
    /// LT with `file` weights: rescale in-weights that sum above 1 (default false).
    public var normalizeLT: Bool
    /// Cascades to simulate (the first batch with `untilRelativeError`), at least 1 (default 10,000).
    public var runs: Int
    /// Seed of every random choice: run `i` uses stream (seed, i) (default 1).
    public var seed: UInt64
    /// Worker threads (default: every core; the numbers do not depend on it).
    public var threads: Int
    /// Stop each cascade after this many rounds (default nil: until no new activation).
    public var maxSteps: Int?
    /// Add runs until the 95% half-width is at most this fraction of the mean (default nil:
    /// `runs` only).
    public var untilRelativeError: Double?
    /// Cap on runs with `untilRelativeError` (default nil: 1,000,000).
    public var maxRuns: Int?
    /// Also list this many nodes of highest activation probability (default nil).
    public var nodeProbabilities: Int?
    /// Also compute σ(S) exactly by enumerating live-edge worlds (tiny instances only; default false).
    public var exact: Bool
    /// Memory the simulation's buffers may take (default `SystemMemory.defaultLimitBytes`).
    public var memoryLimitBytes: Int
    /// Simulate on P, the graph without an AP set (as a capacity-constrained IM record's seeds
    /// are measured), instead of on the whole graph (default nil).
    public var withoutActiveParticipants: ActiveParticipantSetReference?

    /// The cap on adaptive runs used when none is given.
    public static let defaultMaxRuns = 1_000_000

    /// Complexity: O(|seeds|).
    public init(seeds: [String], model: DiffusionModelKind = .ic, probabilities: ProbabilityScheme = .weightedCascade,
                normalizeLT: Bool = false, runs: Int = 10_000, seed: UInt64 = 1, threads: Int = Parallel.processorCount,
                maxSteps: Int? = nil, untilRelativeError: Double? = nil, maxRuns: Int? = nil, nodeProbabilities: Int? = nil,
                exact: Bool = false, memoryLimitBytes: Int = SystemMemory.defaultLimitBytes,
                withoutActiveParticipants: ActiveParticipantSetReference? = nil) {
        self.withoutActiveParticipants = withoutActiveParticipants
        self.seeds = seeds
        self.model = model
        self.probabilities = probabilities
        self.normalizeLT = normalizeLT
        self.runs = runs
        self.seed = seed
        self.threads = threads
        self.maxSteps = maxSteps
        self.untilRelativeError = untilRelativeError
        self.maxRuns = maxRuns
        self.nodeProbabilities = nodeProbabilities
        self.exact = exact
        self.memoryLimitBytes = memoryLimitBytes
    }

    /// The cap on adaptive runs in force. Complexity: O(1).
    public var resolvedMaxRuns: Int { maxRuns ?? Self.defaultMaxRuns }

    /// Checks the values and their combinations, naming the parameter at fault (`seeds`, `runs`,
    /// `nodeProbabilities`, `untilRelativeError`, `maxRuns`, `threads`, `maxSteps`,
    /// `memoryLimit`). Complexity: O(1).
    public func validate() throws(InfluenceError) {
        guard !seeds.isEmpty else { throw InfluenceError(.usage, parameter: "seeds", "no seeds (expected at least one label)") }
        guard runs >= 1 else { throw InfluenceError(.usage, parameter: "runs", "runs = \(runs) (expected a positive count, e.g. 10000)") }
        if let nodeProbabilities, nodeProbabilities < 1 {
            throw InfluenceError(.usage, parameter: "nodeProbabilities", "nodeProbabilities = \(nodeProbabilities) (expected a positive count, e.g. 10)")
        }
        if let untilRelativeError, !(untilRelativeError > 0 && untilRelativeError < 1) {
            throw InfluenceError(.usage, parameter: "untilRelativeError",
                                 "relative error \(untilRelativeError) (expected a fraction strictly between 0 and 1, e.g. 0.01)")
        }
        if let maxRuns {
            guard untilRelativeError != nil else {
                throw InfluenceError(.usage, parameter: "maxRuns", "maxRuns caps untilRelativeError (expected both, or runs alone)")
            }
            guard maxRuns >= 1 else { throw InfluenceError(.usage, parameter: "maxRuns", "maxRuns = \(maxRuns) (expected at least 1)") }
        }
        if untilRelativeError != nil, resolvedMaxRuns < runs {
            throw InfluenceError(.usage, parameter: "maxRuns", "maxRuns (\(resolvedMaxRuns)) is below runs (\(runs)) (expected maxRuns ≥ runs)")
        }
        try MonteCarloSimulator.Configuration(runs: runs, seed: seed, threads: threads, maxSteps: maxSteps,
                                              memoryLimitBytes: memoryLimitBytes).validate()
    }

    private static let keys = ["seeds", "model", "probabilities", "normalizeLT", "runs", "seed", "threads", "maxSteps",
                               "untilRelativeError", "maxRuns", "nodeProbabilities", "exact", "memoryLimitBytes",
                               "withoutActiveParticipants"]

    /// Decodes a request, each absent key taking its default; an unknown key is refused.
    /// Complexity: O(size of the JSON).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldKey.self)
        try c.refuseUnknownKeys(Self.keys)
        let defaults = SimulateRequest(seeds: [])
        seeds = try c.requiredField("seeds")
        let m = try c.modelFields(default: defaults.modelSpecification)
        model = m.model; probabilities = m.probabilities; normalizeLT = m.normalizeLT
        runs = try c.field("runs", default: defaults.runs)
        seed = try c.field("seed", default: defaults.seed)
        threads = try c.field("threads", default: defaults.threads)
        maxSteps = try c.optionalField("maxSteps")
        untilRelativeError = try c.optionalField("untilRelativeError")
        maxRuns = try c.optionalField("maxRuns")
        nodeProbabilities = try c.optionalField("nodeProbabilities")
        exact = try c.field("exact", default: defaults.exact)
        memoryLimitBytes = try c.field("memoryLimitBytes", default: defaults.memoryLimitBytes)
        withoutActiveParticipants = try c.optionalField("withoutActiveParticipants")
    }

    /// Encodes every field (nil ones as null). Complexity: O(|seeds|).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: FieldKey.self)
        try c.field("seeds", seeds)
        try c.modelFields(modelSpecification)
        try c.field("runs", runs)
        try c.field("seed", seed)
        try c.field("threads", threads)
        try c.field("maxSteps", maxSteps)
        try c.field("untilRelativeError", untilRelativeError)
        try c.field("maxRuns", maxRuns)
        try c.field("nodeProbabilities", nodeProbabilities)
        try c.field("exact", exact)
        try c.field("memoryLimitBytes", memoryLimitBytes)
        try c.field("withoutActiveParticipants", withoutActiveParticipants)
    }
}

/// An AP set of an AP file: line `apSet` (1-based) of `apFile`.
public struct ActiveParticipantSetReference: Codable, Sendable, Equatable {
    /// The AP file.
    public var apFile: String
    /// The 1-based line.
    public var apSet: Int

    /// Complexity: O(1).
    public init(apFile: String, apSet: Int) {
        self.apFile = apFile
        self.apSet = apSet
    }
}
