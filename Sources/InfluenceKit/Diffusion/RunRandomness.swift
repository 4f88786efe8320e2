/// The random choices of one Monte Carlo run, as pure functions of a key drawn from the run's own
/// stream `Xoshiro256StarStar(seed: seed, stream: run)`.
///
/// The coin of arc `a` and the LT threshold of node `v` are SplitMix64 outputs at positions `a`
/// and `v` of two sequences keyed by the run (Steele, Lea, Flood, "Fast splittable pseudorandom
/// number generators", OOPSLA 2014). A run is therefore one fixed live-edge world, whatever the
/// seed set, the order in which the kernel visits arcs, or the thread that executes it:
/// - two seed sets evaluated with the same seed see the same world in run `i` (common random
///   numbers: run by run, a superset of seeds never reaches fewer nodes);
/// - only the coins the cascade needs are computed (nothing is drawn for arcs it never reaches).
public struct RunRandomness: Sendable, Equatable {
    /// Key of the arc coins.
    public let arcKey: UInt64
    /// Key of the LT thresholds.
    public let nodeKey: UInt64

    /// The randomness of run `run` of the simulation seeded with `seed`.
    ///
    /// Complexity: O(1).
    @inlinable
    public init(seed: UInt64, run: Int) {
        var stream = Xoshiro256StarStar(seed: seed, stream: UInt64(truncatingIfNeeded: run))
        arcKey = stream.next()
        nodeKey = stream.next()
    }

    /// 24 uniform bits for position `index` of the sequence keyed by `key`.
    @inlinable @inline(__always)
    static func unitFloat(_ key: UInt64, _ index: Int) -> Float {
        let bits = SplitMix64.mix(key &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        return Float(bits >> 40) * 0x1.0p-24
    }

    /// Whether arc `arc` is live in this run, for IC probability `probability` (exact for 0 and 1).
    ///
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public func isLive(arc: Int, probability: Float) -> Bool {
        Self.unitFloat(arcKey, arc) < probability
    }

    /// The LT threshold θ of node `node` in this run, uniform in (0, 1] on a 2^−24 grid (weight
    /// 0 never reaches it, total weight 1 always does).
    ///
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public func threshold(of node: Int) -> Float {
        1 - Self.unitFloat(nodeKey, node)
    }
}
