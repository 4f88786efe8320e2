#if canImport(Glibc)
import Glibc
#endif

/// Reverse sampling under independent cascade with subset sampling (SUBSIM, Guo et al.,
/// SIGMOD 2020): each reached node draws its live in-arcs by the method its `ICSubsetTables` entry
/// names: geometric skips for equal probabilities, buckets for unequal ones, coins where cheaper.
///
/// Complexity per set: O(|R| + live arcs examined) draws in expectation.
struct ICSubsetReverseSampling: ReverseSamplingModel {
    let inOffsets: UnsafeBufferPointer<Int>
    let inSources: UnsafeBufferPointer<UInt32>
    let inProbabilities: UnsafeBufferPointer<Float>
    let mode: UnsafeBufferPointer<UInt8>
    let inverseLogMiss: UnsafeBufferPointer<Double>
    let sortedSources: UnsafeBufferPointer<UInt32>
    let sortedProbabilities: UnsafeBufferPointer<Float>
    let bucketOffsets: UnsafeBufferPointer<Int>
    let bucketEnds: UnsafeBufferPointer<Int>
    let bucketMaxProbability: UnsafeBufferPointer<Float>
    let bucketInverseLogMiss: UnsafeBufferPointer<Double>

    init(graph inOffsets: UnsafeBufferPointer<Int>, _ inSources: UnsafeBufferPointer<UInt32>,
         _ inProbabilities: UnsafeBufferPointer<Float>, tables: ICSubsetTables) {
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inProbabilities = inProbabilities
        mode = tables.mode.buffer
        inverseLogMiss = tables.inverseLogMiss.buffer
        sortedSources = tables.sortedSources.buffer
        sortedProbabilities = tables.sortedProbabilities.buffer
        bucketOffsets = tables.bucketOffsets.buffer
        bucketEnds = tables.bucketEnds.buffer
        bucketMaxProbability = tables.bucketMaxProbability.buffer
        bucketInverseLogMiss = tables.bucketInverseLogMiss.buffer
    }

    @inline(__always)
    func sample<Stop: RRStopRule>(root: UInt32, rng: inout Xoshiro256StarStar, marks: UnsafeMutablePointer<UInt32>,
                                  epoch: UInt32, buffer: inout MemberBuffer, stop: Stop) -> Bool {
        marks[Int(root)] = epoch
        if stop.stops(at: root) { return true }
        buffer.append(root)
        var head = buffer.count - 1
        while head < buffer.count {
            let v = Int(buffer.base[head])
            head &+= 1
            let start = inOffsets[v], end = inOffsets[v + 1]
            switch mode[v] {
            case ICSubsetTables.Mode.geometric.rawValue:
                let inverse = inverseLogMiss[v]
                var a = start &- 1
                while true {
                    let skip = log(openUnitInterval(&rng)) * inverse
                    if skip >= Double(end &- a &- 1) { break }
                    a = a &+ 1 &+ Int(skip)
                    let u = inSources[a]
                    if marks[Int(u)] != epoch {
                        marks[Int(u)] = epoch
                        if stop.stops(at: u) { return true }
                        buffer.append(u)
                    }
                }
            case ICSubsetTables.Mode.coins.rawValue:
                var a = start
                while a < end {
                    if rng.nextUnitFloat() < inProbabilities[a] {
                        let u = inSources[a]
                        if marks[Int(u)] != epoch {
                            marks[Int(u)] = epoch
                            if stop.stops(at: u) { return true }
                            buffer.append(u)
                        }
                    }
                    a &+= 1
                }
            case ICSubsetTables.Mode.all.rawValue:
                var a = start
                while a < end {
                    let u = inSources[a]
                    if marks[Int(u)] != epoch {
                        marks[Int(u)] = epoch
                        if stop.stops(at: u) { return true }
                        buffer.append(u)
                    }
                    a &+= 1
                }
            case ICSubsetTables.Mode.bucketed.rawValue:
                var bucketStart = start
                for b in bucketOffsets[v]..<bucketOffsets[v + 1] {
                    let bucketEnd = bucketEnds[b]
                    let inverse = bucketInverseLogMiss[b]
                    if inverse == 0 {
                        var a = bucketStart
                        while a < bucketEnd {
                            if rng.nextUnitFloat() < sortedProbabilities[a] {
                                let u = sortedSources[a]
                                if marks[Int(u)] != epoch {
                                    marks[Int(u)] = epoch
                                    if stop.stops(at: u) { return true }
                                    buffer.append(u)
                                }
                            }
                            a &+= 1
                        }
                    } else {
                        let top = Double(bucketMaxProbability[b])
                        var a = bucketStart &- 1
                        while true {
                            let skip = log(openUnitInterval(&rng)) * inverse
                            if skip >= Double(bucketEnd &- a &- 1) { break }
                            a = a &+ 1 &+ Int(skip)
                            // Candidate drawn with p̄; keep it with probability p / p̄.
                            if Double(rng.nextUnitFloat()) * top < Double(sortedProbabilities[a]) {
                                let u = sortedSources[a]
                                if marks[Int(u)] != epoch {
                                    marks[Int(u)] = epoch
                                    if stop.stops(at: u) { return true }
                                    buffer.append(u)
                                }
                            }
                        }
                    }
                    bucketStart = bucketEnd
                }
            default:
                break
            }
        }
        return false
    }
}
