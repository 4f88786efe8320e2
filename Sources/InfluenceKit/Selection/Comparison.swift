/// Runs several seed selectors on one graph and evaluates every (algorithm, k) with one Monte Carlo
/// simulator: the same configuration, hence the same live-edge world in run i for every seed set
/// (common random numbers), so differences between algorithms are paired, not blurred by
/// independent noise. This is the comparison of Kempe, Kleinberg, Tardos (KDD 2003, §4) and Chen,
/// Wang, Yang (KDD 2009, §5): spread versus k for each method, plus its selection time.
///
/// Selectors with `nestedPrefixes` choose once at the largest k; smaller k take the prefix and
/// the time the prefix took. Others choose once per k. Identical seed sets are evaluated once.
///
/// Randomised selectors should draw from `Comparison.selectionSeed(for:)`, not from the
/// evaluation seed, so that no method is scored on the very worlds it chose with (which would
/// flatter CELF, say).
///
/// Complexity: the selectors' own costs plus, per distinct seed set, `evaluation.runs` cascades.
public struct Comparison: Sendable {
    /// One algorithm at one k.
    public struct Row: Sendable, Codable, Equatable {
        /// The selector's name.
        public var algorithm: String
        /// Seed set size.
        public var k: Int
        /// The seeds (dense ids), in order of choice.
        public var seeds: [Int]
        /// Monte Carlo estimate of σ(seeds).
        public var spread: SpreadEstimate
        /// Wall time to choose the seeds (for a prefix: the time the prefix took).
        public var selectionSeconds: Double
    }

    /// What the comparison is doing, for progress reports.
    public enum Step: Sendable, Equatable {
        /// Choosing seeds with a method at one k.
        case selecting(algorithm: String, k: Int)
        /// Simulating one method's seed set at one k.
        case evaluating(algorithm: String, k: Int)
    }

    /// The bound model every seed set is simulated under.
    public let model: any DiffusionModel
    /// Runs, seed and threads of the evaluation (one configuration for all).
    public let evaluation: MonteCarloSimulator.Configuration

    /// The graph the model is bound to.
    public var graph: InfluenceGraph { model.graph }

    /// A comparison under `model`, every seed set simulated with `evaluation`. Complexity: O(1).
    public init(model: any DiffusionModel, evaluation: MonteCarloSimulator.Configuration) {
        self.model = model
        self.evaluation = evaluation
    }

    /// The seed randomised selectors use, derived from the evaluation seed (never equal to it).
    ///
    /// Complexity: O(1).
    public static func selectionSeed(for seed: UInt64) -> UInt64 {
        SplitMix64.mix(seed ^ 0x5E1E_C7ED_5EED_0001)
    }

    /// Checks a list of seed set sizes: non-empty, each in `1...nodeCount`; returns them sorted
    /// without duplicates.
    /// Complexity: O(k log k) for k sizes.
    public static func validatedKs(_ ks: [Int], nodeCount: Int) throws(InfluenceError) -> [Int] {
        guard !ks.isEmpty else { throw InfluenceError(.usage, parameter: "k", "no seed set sizes (expected a list such as 1,5,10,20,50)") }
        for k in ks where k < 1 || k > nodeCount {
            throw InfluenceError(.usage, parameter: "k", "k = \(k) is out of range (expected 1 ≤ k ≤ \(nodeCount), the graph's node count)")
        }
        return Array(Set(ks)).sorted()
    }

    /// Selects and evaluates every (selector, k); rows in selector order, then increasing k.
    ///
    /// - Throws: `InfluenceError(.usage)` for bad sizes or two selectors of one name; whatever a
    ///   selector throws.
    /// - Complexity: see the type.
    public func run(_ selectors: [any SeedSelector], ks: [Int],
                    progress: ((Step) -> Void)? = nil) throws(InfluenceError) -> [Row] {
        let sizes = try Self.validatedKs(ks, nodeCount: graph.nodeCount)
        var names: [String] = []
        for selector in selectors {
            if names.contains(selector.name) { throw InfluenceError(.usage, parameter: "algorithms", "algorithm '\(selector.name)' listed twice (expected each once)") }
            names.append(selector.name)
        }
        guard evaluation.runs >= 1 else { throw InfluenceError(.usage, parameter: "runs", "runs = \(evaluation.runs) (expected at least 1)") }
        let simulator = try MonteCarloSimulator(model: model, configuration: evaluation)
        var evaluated: [[Int]: SpreadEstimate] = [:]
        var rows: [Row] = []
        for selector in selectors {
            var rankings: [Int: SeedRanking] = [:]
            if selector.nestedPrefixes, let largest = sizes.last {
                progress?(.selecting(algorithm: selector.name, k: largest))
                let full = try selector.select(k: largest)
                for k in sizes { rankings[k] = full.prefix(k) }
            } else {
                for k in sizes {
                    progress?(.selecting(algorithm: selector.name, k: k))
                    rankings[k] = try selector.select(k: k)
                }
            }
            for k in sizes {
                guard let ranking = rankings[k] else { continue }
                let key = ranking.seeds.sorted()
                let spread: SpreadEstimate
                if let known = evaluated[key] {
                    spread = known
                } else {
                    progress?(.evaluating(algorithm: selector.name, k: k))
                    spread = try simulator.estimate(seeds: ranking.seeds)
                    evaluated[key] = spread
                }
                rows.append(Row(algorithm: selector.name, k: k, seeds: ranking.seeds, spread: spread,
                                selectionSeconds: ranking.seconds))
            }
        }
        return rows
    }
}
