import Testing
@_spi(Kernels) @testable import InfluenceKit

@Suite("CIM: AP files")
struct CIMAPFileTests {
    @Test func oneLabelPerLineIsOneSet() throws {
        let sets = try ActiveParticipantSets(text: "# APs\n3\n\n1\n3\n", source: "aps.txt")
        #expect(sets.sets.count == 1)
        #expect(sets.sets[0].labels == ["3", "1"])
    }

    @Test func commaLinesAreSetsAndCommentsNeverBecomeLabels() throws {
        let sets = try ActiveParticipantSets(text: "# 12, 13 are not APs\n1,2, 3\n\n4 ,5\n", source: "aps.txt")
        #expect(sets.sets.map(\.labels) == [["1", "2", "3"], ["4", "5"]])
        #expect(sets.sets.map(\.line) == [2, 4])
    }

    @Test func errorsNameFileAndLine() throws {
        #expect(throws: InfluenceError(.data, file: "aps.txt", line: 2, "empty AP set (expected comma-separated AP labels on this line)")) {
            try ActiveParticipantSets(text: "1,2\n , \n", source: "aps.txt")
        }
        let graph = try InfluenceGraph(nodeCount: 3, sources: [0, 1], targets: [1, 2])
        let sets = try ActiveParticipantSets(text: "0\n7\n", source: "aps.txt")
        do {
            _ = try sets.nodes(ofSet: 1, in: graph)
            Issue.record("an unknown label was accepted")
        } catch {
            #expect(error.file == "aps.txt" && error.line == 2 && error.message.contains("'7'"))
        }
        #expect(throws: InfluenceError.self) { try sets.nodes(ofSet: 2, in: graph) }
        #expect(throws: InfluenceError.self) { try ActiveParticipantSets(text: "# nothing\n\n", source: "aps.txt") }
    }

    @Test func capacityAndCandidatesAreChecked() throws {
        let graph = try InfluenceGraph(nodeCount: 4, sources: [0, 0, 1, 2], targets: [1, 2, 0, 3])
        let model = try DiffusionModelKind.ic.bind(to: graph)
        #expect(throws: InfluenceError.self) { try CapacityProblem(model: model, activeParticipants: [0], k: 0) }
        #expect(throws: InfluenceError.self) { try CapacityProblem(model: model, activeParticipants: [], k: 1) }
        // 3 has no out-arcs: skipped with the others kept; 0's candidate 1 is also an AP? no: A = {0, 3}.
        let problem = try CapacityProblem(model: model, activeParticipants: [0, 3], k: 1)
        #expect(problem.participants == [0] && problem.skipped == [3])
        #expect(problem.candidates(of: 0).map { problem.nodeOfP[$0] } == [1, 2])
        #expect(throws: InfluenceError.self) { try CapacityProblem(model: model, activeParticipants: [3], k: 1) }
    }
}

@Suite("CIM: the blocked problem P")
struct CIMProblemTests {
    @Test func sixNodeInstanceExactValues() throws {
        let p = try sixNodeProblem()
        #expect(p.nodeCount == 4)
        #expect(p.subgraphModel.arcInfluence.allSatisfy { abs(Double($0) - 1.0 / 3) < 1e-7 })
        #expect(abs(try exactOnP(p, inP(p, [3, 4])) - 3.061728) < 5e-6)
        #expect(abs(try exactOnP(p, inP(p, [2])) - 1.333333) < 5e-6)
        #expect(abs(try exactOnP(p, inP(p, [2, 3, 4])) - 3.703704) < 5e-6)
        #expect(abs(try exactOnP(p, inP(p, [3])) - 2.230453) < 5e-6)
        let optimum = try bruteForceAssignment(p)
        #expect(abs(optimum.value - 3.061728) < 5e-6)
        #expect(optimum.seeds.map { p.nodeOfP[$0] } == [3, 4])
    }

