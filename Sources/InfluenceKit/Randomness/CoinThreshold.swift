/// Integer coin thresholds: probability p becomes t = round(p · 2^63), and a coin drawn from a
/// uniform 64-bit word `bits` is live when `bits >> 1 < t`. That is a 63-bit comparison, so a coin
/// is live with probability p to within 2^−64 (far finer than the 53 bits of a Double), p = 0 is
/// never live and p = 1 (t = 2^63) always is. Models compute one threshold per arc when they are
/// bound, so the hot loops compare two integers and convert nothing.
public enum CoinThreshold {
    /// The threshold of p = 1: every coin is live.
    public static let always: UInt64 = 1 << 63

    /// The threshold of `probability`: 0 for p ≤ 0 (and NaN), 2^63 for p ≥ 1, else p · 2^63
    /// rounded to the nearest integer.
    ///
    /// Complexity: O(1).
    @inlinable
    public static func of(_ probability: Double) -> UInt64 {
        guard probability > 0 else { return 0 }
        guard probability < 1 else { return always }
        return UInt64((probability * 0x1.0p63).rounded())
    }

    /// The probability a threshold stands for, t / 2^63 (exact to Double's 53 bits).
    ///
    /// Complexity: O(1).
    @inlinable
    public static func probability(_ threshold: UInt64) -> Double {
        Double(threshold) * 0x1.0p-63
    }

    /// Whether the coin drawn from the uniform word `bits` is live against `threshold`.
    ///
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public static func isLive(_ bits: UInt64, _ threshold: UInt64) -> Bool {
        bits >> 1 < threshold
    }
}
