/// An ordered seed set and the wall time it took to choose it.
public struct SeedRanking: Sendable, Equatable, Codable {
    /// Dense node ids, in the order they were chosen.
    public var seeds: [Int]
    /// Wall time of the selection, in seconds (preparation such as PageRank included).
    public var seconds: Double
    /// For selectors that choose one seed after another: `elapsed[i]` is the time from the start
    /// to the choice of `seeds[i]`, i.e. what choosing only the first i + 1 seeds costs. Empty
    /// otherwise.
    public var elapsed: [Double]
    /// What the selector wants the reader to know about how the answer was reached (the
    /// `embedding` selector says whether its learned seeds or the degree baseline's won); nil
    /// for most selectors.
    public var note: String?

    /// A ranking. Complexity: O(1).
    public init(seeds: [Int], seconds: Double, elapsed: [Double] = [], note: String? = nil) {
        self.seeds = seeds
        self.seconds = seconds
        self.elapsed = elapsed
        self.note = note
    }

    /// The first `k` seeds and the time they took (`elapsed[k − 1]` when known, else the whole
    /// selection's time).
    /// Complexity: O(k).
    public func prefix(_ k: Int) -> SeedRanking {
        let count = min(k, seeds.count)
        let time = elapsed.count >= count && count > 0 ? elapsed[count - 1] : seconds
        return SeedRanking(seeds: Array(seeds.prefix(count)), seconds: time, elapsed: Array(elapsed.prefix(count)), note: note)
    }
}

/// Anything that chooses k seeds on a graph it was configured with: the heuristics of Chen, Wang
/// and Yang (KDD 2009, https://doi.org/10.1145/1557019.1557047), PageRank, random choice, CELF
/// and the RIS algorithms (IMM, OPIM-C) all answer the same question, so `Comparison` can run them
/// side by side.
///
/// Selectors are configured when created (graph, probabilities, seed) and queried by `select(k:)`.
public protocol SeedSelector: Sendable {
    /// The name used on the command line and in reports, e.g. `degree-discount`.
    var name: String { get }

    /// True when the first k′ seeds of `select(k:)` are exactly what `select(k: k′)` returns for
    /// every k′ < k (greedy orders, rankings): one selection at the largest k then serves every
    /// smaller k. False for methods whose answer for k′ is not a prefix (IMM and OPIM-C size
    /// their samples from k).
    var nestedPrefixes: Bool { get }

    /// Chooses `k` distinct seeds, in order of choice.
    ///
    /// Throws `InfluenceError(.usage)` when `k` is not in `1...nodeCount`.
    /// Complexity: the selector's own; each type states it.
    func select(k: Int) throws(InfluenceError) -> SeedRanking
}

extension SeedSelector {
    /// Checks `k` against the graph size with a message a user can act on.
    func validate(k: Int, nodeCount: Int) throws(InfluenceError) {
        guard k >= 1 else { throw InfluenceError(.usage, parameter: "k", "\(name): k = \(k) (expected a positive seed count)") }
        guard k <= nodeCount else {
            throw InfluenceError(.usage, parameter: "k", "\(name): k = \(k) exceeds the graph's \(nodeCount) nodes (expected k ≤ \(nodeCount))")
        }
    }
}
