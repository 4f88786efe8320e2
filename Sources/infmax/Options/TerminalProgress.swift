import CSupport
import Foundation
import InfluenceKit
import Synchronization

/// Standard error for the CLI: messages, progress lines and notes all go through here.
enum StandardError {
    /// Writes `text` as is (add the newline yourself).
    static func write(_ text: String) {
        fputs(text, ik_stderr())
        fflush(ik_stderr())
    }

    /// Whether standard error is a terminal (progress is drawn only there).
    static var isTerminal: Bool { ik_isatty_stderr() != 0 }
}

/// The CLI's progress line and notes on standard error: a phase shows progress only once it has
/// run for a second, redrawn at most four times a second by worker 0 (so workers never wait on
/// each other), and erased when the phase ends. Notes are printed as `note: …` lines.
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    let showsProgress: Bool
    let showsNotes: Bool
    private let done = Atomic<Int>(0)
    private let lock = NSLock()
    private var phase = ""
    private var total = 0
    private var unit = ""
    private var started = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var drew = false

    init(showsProgress: Bool, showsNotes: Bool) {
        self.showsProgress = showsProgress
        self.showsNotes = showsNotes
    }

    func begin(_ phase: String, total: Int, unit: String) {
        guard showsProgress else { return }
        lock.withLock {
            self.phase = phase
            self.total = total
            self.unit = unit
            started = ContinuousClock.now
            lastDraw = started
            drew = false
        }
        done.store(0, ordering: .relaxed)
    }

    func advance(by count: Int, worker: Int) {
        guard showsProgress else { return }
        let finished = done.wrappingAdd(count, ordering: .relaxed).newValue
        guard worker == 0 else { return }
        lock.withLock {
            let now = ContinuousClock.now
            guard now - started >= .seconds(1), now - lastDraw >= .milliseconds(250) else { return }
            lastDraw = now
            drew = true
            let percent = total > 0 ? min(100, finished * 100 / total) : 0
            StandardError.write("\r\(phase): \(finished)/\(total) \(unit) (\(percent)%)\u{1B}[K")
        }
    }

    func end() {
        guard showsProgress else { return }
        lock.withLock {
            guard drew else { return }
            let elapsed = ContinuousClock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            StandardError.write("\r\(phase): \(total) \(unit) in \(fixed(seconds, 1)) s\u{1B}[K\n")
            drew = false
        }
    }

    func note(_ text: String) {
        guard showsNotes else { return }
        StandardError.write("note: \(text)\n")
    }
}
