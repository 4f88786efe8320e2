import ArgumentParser
import FoundationEssentials
import InfluenceKit

/// A memory size on the command line: bytes, with an optional K, M, G or T suffix (powers of
/// 1024), or a percentage of the memory available to the process (`80%`: of the smallest of
/// physical memory, `ulimit -v`/`-d` and the cgroup's `memory.max`).
struct ByteCount: ExpressibleByArgument, Sendable {
    var bytes: Int

    init(bytes: Int) { self.bytes = bytes }

    init?(argument: String) {
        let text = argument.trimmingSpaces().uppercased()
        if text.hasSuffix("%") {
            guard let percent = Double(text.dropLast()), percent > 0, percent <= 100 else { return nil }
            bytes = Int(Double(SystemMemory.availableBytes) * percent / 100)
            return
        }
        var digits = Substring(text)
        if digits.hasSuffix("IB") { digits = digits.dropLast(2) } else if digits.hasSuffix("B") { digits = digits.dropLast() }
        var scale = 1.0
        if let last = digits.last, let power = ["K": 1, "M": 2, "G": 3, "T": 4][String(last)] {
            scale = Double(1 << (10 * power))
            digits = digits.dropLast()
        }
        // Beyond Int (about 8 EiB) a size is a typo: refuse it rather than trap on the conversion.
        guard let value = Double(digits), value > 0, value.isFinite, value * scale < 0x1p62 else { return nil }
        bytes = Int(value * scale)
    }

    static var defaultValueDescription: String { "80% of available memory" }

    /// How `--help` shows the default.
    var defaultValueDescription: String { "80% of available memory: physical, ulimit, cgroup (\(SystemMemory.describe(bytes)))" }
}
