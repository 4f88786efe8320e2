import CSupport
#if canImport(Glibc)
import Glibc
#endif

/// Reverse sampling under independent cascade by plain coins: every in-arc (u, v) of a reached
/// node v is flipped once with its probability p(u, v) (Borgs et al., SODA 2014), one 64-bit draw
/// against the arc's `CoinThreshold`.
///
/// Complexity per set: O(Σ in-degree of its members) random draws.
struct ICReverseSampling: ReverseSamplingKernel {
    let inOffsets: UnsafeBufferPointer<Int>
    let inSources: UnsafeBufferPointer<UInt32>
    let inThresholds: UnsafeBufferPointer<UInt64>

    @inline(__always)
    func expand<Stop: RRStopRule>(_ node: UInt32, rng: inout Xoshiro256StarStar, marks: UnsafeMutablePointer<UInt8>,
                                  bit: UInt8, buffer: inout MemberBuffer, stop: Stop) -> Bool {
        var a = inOffsets[Int(node)]
        let end = inOffsets[Int(node) + 1]
        while a < end {
            if rng.coin(threshold: inThresholds[a]) {
                let u = inSources[a]
                if marks[Int(u)] & bit == 0 {
                    marks[Int(u)] |= bit
                    buffer.append(u)
                    if stop.stops(at: u) { return true }
                }
            }
            a &+= 1
        }
        return false
    }
}

/// A uniform draw in (0, 1] (53 bits), safe to take the logarithm of.
@inline(__always)
func openUnitInterval(_ rng: inout Xoshiro256StarStar) -> Double {
    Double((rng.next() >> 11) &+ 1) * 0x1.0p-53
}
