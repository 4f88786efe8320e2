import Testing
@testable import InfluenceKit

/// IMM and OPIM-C against brute force with the exact oracle, reproducibility across thread
/// counts, argument checks and the memory guard.
@Suite struct SeedSelectionTests {
    /// The best σ over all k-subsets, by the exact oracle.
    static func optimum(_ graph: InfluenceGraph, k: Int, model: DiffusionModelKind) throws -> Double {
        var best = 0.0
        func search(_ start: Int, _ chosen: [Int]) throws {
            if chosen.count == k {
                best = max(best, try ExactSpread.spread(of: chosen, in: graph, model: model))
                return
            }
            for v in start..<graph.nodeCount { try search(v + 1, chosen + [v]) }
        }
        try search(0, [])
        return best
    }

    static let cases = TinyCase.battery.filter { $0.nodeCount >= 5 }

    /// σ(S) ≥ (1 − 1/e − ε)·OPT for the returned seeds, IC and LT, both algorithms.
    @Test(arguments: cases)
    func approximationAgainstBruteForce(_ tiny: TinyCase) throws {
        let graph = try tiny.graph()
        let epsilon = 0.1
        for model in [DiffusionModelKind.ic, .lt] {
            let sampler = RRSetSampler(graph: graph, model: model)
            for k in [1, 2] {
                let optimum = try Self.optimum(graph, k: k, model: model)
                let imm = try IMM(.init(k: k, epsilon: epsilon, seed: 3, workers: 2)).run(on: sampler).selection
                let opim = try OPIMC(.init(k: k, epsilon: epsilon, seed: 3, workers: 2, precision: 0.005)).run(on: sampler).selection
                for selection in [imm, opim] {
                    #expect(selection.seeds.count == k && Set(selection.seeds).count == k)
                    let spread = try ExactSpread.spread(of: selection.seeds, in: graph, model: model)
                    let bound = (1 - 1 / 2.718281828459045 - epsilon) * optimum
                    #expect(spread >= bound, "\(tiny.name) \(model) \(selection.algorithm) k=\(k): σ \(spread) < \(bound)")
                }
            }
        }
    }

    static func mediumGraph() throws -> InfluenceGraph { try randomGraph(nodes: 200, arcs: 900, seed: 5) }

    /// The same seed gives the same seeds and pools for 1, 2 and 4 threads.
    @Test(arguments: [DiffusionModelKind.ic, .lt])
    func sameSeedsForAnyThreadCount(_ model: DiffusionModelKind) throws {
        let sampler = RRSetSampler(graph: try Self.mediumGraph(), model: model)
        var imm: [SeedSelection] = [], opim: [SeedSelection] = []
        for workers in [1, 2, 4] {
            imm.append(try IMM(.init(k: 5, epsilon: 0.3, seed: 12, workers: workers)).run(on: sampler).selection)
            opim.append(try OPIMC(.init(k: 5, epsilon: 0.2, seed: 12, workers: workers, precision: 0.01)).run(on: sampler).selection)
        }
        for list in [imm, opim] {
            #expect(list.allSatisfy { $0.seeds == list[0].seeds })
            #expect(list.allSatisfy { $0.marginalCoverage == list[0].marginalCoverage })
            #expect(list.allSatisfy { $0.rrSetsGenerated == list[0].rrSetsGenerated })
        }
    }

