/// Reverse-sampling work handed to a model's `runReverse(_:tables:)`, which runs it with the
/// model's own kernel: the engine's loops (drawing pools, counting covered sets, pilots) are
/// generic over the kernel and instantiated once per model, so they are specialised at compile
/// time.
///
/// Part of the `Kernels` SPI: built and read only inside InfluenceKit; a model (in this module or
/// another) only calls `run(kernel:)` on it.
@_spi(Kernels) public final class ReverseWork: @unchecked Sendable {
    enum Job {
        /// Draws tasks `firstTask + i·taskStride` for i in `0..<taskCount` of pool `poolID` into
        /// worker spaces (a stride of 1 in one process; the rank count in a distributed run);
        /// `stratified`: set j of the pool is rooted at node j mod n instead of at random;
        /// `stopAt` (a residual pool's sentinel flags, one byte a node): sets stop at the first
        /// flagged node and are counted, not kept.
        case generate(firstTask: Int, taskCount: Int, taskStride: Int, poolID: UInt64, expectedMembers: Int, stratified: Bool = false,
                      stopAt: [UInt8]? = nil)
        /// Draws tasks `firstTask + i·taskStride` for i in `0..<taskCount` of pool `poolID`,
        /// counting the sets that reach a flagged node.
        case count(firstTask: Int, taskCount: Int, taskStride: Int, poolID: UInt64, flags: [UInt8])
        /// Mean size of `sets` pilot sets drawn one at a time.
        case pilot(sets: Int)
    }

    let nodeCount: Int
    let job: Job
    let seed: UInt64
    let workers: Int
    let lanes: Int
    let progress: any ProgressReporter

    /// `.generate`: the worker spaces holding the drawn tasks.
    var spaces: [SamplingWorkspace] = []
    /// `.count`: sets that reached a flagged node.
    var covered = 0
    /// `.pilot`: the mean set size.
    var meanSize = 0.0

    init(nodeCount: Int, job: Job, seed: UInt64, workers: Int, lanes: Int, progress: any ProgressReporter) {
        self.nodeCount = nodeCount
        self.job = job
        self.seed = seed
        self.workers = max(1, workers)
        self.lanes = lanes
        self.progress = progress
    }

    /// Runs the job with `kernel` (called by the model's `runReverse`, with its concrete kernel).
    ///
    /// Complexity: the job's sets, each O(Σ expansion costs of its members).
    public func run<Kernel: ReverseSamplingKernel>(kernel: Kernel) {
        switch job {
        case let .generate(firstTask, taskCount, taskStride, poolID, expectedMembers, stratified, stopAt):
            generate(kernel, firstTask: firstTask, taskCount: taskCount, taskStride: taskStride, poolID: poolID,
                     expectedMembers: expectedMembers, stratified: stratified, stopAt: stopAt)
        case let .count(firstTask, taskCount, taskStride, poolID, flags):
            count(kernel, firstTask: firstTask, taskCount: taskCount, taskStride: taskStride, poolID: poolID, flags: flags)
        case let .pilot(sets):
            pilot(kernel, sets: sets)
        }
    }

    private func generate<Kernel: ReverseSamplingKernel>(_ kernel: Kernel, firstTask: Int, taskCount: Int, taskStride: Int,
                                                          poolID: UInt64, expectedMembers: Int, stratified: Bool, stopAt: [UInt8]?) {
        let workers = max(1, min(self.workers, taskCount))
        let spaces = (0..<workers).map { _ in SamplingWorkspace(nodeCount: nodeCount, expectedMembers: expectedMembers, lanes: lanes) }
        let perTask = RRSetSampler.setsPerTask
        let seed = self.seed, progress = self.progress
        let flags = stopAt ?? []
        flags.withUnsafeBufferPointer { flagBuffer in
            let shared = UnsafeSharing(stopAt == nil ? nil : flagBuffer.baseAddress)
            Parallel.forEachTask(taskCount, workers: workers, cancellable: true) { worker, t in
                // A cancelled run draws nothing more; `RRSetSampler.extend` then throws.
                if progress.isCancelled { return }
                let task = firstTask + t * taskStride
                spaces[worker].generate(kernel, task: task, sets: perTask, seed: seed,
                                        stream: RRSetSampler.stream(pool: poolID, task: task),
                                        firstRoot: stratified ? task * perTask : nil, stopAt: shared.value)
                progress.advance(by: perTask, worker: worker)
            }
        }
        self.spaces = spaces
    }

    private func count<Kernel: ReverseSamplingKernel>(_ kernel: Kernel, firstTask: Int, taskCount: Int, taskStride: Int,
                                                       poolID: UInt64, flags: [UInt8]) {
        let workers = max(1, min(self.workers, taskCount))
        let spaces = (0..<workers).map { _ in SamplingWorkspace(nodeCount: nodeCount, expectedMembers: 1024, lanes: lanes) }
        let perTask = RRSetSampler.setsPerTask
        let seed = self.seed, progress = self.progress
        // One total per worker, not per task: the sum of integers does not depend on which
        // worker drew which task, and the memory stays O(workers) for any number of sets.
        var totals = [Int](repeating: 0, count: workers)
        totals.withUnsafeMutableBufferPointer { totalBuffer in
            flags.withUnsafeBufferPointer { flagBuffer in
                let shared = UnsafeSharing((totalBuffer, flagBuffer.baseAddress!))
                Parallel.forEachTask(taskCount, workers: workers, cancellable: true) { worker, t in
                    // A cancelled run draws nothing more; its caller throws.
                    if progress.isCancelled { return }
                    let (totalBuffer, flags) = shared.value
                    totalBuffer[worker] &+= spaces[worker].countReaching(kernel, flags: flags, sets: perTask, seed: seed,
                                                                         stream: RRSetSampler.stream(pool: poolID, task: firstTask + t * taskStride))
                    progress.advance(by: perTask, worker: worker)
                }
            }
        }
        covered = totals.reduce(0, &+)
    }

    private func pilot<Kernel: ReverseSamplingKernel>(_ kernel: Kernel, sets: Int) {
        let space = SamplingWorkspace(nodeCount: nodeCount, expectedMembers: 1024, lanes: 1)
        var total = 0
        for j in 0..<sets {
            space.generate(kernel, task: j, sets: 1, seed: seed, stream: RRSetSampler.stream(pool: RRPool.pilot, task: j))
            total += space.buffer.count
            space.buffer.count = 0
            space.sizes.removeAll(keepingCapacity: true)
            space.runs.removeAll(keepingCapacity: true)
        }
        meanSize = Double(total) / Double(max(1, sets))
    }
}