    @Test func sixNodeRoundRobinWithExactGains() throws {
        let p = try sixNodeProblem()
        var oracle = ExactGains(model: p.subgraphModel)
        let picks = try ConstrainedGreedy.roundRobin(p, oracle: &oracle)
        #expect(picks.map { p.graph.label(of: p.participants[$0.participant]) } == ["0", "1"])
        #expect(picks.map { p.subgraph.label(of: $0.node) } == ["3", "4"])
        #expect(abs(picks[0].gain - 2.230453) < 5e-6)
        #expect(abs(picks[1].gain - 0.831276) < 5e-6)
        var mg = ExactGains(model: p.subgraphModel)
        let mgPicks = try ConstrainedGreedy.marginalGain(p, oracle: &mg)
        #expect(Set(mgPicks.map { p.subgraph.label(of: $0.node) }) == ["3", "4"])
    }

    /// P built by renumbering equals G with every arc touching an AP made dead.
    @Test(arguments: [DiffusionModelKind.ic, .lt])
    func subgraphMatchesDeadArcs(_ kind: DiffusionModelKind) throws {
        for seed in UInt64(1)...6 {
            let p = try randomInstance(seed: seed, model: kind)
            let g = p.graph
            let ap = Set(p.activeParticipants)
            var values: [Float] = p.model.arcInfluence
            for u in 0..<g.nodeCount {
                for a in g.outOffsets[u]..<g.outOffsets[u + 1] where ap.contains(u) || ap.contains(Int(g.outTargets[a])) { values[a] = 0 }
            }
            var sources: [(Int, Int, Float)] = []
            for u in 0..<g.nodeCount { for a in g.outOffsets[u]..<g.outOffsets[u + 1] { sources.append((u, Int(g.outTargets[a]), values[a])) } }
            let dead = try bind(tinyGraph(g.nodeCount, sources), kind)
            for v in 0..<p.nodeCount {
                let onP = try exactOnP(p, [v])
                let onDead = try ExactSpread.spread(of: [p.nodeOfP[v]], under: dead)
                #expect(abs(onP - onDead) < 1e-9, "node \(p.nodeOfP[v]), seed \(seed)")
            }
        }
    }

    /// Inclusion frequencies of RR sets on P match σ_P({v})/n_P, the exact probability that v
    /// reaches a uniform root of P: 2^20 sets, so a 1% relative bias is at least 6 standard errors
    /// for every node tested (p ≥ 0.25) while the window is 4.5.
    @Test(arguments: [DiffusionModelKind.ic, .lt])
    func inclusionFrequenciesOnP(_ kind: DiffusionModelKind) throws {
        let p = try randomInstance(seed: 11, model: kind)
        let sampler = try RRSetSampler(model: p.subgraphModel)
        let sets = 1 << 20
        let pool = sampler.sample(sets, seed: 5, poolID: RRPool.selection, workers: 2)
        var counts = [Int](repeating: 0, count: p.nodeCount)
        for m in pool.members { counts[Int(m)] += 1 }
        #expect(pool.members.allSatisfy { Int($0) < p.nodeCount })
        var tested = 0
        for v in 0..<p.nodeCount {
            let exact = try exactOnP(p, [v]) / Double(p.nodeCount)
            let observed = Double(counts[v]) / Double(pool.count)
            let se = (exact * (1 - exact) / Double(pool.count)).squareRoot()
            reportStatistic("\(kind) node \(v): exact \(exact), observed \(observed), z \((observed - exact) / se)")
            #expect(abs(observed - exact) <= 4.5 * se, "node \(v): \(observed) vs \(exact)")
            if exact >= 0.25 { tested += 1; #expect(0.01 * exact >= 6 * se) }
        }
        #expect(tested >= 1)
    }
}

@Suite("CIM: algorithms against brute force")
struct CIMBruteForceTests {
    /// 36 random instances, each against the exact round-robin greedy (exact gains) and every
    /// feasible assignment enumerated:
    /// - the greedy with exact gains takes, at every turn, a candidate of largest exact marginal
    ///   gain among the AP's free ones (checked by recomputing every free candidate's gain; a
    ///   pick of any smaller gain fails);
    /// - the default `CapacityConstrainedIM` (RR-OPIM+, the best of it, the same greedy on the
    ///   resolution pool and the baselines on the same evaluation sets) returns an assignment whose
    ///   exact σ_P is at least the exact greedy's, less 0.2% of OPT. Measured over the 36
    ///   instances, this rejects 706 of the 776 distinct feasible unions enumerated (91%; the old
    ///   `0.4·OPT` rejected 1 of 187 on one instance), and the default meets it on every one
    ///   (returned: RR-OPIM+'s own assignment on 23, the resolution pool's on 3, degree's on 5,
    ///   random's on 5 — near-ties the paper's small R1 decided the wrong way).
    @Test func defaultAtLeastTheExactRoundRobinGreedy() throws {
        var strictlyBelow = 0, enumerated = 0, rejected = 0, winners: [String: Int] = [:]
        for seed in UInt64(1)...36 {
            let p = try randomInstance(seed: seed)
            let all = try feasibleUnionValues(p)
            let optimum = all.max()!
            var rr = ExactGains(model: p.subgraphModel)
            let rrPicks = try ConstrainedGreedy.roundRobin(p, oracle: &rr)
            try expectGreedyChoices(p, rrPicks, seed: seed)
            checkFeasible(p, rrPicks)
            var mg = ExactGains(model: p.subgraphModel)
            _ = try ConstrainedGreedy.marginalGain(p, oracle: &mg)
            if rr.spread < optimum - 1e-6 || mg.spread < optimum - 1e-6 { strictlyBelow += 1 }
            let tolerance = 0.002 * optimum
            enumerated += all.count
            rejected += all.filter { $0 < rr.spread - tolerance }.count
            var run = try CapacityConstrainedIM(model: p.model, activeParticipants: p.activeParticipants,
                                                configuration: .init(k: p.k, seed: seed, threads: 2))
            let report = try run.run()
            checkFeasible(p, run.picks)
            let value = try exactOnP(p, run.picks.map(\.node))
            winners[report.winner, default: 0] += 1
            #expect(value >= rr.spread - tolerance, "seed \(seed): default \(value) (\(report.winner)) vs exact round-robin greedy \(rr.spread), OPT \(optimum)")
            // The record's spread is the returned assignment's.
            #expect(abs(report.spread.estimate - value) <= 4 * report.spread.standardError + 1e-9, "seed \(seed)")
        }
        print("CIM default vs exact round-robin greedy on 36 instances: the assertion rejects \(rejected) of \(enumerated) feasible unions; winners \(winners)")
        #expect(strictlyBelow >= 1)
    }

