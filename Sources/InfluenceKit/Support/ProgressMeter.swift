import CSupport

/// Progress lines and notes on standard error for long phases.
///
/// A phase shows progress only once it has run for a second, and only when progress is enabled
/// (the CLI enables it when standard error is a terminal and `--quiet` is not given). Workers call
/// `advance(by:worker:)` after each finished task; only worker 0 draws, at most four times a
/// second, so the hot loops never wait on each other. Progress never influences results.
public final class ProgressMeter: @unchecked Sendable {
    /// Draw progress lines.
    public let showsProgress: Bool
    /// Print notes (memory estimates, what a run is about to do).
    public let showsNotes: Bool

    private let done = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    private var phase = ""
    private var total = 0
    private var unit = ""
    private var started = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var drew = false

    /// A meter showing what the flags allow. Complexity: O(1).
    public init(showsProgress: Bool, showsNotes: Bool) {
        self.showsProgress = showsProgress
        self.showsNotes = showsNotes
        done.initialize(to: 0)
    }

    /// A meter that shows nothing.
    public static var silent: ProgressMeter { ProgressMeter(showsProgress: false, showsNotes: false) }

    deinit { done.deallocate() }

    /// Starts a phase of `total` units (call from the coordinating thread, not from workers).
    /// Complexity: O(1).
    public func begin(_ phase: String, total: Int, unit: String) {
        guard showsProgress else { return }
        self.phase = phase
        self.total = total
        self.unit = unit
        done.pointee = 0
        started = ContinuousClock.now
        lastDraw = started
        drew = false
    }

    /// Records `count` finished units; worker 0 redraws the line when it is due.
    ///
    /// Complexity: O(1); one atomic add, and on worker 0 one clock read.
    @inline(__always)
    public func advance(by count: Int, worker: Int) {
        guard showsProgress else { return }
        let now = ik_atomic_fetch_add(done, count) + count
        if worker == 0 { drawIfDue(now) }
    }

    private func drawIfDue(_ finished: Int) {
        let now = ContinuousClock.now
        guard now - started >= .seconds(1), now - lastDraw >= .milliseconds(250) else { return }
        lastDraw = now
        drew = true
        let percent = total > 0 ? min(100, finished * 100 / total) : 0
        StandardError.write("\r\(phase): \(finished)/\(total) \(unit) (\(percent)%)   ")
    }

    /// Ends the phase, finishing the progress line when one was drawn. Complexity: O(1).
    public func end() {
        guard showsProgress, drew else { return }
        let elapsed = Stopwatch.seconds(ContinuousClock.now - started)
        StandardError.write("\r\(phase): \(total) \(unit) in \(formatSeconds(elapsed))          \n")
        drew = false
    }

    /// Prints `text` as a note line on standard error (when notes are enabled). Complexity: O(1).
    public func note(_ text: String) {
        guard showsNotes else { return }
        StandardError.write("note: \(text)\n")
    }

    private func formatSeconds(_ s: Double) -> String {
        let tenths = Int((s * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
