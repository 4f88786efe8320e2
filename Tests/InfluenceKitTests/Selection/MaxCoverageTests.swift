import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Greedy max coverage: marginal gains, deterministic ties, zero-gain fill, the upper bound, and
/// agreement with a plain greedy on random set systems.
@Suite struct MaxCoverageTests {
    static func pool(_ n: Int, _ sets: [[UInt32]]) -> RRSetCollection {
        var pool = RRSetCollection(nodeCount: n)
        for set in sets { pool.append(set: set) }
        return pool
    }

    /// {0,1}, {2}, {1,3,4}, {4}: nodes 1 and 4 both cover two sets; 1 wins the tie, then 2 and 4
    /// tie at one new set and 2 wins.
    @Test func tiesGoToTheSmallerNode() throws {
        let result = try MaxCoverage.select(2, from: Self.pool(5, [[0, 1], [2], [1, 3, 4], [4]]), upperBound: true)
        #expect(result.seeds == [1, 2])
        #expect(result.marginalCoverage == [2, 1])
        #expect(result.coverage == 3)
        // i = 0: 0 + (2 + 2); i = 1: 2 + (1 + 1); i = 2: 3 + (1 + 0). The minimum is 4.
        #expect(result.upperBound == 4)
    }

    @Test func tieOrderDoesNotDependOnInsertionOrder() throws {
        let result = try MaxCoverage.select(3, from: Self.pool(6, [[5], [3], [4], [5, 4, 3]]))
        #expect(result.seeds == [3, 4, 5])
        #expect(result.marginalCoverage == [2, 1, 1])
    }

    @Test func zeroGainSeedsAreTheSmallestUnchosenIDs() throws {
        let result = try MaxCoverage.select(4, from: Self.pool(6, [[3], [3, 5], [5]]))
        #expect(result.seeds == [3, 5, 0, 1])
        #expect(result.marginalCoverage == [2, 1, 0, 0])
        #expect(result.coverage == 3)
    }

    @Test func everyNode() throws {
        let result = try MaxCoverage.select(3, from: Self.pool(3, [[2, 1], [1]]))
        #expect(result.seeds == [1, 0, 2])
        #expect(result.marginalCoverage == [2, 0, 0])
    }

    @Test func emptyPool() throws {
        let result = try MaxCoverage.select(2, from: RRSetCollection(nodeCount: 4), upperBound: true)
        #expect(result.seeds == [0, 1])
        #expect(result.coverage == 0)
        #expect(result.upperBound == 0)
    }

    static func randomPool(n: Int, sets: Int, seed: UInt64) -> RRSetCollection {
        var random = Xoshiro256StarStar(seed: seed)
        var pool = RRSetCollection(nodeCount: n)
        for _ in 0..<sets {
            let size = 1 + Int(random.nextBelow(6))
            var members: [UInt32] = []
            while members.count < size {
                // Skewed: low ids appear more often, so coverages differ and ties happen.
                let v = UInt32(min(random.nextBelow(UInt64(n)), random.nextBelow(UInt64(n))))
                if !members.contains(v) { members.append(v) }
            }
            pool.append(set: members)
        }
        return pool
    }

