/// One sampling worker's scratch: one visit-mark byte per node (cleared from the member list
/// after each set, so a set costs O(|R|) to reset and the marks stay cache-resident), the growing run of
/// members it produced, their set sizes, and which task produced which part.
///
/// A workspace belongs to one worker at a time; tasks append to it in the order that worker ran
/// them, and `RRSetSampler` re-assembles the runs in task order afterwards.
final class SamplingWorkspace {
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
    var buffer: MemberBuffer
    var sizes: [UInt32] = []
    var runs: [TaskRun] = []

    init(nodeCount: Int, expectedMembers: Int) {
        self.nodeCount = nodeCount
        marks = .allocate(capacity: max(1, nodeCount))
        marks.initialize(repeating: 0, count: max(1, nodeCount))
        buffer = MemberBuffer(capacity: expectedMembers)
    }

    deinit {
        marks.deallocate()
        buffer.release()
    }

    /// Bytes held (marks, members, sizes).
    var memoryBytes: Int { nodeCount + buffer.capacity * 4 + sizes.capacity * 4 }

    /// Draws `sets` RR sets for global task `task` from stream `stream` of `seed` and keeps them.
    ///
    /// Complexity: the sampling cost of the sets.
    @inline(__always)
    func generate<Model: ReverseSamplingModel>(_ model: Model, task: Int, sets: Int, seed: UInt64, stream: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed, stream: stream)
        var buffer = self.buffer
        var sizes = self.sizes
        self.sizes = []
        let marks = self.marks
        let bound = UInt64(nodeCount)
        let memberStart = buffer.count, sizeStart = sizes.count
        for _ in 0..<sets {
            let before = buffer.count
            let root = UInt32(truncatingIfNeeded: rng.nextBelow(bound))
            _ = model.sample(root: root, rng: &rng, marks: marks, buffer: &buffer, stop: NeverStop())
            buffer.clearMarks(marks, from: before)
            sizes.append(UInt32(truncatingIfNeeded: buffer.count &- before))
        }
        runs.append(TaskRun(task: task, memberStart: memberStart, memberCount: buffer.count - memberStart,
                            sizeStart: sizeStart, setCount: sets))
        self.buffer = buffer
        self.sizes = sizes
    }

    /// Draws `sets` RR sets from stream `stream` of `seed`, stopping each as soon as it reaches a
    /// flagged node, and returns how many reached one. Nothing is kept.
    ///
    /// Complexity: at most the sampling cost of the sets.
    @inline(__always)
    func countReaching<Model: ReverseSamplingModel>(_ model: Model, flags: UnsafePointer<UInt8>, sets: Int,
                                                     seed: UInt64, stream: UInt64) -> Int {
        var rng = Xoshiro256StarStar(seed: seed, stream: stream)
        var buffer = self.buffer
        let marks = self.marks
        let bound = UInt64(nodeCount)
        let stop = StopAtFlagged(flags: flags)
        var reached = 0
        for _ in 0..<sets {
            buffer.count = 0
            let root = UInt32(truncatingIfNeeded: rng.nextBelow(bound))
            if model.sample(root: root, rng: &rng, marks: marks, buffer: &buffer, stop: stop) {
                reached &+= 1
            }
            buffer.clearMarks(marks, from: 0)
        }
        buffer.count = 0
        self.buffer = buffer
        return reached
    }
}