    @Test func opimcReportsEachRoundAndStopsAtTheRatio() throws {
        let sampler = RRSetSampler(graph: try Self.mediumGraph(), model: .ic)
        let report = try OPIMC(.init(k: 5, epsilon: 0.2, seed: 1, workers: 2)).run(on: sampler)
        let target = 1 - 1 / 2.718281828459045 - 0.2
        #expect(!report.rounds.isEmpty)
        #expect(report.rounds.dropLast().allSatisfy { $0.ratio < target })
        let last = report.rounds.last!
        #expect(last.ratio >= target || report.rounds.count == report.maxRounds)
        #expect(report.selection.guarantee.approximation >= target)
        #expect(report.selection.guarantee.instanceWise)
        #expect(report.rounds.allSatisfy { $0.lowerBound <= $0.upperBound && $0.rrSetsR1 == $0.rrSetsR2 })
        // Pools double from round to round.
        for (a, b) in zip(report.rounds, report.rounds.dropFirst()) { #expect(b.rrSetsR1 == 2 * a.rrSetsR1) }
        #expect(report.selection.rrSetsGenerated == last.rrSetsR1 + last.rrSetsR2)
    }

    @Test func opimcPrecisionRefinementGrowsR1Only() throws {
        let sampler = RRSetSampler(graph: try Self.mediumGraph(), model: .ic)
        let plain = try OPIMC(.init(k: 5, epsilon: 0.2, seed: 1, workers: 2)).run(on: sampler)
        let refined = try OPIMC(.init(k: 5, epsilon: 0.2, seed: 1, workers: 2, precision: 0.005)).run(on: sampler)
        let last = refined.rounds.last!
        #expect(refined.rounds.contains { $0.refinement })
        #expect(last.relativeStandardError <= 0.005 || last.rrSetsR1 >= refined.thetaMax)
        #expect(last.rrSetsR1 > last.rrSetsR2)
        #expect(last.rrSetsR2 == plain.rounds.last!.rrSetsR2)
        #expect(last.ratio >= 1 - 1 / 2.718281828459045 - 0.2)
        #expect(refined.rounds.count <= refined.maxRounds)
    }

    @Test func immPhases() throws {
        let sampler = RRSetSampler(graph: try Self.mediumGraph(), model: .lt)
        let report = try IMM(.init(k: 5, epsilon: 0.2, seed: 4, workers: 2)).run(on: sampler)
        #expect(report.lowerBound >= 1)
        #expect(report.theta == Int((report.lambdaStar / report.lowerBound).rounded(.up)))
        #expect(report.selection.selectionSets >= report.theta)
        // Phase 2's sets are drawn afresh: everything drawn is phase 1 plus phase 2.
        let phase1 = report.estimationRounds.last?.rrSets ?? 0
        #expect(report.selection.rrSetsGenerated == phase1 + report.selection.selectionSets)
        #expect(report.selection.phases.map(\.name) == ["estimation", "sampling", "selection"])
        #expect(!report.selection.guarantee.instanceWise)
    }

    /// Runs IMM (0) or OPIM-C (1) and returns the error it threw, if any.
    static func failure(_ algorithm: Int, _ sampler: RRSetSampler, k: Int, epsilon: Double = 0.1,
                        memory: MemoryBudget = MemoryBudget()) -> InfluenceError? {
        do {
            if algorithm == 0 {
                _ = try IMM(.init(k: k, epsilon: epsilon, memory: memory)).run(on: sampler)
            } else {
                _ = try OPIMC(.init(k: k, epsilon: epsilon, memory: memory)).run(on: sampler)
            }
            return nil
        } catch {
            return error
        }
    }

    @Test func argumentErrors() throws {
        let sampler = RRSetSampler(graph: try tinyGraph(4, [(0, 1, 0.5)]), model: .ic)
        for (k, epsilon) in [(0, 0.1), (-1, 0.1), (5, 0.1), (2, 0.0), (2, 1.0), (2, -0.5), (2, 1.5)] {
            for algorithm in [0, 1] {
                let error = Self.failure(algorithm, sampler, k: k, epsilon: epsilon)
                #expect(error?.kind == .usage, "k \(k) ε \(epsilon)")
            }
        }
        #expect(Self.failure(1, sampler, k: 5)?.message == "--k 5 exceeds the graph's 4 nodes (expected k ≤ n)")
        #expect(Self.failure(0, sampler, k: 0)?.message == "--k must be at least 1 (got 0)")
        #expect(Self.failure(0, sampler, k: 2, epsilon: 1)?.message.hasPrefix("--epsilon must lie strictly between 0 and 1") == true)
    }

    @Test func memoryGuardStopsBeforeDrawing() throws {
        let sampler = RRSetSampler(graph: try Self.mediumGraph(), model: .ic)
        for algorithm in [0, 1] {
            let error = Self.failure(algorithm, sampler, k: 5, memory: MemoryBudget(limitBytes: 20_000))
            #expect(error?.kind == .resource)
            #expect(error?.message.contains("above the limit of 19.5 KiB") == true, "\(String(describing: error))")
            #expect(error?.message.contains("--max-memory") == true)
        }
    }

    @Test func memoryEstimateGrowsWithSets() {
        let a = MemoryBudget.estimate(pools: [.init(before: 0, after: 1000)], indexedSets: 1000, meanSetSize: 10, nodeCount: 100, workers: 1)
        let b = MemoryBudget.estimate(pools: [.init(before: 0, after: 2000)], indexedSets: 2000, meanSetSize: 10, nodeCount: 100, workers: 1)
        #expect(a >= 1000 * 48)
        #expect(b > a)
    }
}