    /// The RR variants with the paper's stopping rule stay feasible on the 36 instances and never
    /// certify more than they reach: the approximation they report is at most their exact σ_P
    /// over the exact OPT (a certificate above the truth fails; δ = 1/n_P per run).
    @Test func certificatesNeverExceedTheTruth() throws {
        for seed in UInt64(1)...36 {
            let p = try randomInstance(seed: seed)
            let optimum = try bruteForceAssignment(p).value
            for algorithm in CapacityAlgorithm.allCases where algorithm.usesRRSets {
                let report = try runOPIM(p, algorithm, seed: seed)
                let value = try exactOnP(p, report.picks.map(\.node))
                checkFeasible(p, report.picks)
                #expect(report.approximation <= value / optimum + 1e-9, "\(algorithm.rawValue), seed \(seed): certified \(report.approximation), exact \(value / optimum)")
                let last = try #require(report.rounds.last)
                #expect(last.lowerBound <= value + 1e-9 && last.upperBound >= optimum - 1e-9, "\(algorithm.rawValue), seed \(seed)")
            }
        }
    }

    /// One instance where round-robin greedy with exact gains is strictly below OPT: both greedy
    /// algorithms reach exactly the value below (a different pick at any turn changes it).
    @Test func greedyStrictlyBelowOptimum() throws {
        let p = try randomInstance(seed: Self.belowSeed)
        var rr = ExactGains(model: p.subgraphModel)
        _ = try ConstrainedGreedy.roundRobin(p, oracle: &rr)
        var mg = ExactGains(model: p.subgraphModel)
        _ = try ConstrainedGreedy.marginalGain(p, oracle: &mg)
        let optimum = try bruteForceAssignment(p).value
        print("seed \(Self.belowSeed): OPT \(optimum), round robin \(rr.spread), marginal gain \(mg.spread)")
        #expect(rr.spread < optimum - 1e-6 && mg.spread < optimum - 1e-6)
        #expect(abs(rr.spread / optimum - Self.belowRatio) < 1e-3 && abs(mg.spread / optimum - Self.belowRatio) < 1e-3)
    }
    static let belowSeed: UInt64 = 33
    static let belowRatio = 0.773

