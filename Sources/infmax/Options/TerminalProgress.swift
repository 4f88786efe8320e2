import CSupport
import FoundationEssentials
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

/// How a command shows its progress on standard error.
enum ProgressMode: Sendable, Equatable {
    /// Nothing (--quiet, or standard error is neither a terminal nor asked for lines).
    case off
    /// One line redrawn in place on a terminal.
    case terminal
    /// Plain timestamped lines, for logs: `--progress` or `INFMAX_PROGRESS=1`.
    case lines

    /// The mode `--quiet` and `--progress` (or the environment's `INFMAX_PROGRESS=1`) ask for.
    static func resolve(quiet: Bool, lines: Bool) -> ProgressMode {
        if quiet { return .off }
        if lines || ProcessInfo.processInfo.environment["INFMAX_PROGRESS"] == "1" { return .lines }
        return StandardError.isTerminal ? .terminal : .off
    }

    /// The mode of this run, set when the command's `--quiet` and `--progress` are read (loading
    /// a graph reports through it before any reporter exists).
    nonisolated(unsafe) static var current: ProgressMode = .resolve(quiet: false, lines: false)

    /// How long a phase runs before its progress shows: one second, or `INFMAX_PROGRESS_AFTER`
    /// seconds (0 shows it from the first step, as tests do).
    static let delay: Duration = {
        if let text = ProcessInfo.processInfo.environment["INFMAX_PROGRESS_AFTER"], let seconds = Double(text), seconds >= 0, seconds.isFinite {
            return .milliseconds(Int64(seconds * 1000))
        }
        return .seconds(1)
    }()

    /// `2026-12-07T19:40:01Z`: the timestamp of a progress line.
    static func timestamp() -> String { Date().ISO8601Format() }
}

/// The CLI's progress on standard error. A phase shows progress once it has run for a second:
/// on a terminal one line redrawn at most four times a second; as log lines (`--progress`)
/// a timestamped line every five seconds. Both give the share done and an estimate of the time
/// left (from the rate so far). Only worker 0 draws, so workers never wait on each other. Notes are
/// printed as `note: …` lines unless quiet.
final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    let mode: ProgressMode
    let showsNotes: Bool
    private let done = Atomic<Int>(0)
    private let lock = Mutex<Void>(())
    private var phase = ""
    private var total = 0
    private var unit = ""
    private var extra = ""
    private var started = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var drew = false

    init(mode: ProgressMode, showsNotes: Bool) {
        self.mode = mode
        self.showsNotes = showsNotes
    }

    /// Whether any progress is shown.
    var showsProgress: Bool { mode != .off }

    func begin(_ phase: String, total: Int, unit: String) {
        guard showsProgress else { return }
        lock.withLock { _ in
            self.phase = phase
            self.total = total
            self.unit = unit
            extra = ""
            started = ContinuousClock.now
            lastDraw = started
            drew = false
        }
        done.store(0, ordering: .relaxed)
    }

    /// A detail shown after the count (the loss of the last epoch, …) on the next draw.
    func detail(_ text: String) {
        guard showsProgress else { return }
        lock.withLock { _ in extra = text }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// `12 s`, `3 min 5 s`, `1 h 2 min`.
    static func timeLeft(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }

    /// `phase: done/total unit (p%), about T left` (no estimate before the first step).
    private func status(_ finished: Int, elapsed: Double) -> String {
        var text = "\(phase): \(finished)/\(total) \(unit)"
        if total > 0 {
            text += " (\(min(100, finished * 100 / total))%)"
            if finished > 0, finished < total {
                text += ", about \(Self.timeLeft(elapsed * Double(total - finished) / Double(finished))) left"
            }
        }
        if !extra.isEmpty { text += ", " + extra }
        return text
    }

    func advance(by count: Int, worker: Int) {
        guard showsProgress else { return }
        let finished = done.wrappingAdd(count, ordering: .relaxed).newValue
        guard worker == 0 else { return }
        lock.withLock { _ in
            let now = ContinuousClock.now
            let interval: Duration = mode == .lines ? .seconds(5) : .milliseconds(250)
            guard now - started >= ProgressMode.delay, !drew || now - lastDraw >= interval else { return }
            lastDraw = now
            drew = true
            let line = status(finished, elapsed: Self.seconds(now - started))
            if mode == .lines {
                StandardError.write("\(ProgressMode.timestamp()) \(line)\n")
            } else {
                StandardError.write("\r\(line)\u{1B}[K")
            }
        }
    }

    func end() {
        guard showsProgress else { return }
        lock.withLock { _ in
            guard drew else { return }
            let seconds = Self.seconds(ContinuousClock.now - started)
            let line = "\(phase): \(total) \(unit) in \(fixed(seconds, 1)) s"
            if mode == .lines {
                StandardError.write("\(ProgressMode.timestamp()) \(line)\n")
            } else {
                StandardError.write("\r\(line)\u{1B}[K\n")
            }
            drew = false
        }
    }

    func note(_ text: String) {
        guard showsNotes else { return }
        StandardError.write("note: \(text)\n")
    }
}
