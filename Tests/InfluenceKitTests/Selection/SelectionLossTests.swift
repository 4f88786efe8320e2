import Testing
@_spi(Kernels) @testable import InfluenceKit

/// OPIM-C's expected selection loss (`OPIMRoundDriver.selectionLoss`) on tiny graphs with planted
/// near-ties, against the exact oracle, and on hand-made greedy steps.
@Suite struct SelectionLossTests {
    /// `hubs` out-stars, hub i with `leaves` leaves reached with probability `probabilities[i]`
    /// each: σ({hub i}) = 1 + leaves·pᵢ exactly, and distinct hubs add up (the stars are disjoint).
    static func stars(_ probabilities: [Float], leaves: Int = 8) throws -> InfluenceGraph {
        var arcs: [(Int, Int, Float)] = []
        for (i, p) in probabilities.enumerated() {
            let hub = i * (leaves + 1)
            for leaf in 1...leaves { arcs.append((hub, hub + leaf, p)) }
        }
        return try tinyGraph(probabilities.count * (leaves + 1), arcs)
    }

    /// Planted near-ties: k = 1 between two hubs whose exact spreads differ by 4% (5 against 4.8),
    /// and k = 2 where the second pick is a 4%-of-the-gain (2% of σ(S)) tie (6 + 5 against 6 + 4.78).
    /// Over 24 RNG seeds each, the default rule (choice error 5%, expected selection loss 0.5%)
    /// is compared with the brute-force oracle over all C(18, 1) = 18 and C(27, 2) = 351 sets:
    /// a run is right only when it returns the exact optimum, so each check rejects every other
    /// set, 17 and 350 wrong answers, including the planted runner-up (4.8 and 10.78, within 4% and
    /// 2% of the best). The expected-loss rule controls the loss in expectation, not every run
    /// (and the cap at IMM's sample size, about 43,000 sets here, can stop it first): it may return
    /// the runner-up in at most 2 runs of 24, with a mean exact loss over the runs within its
    /// 0.5%, where the choice error alone (the same runs with the loss rule off) must return it
    /// at least twice as often — measured: 2 and 1 wrong runs of 24 (mean loss 0.33% and 0.08%)
    /// against 5 and 5. A rule that ignored the ties fails the comparison, and one that stopped
    /// on the runner-up in a few more runs fails the count.
    @Test(arguments: [(probabilities: [Float(0.5), 0.475], k: 1), (probabilities: [Float(0.625), 0.5, 0.4725], k: 2)])
    func plantedNearTiesAreResolved(_ planted: (probabilities: [Float], k: Int)) throws {
        let graph = try Self.stars(planted.probabilities)
        let model = try bind(graph, .ic)
        let oracle = try bruteForceOptimum(model, k: planted.k)
        let sorted = oracle.all.sorted(by: >)
        // The planted tie is the second-best set, within 4% of the best and above every other.
        #expect(sorted[1] < sorted[0] && sorted[1] > 0.95 * sorted[0])
        let sampler = try RRSetSampler(model: model)
        var wrong = 0, wrongWithout = 0, lost = 0.0
        let runs = 24
        for seed in UInt64(1)...UInt64(runs) {
            var configuration = OPIMC.Configuration(k: planted.k, epsilon: 0.05, seed: seed, workers: 2,
                                                    precision: RISParameters.defaultPrecision)
            let report = try OPIMC(configuration).run(on: sampler)
            let refinement = try #require(report.refinement)
            #expect(refinement.selectionLossTarget == RISParameters.defaultPrecision / 10)
            // Unless a cap stopped it, it stopped with the expected loss on R1 at most its limit.
            if !refinement.capped { #expect(try #require(refinement.selectionLoss) <= RISParameters.defaultPrecision / 10) }
            if Set(report.selection.seeds) != Set(oracle.set) {
                wrong += 1
                lost += (oracle.value - (try ExactSpread.spread(of: report.selection.seeds, under: model))) / oracle.value
            }
            configuration.selectionLossRule = false
            let without = try OPIMC(configuration).run(on: sampler)
            if Set(without.selection.seeds) != Set(oracle.set) { wrongWithout += 1 }
        }
        #expect(wrong <= 2, "the runner-up in \(wrong) of \(runs) runs")
        #expect(lost / Double(runs) <= RISParameters.defaultPrecision / 10, "mean exact loss \(lost / Double(runs))")
        #expect(wrongWithout >= 2 * max(1, wrong), "the choice error alone: the runner-up in \(wrongWithout) of \(runs) runs, the rule in \(wrong)")
    }

    /// The unit normal loss function ψ(x) = E[max(0, Z − x)] against its published table values
    /// (ψ(0) = 1/√(2π), ψ(1) = 0.0833155, ψ(2) = 0.0084915, ψ(−1) = 1.0833155), and the expected
    /// loss on hand-made greedy steps built with gaps of 0, 1 and 2 standard errors (s = 10): a tie
    /// costs 0.3989·s, one standard error 0.0833·s, two 0.0085·s, and a rival chosen later nothing.
    /// A loss that ignored the shared sets (s = √110 at step 1), counted the later-chosen rival,
    /// used the gap without its noise or divided by other than the coverage would differ by more
    /// than the 1e-6 tolerance.
    @Test func expectedLossOnHandMadeSteps() {
        #expect(abs(OPIMRoundDriver.expectedShortfall(0) - 1 / (2 * Double.pi).squareRoot()) < 1e-12)
        #expect(abs(OPIMRoundDriver.expectedShortfall(1) - 0.0833155) < 1e-6)
        #expect(abs(OPIMRoundDriver.expectedShortfall(2) - 0.0084915) < 1e-6)
        #expect(abs(OPIMRoundDriver.expectedShortfall(-1) - 1.0833155) < 1e-6)
        // Step 0: pick 10 (gain 50) against rival 11 (gain 50, nothing shared): a tie, s = √100.
        // Step 1: pick 12 (gain 60) against rival 13 (gain 50, 5 shared: 55 + 45 sets apart, gap
        //         10 = one standard error), and rival 14, chosen at step 2.
        // Step 2: pick 14 (gain 60) against rival 15 (gain 40, nothing shared: gap 20, s = 10).
        let rivals: [[MaxCoverage.Rival]] = [
            [.init(node: 11, gain: 50, shared: 0)],
            [.init(node: 13, gain: 50, shared: 5), .init(node: 14, gain: 55, shared: 0)],
            [.init(node: 15, gain: 40, shared: 0)],
        ]
        let loss = OPIMRoundDriver.selectionLoss(seeds: [10, 12, 14], marginalCoverage: [50, 60, 60], rivals: rivals)
        let expected = (10 * 0.3989423 + 10 * 0.0833155 + 10 * 0.0084915) / 170
        #expect(abs(loss - expected) < 1e-6, "\(loss) against \(expected)")
        #expect(OPIMRoundDriver.selectionLoss(seeds: [1], marginalCoverage: [0], rivals: [[]]) == .infinity)
    }
}
