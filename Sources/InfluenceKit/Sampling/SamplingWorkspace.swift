import CSupport

/// One sampling worker's scratch: one visit-mark byte per node, the growing run of members it
/// produced, their set sizes, which task produced which part, and the lanes of interleaved sets.
///
/// Interleaving: a task draws its sets `lanes` at a time, expanding one node of each unfinished
/// set in turn. Drawing an RR set is a chain of dependent memory reads (a node's record, then one
/// of its in-arcs, then that source's marks and record); several independent chains in flight
/// let the processor overlap their cache misses. Each lane owns one bit of the mark bytes, so a
/// byte marks up to eight sets at once; marks are cleared from a set's members when it ends, so a
/// set costs O(|R|) to reset and the marks stay cache-resident. A task's sets come from one
/// random stream in a fixed schedule (the lane count is the sampler's, never the thread count's),
/// so its content never depends on the thread that ran it.
final class SamplingWorkspace {
    /// The most sets drawn at once (one mark bit each).
    static let maxLanes = 8

    /// Where one task's sets sit in this workspace.
    struct TaskRun {
        var task: Int
        var memberStart: Int
        var memberCount: Int
        var sizeStart: Int
        var setCount: Int
    }

    let nodeCount: Int
    let marks: UnsafeMutablePointer<UInt8>
    /// Finished sets, back to back.
    var buffer: MemberBuffer
    var sizes: [UInt32] = []
    var runs: [TaskRun] = []
    /// Residual draws (`generate(…, stopAt:)`): sets that reached a flagged node, by the node
    /// they stopped at (counted, not stored).
    var stopsAt: [UInt32: Int] = [:]
    /// Each lane's set in progress (it doubles as the BFS queue) and next member to expand
    /// (−1: the lane is idle).
    let laneSets: UnsafeMutablePointer<MemberBuffer>
    let laneHeads: UnsafeMutablePointer<Int>

    /// Sets drawn at once per task.
    let lanes: Int

    init(nodeCount: Int, expectedMembers: Int, lanes: Int) {
        precondition(lanes >= 1 && lanes <= Self.maxLanes)
        self.nodeCount = nodeCount
        self.lanes = lanes
        marks = .allocate(capacity: max(1, nodeCount))
        marks.initialize(repeating: 0, count: max(1, nodeCount))
        buffer = MemberBuffer(capacity: expectedMembers)
        laneSets = .allocate(capacity: lanes)
        laneHeads = .allocate(capacity: lanes)
        for l in 0..<lanes {
            (laneSets + l).initialize(to: MemberBuffer(capacity: 256))
            (laneHeads + l).initialize(to: -1)
        }
    }

    deinit {
        marks.deallocate()
        buffer.release()
        for l in 0..<lanes { laneSets[l].release() }
        laneSets.deallocate()
        laneHeads.deallocate()
    }

    /// Bytes held (marks, members, sizes, lanes).
    var memoryBytes: Int {
        var laneBytes = 0
        for l in 0..<lanes { laneBytes += laneSets[l].capacity * 4 }
        return nodeCount + buffer.capacity * 4 + sizes.capacity * 4 + laneBytes
    }

    /// Draws `sets` RR sets (`lanes` at a time) from stream `stream` of `seed`, handing each
    /// finished one to `sink`. Roots are uniform at random, or, with `firstRoot`, stratified: the
    /// i-th set is rooted at node (firstRoot + i) mod n.
    ///
    /// Complexity: the sampling cost of the sets, plus one copy of each finished set.
    @inline(__always)
    func draw<Model: ReverseSamplingKernel, Stop: RRStopRule, Sink: RRSetSink>(
        _ model: Model, sets: Int, seed: UInt64, stream: UInt64, stop: Stop, into sink: inout Sink, firstRoot: Int? = nil
    ) {
        var rng = Xoshiro256StarStar(seed: seed, stream: stream)
        let marks = self.marks
        let bound = UInt64(nodeCount)
        let lanes = min(self.lanes, sets)
        var started = 0, active = 0

        /// Starts a set in lane `l`; returns false when its root already ends it.
        @inline(__always) func start(_ l: Int) -> Bool {
            let root = firstRoot.map { UInt32(truncatingIfNeeded: ($0 &+ started) % nodeCount) }
                ?? UInt32(truncatingIfNeeded: rng.nextBelow(bound))
            marks[Int(root)] |= UInt8(1) << l
            laneSets[l].count = 0
            laneSets[l].append(root)
            ik_prefetch(marks + Int(root))
            laneHeads[l] = 0
            started &+= 1
            return stop.stops(at: root)
        }
        /// Hands lane `l`'s set to the sink, clears its marks, and starts the next set or idles.
        @inline(__always) func finish(_ l: Int, covered: Bool) {
            var covered = covered
            while true {
                sink.take(laneSets[l], covered: covered)
                laneSets[l].clearMarks(marks, bit: UInt8(1) << l)
                if started == sets {
                    laneHeads[l] = -1
                    active &-= 1
                    return
                }
                covered = start(l)
                if !covered { return }
            }
        }

        for l in 0..<lanes {
            active &+= 1
            if start(l) { finish(l, covered: true) }
        }
        while active > 0 {
            for l in 0..<lanes {
                let head = laneHeads[l]
                if head < 0 { continue }
                var set = laneSets[l]
                let reached = set.base[head]
                let stopped = model.expand(reached, rng: &rng, marks: marks, bit: UInt8(1) << l, buffer: &set, stop: stop)
                laneSets[l] = set
                if stopped || head &+ 1 == set.count {
                    finish(l, covered: stopped)
                } else {
                    laneHeads[l] = head &+ 1
                }
            }
        }
    }

