/// Reverse sampling under linear threshold: a random reverse walk from the root that takes at most
/// one in-arc per node and stops at a node already on the walk or when no arc is chosen (Tang,
/// Shi, Xiao, "Influence Maximization in Near-Linear Time: A Martingale Approach", SIGMOD 2015).
///
/// Complexity per set: O(|R|) steps, each O(1) (equal weights) or O(log d) (cumulative search).
struct LTReverseSampling: ReverseSamplingModel {
    let inOffsets: UnsafeBufferPointer<Int>
    let inSources: UnsafeBufferPointer<UInt32>
    let mode: UnsafeBufferPointer<UInt8>
    let uniformWeight: UnsafeBufferPointer<Double>
    let cumulative: UnsafeBufferPointer<Double>

    init(graph inOffsets: UnsafeBufferPointer<Int>, _ inSources: UnsafeBufferPointer<UInt32>, tables: LTTables) {
        self.inOffsets = inOffsets
        self.inSources = inSources
        mode = tables.mode.buffer
        uniformWeight = tables.uniformWeight.buffer
        cumulative = tables.cumulative.buffer
    }

    @inline(__always)
    func sample<Stop: RRStopRule>(root: UInt32, rng: inout Xoshiro256StarStar, marks: UnsafeMutablePointer<UInt32>,
                                  epoch: UInt32, buffer: inout MemberBuffer, stop: Stop) -> Bool {
        marks[Int(root)] = epoch
        if stop.stops(at: root) { return true }
        buffer.append(root)
        var v = Int(root)
        while true {
            let start = inOffsets[v], end = inOffsets[v + 1]
            let arc: Int
            switch mode[v] {
            case LTTables.Mode.uniformFull.rawValue:
                arc = start &+ Int(rng.nextBelow(UInt64(end &- start)))
            case LTTables.Mode.uniformPartial.rawValue:
                let x = rng.nextUnitDouble() / uniformWeight[v]
                if x >= Double(end &- start) { return false }
                arc = start &+ Int(x)
            case LTTables.Mode.cumulative.rawValue:
                let u = rng.nextUnitDouble()
                if u >= cumulative[end &- 1] { return false }
                // First position whose running sum exceeds u.
                var low = start, high = end &- 1
                while low < high {
                    let middle = (low &+ high) >> 1
                    if cumulative[middle] > u { high = middle } else { low = middle &+ 1 }
                }
                arc = low
            default:
                return false
            }
            let u = inSources[arc]
            if marks[Int(u)] == epoch { return false }
            marks[Int(u)] = epoch
            if stop.stops(at: u) { return true }
            buffer.append(u)
            v = Int(u)
        }
    }
}
