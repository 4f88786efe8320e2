/// One diffusion model's reverse sampling step: how an RR set grows from its root.
///
/// `RRSetSampler` is generic over this protocol, so each model's hot loop is specialised at
/// compile time (no dynamic dispatch per arc). Conforming types hold unsafe pointers into the
/// graph and the sampler's tables; they exist only inside the sampler's scoped dispatch.
///
/// Part of the `Kernels` SPI: a model hands its kernel to `ReverseWork.run(kernel:)` in its
/// `runReverse(_:tables:)`. A kernel draws only from `rng` (the set's stream), so sets do not
/// depend on the thread count.
@_spi(Kernels) public protocol ReverseSamplingKernel {
    /// Expands one reached node `node` of an RR set: draws its live in-arcs (IC) or its one chosen
    /// in-arc (LT) and appends to `buffer` every source whose `marks` lack `bit`, setting the bit.
    /// Returns true as soon as `stop` says an appended node ends the set (used to test coverage by
    /// a seed set without storing sets).
    ///
    /// An RR set is its root followed by the nodes appended while expanding every member in order
    /// (a reverse BFS; under LT, a walk, since at most one node is appended per expansion).
    ///
    /// Complexity: O(1 + arcs examined); with subset sampling, arcs examined is about the number
    /// of live arcs rather than the in-degree.
    func expand<Stop: RRStopRule>(_ node: UInt32, rng: inout Xoshiro256StarStar, marks: UnsafeMutablePointer<UInt8>,
                                  bit: UInt8, buffer: inout MemberBuffer, stop: Stop) -> Bool
}

/// Decides whether reaching a node ends an RR-set walk early (part of the `Kernels` SPI: a
/// kernel asks it about every node it appends).
@_spi(Kernels) public protocol RRStopRule {
    /// Whether appending `node` ends the set (it reached a flagged node). Complexity: O(1).
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
/// Part of the `Kernels` SPI: a kernel only appends to it.
@_spi(Kernels) public struct MemberBuffer {
    var base: UnsafeMutablePointer<UInt32>
    var count: Int
    var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        count = 0
    }

    /// Appends `value` (a node newly in the set). Complexity: amortised O(1).
    @inline(__always)
    public mutating func append(_ value: UInt32) {
        if count == capacity { grow() }
        base[count] = value
        count &+= 1
    }

    /// Appends all of `other`'s members.
    @inline(__always)
    mutating func append(contentsOf other: MemberBuffer) {
        while capacity &- count < other.count { grow() }
        (base + count).update(from: other.base, count: other.count)
        count &+= other.count
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

    /// Clears `bit` in the marks of every member.
    @inline(__always)
    func clearMarks(_ marks: UnsafeMutablePointer<UInt8>, bit: UInt8) {
        let keep = ~bit
        var i = 0
        while i < count {
            marks[Int(base[i])] &= keep
            i &+= 1
        }
    }

    /// Releases the storage (the owner calls this once).
    func release() { base.deallocate() }
}
