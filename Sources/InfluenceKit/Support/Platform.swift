#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The operating-system calls the library makes, in one place: processor count, physical memory,
/// peak resident set, the process id and `errno` text. Linux (Glibc) is what the package declares
/// and builds on; a Darwin port adds its branches here.
enum Platform {
    /// Number of online processors (at least 1).
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Physical memory in bytes (8 GiB when the system does not say).
    static var physicalBytes: Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 8 << 30 }
        return pages * size
    }

    /// The soft `RLIMIT_AS` and `RLIMIT_DATA` of this process, the smaller one; nil when both are
    /// unlimited.
    static var processMemoryRlimit: Int? {
        var smallest: Int? = nil
        #if canImport(Glibc)
        let resources = [__rlimit_resource_t(RLIMIT_AS.rawValue), __rlimit_resource_t(RLIMIT_DATA.rawValue)]
        #else
        let resources = [RLIMIT_AS, RLIMIT_DATA]
        #endif
        for resource in resources {
            var limit = rlimit()
            guard getrlimit(resource, &limit) == 0, limit.rlim_cur < rlim_t(Int.max) else { continue }
            smallest = min(smallest ?? Int.max, Int(limit.rlim_cur))
        }
        return smallest
    }

    /// The memory limit of this process's cgroup (v2 `memory.max` of its own cgroup or the root
    /// of the mounted hierarchy, v1 `memory.limit_in_bytes`); nil when there is none.
    static var cgroupMemoryLimit: Int? {
        var candidates: [String] = []
        if let own = smallTextFile("/proc/self/cgroup") {
            for line in own.split(separator: "\n") where line.hasPrefix("0::") {
                let path = String(line.dropFirst(3))
                candidates.append("/sys/fs/cgroup" + (path == "/" ? "" : path) + "/memory.max")
            }
        }
        candidates += ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"]
        var smallest: Int? = nil
        for file in candidates {
            guard let text = smallTextFile(file) else { continue }
            let trimmed = text.filter { !$0.isWhitespace }
            // "max" (v2) or a huge page-rounded number (v1) mean no limit.
            guard let value = Int(trimmed), value > 0, value < 1 << 60 else { continue }
            smallest = min(smallest ?? Int.max, value)
        }
        return smallest
    }

    /// The first 4 KiB of a small system file, or nil.
    private static func smallTextFile(_ path: String) -> String? {
        guard case .success(let fd) = openForReading(path) else { return nil }
        defer { Platform.close(fd) }
        var bytes = [UInt8](repeating: 0, count: 4096)
        guard case .success(let got) = bytes.withUnsafeMutableBytes({ Platform.read(fd, into: $0.baseAddress!, count: $0.count) }) else { return nil }
        guard got > 0 else { return nil }
        return String(decoding: bytes[0..<got], as: UTF8.self)
    }

    /// Peak resident set size of this process so far, in bytes.
    static var peakResidentBytes: Int {
        var usage = rusage()
        #if canImport(Glibc)
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss)
        #endif
    }

    /// CPU seconds (user + system, all threads) this process has used so far.
    static var processCPUSeconds: Double {
        var usage = rusage()
        #if canImport(Glibc)
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        #else
        guard getrusage(RUSAGE_SELF, &usage) == 0 else { return 0 }
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// The text of an `errno` value.
    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The current `errno`.
    static var errno: Int32 {
        #if canImport(Glibc)
        return Glibc.errno
        #else
        return Darwin.errno
        #endif
    }

    /// This process's id.
    static var processID: Int32 { getpid() }
}
