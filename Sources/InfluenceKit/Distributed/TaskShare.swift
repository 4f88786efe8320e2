/// The tasks of an RR-set pool (or of an evaluation count) one rank draws when a run is spread
/// over `size` ranks: task t belongs to rank t mod size. Tasks are the sampler's units of 256 sets,
/// each on its own stream (seed, pool, global task index), so the union of the ranks' shares is
/// exactly the single-process pool, task for task, and every doubling of a pool is spread evenly.
public struct TaskShare: Sendable, Equatable {
    /// This rank, in `0..<size`.
    public let rank: Int
    /// The number of ranks.
    public let size: Int

    /// Rank `rank` of `size`. Complexity: O(1).
    public init(rank: Int, size: Int) {
        precondition(size >= 1 && rank >= 0 && rank < size, "rank \(rank) of \(size)")
        self.rank = rank
        self.size = size
    }

    /// The whole pool: one process.
    public static let whole = TaskShare(rank: 0, size: 1)

    /// This rank's share of `communicator`.
    /// Complexity: O(1).
    public init(_ communicator: any Communicator) {
        self.init(rank: communicator.rank, size: communicator.size)
    }

    /// The first task at or after `task` that this rank owns. Complexity: O(1).
    public func firstOwned(atOrAfter task: Int) -> Int {
        task + ((rank - task % size) % size + size) % size
    }

    /// How many of the tasks `first..<end` this rank owns. Complexity: O(1).
    public func ownedCount(from first: Int, to end: Int) -> Int {
        let start = firstOwned(atOrAfter: first)
        return start < end ? (end - start + size - 1) / size : 0
    }

    /// This rank's sets among the first `sets` of a pool (one process: `sets` itself; else whole
    /// tasks). Complexity: O(1).
    public func localSets(of sets: Int) -> Int {
        guard size > 1 else { return sets }
        let tasks = (sets + RRSetSampler.setsPerTask - 1) / RRSetSampler.setsPerTask
        return ownedCount(from: 0, to: tasks) * RRSetSampler.setsPerTask
    }
}