    /// Replays round-robin `picks` and expects each to have the largest exact marginal gain among
    /// its AP's free candidates at that turn.
    func expectGreedyChoices(_ p: CapacityProblem, _ picks: [CapacityPick], seed: UInt64) throws {
        var taken: [Int] = []
        var current = 0.0
        for pick in picks {
            var best = -Double.infinity
            for v in p.candidates(of: pick.participant) where !taken.contains(v) {
                best = max(best, try exactOnP(p, taken + [v]) - current)
            }
            let gain = try exactOnP(p, taken + [pick.node]) - current
            #expect(gain >= best - 1e-9, "seed \(seed): AP \(pick.participant) took a gain of \(gain), the best free one was \(best)")
            taken.append(pick.node)
            current += gain
        }
    }

    func checkFeasible(_ p: CapacityProblem, _ picks: [CapacityPick]) {
        var perAP = [Int](repeating: 0, count: p.participantCount)
        for pick in picks {
            perAP[pick.participant] += 1
            #expect(p.candidates(of: pick.participant).contains(pick.node))
        }
        #expect(perAP.allSatisfy { $0 <= p.k })
        #expect(Set(picks.map(\.node)).count == picks.count)
    }
}

@Suite("CIM: RR-OPIM+")
struct CIMOPIMTests {
    @Test func sameSeedSameResultForAnyThreadCount() throws {
        let p = try randomInstance(seed: 3)
        let one = try runOPIM(p, .rrOPIMPlus, seed: 9, threads: 1, precision: 0.01)
        let two = try runOPIM(p, .rrOPIMPlus, seed: 9, threads: 2, precision: 0.01)
        #expect(one.picks == two.picks && one.rounds.map(\.ratio) == two.rounds.map(\.ratio))
    }

    @Test func tightBoundNeverAboveTwiceCoverageAndCompatDropsIt() throws {
        let p = try sixNodeProblem()
        let plus = try runOPIM(p, .rrOPIMPlus)
        let plain = try runOPIM(p, .rrOPIM)
        #expect(plus.rounds[0].upperBound <= plain.rounds[0].upperBound + 1e-9)
        // Against the truth rather than the loop's exit condition: OPT = 3.061728 (ALGORITHMS.md
        // §3); every round's σᵘ is at least OPT, the last σˡ at most the exact σ_P of the picks,
        // and the certified ratio at most their exact ratio to OPT.
        let exact = try exactOnP(p, plus.picks.map(\.node))
        for round in plus.rounds + plain.rounds { #expect(round.upperBound >= 3.061728 - 1e-6) }
        #expect(plus.rounds.last!.lowerBound <= exact + 1e-9 && plus.approximation <= exact / 3.061728 + 1e-9)
        let compat = try runOPIM(p, .rrOPIMPlus, compat: true)
        #expect(compat.thetaZero <= plus.thetaZero)
        #expect(plus.picks.map { p.subgraph.label(of: $0.node) } == ["3", "4"])
    }

    /// Refinement runs through OPIM-C's round driver with both caps: R1 never beyond θmax, and
    /// R1 + R2 never beyond IMM's sample size at the refinement's σᵘ, which a tiny precision
    /// reaches first on this small instance.
    @Test func refinementKeepsBothCapsOfOPIMC() throws {
        let p = try randomInstance(seed: 3)
        let report = try runOPIM(p, .rrOPIMPlus, seed: 9, precision: 0.0005)
        let refinement = try #require(report.refinement)
        #expect(refinement.capped)
        let cap = try #require(refinement.cap), capSets = try #require(refinement.capSets)
        #expect(cap == "imm-sample-size")
        for round in report.rounds {
            #expect(round.rrSetsR1 <= RRSetSampler.roundedToTasks(report.thetaMax))
        }
        let last = try #require(report.rounds.filter(\.refinement).last)
        #expect(last.rrSetsR1 + last.rrSetsR2 <= capSets + RRSetSampler.setsPerTask)
        #expect(report.selectionSets == report.rounds.last!.rrSetsR1)
    }
}
