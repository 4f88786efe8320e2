// What the benchmark drivers share: standard error, wall and CPU time.
import InfluenceKit
#if canImport(Glibc)
import Glibc
#endif

/// Standard error for the drivers (the library itself never prints).
public enum StandardError {
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress! + done, $0.count - done) }
            if n <= 0 { return }
            done += n
        }
    }
}

/// Wall seconds `body` takes.
public func seconds(_ body: () throws -> Void) rethrows -> Double {
    try Stopwatch.measure(body)
}

/// CPU seconds of all the process's threads so far.
public func cpuSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}
