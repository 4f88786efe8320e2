/// The IC forward step on a kept-arc subnetwork, for `LevelCascade`: arc `a` of the subnetwork's
/// CSR fires when the coin of its arc id *in G* (`coinIds[a]`) comes up live against its
/// `CoinThreshold`, so two subnetworks of G evaluated with the same seed see the same world in a
/// run wherever they share arcs (common random numbers). The head's mark is read only for a live
/// arc, as in the IC rule.
struct SubnetworkArcRule: ForwardArcRule {
    /// `CoinThreshold` of each subnetwork arc's probability.
    let thresholds: UnsafePointer<UInt64>
    /// The arc id in G of each subnetwork arc: the key of its coin.
    let coinIds: UnsafePointer<Int>

    var arcValues: UnsafePointer<UInt64> { thresholds }

    /// Complexity: O(1).
    @inline(__always)
    func visit(arc a: Int, targets: UnsafePointer<UInt32>, scratch: CascadeScratch, randomness: RunRandomness, tail: inout Int) {
        if randomness.isLive(arc: coinIds[a], threshold: thresholds[a]), case let v = Int(targets[a]), scratch.marks[v] != scratch.active {
            scratch.activate(v, tail: &tail)
        }
    }
}

extension SubnetworkArcRule {
    /// A valid address for the coin ids of an arc-less subnetwork (nothing is read through it).
    nonisolated(unsafe) static let noCoinIds = UnsafePointer(UnsafeMutablePointer<Int>.allocate(capacity: 1))
}