    /// Draws `sets` RR sets for global task `task` from stream `stream` of `seed` and keeps them.
    /// With `stopAt` (a residual pool's sentinel flags), each set stops at the first flagged node it
    /// reaches and is then only counted in `stopsAt`; the others are kept whole.
    ///
    /// Complexity: the sampling cost of the sets.
    @inline(__always)
    func generate<Model: ReverseSamplingKernel>(_ model: Model, task: Int, sets: Int, seed: UInt64, stream: UInt64,
                                               firstRoot: Int? = nil, stopAt: UnsafePointer<UInt8>? = nil) {
        let memberStart = buffer.count, sizeStart = sizes.count
        let kept: Int
        if let stopAt {
            var sink = ResidualSets(buffer: buffer, sizes: sizes, stopsAt: stopsAt)
            sizes = []
            stopsAt = [:]
            draw(model, sets: sets, seed: seed, stream: stream, stop: StopAtFlagged(flags: stopAt), into: &sink, firstRoot: firstRoot)
            kept = sink.sizes.count - sizeStart
            buffer = sink.buffer
            sizes = sink.sizes
            stopsAt = sink.stopsAt
        } else {
            var sink = StoreSets(buffer: buffer, sizes: sizes)
            sizes = []
            draw(model, sets: sets, seed: seed, stream: stream, stop: NeverStop(), into: &sink, firstRoot: firstRoot)
            kept = sets
            buffer = sink.buffer
            sizes = sink.sizes
        }
        runs.append(TaskRun(task: task, memberStart: memberStart, memberCount: buffer.count - memberStart,
                            sizeStart: sizeStart, setCount: kept))
    }

    /// Draws `sets` RR sets from stream `stream` of `seed`, stopping each as soon as it reaches a
    /// flagged node, and returns how many reached one. Nothing is kept.
    ///
    /// Complexity: at most the sampling cost of the sets.
    @inline(__always)
    func countReaching<Model: ReverseSamplingKernel>(_ model: Model, flags: UnsafePointer<UInt8>, sets: Int,
                                                     seed: UInt64, stream: UInt64) -> Int {
        var sink = CountCovered()
        draw(model, sets: sets, seed: seed, stream: stream, stop: StopAtFlagged(flags: flags), into: &sink)
        return sink.covered
    }
}

/// Receives finished RR sets.
protocol RRSetSink {
    /// `set` is finished (`covered`: it stopped at a flagged node).
    mutating func take(_ set: MemberBuffer, covered: Bool)
}

/// Keeps finished sets back to back with their sizes.
struct StoreSets: RRSetSink {
    var buffer: MemberBuffer
    var sizes: [UInt32]

    @inline(__always)
    mutating func take(_ set: MemberBuffer, covered: Bool) {
        buffer.append(contentsOf: set)
        sizes.append(UInt32(truncatingIfNeeded: set.count))
    }
}

/// Keeps the finished sets that reached no flagged node, and counts the others by the node they
/// stopped at (the last member: a walk stops as soon as it appends a flagged node).
struct ResidualSets: RRSetSink {
    var buffer: MemberBuffer
    var sizes: [UInt32]
    var stopsAt: [UInt32: Int]

    @inline(__always)
    mutating func take(_ set: MemberBuffer, covered: Bool) {
        if covered {
            stopsAt[set.base[set.count &- 1], default: 0] &+= 1
        } else {
            buffer.append(contentsOf: set)
            sizes.append(UInt32(truncatingIfNeeded: set.count))
        }
    }
}

/// Counts finished sets that reached a flagged node.
struct CountCovered: RRSetSink {
    var covered = 0

    @inline(__always)
    mutating func take(_ set: MemberBuffer, covered: Bool) {
        if covered { self.covered &+= 1 }
    }
}
