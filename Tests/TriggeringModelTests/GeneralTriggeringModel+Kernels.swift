@_spi(Kernels) import InfluenceKit

extension GeneralTriggeringModel {
    func runForward(_ work: ForwardWork) {
        rowPosition.withUnsafeBufferPointer { position in
            outcomeOffsets.withUnsafeBufferPointer { offsets in
                masks.withUnsafeBufferPointer { masks in
                    cumulative.withUnsafeBufferPointer { cumulative in
                        work.run(rule: TriggeringArcRule(rowPosition: position.baseAddress ?? Self.noInts, outcomeOffsets: offsets.baseAddress!,
                                                         masks: masks.baseAddress!, cumulative: cumulative.baseAddress!))
                    }
                }
            }
        }
    }

    func makeReverseTables(method: RRSamplingMethod, costs: SubsetSamplingCosts) throws(InfluenceError) -> any ReverseSamplingTables {
        TriggeringTables(memoryBytes: masks.count * 16 + outcomeOffsets.count * 8)
    }

    func runReverse(_ work: ReverseWork, tables: any ReverseSamplingTables) {
        precondition(tables is TriggeringTables, "GeneralTriggeringModel.runReverse: tables made by another model")
        graph.inOffsets.withUnsafeBufferPointer { inOffsets in
            graph.inSources.withUnsafeBufferPointer { inSources in
                outcomeOffsets.withUnsafeBufferPointer { offsets in
                    masks.withUnsafeBufferPointer { masks in
                        cumulative.withUnsafeBufferPointer { cumulative in
                            work.run(kernel: TriggeringReverseKernel(inOffsets: inOffsets.baseAddress!,
                                                                     inSources: inSources.baseAddress ?? Self.noSources,
                                                                     outcomeOffsets: offsets.baseAddress!, masks: masks.baseAddress!,
                                                                     cumulative: cumulative.baseAddress!))
                        }
                    }
                }
            }
        }
    }

    /// Valid addresses for the pointers into empty arrays (never read through).
    nonisolated(unsafe) static let noInts = UnsafePointer(UnsafeMutablePointer<Int>.allocate(capacity: 1))
    nonisolated(unsafe) static let noSources = UnsafePointer(UnsafeMutablePointer<UInt32>.allocate(capacity: 1))
}

/// Which outcome of node `v` a uniform draw picks: the first whose cumulative probability reaches
/// it (the last when rounding leaves the sum a hair below the draw).
@inline(__always)
func pickOutcome(_ v: Int, draw: Double, offsets: UnsafePointer<Int>, cumulative: UnsafePointer<Double>, inclusive: Bool) -> Int {
    var o = offsets[v]
    let last = offsets[v + 1] - 1
    while o < last && (inclusive ? draw > cumulative[o] : draw >= cumulative[o]) { o += 1 }
    return o
}

/// The forward step: the head draws its triggering set once per run, from its node threshold θ_v
/// in (0, 1] (a pure function of the run and the node, so the set is the same however often it is
/// asked), and the arc activates the head when the set holds it.
struct TriggeringArcRule: ForwardArcRule {
    let rowPosition: UnsafePointer<Int>
    let outcomeOffsets: UnsafePointer<Int>
    let masks: UnsafePointer<UInt64>
    let cumulative: UnsafePointer<Double>

    var arcValues: UnsafePointer<Int> { rowPosition }

    func visit(arc: Int, targets: UnsafePointer<UInt32>, scratch: CascadeScratch, randomness: RunRandomness, tail: inout Int) {
        let v = Int(targets[arc])
        if scratch.marks[v] == scratch.active { return }
        // θ in (0, 1]: outcome o is drawn when cumulative[o − 1] < θ ≤ cumulative[o].
        let o = pickOutcome(v, draw: randomness.threshold(of: v), offsets: outcomeOffsets, cumulative: cumulative, inclusive: true)
        if (masks[o] >> UInt64(rowPosition[arc])) & 1 == 1 { scratch.activate(v, tail: &tail) }
    }
}

/// The reverse step: the reached node draws its triggering set and every tail in it joins the RR
/// set (a reverse BFS, as under IC).
struct TriggeringReverseKernel: ReverseSamplingKernel {
    let inOffsets: UnsafePointer<Int>
    let inSources: UnsafePointer<UInt32>
    let outcomeOffsets: UnsafePointer<Int>
    let masks: UnsafePointer<UInt64>
    let cumulative: UnsafePointer<Double>

    func expand<Stop: RRStopRule>(_ node: UInt32, rng: inout Xoshiro256StarStar, marks: UnsafeMutablePointer<UInt8>,
                                  bit: UInt8, buffer: inout MemberBuffer, stop: Stop) -> Bool {
        let v = Int(node)
        // u in [0, 1): outcome o is drawn when cumulative[o − 1] ≤ u < cumulative[o].
        let o = pickOutcome(v, draw: rng.nextUnitDouble(), offsets: outcomeOffsets, cumulative: cumulative, inclusive: false)
        var mask = masks[o]
        let row = inOffsets[v]
        while mask != 0 {
            let position = mask.trailingZeroBitCount
            mask &= mask - 1
            let u = inSources[row + position]
            if marks[Int(u)] & bit != 0 { continue }
            marks[Int(u)] |= bit
            buffer.append(u)
            if stop.stops(at: u) { return true }
        }
        return false
    }
}

/// The model's reverse tables live in the model itself; this only reports their size.
struct TriggeringTables: ReverseSamplingTables {
    let memoryBytes: Int
    var methodName: String { "triggering-sets" }
}