    /// The textbook greedy: recount every candidate's new coverage each step.
    static func plainGreedy(_ k: Int, _ pool: RRSetCollection) -> (seeds: [Int], gains: [Int]) {
        var covered = [Bool](repeating: false, count: pool.count)
        var seeds: [Int] = [], gains: [Int] = []
        for _ in 0..<k {
            var best = -1, bestGain = -1
            for v in 0..<pool.nodeCount where !seeds.contains(v) {
                let gain = (0..<pool.count).filter { !covered[$0] && pool.members(of: $0).contains(UInt32(v)) }.count
                if gain > bestGain { best = v; bestGain = gain }
            }
            seeds.append(best)
            gains.append(bestGain)
            for s in 0..<pool.count where pool.members(of: s).contains(UInt32(best)) { covered[s] = true }
        }
        return (seeds, gains)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func matchesPlainGreedy(_ seed: UInt64) throws {
        let pool = Self.randomPool(n: 30, sets: 400, seed: seed)
        let fast = try MaxCoverage.select(8, from: pool)
        let plain = Self.plainGreedy(8, pool)
        #expect(fast.seeds == plain.seeds)
        #expect(fast.marginalCoverage == plain.gains)
        #expect(fast.coverage == pool.coverage(of: fast.seeds))
    }

    /// The bound is valid (at least the best coverage of any k nodes, by brute force), at most θ,
    /// and exactly the formula min over greedy's prefixes S_i of Λ(S_i) + the k largest marginal
    /// coverages given S_i, recomputed here by brute force. (The old check, greedy ≥ (1 − 1/e)·best,
    /// is implied by greedy = textbook greedy in `matchesPlainGreedy` and would pass for most
    /// k-sets on these pools.)
    @Test(arguments: [UInt64(6), 7, 8])
    func upperBoundIsValidAndIsTheFormula(_ seed: UInt64) throws {
        let pool = Self.randomPool(n: 14, sets: 120, seed: seed)
        for k in 1...3 {
            let result = try MaxCoverage.select(k, from: pool, upperBound: true)
            var best = 0
            func search(_ start: Int, _ chosen: [Int]) {
                if chosen.count == k { best = max(best, pool.coverage(of: chosen)); return }
                guard start < pool.nodeCount else { return }
                for v in start..<pool.nodeCount { search(v + 1, chosen + [v]) }
            }
            search(0, [])
            let bound = try #require(result.upperBound)
            #expect(bound >= best)
            #expect(bound <= pool.count)
            #expect(result.coverage <= best)
            var formula = Int.max
            for i in 0...k {
                let prefix = Array(result.seeds.prefix(i))
                let base = pool.coverage(of: prefix)
                let gains = (0..<pool.nodeCount).filter { !prefix.contains($0) }
                    .map { pool.coverage(of: prefix + [$0]) - base }.sorted(by: >)
                formula = min(formula, base + gains.prefix(k).reduce(0, +))
            }
            #expect(bound == min(formula, pool.count), "k = \(k)")
        }
    }

    // MARK: - CoverageState

    /// Driving the state by hand (best candidate, take) is exactly `MaxCoverage.select`; gains are
    /// the brute-force marginal coverages at every step.
    @Test(arguments: [UInt64(1), 9])
    func coverageStateBehavesLikeMaxCoverage(_ seed: UInt64) throws {
        let pool = Self.randomPool(n: 30, sets: 400, seed: seed)
        let expected = try MaxCoverage.select(8, from: pool)
        var state = try CoverageState(pool: pool, index: pool.makeInvertedIndex())
        #expect(state.nodeCount == 30 && state.coverage == 0 && state.taken.isEmpty)
        var gains: [Int] = []
        for _ in 0..<8 {
            for v in 0..<30 where state.isAvailable(v) {
                #expect(state.gain(of: v) == pool.coverage(of: state.taken + [v]) - pool.coverage(of: state.taken))
            }
            let candidate = state.bestCandidate()
            let best = try #require(candidate)
            let brute = (0..<30).filter { state.isAvailable($0) }.max { (state.gain(of: $0), -$0) < (state.gain(of: $1), -$1) }!
            #expect(best.node == brute && best.gain == state.gain(of: brute))
            gains.append(state.take(best.node))
            #expect(!state.isAvailable(best.node))
        }
        #expect(state.taken == expected.seeds)
        #expect(gains == expected.marginalCoverage)
        #expect(state.coverage == expected.coverage)
        #expect(state.coverage == pool.coverage(of: state.taken))
    }

    /// `exclude` removes a node from the candidates without covering its sets: the best
    /// candidate skips it, its sets stay uncovered (others' gains unchanged), and the top-k bound
    /// ignores it.
    @Test func coverageStateExclude() throws {
        // {0,1}, {0,2}, {0,3}, {1}, {4,1}: 0 covers three sets, 1 covers three, 4 one.
        let pool = Self.pool(5, [[0, 1], [0, 2], [0, 3], [1], [4, 1]])
        var state = try CoverageState(pool: pool, index: pool.makeInvertedIndex())
        let first = state.bestCandidate()
        #expect(first?.node == 0)
        // 3 + 3, capped at the 5 sets of the pool.
        #expect(state.topKBound(2) == 5)
        state.exclude(0)
        #expect(!state.isAvailable(0))
        #expect(state.coverage == 0 && state.taken.isEmpty)
        #expect(state.gain(of: 1) == 3 && state.gain(of: 2) == 1)
        let candidate = state.bestCandidate()
        let best = try #require(candidate)
        #expect(best.node == 1 && best.gain == 3)
        // Without 0, the two best gains are 1 (3) and one of 2, 3, 4 (1).
        let bound = state.topKBound(2)
        #expect(bound == 4)
        let taken = state.take(1)
        #expect(taken == 3)
        // Sets {0,2} and {0,3} remain; 0 is excluded, so 2 (smaller id than 3) is next.
        let next = state.bestCandidate()
        #expect(next?.node == 2)
        state.exclude(2)
        state.exclude(3)
        let none = state.bestCandidate()
        #expect(none == nil, "4's only set is covered, 2 and 3 excluded")
        #expect(state.coverage == 3 && state.taken == [1])
        // An index of another pool is refused.
        let other = Self.pool(5, [[0]])
        #expect(throws: InfluenceError.self) { try CoverageState(pool: pool, index: other.makeInvertedIndex()) }
    }

    @Test func kOutOfRangeIsAUsageError() throws {
        let pool = Self.pool(3, [[0]])
        for k in [-1, 4] {
            let e = try #require(throws: InfluenceError.self) { try MaxCoverage.select(k, from: pool) }
            #expect(e.kind == .usage && e.parameter == "k")
        }
    }
}
