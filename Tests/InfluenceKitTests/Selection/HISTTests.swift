import Testing
@_spi(Kernels) @testable import InfluenceKit

/// HIST (sentinel set, then residual RR sets) against the exact oracle on tiny graphs: the
/// residual pools estimate what whole pools would, the answer reaches exact greedy's value up to
/// the pool's resolution, the certified ratio never exceeds the exact one, thread counts do not
/// matter, and bad parameters fail with one error naming the parameter.
@Suite struct HISTTests {
    static let cases = TinyCase.battery.filter { $0.nodeCount >= 5 }

    /// A residual pool stopping at S_b is a whole pool in disguise: for every node v, n·(sets
    /// stopped at a sentinel + stored sets holding v)/θ estimates σ(S_b ∪ {v}) exactly (a stopped
    /// set holds a sentinel; a stored one is whole), and n·stopped/θ estimates σ(S_b). With enough
    /// sets that 4 standard errors are 0.75% of σ(S_b), each estimate must lie within 4 standard
    /// errors of the exact value; the window is at most ±0.8% of the exact value (checked below), so a 1% bias — a stopped set counted
    /// twice in 100, a stored set cut short — fails it. Per-sentinel counts add up to the stopped
    /// total, the stored sets never hold a sentinel, and the pool is the same for 1, 2 and 3 threads.
    @Test func residualPoolsEstimateWholePools() throws {
        for tiny in Self.cases {
            let graph = try tiny.graph()
            for kind in [DiffusionModelKind.ic, .lt] {
                let model = try bind(graph, kind)
                let sampler = try RRSetSampler(model: model)
                let n = Double(graph.nodeCount)
                let sentinels = [0, graph.nodeCount - 1]
                var pool = RRSetCollection(nodeCount: graph.nodeCount, sentinels: sentinels)
                // Sized so that 4 standard errors of n·stopped/θ are 0.75% of σ(S_b); larger spreads
                // (S_b ∪ {v}) have narrower windows.
                let q = try ExactSpread.spread(of: sentinels, under: model) / n
                let size = Int((16 * (1 - q) / (q * 0.0075 * 0.0075)).rounded(.up))
                try sampler.extend(&pool, to: max(1 << 16, size), seed: 9, poolID: RRPool.residualSelection, workers: 2)
                if tiny.name == Self.cases[0].name {
                    var small = RRSetCollection(nodeCount: graph.nodeCount, sentinels: sentinels)
                    try sampler.extend(&small, to: 1 << 12, seed: 9, poolID: RRPool.residualSelection, workers: 2)
                    var again = RRSetCollection(nodeCount: graph.nodeCount, sentinels: sentinels)
                    try sampler.extend(&again, to: 1 << 11, seed: 9, poolID: RRPool.residualSelection, workers: 3)
                    try sampler.extend(&again, to: 1 << 12, seed: 9, poolID: RRPool.residualSelection, workers: 1)
                    #expect(again.members == small.members && again.offsets == small.offsets && again.stopsAt == small.stopsAt)
                }
                let index = pool.makeInvertedIndex()
                let theta = Double(pool.globalCount)
                #expect(pool.globalCount == RRSetSampler.roundedToTasks(max(1 << 16, size)))
                #expect(pool.stopsAt.values.reduce(0, +) == pool.stoppedSets)
                #expect(Set(pool.stopsAt.keys).isSubset(of: Set(sentinels)))
                #expect(!pool.members.contains { sentinels.contains(Int($0)) })
                for v in [nil] + (0..<graph.nodeCount).map(Optional.some) {
                    let seeds = sentinels + (v.map { [$0] } ?? [])
                    let exact = try ExactSpread.spread(of: seeds, under: model)
                    // Stored sets never hold a sentinel, so S_b ∪ {v} covers the stopped sets and v's.
                    let covered = Double(pool.stoppedSets + (v.map { index.degree(of: $0) } ?? 0))
                    let p = covered / theta
                    let estimate = n * p
                    let standardError = n * (p * (1 - p) / theta).squareRoot()
                    #expect(4 * standardError <= 0.008 * exact + 1e-12, "\(tiny.name) \(kind): window \(4 * standardError) for \(exact)")
                    #expect(abs(estimate - exact) <= 4 * standardError + 1e-9,
                            "\(tiny.name) \(kind) S_b ∪ \(String(describing: v)): \(estimate) ± \(standardError), exact \(exact)")
                }
            }
        }
    }

    /// HIST's seeds reach exact greedy's value up to the resolution of the pool they were chosen
    /// on, as IMM's and OPIM-C's must (`SeedSelectionTests`): σ(S) ≥ G − 4k·SE, G the exact
    /// greedy value, SE = n·√(q(1 − q)/θ), q = G/n. k = 2 and 3 (b = 1: the sentinel is one
    /// seed, the residual phase picks the rest), IC and LT. The test counts how many of all
    /// k-subsets the bar rejects: 416 of 620 (67%) over the battery; it requires at least 60%.
    @Test func histReachesTheExactGreedyValue() throws {
        var belowBar = 0, subsets = 0
        for tiny in Self.cases {
            let graph = try tiny.graph()
            let n = Double(graph.nodeCount)
            for kind in [DiffusionModelKind.ic, .lt] {
                let model = try bind(graph, kind)
                let sampler = try RRSetSampler(model: model)
                for k in [2, 3] {
                    let optimum = try bruteForceOptimum(model, k: k)
                    let greedy = try CELFTests.exactGreedy(graph, model: kind, k: k)
                    let greedyValue = try ExactSpread.spread(of: greedy.seeds, under: model)
                    let report = try HIST(.init(k: k, epsilon: 0.05, seed: 3, workers: 2)).run(on: sampler)
                    let selection = report.selection
                    #expect(selection.seeds.count == k && Set(selection.seeds).count == k)
                    #expect(report.summary.sentinelSize == 1)
                    let q = greedyValue / n
                    let standardError = n * (q * (1 - q) / Double(selection.selectionSets)).squareRoot()
                    let bar = greedyValue - 4 * Double(k) * standardError - 1e-9
                    let spread = try ExactSpread.spread(of: selection.seeds, under: model)
                    #expect(spread >= bar,
                            "\(tiny.name) \(kind) k=\(k): σ(\(selection.seeds)) = \(spread) < \(bar) (greedy \(greedyValue), OPT \(optimum.value) at \(optimum.set), θ = \(selection.selectionSets))")
                    #expect(spread <= optimum.value + 1e-9)
                    belowBar += optimum.all.filter { $0 < bar }.count
                    subsets += optimum.all.count
                }
            }
        }
        reportStatistic("HIST: the greedy bar rejects \(belowBar) of \(subsets) k-subsets")
        #expect(Double(belowBar) >= 0.6 * Double(subsets), "the bar rejects \(belowBar) of \(subsets) k-subsets")
    }

    /// The certificate is honest: on every tiny case the residual phase's last σˡ ≤ σ(S) and
    /// σᵘ ≥ OPT_k (exact, brute force), so the certified ratio σˡ/σᵘ ≤ σ(S)/OPT, the exact ratio;
    /// the sentinel phase's last bounds likewise bracket σ(S_b) and OPT_k; the guarantee is the
    /// last ratio (never lifted to the target: greedy from a fixed prefix has no θmax argument),
    /// and the first b seeds are the sentinels. Each bound fails with probability δ/(6·i_max), so
    /// a failure here is a bug, not bad luck (δ = 1/n, a few dozen bounds).
    @Test func certifiedRatioNeverExceedsTheExactRatio() throws {
        for tiny in Self.cases {
            let graph = try tiny.graph()
            for kind in [DiffusionModelKind.ic, .lt] {
                let model = try bind(graph, kind)
                let k = 3
                let report = try HIST(.init(k: k, epsilon: 0.2, seed: 5, workers: 2, sentinelSize: 2)).run(on: RRSetSampler(model: model))
                let optimum = try bruteForceOptimum(model, k: k).value
                let spread = try ExactSpread.spread(of: report.selection.seeds, under: model)
                let last = try #require(report.rounds.last)
                #expect(last.lowerBound <= spread + 1e-9, "\(tiny.name) \(kind): σˡ \(last.lowerBound) > σ \(spread)")
                #expect(last.upperBound >= optimum - 1e-9, "\(tiny.name) \(kind): σᵘ \(last.upperBound) < OPT \(optimum)")
                #expect(report.selection.guarantee.approximation == last.ratio)
                #expect(report.selection.guarantee.approximation <= spread / optimum + 1e-9,
                        "\(tiny.name) \(kind): certified \(report.selection.guarantee.approximation), exact \(spread / optimum)")
                let sentinelRound = try #require(report.summary.sentinelRounds.last)
                let sentinels = Array(report.selection.seeds.prefix(2))
                let sentinelSpread = try ExactSpread.spread(of: sentinels, under: model)
                #expect(sentinelRound.lowerBound <= sentinelSpread + 1e-9)
                #expect(sentinelRound.upperBound >= optimum - 1e-9)
                #expect(report.summary.sentinelSize == 2)
                #expect(abs(report.summary.sentinelTarget - (1 - pow(2.0 / 3, 2) - 0.1)) < 1e-12)
            }
        }
    }

    /// The same seed gives the same seeds, gains, rounds and residual counts for 1, 2 and 4
    /// threads (IC and LT).
    @Test(arguments: [DiffusionModelKind.ic, .lt])
    func sameAnswerForAnyThreadCount(_ kind: DiffusionModelKind) throws {
        let sampler = try RRSetSampler(model: bind(try SeedSelectionTests.mediumGraph(), kind))
        var reports: [HIST.Report] = []
        for workers in [1, 2, 4] {
            reports.append(try HIST(.init(k: 20, epsilon: 0.2, seed: 12, workers: workers)).run(on: sampler))
        }
        func untimed(_ rounds: [OPIMC.Round]) -> [OPIMC.Round] { rounds.map { var r = $0; r.seconds = 0; return r } }
        func untimed(_ s: HIST.Summary) -> HIST.Summary { var s = s; s.sentinelRounds = untimed(s.sentinelRounds); return s }
        let first = reports[0]
        #expect(first.summary.sentinelSize == 5 && first.summary.selectionSetsAtSentinel > 0)
        for r in reports {
            #expect(r.selection.seeds == first.selection.seeds)
            #expect(r.selection.marginalCoverage == first.selection.marginalCoverage)
            #expect(r.selection.rrSetsGenerated == first.selection.rrSetsGenerated)
            #expect(untimed(r.rounds) == untimed(first.rounds))
            #expect(untimed(r.summary) == untimed(first.summary))
        }
    }

    /// Through `SeedsRequest`: algorithm `hist` gives a HIST record (its `hist` object, the
    /// residual phase's rounds, the guarantee of the last one) that matches the schema, and bad
    /// parameters fail with one error naming the parameter: k above n or below 1, ε outside
    /// (0, 1), δ outside (0, 1), a time budget (OPIM-C's only); the library's sentinel size
    /// outside 1...k.
    @Test func requestAndBadInputs() throws {
        let graph = try SeedSelectionTests.mediumGraph()
        let input = GraphInput(graph)
        let record = try SeedsRequest(k: 8, algorithm: .hist, epsilon: 0.2, seed: 4, threads: 2).run(on: input)
        try expectValidRecord(record)
        #expect(record.algorithm == "HIST")
        let hist = try #require(record.hist)
        #expect(hist.sentinelSize == 2)
        #expect(record.seeds.count == 8)
        #expect(record.guarantee?.approximation == record.rounds?.last?.ratio)
        #expect(hist.selectionSetsStored + hist.selectionSetsAtSentinel == record.rrSets.selection)
        // The selection pool's spread estimate counts the stopped sets: n·Λ/θ over the whole pool.
        let covered = record.seeds.compactMap(\.marginalCoverage).reduce(0, +)
        #expect(abs((record.selectionSpread ?? 0) - Double(graph.nodeCount) * Double(covered) / Double(record.rrSets.selection)) < 1e-9)
        let bad: [(SeedsRequest, String)] = [
            (SeedsRequest(k: graph.nodeCount + 1, algorithm: .hist), "k"),
            (SeedsRequest(k: 0, algorithm: .hist), "k"),
            (SeedsRequest(k: 3, algorithm: .hist, epsilon: 1.5), "epsilon"),
            (SeedsRequest(k: 3, algorithm: .hist, delta: 2), "delta"),
            (SeedsRequest(k: 3, algorithm: .hist, timeBudgetSeconds: 1), "timeBudgetSeconds"),
        ]
        for (request, parameter) in bad {
            let error = try #require(throws: InfluenceError.self) { try request.run(on: input) }
            #expect(error.parameter == parameter, "\(error)")
        }
        let sampler = try RRSetSampler(model: bind(graph, .ic))
        for b in [0, 4] {
            let error = try #require(throws: InfluenceError.self) { try HIST(.init(k: 3, sentinelSize: b)).run(on: sampler) }
            #expect(error.parameter == "sentinelSize")
        }
    }
}
