import Testing
@_spi(Kernels) @testable import InfluenceKit

/// The spread interval from independent RR sets against the exact oracle.
@Suite struct SpreadIntervalTests {
    @Test func binomialFormulas() {
        let interval = SpreadInterval(covered: 250, sets: 1000, nodeCount: 40)
        #expect(interval.estimate == 10)
        #expect(abs(interval.standardError - 40 * (0.25 * 0.75 / 1000).squareRoot()) < 1e-12)
        #expect(abs(interval.high - interval.estimate - 1.959963984540054 * interval.standardError) < 1e-9)
        let full = SpreadInterval(covered: 1000, sets: 1000, nodeCount: 40)
        #expect(full.low == 40 && full.high == 40)
    }

    /// For the seeds OPIM-C returns on every tiny graph of the battery, under IC and LT: the
    /// estimate lies within 4.5 standard errors of the exact σ, and the 95% interval contains it in
    /// all but a few of the 30 cases (6 or more misses would happen with probability about 0.1%).
    @Test func intervalsContainTheExactSpread() throws {
        var checks = 0, misses = 0
        for tiny in TinyCase.battery {
            let graph = try tiny.graph()
            for model in [DiffusionModelKind.ic, .lt] {
                let sampler = try RRSetSampler(model: bind(graph, model))
                let k = min(2, graph.nodeCount)
                let selection = try OPIMC(.init(k: k, epsilon: 0.2, seed: 9, workers: 2)).run(on: sampler).selection
                let exact = try ExactSpread.spread(of: selection.seeds, under: bind(graph, model))
                let interval = try SpreadInterval.estimate(seeds: selection.seeds, sampler: sampler, sets: 50_000, seed: 9, workers: 2)
                #expect(abs(interval.estimate - exact) <= max(4.5 * interval.standardError, 1e-9),
                        "\(tiny.name) \(model): \(interval.estimate) vs \(exact)")
                checks += 1
                if !(interval.low <= exact + 1e-9 && exact - 1e-9 <= interval.high) { misses += 1 }
            }
        }
        #expect(misses <= 5, "\(misses) of \(checks) intervals missed the exact spread")
    }

    /// Calibration: over 60 independent evaluation seeds, the 95% interval of one fixed seed set
    /// contains the exact σ about 95% of the time (49 or fewer hits has probability below 0.3%).
    @Test func intervalsAreCalibrated() throws {
        let tiny = TinyCase.battery.first { $0.name == "DAG with mixed probabilities" }!
        let graph = try tiny.graph()
        let sampler = try RRSetSampler(model: bind(graph, .ic))
        let exact = try ExactSpread.spread(of: [0, 2], under: bind(graph, .ic))
        var hits = 0
        for seed in 1...60 {
            let interval = try SpreadInterval.estimate(seeds: [0, 2], sampler: sampler, sets: 4096, seed: UInt64(seed), workers: 1)
            if interval.low <= exact && exact <= interval.high { hits += 1 }
        }
        #expect(hits >= 50, "\(hits) of 60")
    }
}
