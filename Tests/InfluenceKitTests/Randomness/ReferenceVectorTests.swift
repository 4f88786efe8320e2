import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Our generators against the published reference C code. Every vector below was computed by the
/// reference implementations — Vigna's splitmix64.c and Blackman & Vigna's xoshiro256starstar.c,
/// transcribed into a one-off C program compiled with gcc (not part of the repository):
///
///     uint64_t next(void) {                      // splitmix64.c
///         uint64_t z = (x += 0x9e3779b97f4a7c15);
///         z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
///         z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
///         return z ^ (z >> 31);
///     }
///     uint64_t next(void) {                      // xoshiro256starstar.c
///         const uint64_t result = rotl(s[1] * 5, 7) * 9;
///         const uint64_t t = s[1] << 17;
///         s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
///         s[2] ^= t; s[3] = rotl(s[3], 45);
///         return result;
///     }
///
/// and, for seeding, the reference code's recommendation: fill s[0..3] with four splitmix64
/// outputs of the seed (which is what `Xoshiro256StarStar(seed:)` does).
@Suite struct ReferenceVectorTests {
    static let splitMix: [(seed: UInt64, outputs: [UInt64])] = [
        (0, [0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f, 0xf88bb8a8724c81ec, 0x1b39896a51a8749b, 0x53cb9f0c747ea2ea]),
        (1, [0x910a2dec89025cc1, 0xbeeb8da1658eec67, 0xf893a2eefb32555e, 0x71c18690ee42c90b, 0x71bb54d8d101b5b9, 0xc34d0bff90150280]),
        (42, [0xbdd732262feb6e95, 0x28efe333b266f103, 0x47526757130f9f52, 0x581ce1ff0e4ae394, 0x09bc585a244823f2, 0xde4431fa3c80db06]),
        (0xdeadbeefcafebabe, [0x0d7d93560d1929d2, 0x491dfb740e50d43f, 0x42722bf4473e5e7d, 0xd6ca8a0790fffc45, 0xb2d3ab004cdb504b, 0xb75625fc4e9510a6]),
    ]

    @Test func splitMix64MatchesTheReference() {
        for (seed, outputs) in Self.splitMix {
            var generator = SplitMix64(seed: seed)
            #expect((0..<outputs.count).map { _ in generator.next() } == outputs, "seed \(seed)")
            // The output function alone: output i is mix(seed + (i + 1)·γ).
            for (i, output) in outputs.enumerated() {
                #expect(SplitMix64.mix(seed &+ UInt64(i + 1) &* 0x9E37_79B9_7F4A_7C15) == output)
            }
        }
    }

    /// A generator in the raw state `s`, as the reference code's `s[4]` (the fields are internal).
    static func xoshiro(state s: [UInt64]) -> Xoshiro256StarStar {
        var generator = Xoshiro256StarStar(seed: 0)
        generator.s0 = s[0]; generator.s1 = s[1]; generator.s2 = s[2]; generator.s3 = s[3]
        return generator
    }

    static let rawStates: [(state: [UInt64], outputs: [UInt64])] = [
        ([1, 2, 3, 4], [0x0000000000002d00, 0x0000000000000000, 0x000000005a007080, 0x10e0000000009d80,
                        0x10e0b61ce1009d80, 0x0870021ce143ad00, 0xe071c3c2e143f089, 0x75a1690ef7a20380]),
        ([0x0123456789abcdef, 0xfedcba9876543210, 0x0f0f0f0f0f0f0f0f, 0xf0f0f0f0f0f0f0f0],
         [0x6666666666666c65, 0x2d2d2d2d2d2d1b2a, 0xfb580c1754df3c2c, 0xba05509bbfccc0e8,
          0x98fd9f63f6a27648, 0x3963584b59fda400, 0x357e566e2ff88754, 0x63707ca33f9454ef]),
    ]

    @Test func xoshiroFromARawStateMatchesTheReference() {
        for (state, outputs) in Self.rawStates {
            var generator = Self.xoshiro(state: state)
            #expect((0..<outputs.count).map { _ in generator.next() } == outputs, "state \(state)")
        }
    }

    static let seeded: [(seed: UInt64, outputs: [UInt64])] = [
        (0, [0x99ec5f36cb75f2b4, 0xbf6e1f784956452a, 0x1a5f849d4933e6e0, 0x6aa594f1262d2d2c,
             0xbba5ad4a1f842e59, 0xffef8375d9ebcaca, 0x6c160deed2f54c98, 0x8920ad648fc30a3f]),
        (42, [0x15780b2e0c2ec716, 0x6104d9866d113a7e, 0xae17533239e499a1, 0xecb8ad4703b360a1,
              0xfde6dc7fe2ec5e64, 0xc50da53101795238, 0xb82154855a65ddb2, 0xd99a2743ebe60087]),
        (12345, [0xbe6a36374160d49b, 0x214aaa0637a688c6, 0xf69d16de9954d388, 0x0c60048c4e96e033,
                 0x8e2076aeed51c648, 0x02bbcc1c1fc50f84, 0x28e72a4fec84f699, 0x4bb9d7cbb8dddebe]),
    ]

