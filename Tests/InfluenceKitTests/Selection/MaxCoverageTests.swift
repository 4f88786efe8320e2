import Testing
@testable import InfluenceKit

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
    @Test func tiesGoToTheSmallerNode() {
        let result = MaxCoverage.select(2, from: Self.pool(5, [[0, 1], [2], [1, 3, 4], [4]]), upperBound: true)
        #expect(result.seeds == [1, 2])
        #expect(result.marginalCoverage == [2, 1])
        #expect(result.coverage == 3)
        // i = 0: 0 + (2 + 2); i = 1: 2 + (1 + 1); i = 2: 3 + (1 + 0). The minimum is 4.
        #expect(result.upperBound == 4)
    }

    @Test func tieOrderDoesNotDependOnInsertionOrder() {
        let result = MaxCoverage.select(3, from: Self.pool(6, [[5], [3], [4], [5, 4, 3]]))
        #expect(result.seeds == [3, 4, 5])
        #expect(result.marginalCoverage == [2, 1, 1])
    }

    @Test func zeroGainSeedsAreTheSmallestUnchosenIDs() {
        let result = MaxCoverage.select(4, from: Self.pool(6, [[3], [3, 5], [5]]))
        #expect(result.seeds == [3, 5, 0, 1])
        #expect(result.marginalCoverage == [2, 1, 0, 0])
        #expect(result.coverage == 3)
    }

    @Test func everyNode() {
        let result = MaxCoverage.select(3, from: Self.pool(3, [[2, 1], [1]]))
        #expect(result.seeds == [1, 0, 2])
        #expect(result.marginalCoverage == [2, 0, 0])
    }

    @Test func emptyPool() {
        let result = MaxCoverage.select(2, from: RRSetCollection(nodeCount: 4), upperBound: true)
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
    func matchesPlainGreedy(_ seed: UInt64) {
        let pool = Self.randomPool(n: 30, sets: 400, seed: seed)
        let fast = MaxCoverage.select(8, from: pool)
        let plain = Self.plainGreedy(8, pool)
        #expect(fast.seeds == plain.seeds)
        #expect(fast.marginalCoverage == plain.gains)
        #expect(fast.coverage == pool.coverage(of: fast.seeds))
    }

    /// The bound is at least the best coverage of any k nodes (brute force), and greedy reaches
    /// at least 1 − 1/e of that best.
    @Test(arguments: [UInt64(6), 7, 8])
    func upperBoundAndGreedyRatio(_ seed: UInt64) {
        let pool = Self.randomPool(n: 14, sets: 120, seed: seed)
        for k in 1...3 {
            let result = MaxCoverage.select(k, from: pool, upperBound: true)
            var best = 0
            func search(_ start: Int, _ chosen: [Int]) {
                if chosen.count == k { best = max(best, pool.coverage(of: chosen)); return }
                for v in start..<pool.nodeCount { search(v + 1, chosen + [v]) }
            }
            search(0, [])
            #expect(result.upperBound! >= best)
            #expect(result.upperBound! <= pool.count)
            #expect(Double(result.coverage) >= (1 - 1 / 2.718281828459045) * Double(best))
        }
    }
}
