import CSupport

/// Reverse sampling under linear threshold: a random reverse walk from the root that takes at most
/// one in-arc per node and stops at a node already on the walk or when no arc is chosen (Tang,
/// Shi, Xiao, "Influence Maximization in Near-Linear Time: A Martingale Approach", SIGMOD 2015).
///
/// Complexity per set: O(|R|) steps, each O(1) (equal weights) or O(log d) (cumulative search).
struct LTReverseSampling: ReverseSamplingKernel {
    let nodes: UnsafePointer<SamplingNode>
    let inSources: UnsafePointer<UInt32>
    let cumulative: UnsafePointer<Double>

    init(graph inSources: UnsafeBufferPointer<UInt32>, tables: LTTables) {
        nodes = UnsafePointer(tables.nodes.base)
        cumulative = UnsafePointer(tables.cumulative.base)
        self.inSources = inSources.baseAddress ?? UnsafePointer(OpaquePointer(cumulative))
    }

    @inline(__always)
    func expand<Stop: RRStopRule>(_ reached: UInt32, rng: inout Xoshiro256StarStar, marks: UnsafeMutablePointer<UInt8>,
                                  bit: UInt8, buffer: inout MemberBuffer, stop: Stop) -> Bool {
        let node = nodes[Int(reached)]
        let start = Int(node.start), degree = node.degree
        let arc: Int
        switch node.mode {
        case UInt32(LTTables.Mode.uniformFull.rawValue):
            arc = start &+ Int(rng.nextBelow(UInt64(degree)))
        case UInt32(LTTables.Mode.uniformPartial.rawValue):
            let x = rng.nextUnitDouble() / node.parameter
            if x >= Double(degree) { return false }
            arc = start &+ Int(x)
        case UInt32(LTTables.Mode.cumulative.rawValue):
            let u = rng.nextUnitDouble()
            let end = start &+ degree
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
        // The walk ends at a node already on it.
        let u = inSources[arc]
        if marks[Int(u)] & bit != 0 { return false }
        marks[Int(u)] |= bit
        ik_prefetch(nodes + Int(u))
        buffer.append(u)
        return stop.stops(at: u)
    }
}
