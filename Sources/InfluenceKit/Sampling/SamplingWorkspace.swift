/// One sampling worker's scratch: epoch-stamped visit marks over the nodes, the growing run of
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
    let marks: UnsafeMutablePointer<UInt32>
    var epoch: UInt32 = 0
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
    var memoryBytes: Int { nodeCount * 4 + buffer.capacity * 4 + sizes.capacity * 4 }

    /// Draws `sets` RR sets for global task `task` from stream `stream` of `seed` and keeps them.
    ///
    /// Complexity: the sampling cost of the sets.
    @inline(__always)
    func generate<Model: ReverseSamplingModel>(_ model: Model, task: Int, sets: Int, seed: UInt64, stream: UInt64) {
        var rng = Xoshiro256StarStar(seed: seed, stream: stream)
        var buffer = self.buffer
        var epoch = self.epoch
        var sizes = self.sizes
        self.sizes = []
        let marks = self.marks
        let n = nodeCount
        let bound = UInt64(n)
        let memberStart = buffer.count, sizeStart = sizes.count
        for _ in 0..<sets {
            epoch &+= 1
            if epoch == 0 {
                marks.update(repeating: 0, count: n)
                epoch = 1
            }
            let before = buffer.count
            let root = UInt32(truncatingIfNeeded: rng.nextBelow(bound))
            _ = model.sample(root: root, rng: &rng, marks: marks, epoch: epoch, buffer: &buffer, stop: NeverStop())
            sizes.append(UInt32(truncatingIfNeeded: buffer.count &- before))
        }
        runs.append(TaskRun(task: task, memberStart: memberStart, memberCount: buffer.count - memberStart,
                            sizeStart: sizeStart, setCount: sets))
        self.buffer = buffer
        self.epoch = epoch
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
        var epoch = self.epoch
        let marks = self.marks
        let n = nodeCount
        let bound = UInt64(n)
        let stop = StopAtFlagged(flags: flags)
        var reached = 0
        for _ in 0..<sets {
            epoch &+= 1
            if epoch == 0 {
                marks.update(repeating: 0, count: n)
                epoch = 1
            }
            buffer.count = 0
            let root = UInt32(truncatingIfNeeded: rng.nextBelow(bound))
            if model.sample(root: root, rng: &rng, marks: marks, epoch: epoch, buffer: &buffer, stop: stop) {
                reached &+= 1
            }
        }
        buffer.count = 0
        self.buffer = buffer
        self.epoch = epoch
        return reached
    }
}
