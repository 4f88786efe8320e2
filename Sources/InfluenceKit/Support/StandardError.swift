import CSupport
#if canImport(Glibc)
import Glibc
#endif

/// Standard error, reachable under Swift 6 strict concurrency (progress lines and messages).
public enum StandardError {
    /// Writes `text` as is (add the newline yourself).
    public static func write(_ text: String) {
        fputs(text, ik_stderr())
        fflush(ik_stderr())
    }

    /// Whether standard error is a terminal (progress is drawn only there).
    public static var isTerminal: Bool { ik_isatty_stderr() != 0 }
}
