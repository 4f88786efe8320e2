/// xoshiro256** (Blackman, Vigna 2018): the generator every Monte Carlo run and every RR set draws
/// from. Streams are derived from `(seed, stream)` so that the result of task `i` never depends on
/// which thread ran it.
///
/// Complexity: O(1) per draw.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator seeded from a single 64-bit seed through SplitMix64.
    /// Complexity: O(1).
    @inlinable
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The independent stream number `stream` of the run seeded with `seed`.
    ///
    /// Stream `i` of seed `s` is the same whatever thread draws from it, so parallel work
    /// partitioned by task index is reproducible for any thread count.
    /// Complexity: O(1).
    @inlinable
    public init(seed: UInt64, stream: UInt64) {
        let a = SplitMix64.mix(seed &+ 0x6A09_E667_F3BC_C909)
        let b = SplitMix64.mix(stream ^ 0xBB67_AE85_84CA_A73B)
        self.init(seed: a ^ (b &* 0x9E37_79B9_7F4A_7C15) ^ (b >> 29))
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform float in [0, 1) with 24 random bits (for test data and the like: coins use
    /// `coin(threshold:)`, whose 63 bits resolve probabilities far below 2^−24).
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }

    /// A uniform integer in [0, bound) by Lemire's multiply-shift (nearly unbiased; bias below
    /// bound / 2^64, negligible for graph sizes).
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func nextBelow(_ bound: UInt64) -> UInt64 {
        next().multipliedFullWidth(by: bound).high
    }

    /// True with probability `p` (63 random bits against `CoinThreshold.of(p)`: exact for p = 0
    /// and p = 1). Hot loops keep thresholds precomputed and call `coin(threshold:)`.
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func coin(_ p: Float) -> Bool {
        coin(threshold: CoinThreshold.of(Double(p)))
    }

    /// True with probability t / 2^63 for a `CoinThreshold` t (one draw, one integer compare).
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public mutating func coin(threshold: UInt64) -> Bool {
        CoinThreshold.isLive(next(), threshold)
    }
}
