@_spi(Kernels) @testable import InfluenceKit

/// Edits snapshot bytes as a forger would: fields written in place, then the checksum recomputed
/// so that only the validation of the arrays can refuse the file.
enum SnapshotForgery {
    /// Writes the checksum of `bytes` into its header.
    static func reseal(_ bytes: inout [UInt8]) {
        let sum = bytes.withUnsafeBytes { GraphSnapshot.checksum(of: $0) }
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(GraphSnapshot.checksumRange, with: $0) }
    }

    /// Reads the little-endian `T` at `offset`.
    static func get<T: FixedWidthInteger>(_ bytes: [UInt8], _ type: T.Type, at offset: Int) -> T {
        bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }

    /// Writes `value` little-endian at `offset` (no reseal).
    static func put<T: FixedWidthInteger>(_ value: T, in bytes: inout [UInt8], at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + $0.count, with: $0) }
    }

    /// Writes the bits of `value` at `offset` (no reseal).
    static func put(_ value: Float, in bytes: inout [UInt8], at offset: Int) {
        put(value.bitPattern, in: &bytes, at: offset)
    }

    /// Where each section of a snapshot starts, from its header.
    struct Sections {
        var n: Int, m: Int, inputArcs: Int
        var outOffsets: Int, outTargets: Int
        var groupOffsets: Int?, groupInputArcs: Int?, values: Int?
        var labels: Int, labelBytes: Int, statistics: Int, statisticsBytes: Int

        init(_ bytes: [UInt8]) {
            n = Int(get(bytes, UInt64.self, at: 16)); m = Int(get(bytes, UInt64.self, at: 24))
            inputArcs = Int(get(bytes, UInt64.self, at: 72))
            let flags = get(bytes, UInt32.self, at: 64)
            outOffsets = GraphSnapshot.headerSize
            outTargets = outOffsets + 8 * (n + 1)
            var cursor = outTargets + 4 * m
            if flags & 2 != 0 {
                groupOffsets = cursor; cursor += 8 * (m + 1)
                groupInputArcs = cursor; cursor += 8 * inputArcs
            }
            if flags & 1 != 0 { values = cursor; cursor += 4 * inputArcs }
            labels = cursor
            labelBytes = Int(get(bytes, UInt64.self, at: 32))
            statistics = labels + labelBytes
            statisticsBytes = Int(get(bytes, UInt64.self, at: 40))
        }
    }
}
