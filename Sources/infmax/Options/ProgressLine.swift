import Foundation
import InfluenceKit

/// A progress line on standard error for long runs: drawn only when stderr is a terminal and the
/// work has taken more than a second, redrawn at most ten times a second, erased when done.
/// Safe to call from worker threads.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var visible = false
    private let enabled: Bool
    private let title: String

    init(_ title: String, enabled: Bool = stderrIsTerminal) {
        self.title = title
        self.enabled = enabled
    }

    /// Reports `done` of `total` units.
    func update(_ done: Int, of total: Int, unit: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        guard now - start >= .seconds(1) else { return }
        if let lastDrawn, now - lastDrawn < .milliseconds(100) { return }
        lastDrawn = now
        visible = true
        let percent = total > 0 ? 100 * done / total : 0
        StandardError.write("\r\(title): \(done) / \(total) \(unit) (\(percent)%)\u{1B}[K")
    }

    /// Erases the line if it was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if visible { StandardError.write("\r\u{1B}[K") }
        visible = false
    }
}
