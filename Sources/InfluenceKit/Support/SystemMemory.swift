#if canImport(Glibc)
import Glibc
#endif

/// What the operating system says about memory: physical RAM and this process's peak resident set.
public enum SystemMemory {
    /// Physical memory of the machine in bytes (`sysconf(_SC_PHYS_PAGES) × page size`).
    ///
    /// Complexity: O(1).
    public static var physicalBytes: Int {
        let pages = sysconf(Int32(_SC_PHYS_PAGES))
        let size = sysconf(Int32(_SC_PAGESIZE))
        guard pages > 0, size > 0 else { return 8 << 30 }
        return pages * size
    }

    /// The default memory limit of a run: 80% of physical memory.
    public static var defaultLimitBytes: Int { Int(Double(physicalBytes) * 0.8) }

    /// Peak resident set size of this process so far, in bytes (`getrusage`, `ru_maxrss`).
    ///
    /// Complexity: O(1).
    public static var peakResidentBytes: Int {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        return Int(usage.ru_maxrss) * 1024
    }

    /// `bytes` as a short human-readable size ("512.0 MiB", "3.20 GiB").
    public static func describe(_ bytes: Int) -> String {
        let b = Double(bytes)
        if b >= 1024 * 1024 * 1024 { return "\(rounded(b / (1024 * 1024 * 1024), 2)) GiB" }
        if b >= 1024 * 1024 { return "\(rounded(b / (1024 * 1024), 1)) MiB" }
        if b >= 1024 { return "\(rounded(b / 1024, 1)) KiB" }
        return "\(bytes) B"
    }

    private static func rounded(_ x: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let whole = Int((x * scale).rounded())
        let integer = whole / Int(scale), fraction = whole % Int(scale)
        var digits = String(fraction)
        while digits.count < decimals { digits = "0" + digits }
        return decimals == 0 ? String(integer) : "\(integer).\(digits)"
    }
}
