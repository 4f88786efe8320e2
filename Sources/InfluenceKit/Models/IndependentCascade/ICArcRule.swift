/// The IC forward step: arc a → v fires when its coin (a pure function of the run and the arc, see
/// `RunRandomness`) comes up live against the arc's `CoinThreshold`; only then is the head's mark
/// read, which spares the random access for the many dead arcs. p = 0 never fires and p = 1
/// always does.
struct ICArcRule: ForwardArcRule {
    let thresholds: UnsafePointer<UInt64>

    var arcValues: UnsafePointer<UInt64> { thresholds }

    @inline(__always)
    func visit(arc a: Int, targets: UnsafePointer<UInt32>, scratch: CascadeScratch, randomness: RunRandomness, tail: inout Int) {
        if randomness.isLive(arc: a, threshold: thresholds[a]), case let v = Int(targets[a]), scratch.marks[v] != scratch.active {
            scratch.activate(v, tail: &tail)
        }
    }
}
