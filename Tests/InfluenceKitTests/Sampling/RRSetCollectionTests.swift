import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Flat storage, coverage and the inverted index, on hand-made and random set systems.
@Suite struct RRSetCollectionTests {
    static func handMade() -> RRSetCollection {
        var pool = RRSetCollection(nodeCount: 5)
        pool.append(set: [0, 1])
        pool.append(set: [2])
        pool.append(set: [1, 3, 4])
        pool.append(set: [4])
        return pool
    }

    @Test func flatLayout() {
        let pool = Self.handMade()
        #expect(pool.count == 4)
        #expect(pool.memberCount == 7)
        #expect(pool.offsets == [0, 2, 3, 6, 7])
        #expect(Array(pool.members(of: 2)) == [1, 3, 4])
        #expect(pool.meanSetSize == 7.0 / 4)
    }

    @Test func coverageCountsSetsNotMembers() {
        let pool = Self.handMade()
        #expect(pool.coverage(of: []) == 0)
        #expect(pool.coverage(of: [1]) == 2)
        #expect(pool.coverage(of: [1, 4]) == 3)
        #expect(pool.coverage(of: [1, 3, 4]) == 3)
        #expect(pool.coverage(of: [0, 2, 4]) == 4)
    }

    @Test func invertedIndexOfHandMadeSets() {
        let index = Self.handMade().makeInvertedIndex()
        #expect(index.nodeOffsets == [0, 1, 3, 4, 5, 7])
        #expect(Array(index.sets(containing: 1)) == [0, 2])
        #expect(Array(index.sets(containing: 4)) == [2, 3])
        #expect(index.degree(of: 3) == 1)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func invertedIndexMatchesBruteForce(_ seed: UInt64) {
        var random = Xoshiro256StarStar(seed: seed)
        let n = 40
        var pool = RRSetCollection(nodeCount: n)
        for _ in 0..<300 {
            let size = 1 + Int(random.nextBelow(8))
            var members: [UInt32] = []
            while members.count < size {
                let v = UInt32(random.nextBelow(UInt64(n)))
                if !members.contains(v) { members.append(v) }
            }
            pool.append(set: members)
        }
        let index = pool.makeInvertedIndex()
        for v in 0..<n {
            let expected = (0..<pool.count).filter { pool.members(of: $0).contains(UInt32(v)) }.map(UInt32.init)
            #expect(Array(index.sets(containing: v)) == expected)
        }
        #expect(index.setIDs.count == pool.memberCount)
    }

    /// The parallel build (ranges of sets counted and filled by separate workers) gives the same
    /// index for any worker count.
    @Test func parallelIndexEqualsSequentialIndex() {
        var random = Xoshiro256StarStar(seed: 4)
        let n = 5000
        var pool = RRSetCollection(nodeCount: n)
        var members: [UInt32] = []
        while pool.memberCount < 350_000 {
            members.removeAll(keepingCapacity: true)
            let size = 1 + Int(random.nextBelow(12))
            while members.count < size {
                let v = UInt32(random.nextBelow(UInt64(n)))
                if !members.contains(v) { members.append(v) }
            }
            pool.append(set: members)
        }
        let one = pool.makeInvertedIndex(workers: 1)
        for workers in [2, 3, 4] {
            let other = pool.makeInvertedIndex(workers: workers)
            #expect(other.nodeOffsets == one.nodeOffsets)
            #expect(other.setIDs == one.setIDs)
        }
        #expect(one.setIDs.count == pool.memberCount)
        for v in [0, 17, 4999] {
            let expected = (0..<pool.count).filter { pool.members(of: $0).contains(UInt32(v)) }.map(UInt32.init)
            #expect(Array(one.sets(containing: v)) == expected)
        }
    }
}
