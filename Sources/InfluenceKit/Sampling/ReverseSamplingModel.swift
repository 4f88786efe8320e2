/// One diffusion model's reverse sampling step: how an RR set grows from its root.
///
/// `RRSetSampler` is generic over this protocol, so each model's hot loop is specialised at
/// compile time (no dynamic dispatch per arc). Conforming types hold unsafe pointers into the
/// graph and the sampler's tables; they exist only inside the sampler's scoped helpers.
protocol ReverseSamplingModel {
    /// Draws the RR set rooted at `root` into `buffer` (root first), setting `marks` of every
    /// node it appends (the caller clears them from the buffer afterwards). Returns true, leaving
    /// the set unfinished, as soon as `stop` says an appended node ends the walk (used to test
    /// coverage by a seed set without storing sets).
    ///
    /// Complexity: O(|R| + arcs examined); with subset sampling, arcs examined is about the
    /// number of live arcs rather than the in-degrees.
    func sample<Stop: RRStopRule>(root: UInt32, rng: inout Xoshiro256StarStar, marks: UnsafeMutablePointer<UInt8>,
                                  buffer: inout MemberBuffer, stop: Stop) -> Bool
}

/// Decides whether reaching a node ends an RR-set walk early.
protocol RRStopRule {
    func stops(at node: UInt32) -> Bool
}

/// Never stops: the whole RR set is drawn.
struct NeverStop: RRStopRule {
    @inline(__always) func stops(at node: UInt32) -> Bool { false }
}

/// Stops at the first node whose flag is set (a seed): the set is then known to be covered.
struct StopAtFlagged: RRStopRule {
    let flags: UnsafePointer<UInt8>
    @inline(__always) func stops(at node: UInt32) -> Bool { flags[Int(node)] != 0 }
}

/// A growable run of `UInt32` members owned by a sampling worker; it doubles as the BFS queue.
struct MemberBuffer {
    var base: UnsafeMutablePointer<UInt32>
    var count: Int
    var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        count = 0
    }

    @inline(__always)
    mutating func append(_ value: UInt32) {
        if count == capacity { grow() }
        base[count] = value
        count &+= 1
    }

    @inline(never)
    mutating func grow() {
        let larger = capacity * 2
        let fresh = UnsafeMutablePointer<UInt32>.allocate(capacity: larger)
        fresh.moveInitialize(from: base, count: count)
        base.deallocate()
        base = fresh
        capacity = larger
    }

    /// Clears the marks of members `from..<count`.
    @inline(__always)
    func clearMarks(_ marks: UnsafeMutablePointer<UInt8>, from start: Int) {
        var i = start
        while i < count {
            marks[Int(base[i])] = 0
            i &+= 1
        }
    }

    /// Releases the storage (the owner calls this once).
    func release() { base.deallocate() }
}
