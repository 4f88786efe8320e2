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
///
/// Coins compare 63 bits against a `CoinThreshold`; thresholds have 53 bits.
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

    /// The randomness with the given keys (tests that need chosen coin words).
    init(arcKey: UInt64, nodeKey: UInt64) {
        self.arcKey = arcKey
        self.nodeKey = nodeKey
    }

    /// 64 uniform bits for position `index` of the sequence keyed by `key`.
    @inlinable @inline(__always)
    static func bits(_ key: UInt64, _ index: Int) -> UInt64 {
        SplitMix64.mix(key &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Whether arc `arc` is live in this run, for the `CoinThreshold` of its probability (p = 0
    /// never, p = 1 always).
    ///
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public func isLive(arc: Int, threshold: UInt64) -> Bool {
        CoinThreshold.isLive(Self.bits(arcKey, arc), threshold)
    }

    /// Whether arc `arc` is live in this run, for IC probability `probability` (exact for 0 and 1).
    ///
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public func isLive(arc: Int, probability: Double) -> Bool {
        isLive(arc: arc, threshold: CoinThreshold.of(probability))
    }

    /// The LT threshold θ of node `node` in this run, uniform in (0, 1] on a 2^−53 grid (weight
    /// 0 never reaches it, total weight 1 always does).
    ///
    /// Complexity: O(1).
    @inlinable @inline(__always)
    public func threshold(of node: Int) -> Double {
        1 - Double(Self.bits(nodeKey, node) >> 11) * 0x1.0p-53
    }
}
