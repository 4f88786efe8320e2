/// The invite/accept step for `LevelCascade`: arc i→j is live with probability P_ij·U_j (i
/// invites j and j accepts), decided by a coin hashed from the world's key and the arc number
/// against the arc's `CoinThreshold`. The world's key travels as `RunRandomness.arcKey` (see
/// `InviteCascade.worldKey`), so the rule keeps no per-run state.
///
/// Inviters never become active through an arc: the cascade stamps them `active` in the scratch
/// before the first step, so they are skipped like any active head and are not counted.
struct InviteArcRule: ForwardArcRule {
    /// `CoinThreshold` of P·U of each forward arc (the exact enumeration passes 0 or
    /// `CoinThreshold.always` per arc to fix one world).
    let thresholds: UnsafePointer<UInt64>

    var arcValues: UnsafePointer<UInt64> { thresholds }

    /// Whether arc `arc` is live in the world keyed by `key`. Complexity: O(1).
    @inline(__always)
    static func isLive(arc: Int, key: UInt64, threshold: UInt64) -> Bool {
        CoinThreshold.isLive(SplitMix64.mix(key ^ (UInt64(truncatingIfNeeded: arc) &* 0xD1B5_4A32_D192_ED03)), threshold)
    }

    /// Complexity: O(1).
    @inline(__always)
    func visit(arc a: Int, targets: UnsafePointer<UInt32>, scratch: CascadeScratch, randomness: RunRandomness, tail: inout Int) {
        let v = Int(targets[a])
        if scratch.marks[v] != scratch.active, Self.isLive(arc: a, key: randomness.arcKey, threshold: thresholds[a]) {
            scratch.activate(v, tail: &tail)
        }
    }
}
