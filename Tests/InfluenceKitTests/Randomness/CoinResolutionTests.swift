import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Coins resolve probabilities far below 2^−24: every coin compares 63 bits of its draw against
/// the arc's `CoinThreshold`, and LT thresholds have 53 bits. Each test puts one chosen word in
/// front of a kernel's coin: `tiny` has its top 24 bits zero (a 24-bit coin reads it as 0 and
/// calls it live for any p > 0), yet its 63 bits lie above 10⁻⁸ · 2^63, so p = 10⁻⁸ is dead.
@Suite struct CoinResolutionTests {
    /// 2^39: top 24 bits zero; 2^38 (its high 63 bits) is 2.7e11, above 1e-8 · 2^63 = 9.2e10 and
    /// below 1e-7 · 2^63 = 9.2e11.
    static let tiny: UInt64 = 1 << 39

    @Test func thresholdsAreExactAtTheEnds() {
        #expect(CoinThreshold.of(0) == 0 && CoinThreshold.of(-1) == 0 && CoinThreshold.of(.nan) == 0)
        #expect(CoinThreshold.of(1) == 1 << 63 && CoinThreshold.of(2) == 1 << 63)
        #expect(CoinThreshold.of(1e-8) == 92_233_720_369)
        #expect(CoinThreshold.probability(CoinThreshold.of(1e-8)) == 1e-8 * (92_233_720_369 / (1e-8 * 0x1.0p63)))
        // p = 0 is never live, p = 1 always, whatever the word.
        for word: UInt64 in [0, 1, Self.tiny, 1 << 63, .max] {
            #expect(!CoinThreshold.isLive(word, 0))
            #expect(CoinThreshold.isLive(word, CoinThreshold.always))
        }
    }

    @Test func forwardCoinsResolveTinyProbabilities() {
        let run = CoinWords.run(arc: 7, emitting: Self.tiny)
        #expect(RunRandomness.bits(run.arcKey, 7) == Self.tiny)
        #expect(!run.isLive(arc: 7, probability: 1e-8))
        #expect(run.isLive(arc: 7, probability: 1e-7))
        // The IC forward rule: arc 0 → 1 with p = 1e-8 does not fire on this word.
        for (p, fires) in [(1e-8, false), (1e-7, true)] {
            let workspace = SimulationWorkspace(nodeCount: 2)
            let scratch = workspace.beginRun()
            var threshold = CoinThreshold.of(p)
            var target: UInt32 = 1
            var tail = 0
            withUnsafePointer(to: &threshold) { t in
                withUnsafePointer(to: &target) { targets in
                    ICArcRule(thresholds: t).visit(arc: 0, targets: targets, scratch: scratch,
                                                   randomness: CoinWords.run(arc: 0, emitting: Self.tiny), tail: &tail)
                }
            }
            #expect((tail == 1) == fires, "p = \(p)")
        }
    }

    @Test func ltThresholdsHave53Bits() {
        let run = CoinWords.run(node: 3, emitting: Self.tiny)
        // 2^39 >> 11 = 2^28: θ = 1 − 2^28 / 2^53 (a 24-bit threshold would be exactly 1).
        #expect(run.threshold(of: 3) == 1 - 0x1.0p-25)
        #expect(CoinWords.run(node: 3, emitting: 0).threshold(of: 3) == 1)
        #expect(CoinWords.run(node: 3, emitting: .max).threshold(of: 3) == 0x1.0p-53)
    }

    /// Draws the in-arcs of node 1 (one arc 0 → 1 of probability `p`) with `kernel`, the first
    /// draw being `word`; returns the members added.
    func expand<Kernel: ReverseSamplingKernel>(_ kernel: Kernel, word: UInt64) -> Int {
        var rng = CoinWords.generator(emitting: word)
        var buffer = MemberBuffer(capacity: 4)
        defer { buffer.release() }
        var marks: [UInt8] = [0, 1]
        _ = marks.withUnsafeMutableBufferPointer { m in
            kernel.expand(1, rng: &rng, marks: m.baseAddress!, bit: 1, buffer: &buffer, stop: NeverStop())
        }
        return buffer.count
    }

    @Test func generatorEmitsTheChosenWord() {
        var rng = CoinWords.generator(emitting: Self.tiny)
        #expect(rng.next() == Self.tiny)
    }

    @Test(arguments: [(1e-8, 0), (1e-7, 1)])
    func reverseCoinsResolveTinyProbabilities(_ p: Double, _ members: Int) throws {
        let graph = try InfluenceGraph(nodeCount: 2, sources: [0], targets: [1], values: [p])
        let model = try IndependentCascade(graph: graph, probabilities: .file)
        // Plain coins.
        graph.inOffsets.withUnsafeBufferPointer { offsets in
            graph.inSources.withUnsafeBufferPointer { sources in
                model.inCoinThresholds.withUnsafeBufferPointer { thresholds in
                    let plain = ICReverseSampling(inOffsets: offsets, inSources: sources, inThresholds: thresholds)
                    #expect(expand(plain, word: Self.tiny) == members, "plain, p = \(p)")
                    // Subset sampling, where one coin per arc is the cheapest method.
                    let coins = SubsetSamplingCosts(coin: 1, skip: .infinity, binomialCount: .infinity, binomialArc: .infinity, binomialMaxMean: 0)
                    let tables = ICSubsetTables(graph: graph, inThresholds: model.inCoinThresholds, costs: coins)
                    #expect(tables.modeCounts[Int(ICSubsetTables.Mode.uniformCoins.rawValue)] == 1)
                    let subset = ICSubsetReverseSampling(graph: sources, thresholds, tables: tables)
                    #expect(expand(subset, word: Self.tiny) == members, "subset, p = \(p)")
                }
            }
        }
    }
}
