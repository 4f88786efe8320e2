@_spi(Kernels) @testable import InfluenceKit

/// Generators and run keys that produce a chosen 64-bit word next, so a test can put one exact
/// draw in front of a coin (the generators are bijections, so every word has a preimage).
enum CoinWords {
    /// The inverse of an odd `x` modulo 2^64 (Newton's iteration).
    static func inverse(_ x: UInt64) -> UInt64 {
        var y = x
        for _ in 0..<6 { y = y &* (2 &- x &* y) }
        return y
    }

    /// The x with x ^ (x >> shift) == y.
    static func unshift(_ y: UInt64, _ shift: UInt64) -> UInt64 {
        var x = y
        for _ in 0..<(64 / shift + 1) { x = y ^ (x >> shift) }
        return x
    }

    /// The value whose `SplitMix64.mix` is `word`.
    static func unmix(_ word: UInt64) -> UInt64 {
        var z = unshift(word, 31)
        z = z &* inverse(0x94D0_49BB_1331_11EB)
        z = unshift(z, 27)
        z = z &* inverse(0xBF58_476D_1CE4_E5B9)
        return unshift(z, 30)
    }

    /// A generator whose next `next()` is `word` (xoshiro256**'s output is rotl(s1·5, 7)·9).
    static func generator(emitting word: UInt64) -> Xoshiro256StarStar {
        var rng = Xoshiro256StarStar(seed: 1)
        let y = word &* inverse(9)
        let rotated = (y >> 7) | (y << 57)
        rng.s1 = rotated &* inverse(5)
        return rng
    }

    /// Run randomness whose coin of arc `arc` and threshold of node `node` come from `word`.
    static func run(arc: Int = 0, node: Int = 0, emitting word: UInt64) -> RunRandomness {
        let step: UInt64 = 0x9E37_79B9_7F4A_7C15
        let key = unmix(word)
        return RunRandomness(arcKey: key &- UInt64(arc) &* step, nodeKey: key &- UInt64(node) &* step)
    }
}
