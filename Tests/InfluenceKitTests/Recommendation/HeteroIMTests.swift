import Testing
@testable import InfluenceKit

/// HeteroIM's sets and greedy: values worked out by hand on fixed pair sets, the sampled sets'
/// inclusion probabilities, and (`HeteroIMExactTests`) unbiasedness and the greedy's value
/// against exact enumeration.
@Suite struct HeteroIMTests {
    // SevenNodes with inviters 0 and 1: pairs p0 = 0→2 (p = 0.5·0.5 = 0.25), p1 = 0→3 (0.4),
    // p2 = 1→3 (0.2), p3 = 1→4 (0.9·0.2 = 0.18); non-inviters 2…6 are model nodes 0…4.
    // Sets (labels): R0 {2, 5}, R1 {3}, R2 {3, 6}, R3 {4}, R4 {3, 4}, R5 {5}, R6 {4, 6}, R7 {6}, r = 2.
    // Weights Σ u_R: node 2 1, node 3 3, node 4 3. Gains p·weight: p0 0.25, p1 1.2, p2 0.6, p3 0.54.
    // K = 1: take p1 (1.2): R1, R2, R4 keep u = 0.6; inviter 0 is full. p2 = 0.2·1.8 = 0.36,
    // p3 = 0.18·(1 + 0.6 + 1) = 0.468: take p3. Scores gain / r: 0.6 and 0.234.
    // K = 2: then R3, R6 → 0.82, R4 → 0.492; p2 = 0.2·(0.6 + 0.6 + 0.492) = 0.3384 > p0 = 0.25:
    // take p2, then p0 (0.25). Lists 0: [3, 2] (0.6, 0.125), 1: [4, 3] (0.234, 0.1692).
    static func fixedSets(_ graph: InviteGraph) throws -> HeteroIMSets {
        var pool = RRSetCollection(nodeCount: 5)
        let model: [String: UInt32] = ["2": 0, "3": 1, "4": 2, "5": 3, "6": 4]
        for set in [["2", "5"], ["3"], ["3", "6"], ["4"], ["3", "4"], ["5"], ["4", "6"], ["6"]] { pool.append(set: set.map { model[$0]! }) }
        return try HeteroIMSets(graph: graph, inviters: [0, 1], pool: pool, setsPerNode: 2)
    }

    @Test func handComputedGreedyOnFixedSets() throws {
        let graph = try SevenNodes.graph()
        let sets = try Self.fixedSets(graph)
        #expect(sets.roots == 5 && sets.pairArcs.map { Int(graph.outTargets[$0]) } == [2, 3, 3, 4])
        func near(_ a: [[Double]], _ b: [[Double]]) -> Bool { a.count == b.count && zip(a, b).allSatisfy { x, y in x.count == y.count && zip(x, y).allSatisfy { abs($0 - $1) < 1e-12 } } }
        let one = try HeteroIM.lists(graph: graph, sets: sets, inviters: [0, 1], k: 1, capacity: nil)
        #expect(one.lists.labels(graph) == [["3"], ["4"]])
        #expect(near(one.lists.scores, [[0.6], [0.234]]), "\(one.lists.scores)")
        // Covered weight: R1, R2 0.4 each, R4 1 − 0.492, R3, R6 0.18 each = 1.668 of 8 sets, 5 roots.
        #expect(abs(one.estimate - 5 * 1.668 / 8) < 1e-12)
        #expect(abs(sets.estimate(graph, lists: one.lists, maxK: 1)[0] - one.estimate) < 1e-12)
        let two = try HeteroIM.lists(graph: graph, sets: sets, inviters: [1, 0], k: 2, capacity: nil)
        #expect(two.lists.labels(graph) == [["4", "3"], ["3", "2"]], "request order; greedy order within a list")
        #expect(near(two.lists.scores, [[0.234, 0.1692], [0.6, 0.125]]), "\(two.lists.scores)")
        // Capacity 1: 3 is on 0's list, so 1→3 is out and inviter 1 keeps one invitee.
        let capped = try HeteroIM.lists(graph: graph, sets: sets, inviters: [0, 1], k: 2, capacity: 1)
        #expect(capped.lists.labels(graph) == [["3", "2"], ["4"]])
    }

