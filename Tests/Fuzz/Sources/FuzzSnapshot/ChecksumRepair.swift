import InfluenceKit

/// Makes a mutated snapshot pass the reader's first two gates, so fuzzing reaches the section and
/// graph validation behind them: the header's payload size (bytes 48..<56) is rewritten to match
/// the bytes after the header, then the checksum (which covers the header too) is recomputed.
enum ChecksumRepair {
    /// `bytes` with a consistent size and checksum, or nil when there is no whole header.
    static func repaired(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= GraphSnapshot.headerSize else { return nil }
        var result = bytes
        let payloadBytes = UInt64(bytes.count - GraphSnapshot.headerSize)
        withUnsafeBytes(of: payloadBytes.littleEndian) { result.replaceSubrange(48..<56, with: $0) }
        let checksum = result.withUnsafeBytes { GraphSnapshot.checksum(of: $0) }
        withUnsafeBytes(of: checksum.littleEndian) { result.replaceSubrange(GraphSnapshot.checksumRange, with: $0) }
        return result
    }
}
