import CSupport
#if canImport(Glibc)
import Glibc
#endif

/// Reverse sampling under independent cascade with subset sampling (SUBSIM, Guo et al.,
/// SIGMOD 2020): each reached node draws its live in-arcs by the method its `ICSubsetTables` entry
/// names: geometric skips for equal probabilities, buckets for unequal ones, coins where cheaper.
///
/// Complexity per set: O(|R| + live arcs examined) draws in expectation.
struct ICSubsetReverseSampling: ReverseSamplingKernel {
    let nodes: UnsafePointer<SamplingNode>
    let inSources: UnsafePointer<UInt32>
    let inThresholds: UnsafePointer<UInt64>
    let sortedSources: UnsafePointer<UInt32>
    let sortedThresholds: UnsafePointer<UInt64>
    let bucketEnds: UnsafePointer<Int>
    let bucketInverseLogMiss: UnsafePointer<Double>
    let binomialCDF: UnsafePointer<Double>

    init(graph inSources: UnsafeBufferPointer<UInt32>, _ inThresholds: UnsafeBufferPointer<UInt64>, tables: ICSubsetTables) {
        nodes = UnsafePointer(tables.nodes.base)
        // An arc-less graph has empty arrays: any non-nil address will do, nothing is read.
        self.inSources = inSources.baseAddress ?? UnsafePointer(tables.sortedSources.base)
        self.inThresholds = inThresholds.baseAddress ?? UnsafePointer(tables.sortedThresholds.base)
        sortedSources = UnsafePointer(tables.sortedSources.base)
        sortedThresholds = UnsafePointer(tables.sortedThresholds.base)
        bucketEnds = UnsafePointer(tables.bucketEnds.base)
        bucketInverseLogMiss = UnsafePointer(tables.bucketInverseLogMiss.base)
        binomialCDF = UnsafePointer(tables.binomialCDF.base)
    }

    /// Adds source `u` to the set unless it is already marked; true when `stop` ends the set there.
    /// The node's record is prefetched, since it is expanded soon.
    @inline(__always)
    func visit<Stop: RRStopRule>(_ u: UInt32, marks: UnsafeMutablePointer<UInt8>, bit: UInt8, buffer: inout MemberBuffer,
                                 stop: Stop) -> Bool {
        if marks[Int(u)] & bit != 0 { return false }
        marks[Int(u)] |= bit
        ik_prefetch(nodes + Int(u))
        buffer.append(u)
        return stop.stops(at: u)
    }

    @inline(__always)
    func expand<Stop: RRStopRule>(_ reached: UInt32, rng: inout Xoshiro256StarStar, marks: UnsafeMutablePointer<UInt8>,
                                  bit: UInt8, buffer: inout MemberBuffer, stop: Stop) -> Bool {
        let node = nodes[Int(reached)]
        let start = Int(node.start)
        let end = start &+ node.degree
        switch node.mode {
        case UInt32(ICSubsetTables.Mode.binomial.rawValue):
            // K ~ Binomial(d, p) by inversion of the node's table.
            let table = binomialCDF + Int(node.parameter.bitPattern >> 8)
            let u = rng.nextUnitDouble()
            var k = 0
            while u >= table[k] { k &+= 1 }
            if k == 0 { return false }
            // K distinct arc offsets, each uniform among those not drawn yet (rejection),
            // parked in the buffer's free space just past the members; then visited in order.
            // Appending a source writes at or before the offset being read, never after it.
            while buffer.capacity &- buffer.count < k { buffer.grow() }
            let parked = buffer.base + buffer.count
            let degree = UInt64(node.degree)
            for i in 0..<k {
                var offset: UInt32
                repeat {
                    offset = UInt32(truncatingIfNeeded: rng.nextBelow(degree))
                } while UnsafeBufferPointer(start: parked, count: i).contains(offset)
                parked[i] = offset
            }
            for i in 0..<k {
                let u = inSources[start &+ Int(parked[i])]
                if visit(u, marks: marks, bit: bit, buffer: &buffer, stop: stop) { return true }
            }
        case UInt32(ICSubsetTables.Mode.geometric.rawValue):
            let inverse = node.parameter
            var a = start &- 1
            while true {
                let skip = log(openUnitInterval(&rng)) * inverse
                if skip >= Double(end &- a &- 1) { break }
                a = a &+ 1 &+ Int(skip)
                let u = inSources[a]
                if visit(u, marks: marks, bit: bit, buffer: &buffer, stop: stop) { return true }
            }
        case UInt32(ICSubsetTables.Mode.uniformCoins.rawValue):
            let threshold = node.parameter.bitPattern
            var a = start
            while a < end {
                if rng.coin(threshold: threshold) {
                    let u = inSources[a]
                    if visit(u, marks: marks, bit: bit, buffer: &buffer, stop: stop) { return true }
                }
                a &+= 1
            }
        case UInt32(ICSubsetTables.Mode.coins.rawValue):
            var a = start
            while a < end {
                if rng.coin(threshold: inThresholds[a]) {
                    let u = inSources[a]
                    if visit(u, marks: marks, bit: bit, buffer: &buffer, stop: stop) { return true }
                }
                a &+= 1
            }
        case UInt32(ICSubsetTables.Mode.all.rawValue):
            var a = start
            while a < end {
                let u = inSources[a]
                if visit(u, marks: marks, bit: bit, buffer: &buffer, stop: stop) { return true }
                a &+= 1
            }
        case UInt32(ICSubsetTables.Mode.bucketed.rawValue):
            let range = node.parameter.bitPattern
            let first = Int(range >> 8)
            var bucketStart = start
            for b in first..<(first &+ Int(range & 0xFF)) {
                let bucketEnd = bucketEnds[b]
                let inverse = bucketInverseLogMiss[b]
                if inverse == 0 {
                    var a = bucketStart
                    while a < bucketEnd {
                        if rng.coin(threshold: sortedThresholds[a]) {
                            let u = sortedSources[a]
                            if visit(u, marks: marks, bit: bit, buffer: &buffer, stop: stop) { return true }
                        }
                        a &+= 1
                    }
                } else {
                    var a = bucketStart &- 1
                    while true {
                        let skip = log(openUnitInterval(&rng)) * inverse
                        if skip >= Double(bucketEnd &- a &- 1) { break }
                        a = a &+ 1 &+ Int(skip)
                        // Candidate drawn with p̄; kept with probability p / p̄ (its threshold here).
                        if rng.coin(threshold: sortedThresholds[a]) {
                            let u = sortedSources[a]
                            if visit(u, marks: marks, bit: bit, buffer: &buffer, stop: stop) { return true }
                        }
                    }
                }
                bucketStart = bucketEnd
            }
        default:
            break
        }
        return false
    }
}