    /// The set rooted at v holds the non-inviters that reach v over live arcs between them: on
    /// a → b → c with P·U = 0.6 and 0.5 and inviter a, b is in a set rooted at c with probability
    /// 0.5 (a, the inviter, is never in a set). 400,000 sets per root put the estimate within
    /// 0.0032 (4 standard errors, under 1% of the value).
    @Test func setsHoldTheNonInvitersThatReachTheRoot() throws {
        let graph = try InviteGraph(arcs: [.init(inviter: "a", invitee: "b", invite: 0.75), .init(inviter: "b", invitee: "c", invite: 0.5)],
                                    acceptance: ["b": 0.8])
        let a = try #require(graph.node(labelled: "a"))
        let r = 400_000
        let sets = try HeteroIMSets(graph: graph, inviters: [a], setsPerNode: r, seed: 11, threads: 2)
        #expect(sets.pool.count == 2 * r && sets.roots == 2 && sets.pairArcs.count == 1)
        #expect(abs(sets.pairProbability[0] - 0.6) < 1e-15 && sets.pairTarget == [0])
        var atC = 0
        for rep in 0..<r {
            #expect(Array(sets.pool.members(of: rep * 2)) == [0])
            if sets.pool.members(of: rep * 2 + 1).contains(0) { atC += 1 }
        }
        #expect(abs(Double(atC) / Double(r) - 0.5) < 0.0032)
    }

    @Test func samplingIsTheSameForAnyThreadCountAndNested() throws {
        let graph = try SevenNodes.graph()
        let one = try HeteroIMSets(graph: graph, inviters: [0, 1], setsPerNode: 300, seed: 5, threads: 1)
        let three = try HeteroIMSets(graph: graph, inviters: [1, 0], setsPerNode: 300, seed: 5, threads: 3)
        #expect(one.pool.members == three.pool.members && one.pool.offsets == three.pool.offsets)
        let half = try HeteroIMSets(graph: graph, inviters: [0, 1], setsPerNode: 150, seed: 5, threads: 2)
        #expect(Array(one.pool.offsets.prefix(half.pool.offsets.count)) == half.pool.offsets)
        #expect(Array(one.pool.members.prefix(half.pool.memberCount)) == half.pool.members)
        let other = try HeteroIMSets(graph: graph, inviters: [0, 1], setsPerNode: 300, seed: 6, threads: 1)
        #expect(other.pool.members != one.pool.members)
    }
}

/// HeteroIM against exact enumeration on tiny invitation instances.
///
/// Unbiasedness: for every list assignment with K ≤ 2 on each instance, the RR estimate
/// roots / sets · Σ_R (1 − Π (1 − p)) must be within 4 standard errors of the exact Spread@K
/// (every live-arc world enumerated; each set's term lies in [0, 1] with mean q, so its variance
/// is at most q(1 − q)), and 4 standard errors are under 1% of the value, so a 1% bias fails.
///
/// Greedy: with many sets, HeteroIM's lists must be the exact greedy's (the same rounds on exact
/// marginal spreads, where the gap between the best and second-best pair is far above the
/// sampling error), every prefix included — see the counts in the comments below.
@Suite struct HeteroIMExactTests {
    /// A tiny random instance: inviters 0 and 1 with 3 candidates each among 2…6, arcs among
    /// 2…6, an arc from a non-inviter into an inviter and one between the inviters (stage 2 must
    /// not pass through them): 12 uncertain arcs, 4,096 worlds.
    static func instance(seed: UInt64) throws -> InviteGraph {
        var rng = Xoshiro256StarStar(seed: seed)
        func p() -> Double { 0.4 + Double(rng.nextBelow(550)) / 1000 }
        var arcs: [InviteGraph.Arc] = [], seen = Set<[Int]>()
        func add(_ u: Int, _ v: Int) {
            guard u != v, seen.insert([u, v]).inserted else { return }
            arcs.append(.init(inviter: String(u), invitee: String(v), invite: p()))
        }
        for i in 0..<2 { while arcs.filter({ $0.inviter == String(i) }).count < 3 { add(i, 2 + Int(rng.nextBelow(5))) } }
        add(0, 1)
        while arcs.count < 11 { add(2 + Int(rng.nextBelow(5)), 2 + Int(rng.nextBelow(5))) }
        add(3, 0)
        var acceptance: [String: Double] = [:]
        for v in 2..<7 { acceptance[String(v)] = 0.7 + Double(rng.nextBelow(300)) / 1000 }
        return try InviteGraph(arcs: arcs, acceptance: acceptance)
    }

