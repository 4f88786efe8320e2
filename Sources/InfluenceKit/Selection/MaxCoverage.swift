/// Greedy maximum coverage over a pool of RR sets: pick k nodes, each time the one covering the
/// most sets not yet covered (Nemhauser, Wolsey, Fisher 1978: a (1 − 1/e) approximation of the
/// best coverage; on RR sets, Borgs et al. SODA 2014 and Tang, Shi, Xiao SIGMOD 2015). The
/// greedy drives a `CoverageState`.
public enum MaxCoverage {
    /// What greedy found.
    public struct Result: Sendable, Equatable {
        /// The chosen nodes in selection order.
        public let seeds: [Int]
        /// How many new sets each seed covered when chosen, Λ(S_i) − Λ(S_{i−1}).
        public let marginalCoverage: [Int]
        /// Λ(S): sets covered by all seeds.
        public let coverage: Int
        /// When asked: an upper bound on the coverage of the best k nodes,
        /// min over i = 0...k of Λ(S_i) + (the k largest marginal coverages given S_i)
        /// (Tang, Tang, Xiao, Yuan, "Online Processing Algorithms for Influence Maximization",
        /// SIGMOD 2018, §4.2; valid by submodularity of coverage), and at most θ.
        public let upperBound: Int?
        /// When asked (`rivals` > 0): for each step, the best nodes greedy passed over at that
        /// step, best first (OPIM-C's selection-loss bound compares each pick with them).
        public internal(set) var rivals: [[Rival]] = []
    }

    /// A node greedy passed over at one step, with what it shares with that step's pick.
    public struct Rival: Sendable, Equatable {
        /// The node.
        public let node: Int
        /// Its marginal coverage at that step (sets not yet covered that hold it).
        public let gain: Int
        /// Of those sets, the ones that also hold the step's pick.
        public let shared: Int

        /// A rival of one step. Complexity: O(1).
        public init(node: Int, gain: Int, shared: Int) {
            self.node = node
            self.gain = gain
            self.shared = shared
        }
    }

    /// Runs greedy for `k` seeds on `pool` using its inverted `index`.
    ///
    /// When fewer than `k` nodes cover anything new, the rest are the smallest unchosen ids with
    /// marginal coverage 0.
    ///
    /// On a residual pool (`pool.sentinels` not empty; HIST's second phase) the sentinels are taken
    /// first, in order, each credited with the stopped sets that reached it, and greedy picks the
    /// other k − b; the bound is then minimised over the prefixes that hold every sentinel.
    ///
    /// - Parameters:
    ///   - k: the number of seeds, 0 ≤ k ≤ n.
    ///   - pool: the RR sets to cover.
    ///   - index: the pool's inverted index.
    ///   - upperBound: also compute the bound on the best coverage (adds O(k² log n)).
    ///   - rivals: how many runners-up to record at each step (`Result.rivals`, one entry per
    ///     seed, empty for a sentinel; adds O(k · rivals · log n)).
    ///   - boundSize: the size of the sets the bound is about (default `k`; HIST's sentinel phase
    ///     picks b seeds and bounds the best k-set).
    ///   - communicator: the ranks sharing the pool, each passing its own share (see
    ///     `CoverageState`); the result is the single pool's on every rank.
    /// - Throws: `InfluenceError(.usage)` (parameter `k`) unless 0 ≤ k ≤ n; as `CoverageState`.
    /// - Complexity: O(Σ|R| + n + k·log n) time (plus O(k² log n) with the bound), O(n + θ) memory;
    ///   distributed, k + 1 all-reduces of n counts.
    public static func select(_ k: Int, from pool: RRSetCollection, index: RRSetInvertedIndex,
                              upperBound: Bool = false, rivals: Int = 0, boundSize: Int? = nil,
                              communicator: (any Communicator)? = nil) throws(InfluenceError) -> Result {
        let n = pool.nodeCount
        guard k >= 0 && k <= n else {
            throw InfluenceError(.usage, parameter: "k", "k = \(k) (expected 0 ≤ k ≤ \(n), the graph's node count)")
        }
        let sentinels = pool.sentinels
        guard sentinels.count <= k, Set(sentinels).count == sentinels.count, sentinels.allSatisfy({ $0 >= 0 && $0 < n }) else {
            throw InfluenceError(.usage, parameter: "sentinels", "\(sentinels.count) sentinels for k = \(k) (expected at most k distinct nodes)")
        }
        guard sentinels.isEmpty || communicator == nil || communicator!.size == 1 else {
            throw InfluenceError(.usage, parameter: "sentinels", "greedy on a residual pool runs in one process (expected one rank)")
        }
        let boundK = boundSize ?? k
        var state = try CoverageState(pool: pool, index: index, communicator: communicator)
        var marginal = [Int]()
        marginal.reserveCapacity(k)
        var passedOver = [[Rival]]()
        if rivals > 0 { passedOver.reserveCapacity(k) }
        for s in sentinels {
            marginal.append(state.takeSentinel(s, stoppedSets: pool.stopsAt[s] ?? 0))
            if rivals > 0 { passedOver.append([]) }
        }
        var bound = Int.max
        var nextZero = 0
        for i in sentinels.count...k {
            if upperBound { bound = min(bound, state.topKBound(boundK)) }
            if i == k { break }
            let v: Int
            var runnersUp = ArraySlice<(node: Int, gain: Int)>()
            if rivals > 0 {
                let top = state.bestCandidates(rivals + 1)
                runnersUp = top.dropFirst()
                if let best = top.first {
                    v = best.node
                } else {
                    while !state.isAvailable(nextZero) { nextZero += 1 }
                    v = nextZero
                }
            } else if let best = state.bestCandidate() {
                v = best.node
            } else {
                while !state.isAvailable(nextZero) { nextZero += 1 }
                v = nextZero
            }
            marginal.append(state.take(v))
            // After the take a rival's gain counts only the sets without the pick.
            if rivals > 0 { passedOver.append(runnersUp.map { Rival(node: $0.node, gain: $0.gain, shared: $0.gain - state.gain(of: $0.node)) }) }
        }
        var result = Result(seeds: state.taken, marginalCoverage: marginal, coverage: state.coverage,
                            upperBound: upperBound ? min(bound, pool.globalCount) : nil)
        result.rivals = passedOver
        return result
    }

    /// Greedy on `pool`, building its inverted index first.
    ///
    /// Complexity: O(Σ|R| + n + k·log n).
    public static func select(_ k: Int, from pool: RRSetCollection, upperBound: Bool = false) throws(InfluenceError) -> Result {
        try select(k, from: pool, index: pool.makeInvertedIndex(), upperBound: upperBound)
    }
}
