/// What the operating system says about memory: physical RAM and this process's peak resident set.
public enum SystemMemory {
    /// Physical memory of the machine in bytes. Complexity: O(1).
    public static var physicalBytes: Int { Platform.physicalBytes }

    /// The memory this process may use at most: the smallest of physical memory, its own
    /// `RLIMIT_AS`/`RLIMIT_DATA` (`ulimit -v`, `ulimit -d`) and its cgroup's `memory.max`.
    /// Complexity: O(1) (read once).
    public static var availableBytes: Int { available }

    private static let available: Int = {
        var bytes = Platform.physicalBytes
        if let limit = Platform.processMemoryRlimit { bytes = min(bytes, limit) }
        if let limit = Platform.cgroupMemoryLimit { bytes = min(bytes, limit) }
        return bytes
    }()

    /// The default memory limit of a run: 80% of `availableBytes` (the smallest of physical
    /// memory, the process's `RLIMIT_AS`/`RLIMIT_DATA` and its cgroup's `memory.max`; the rest
    /// is left to the runtime, the stack and what is not counted).
    public static var defaultLimitBytes: Int { Int(Double(availableBytes) * 0.8) }

    /// Peak resident set size of this process so far, in bytes. Complexity: O(1).
    public static var peakResidentBytes: Int { Platform.peakResidentBytes }

    /// `bytes` as a short human-readable size ("512.0 MiB", "3.20 GiB").
    /// Complexity: O(1).
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
        guard (x * scale).isFinite, abs(x * scale) < 9e18 else { return String(x) }
        let whole = Int((x * scale).rounded())
        let integer = whole / Int(scale), fraction = whole % Int(scale)
        var digits = String(fraction)
        while digits.count < decimals { digits = "0" + digits }
        return decimals == 0 ? String(integer) : "\(integer).\(digits)"
    }
}
