/// Every seed-selection method by its command-line name: the one registry `infmax seeds`,
/// `infmax compare` and the library's `SeedsRequest` share.
public enum SelectionAlgorithm: String, Sendable, Codable, CaseIterable {
    /// OPIM-C (Tang et al., SIGMOD 2018), with the (1 − 1/e − ε) guarantee measured on the instance.
    case opimC = "opim-c"
    /// IMM (Tang, Shi, Xiao, SIGMOD 2015), with a worst-case (1 − 1/e − ε) guarantee.
    case imm
    /// HIST (Guo, Tang, Tang, Xiao, SIGMOD 2020): a sentinel set first, then residual RR sets that
    /// stop at it; the (1 − 1/e − ε) ratio measured on the instance, as OPIM-C's.
    case hist
    /// CELF: lazy greedy on Monte Carlo marginal gains.
    case celf
    /// The nodes of highest out-degree.
    case degree
    /// Degree discount (Chen, Wang, Yang, KDD 2009).
    case degreeDiscount = "degree-discount"
    /// Single discount (Chen, Wang, Yang, KDD 2009).
    case singleDiscount = "single-discount"
    /// PageRank on the reversed graph.
    case pagerank
    /// Uniformly random nodes.
    case random
    /// Learned scores from node embeddings, with a diversity penalty. Implemented outside
    /// InfluenceKit (the GraphInfomax library); a caller that links it passes
    /// `Context.embeddingSelector`.
    case embedding

    /// The methods that run on RR sets with a guarantee (what `infmax seeds` offers).
    public static let withGuarantee: [SelectionAlgorithm] = [.opimC, .imm, .hist]
    /// What `infmax compare` runs by default.
    public static let compareDefaults: [SelectionAlgorithm] = [.opimC, .imm, .degree, .degreeDiscount, .pagerank, .random]

    /// The name of the paper's algorithm (`OPIM-C`, `IMM`, `CELF`, ...).
    public var paperName: String {
        switch self {
        case .opimC: return "OPIM-C"
        case .imm: return "IMM"
        case .hist: return "HIST"
        case .celf: return "CELF"
        case .degree: return "degree"
        case .degreeDiscount: return "degree discount"
        case .singleDiscount: return "single discount"
        case .pagerank: return "PageRank"
        case .random: return "random"
        case .embedding: return "embedding"
        }
    }

    /// Whether it samples RR sets (IMM, OPIM-C, HIST).
    public var usesRRSets: Bool { self == .opimC || self == .imm || self == .hist }

    /// Everything a selector may need; each algorithm takes what applies to it.
    public struct Context: Sendable {
        /// The loaded graph (PageRank asks it for the igraph graph).
        public var loaded: LoadedGraph
        /// The bound model.
        public var model: any DiffusionModel
        /// Seed of the selector's randomness (`Comparison.selectionSeed(for:)` in comparisons).
        public var seed: UInt64
        /// Worker threads.
        public var threads: Int
        /// IMM and OPIM-C parameters.
        public var ris: RISParameters
        /// Monte Carlo runs per CELF evaluation.
        public var celfRuns: Int
        /// Receives the selector's phases.
        public var progress: any ProgressReporter
        /// Makes the `embedding` selector (GraphInfomax's `EmbeddingSeedSelector`), which the
        /// core cannot name; nil when the caller does not link it.
        public var embeddingSelector: (@Sendable (Context) throws(InfluenceError) -> any SeedSelector)?

        /// A context; by default the default `RISParameters`, 10,000 CELF runs and no progress reports.
        /// Complexity: O(1).
        public init(loaded: LoadedGraph, model: any DiffusionModel, seed: UInt64, threads: Int,
                    ris: RISParameters = RISParameters(), celfRuns: Int = 10_000,
                    progress: any ProgressReporter = SilentProgress()) {
            self.loaded = loaded
            self.model = model
            self.seed = seed
            self.threads = threads
            self.ris = ris
            self.celfRuns = celfRuns
            self.progress = progress
        }
    }

    /// The selector for this algorithm.
    ///
    /// - Throws: `InfluenceError(.usage)` for parameters the algorithm rejects.
    /// - Complexity: O(1) (selectors do their work in `select(k:)`).
    public func makeSelector(_ context: Context) throws(InfluenceError) -> any SeedSelector {
        switch self {
        case .opimC, .imm, .hist:
            return try RISSelector(model: context.model, algorithm: self, parameters: context.ris, seed: context.seed,
                                   workers: context.threads, progress: context.progress)
        case .celf:
            return try CELF(model: context.model,
                            configuration: .init(runs: context.celfRuns, seed: context.seed, threads: context.threads),
                            progress: context.progress)
        case .degree: return DegreeHeuristic(graph: context.model.graph)
        case .degreeDiscount: return DegreeDiscount(model: context.model)
        case .singleDiscount: return SingleDiscount(graph: context.model.graph)
        case .pagerank: return PageRankHeuristic(loaded: context.loaded)
        case .random: return RandomSeeds(graph: context.model.graph, seed: context.seed)
        case .embedding:
            guard let make = context.embeddingSelector else {
                throw InfluenceError(.usage, parameter: "algorithm",
                    "'embedding' needs the GraphInfomax library (the infmax command links it; a library caller sets Context.embeddingSelector)")
            }
            return try make(context)
        }
    }

    /// Parses a comma-separated list, rejecting unknown names and repeats.
    /// Complexity: O(length of the text).
    public static func parseList(_ text: String) throws(InfluenceError) -> [SelectionAlgorithm] {
        var result: [SelectionAlgorithm] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = String(part).trimmingWhitespace().lowercased()
            guard let algorithm = SelectionAlgorithm(rawValue: name) else {
                throw InfluenceError(.usage, parameter: "algorithms",
                    "unknown algorithm '\(name)' (expected a comma-separated list of: \(allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if result.contains(algorithm) {
                throw InfluenceError(.usage, parameter: "algorithms", "algorithm '\(name)' appears twice (list each once)")
            }
            result.append(algorithm)
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