    /// Every list assignment of inviters 0 and 1 with lists of length k (ordered by arc).
    static func assignments(_ graph: InviteGraph, _ inviters: [Int], k: Int) -> [DenseLists] {
        func subsets(_ items: [Int], _ k: Int) -> [[Int]] {
            guard k > 0 else { return [[]] }
            guard let first = items.first else { return [] }
            let rest = Array(items.dropFirst())
            return subsets(rest, k - 1).map { [first] + $0 } + subsets(rest, k)
        }
        let choices = inviters.map { i in subsets(graph.arcs(from: i).map { Int(graph.outTargets[$0]) }, k) }
        var result: [DenseLists] = []
        for a in choices[0] { for b in choices[1] {
            result.append(DenseLists(inviters: inviters, invitees: [a, b], scores: [a.map { _ in 0 }, b.map { _ in 0 }]))
        } }
        return result
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func setsEstimateTheExactSpreadWithoutBias(seed: UInt64) throws {
        let graph = try Self.instance(seed: seed)
        let inviters = [try #require(graph.node(labelled: "0")), try #require(graph.node(labelled: "1"))]
        let r = 300_000
        let sets = try HeteroIMSets(graph: graph, inviters: inviters, setsPerNode: r, seed: 40 + seed, threads: 2)
        let m = Double(sets.pool.count), roots = Double(sets.roots)
        var checked = 0
        for k in 1...2 {
            for lists in Self.assignments(graph, inviters, k: k) {
                let exact = try InviteCascade.exact(graph, lists: lists, maxK: k)[k - 1]
                let estimate = sets.estimate(graph, lists: lists, maxK: k)[k - 1]
                let q = exact / roots
                let window = 4 * roots * (q * (1 - q) / m).squareRoot()
                #expect(window < 0.01 * exact, "the window must catch a 1% bias")
                #expect(abs(estimate - exact) <= window, "k \(k) lists \(lists.invitees): \(estimate) vs exact \(exact)")
                checked += 1
            }
        }
        #expect(checked == 12 + 18)
    }

    /// The exact greedy on exact marginal Spread@K: pairs taken by largest marginal while their
    /// inviter holds fewer than the cap and the marginal is positive. Flat: one pass at cap `k`
    /// (the greedy for lists of length k); nested: rounds at cap 1, 2, …, k (HeteroIM's rounds).
    /// With a capacity, an invitee on that many lists is no longer a candidate.
    /// Returns the lists (invitees in pick order), their exact value and the smallest gap between
    /// the best and the second-best marginal (or 0) along the way.
    static func exactGreedy(_ graph: InviteGraph, _ inviters: [Int], k: Int, nested: Bool, capacity: Int? = nil) throws -> (lists: [[Int]], value: Double, gap: Double) {
        var lists = DenseLists(inviters: inviters, invitees: inviters.map { _ in [] }, scores: inviters.map { _ in [] })
        func value(_ l: DenseLists) throws -> Double {
            let longest = l.invitees.map(\.count).max()!
            return longest == 0 ? 0 : try InviteCascade.exact(graph, lists: l, maxK: longest)[longest - 1]
        }
        var current = 0.0, gap = Double.infinity
        for cap in nested ? Array(1...k) : [k] {
            while true {
                var gains: [(Double, Int, Int)] = [(0, -1, -1)]
                for t in inviters.indices where lists.invitees[t].count < cap {
                    for a in graph.arcs(from: inviters[t]) where !lists.invitees[t].contains(Int(graph.outTargets[a])) {
                        let j = Int(graph.outTargets[a])
                        if let capacity, lists.invitees.joined().filter({ $0 == j }).count >= capacity { continue }
                        var next = lists
                        next.invitees[t].append(Int(graph.outTargets[a])); next.scores[t].append(0)
                        gains.append((try value(next) - current, t, Int(graph.outTargets[a])))
                    }
                }
                gains.sort { $0.0 > $1.0 }
                guard gains[0].0 > 1e-12 else { break }
                gap = min(gap, gains[0].0 - gains[1].0)
                lists.invitees[gains[0].1].append(gains[0].2); lists.scores[gains[0].1].append(0)
                current += gains[0].0
            }
        }
        return (lists.invitees, current, gap)
    }

    /// Every ordered list assignment (each inviter's k invitees in rank order).
    static func orderedAssignments(_ graph: InviteGraph, _ inviters: [Int], k: Int) -> [[[Int]]] {
        func sequences(_ items: [Int], _ k: Int) -> [[Int]] {
            guard k > 0 else { return [[]] }
            return items.flatMap { x in sequences(items.filter { $0 != x }, k - 1).map { [x] + $0 } }
        }
        var result: [[[Int]]] = [[]]
        for i in inviters {
            let own = sequences(graph.arcs(from: i).map { Int(graph.outTargets[$0]) }, k)
            result = result.flatMap { partial in own.map { partial + [$0] } }
        }
        return result
    }

    /// A tiny instance where inviters compete: inviters 0, 1 and 2 with 3 candidates each among
    /// the 5 non-inviters 3…7 (so most candidates are shared), P from 0.05 to 0.95, U from 0.5 to
    /// 1, and 3 arcs among 3…7: 12 uncertain arcs, 4,096 worlds.
    static func competingInstance(seed: UInt64) throws -> InviteGraph {
        var rng = Xoshiro256StarStar(seed: seed)
        var arcs: [InviteGraph.Arc] = [], seen = Set<[Int]>()
        func add(_ u: Int, _ v: Int) {
            guard u != v, seen.insert([u, v]).inserted else { return }
            arcs.append(.init(inviter: String(u), invitee: String(v), invite: 0.05 + Double(rng.nextBelow(900)) / 1000))
        }
        for i in 0..<3 { while arcs.filter({ $0.inviter == String(i) }).count < 3 { add(i, 3 + Int(rng.nextBelow(5))) } }
        while arcs.count < 12 { add(3 + Int(rng.nextBelow(5)), 3 + Int(rng.nextBelow(5))) }
        var acceptance: [String: Double] = [:]
        for v in 3..<8 { acceptance[String(v)] = 0.5 + Double(rng.nextBelow(500)) / 1000 }
        return try InviteGraph(arcs: arcs, acceptance: acceptance.filter { v in arcs.contains { $0.invitee == v.key || $0.inviter == v.key } })
    }

    // HeteroIM's lists of length 2 must be, invitee for invitee and in order, the exact nested
    // greedy's, and their prefix of length 1 the exact greedy's answer for K = 1 (a separate flat
    // greedy at cap 1). Each instance has 27 assignments for K = 1 and 216 ordered ones for K = 2
    // (3 candidates per inviter): the assertions reject 26 of 27 and 215 of 216 (counted in the
    // test). On 4 of the 10 seeds (10, 12, 19, 40) the flat greedy at cap 2 — the previous
    // HeteroIM — gives other K = 2 lists whose prefix of length 1 is not the K = 1 answer, so it
    // fails the first assertion there (counted in the test). The seeds are those of 1…40 whose
    // exact greedies have no gap under 0.025 between the best and second-best marginal (the
    // 1,000,000 sets put a marginal's standard error under 0.0025, a difference's under 0.005); of
    // the 40, the flat greedy's K = 2 lists differ from the nested ones on 13, with a higher exact
    // Spread@2 on 1 (seed 15, 1.840 against 1.824), a lower one on 6 and the same on 6.
    @Test func everyPrefixIsTheExactGreedyAnswer() throws {
        var checked = 0, flatDiffers = 0, flatPrefixDiffers = 0
        for seed in [8, 10, 12, 14, 16, 19, 25, 32, 37, 40] as [UInt64] {
            let graph = try Self.competingInstance(seed: seed)
            let inviters = try (0..<3).map { try #require(graph.node(labelled: String($0))) }
            let one = try Self.exactGreedy(graph, inviters, k: 1, nested: false)
            let nested = try Self.exactGreedy(graph, inviters, k: 2, nested: true)
            let flat = try Self.exactGreedy(graph, inviters, k: 2, nested: false)
            #expect(min(one.gap, nested.gap) > 0.025, "seed \(seed): a near-tie the sets cannot resolve")
            checked += 1
            if flat.lists != nested.lists { flatDiffers += 1 }
            if flat.lists.map({ Array($0.prefix(1)) }) != one.lists { flatPrefixDiffers += 1 }
            let sets = try HeteroIMSets(graph: graph, inviters: inviters, setsPerNode: 200_000, seed: 70 + seed, threads: 2)
            let ours = try HeteroIM.lists(graph: graph, sets: sets, inviters: inviters, k: 2, capacity: nil).lists
            let prefix = ours.invitees.map { Array($0.prefix(1)) }
            #expect(prefix == one.lists, "seed \(seed): K = 1 prefix \(prefix) vs exact greedy \(one.lists)")
            #expect(ours.invitees == nested.lists, "seed \(seed): \(ours.invitees) vs exact nested greedy \(nested.lists)")
            let value = try InviteCascade.exact(graph, lists: ours, maxK: 2)[1]
            #expect(abs(value - nested.value) < 1e-9, "seed \(seed): HeteroIM \(value) vs exact nested greedy \(nested.value)")
            let firsts = Self.orderedAssignments(graph, inviters, k: 1)
            let rejectedOne = firsts.filter { $0 != one.lists }.count
            #expect(firsts.count == 27 && rejectedOne == 26, "K = 1: rejects \(rejectedOne) of \(firsts.count)")
            let ordered = Self.orderedAssignments(graph, inviters, k: 2)
            let rejectedTwo = ordered.filter { $0 != nested.lists }.count
            #expect(ordered.count == 216 && rejectedTwo == 215, "K = 2: rejects \(rejectedTwo) of \(ordered.count)")
        }
        #expect(checked == 10 && flatDiffers == 4 && flatPrefixDiffers == 4, "flat greedy differs on \(flatDiffers), its prefix on \(flatPrefixDiffers)")
    }
    // With a capacity HeteroIM is the single greedy at cap K, not rounds: with capacity 1 and
    // K = 2 its lists must be, in order, the exact flat greedy's (an invitee on one list is no
    // longer a candidate). The assertion rejects at least 215 of the 216 ordered assignments of
    // length 2 (some greedy lists are shorter: invitees run out), and the exact rounds give other
    // lists on all 7 seeds (counted in the test), so a greedy in rounds under a capacity fails
    // it. Seeds: those of 1…40 whose rounds differ with a gap of at least 0.06 between the best
    // and second-best marginal (500,000 sets put a difference's standard error under 0.007). Of
    // the 40, rounds gave other lists on 18, with a lower exact Spread@2 on 12, a higher one on 5
    // and the same on 1 — as on the benchmark, where rounds under capacity 1 fell below HeteroIR
    // at K = 5.
    @Test func withCapacityTheListsAreTheSingleGreedys() throws {
        var roundsDiffer = 0
        for seed in [6, 10, 12, 15, 20, 33, 35] as [UInt64] {
            let graph = try Self.competingInstance(seed: seed)
            let inviters = try (0..<3).map { try #require(graph.node(labelled: String($0))) }
            let flat = try Self.exactGreedy(graph, inviters, k: 2, nested: false, capacity: 1)
            let rounds = try Self.exactGreedy(graph, inviters, k: 2, nested: true, capacity: 1)
            #expect(flat.gap > 0.06, "seed \(seed): a near-tie the sets cannot resolve")
            if rounds.lists != flat.lists { roundsDiffer += 1 }
            let sets = try HeteroIMSets(graph: graph, inviters: inviters, setsPerNode: 100_000, seed: 90 + seed, threads: 2)
            let ours = try HeteroIM.lists(graph: graph, sets: sets, inviters: inviters, k: 2, capacity: 1).lists
            #expect(ours.invitees == flat.lists, "seed \(seed): \(ours.invitees) vs exact greedy with capacity 1 \(flat.lists)")
            let ordered = Self.orderedAssignments(graph, inviters, k: 2)
            let rejected = ordered.filter { $0 != flat.lists }.count
            #expect(ordered.count == 216 && rejected >= 215, "rejects \(rejected) of \(ordered.count)")
        }
        #expect(roundsDiffer == 7)
    }
}
