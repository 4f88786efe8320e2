/// SplitMix64 (Steele, Lea, Flood 2014): a tiny generator used to seed others and to derive
/// independent streams from a `(seed, index)` pair.
///
/// Complexity: O(1) per draw.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's whole state: the next draw is a function of it alone.
    public var state: UInt64

    /// A generator that starts from `seed`. Complexity: O(1).
    @inlinable
    public init(seed: UInt64) { state = seed }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    /// The SplitMix64 output function: a bijective avalanche of 64 bits.
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
