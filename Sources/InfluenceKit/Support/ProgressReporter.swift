/// Where long-running library work reports progress. The library never prints: a caller that wants
/// a progress line (the CLI draws one on a terminal) passes a reporter; a pipeline may pass
/// `SilentProgress()` (the default everywhere) or its own logger.
///
/// `begin` and `end` are called from the coordinating thread; `advance` from worker threads after
/// each finished task, so it must be thread-safe and cheap. Progress never influences results.
public protocol ProgressReporter: Sendable {
    /// A phase of `total` units (`unit`: "RR sets", "runs", "nodes") starts.
    func begin(_ phase: String, total: Int, unit: String)
    /// `count` more units of the current phase are done (`worker`: the worker's index).
    func advance(by count: Int, worker: Int)
    /// The current phase ended.
    func end()
    /// Something the caller may want to tell a user (a memory estimate, a cap reached).
    func note(_ text: String)
    /// Whether the caller asked the work to stop: engines poll it between tasks and stop
    /// drawing work when it is true (the use case then throws `InfluenceError.cancelled`).
    var isCancelled: Bool { get }
}

extension ProgressReporter {
    /// Never cancelled, unless a reporter says otherwise. Complexity: O(1).
    public var isCancelled: Bool { false }
}

/// A reporter that ignores everything.
public struct SilentProgress: ProgressReporter {
    /// A reporter that ignores everything. Complexity: O(1).
    public init() {}
    public func begin(_ phase: String, total: Int, unit: String) {}
    public func advance(by count: Int, worker: Int) {}
    public func end() {}
    public func note(_ text: String) {}
}