    @Test func xoshiroSeededThroughSplitMix64MatchesTheReference() {
        for (seed, outputs) in Self.seeded {
            var generator = Xoshiro256StarStar(seed: seed)
            #expect((0..<outputs.count).map { _ in generator.next() } == outputs, "seed \(seed)")
            // The state is the first four SplitMix64 outputs of the seed.
            var mixer = SplitMix64(seed: seed)
            let fresh = Xoshiro256StarStar(seed: seed)
            #expect([fresh.s0, fresh.s1, fresh.s2, fresh.s3] == (0..<4).map { _ in mixer.next() })
        }
        // Seed 7: draws 1001 to 1004 (the state update over a long run).
        var generator = Xoshiro256StarStar(seed: 7)
        for _ in 0..<1000 { _ = generator.next() }
        #expect((0..<4).map { _ in generator.next() } == [0x2dcf848e3be7ca59, 0xc2f7c6046f8337a4, 0x07d371337266c9e3, 0x4ea3fd50c46f6b89])
    }

    /// The derived draws are the documented functions of the reference outputs: 53 and 24 high
    /// bits scaled to [0, 1), Lemire's multiply-high for bounded integers, and coins comparing the
    /// high 63 bits against a `CoinThreshold`. (Until coins had 63 bits they compared the 24 bits
    /// of `nextUnitFloat`; the coin expectations below changed with that, the draws did not.)
    @Test func derivedDrawsAreFunctionsOfTheReferenceOutputs() {
        let outputs = Self.seeded[1].outputs
        var doubles = Xoshiro256StarStar(seed: 42), floats = Xoshiro256StarStar(seed: 42), bounded = Xoshiro256StarStar(seed: 42)
        for output in outputs {
            let d = doubles.nextUnitDouble(), f = floats.nextUnitFloat(), b = bounded.nextBelow(1_000_003)
            #expect(d == Double(output >> 11) / 9_007_199_254_740_992)
            #expect(f == Float(output >> 40) / 16_777_216)
            #expect(b == UInt64((UInt128(output) * 1_000_003) >> 64))
        }
        // 0x15780b2e0c2ec716 >> 1 = 0x0abc05970617638b: the first coin is live exactly for thresholds above it.
        let word: UInt64 = 0x15780b2e0c2ec716 >> 1
        var below = Xoshiro256StarStar(seed: 42), at = Xoshiro256StarStar(seed: 42)
        let live = below.coin(threshold: word + 1), dead = at.coin(threshold: word)
        #expect(live && !dead)
        // The Float coin is that coin against CoinThreshold.of(p): 0x15780b / 2^24 is below the word.
        var float = Xoshiro256StarStar(seed: 42)
        let floatCoin = float.coin(Float(0x15780b) / 16_777_216)
        #expect(!floatCoin)
    }

    /// Run randomness: the coin of arc a in run r is the SplitMix64 output function at
    /// arcKey + a·γ, where arcKey and nodeKey are the first two draws of stream (seed, r); coins
    /// compare its high 63 bits with the arc's `CoinThreshold`, LT thresholds take its high 53
    /// bits. (Both took 24 bits before; these expectations changed with that.)
    @Test func runRandomnessIsSplitMixOfTheStreamKeys() {
        var stream = Xoshiro256StarStar(seed: 9, stream: 4)
        let arcKey = stream.next(), nodeKey = stream.next()
        let run = RunRandomness(seed: 9, run: 4)
        #expect(run.arcKey == arcKey && run.nodeKey == nodeKey)
        for arc in [0, 1, 17, 123_456] {
            let bits = SplitMix64.mix(arcKey &+ UInt64(arc) &* 0x9E37_79B9_7F4A_7C15) >> 1
            #expect(run.isLive(arc: arc, threshold: bits + 1))
            #expect(!run.isLive(arc: arc, threshold: bits))
            let node = SplitMix64.mix(nodeKey &+ UInt64(arc) &* 0x9E37_79B9_7F4A_7C15) >> 11
            #expect(run.threshold(of: arc) == 1 - Double(node) / 9_007_199_254_740_992)
        }
        #expect(RunRandomness(seed: 9, run: 5) != run && RunRandomness(seed: 10, run: 4) != run)
    }
}
