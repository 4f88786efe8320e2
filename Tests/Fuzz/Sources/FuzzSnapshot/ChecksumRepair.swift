import InfluenceKit

/// Makes a mutated snapshot pass the reader's first two gates, so fuzzing reaches the section and
/// graph validation behind them: the header's payload size (bytes 48..<56) and payload checksum
/// (bytes 56..<64) are rewritten to match the bytes that follow the 80-byte header.
enum ChecksumRepair {
    static let headerSize = 80

    /// `bytes` with a consistent size and checksum, or nil when there is no whole header.
    static func repaired(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= headerSize else { return nil }
        var result = bytes
        let payloadBytes = UInt64(bytes.count - headerSize)
        let checksum = bytes.withUnsafeBytes { Checksum64.of(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        withUnsafeBytes(of: payloadBytes.littleEndian) { result.replaceSubrange(48..<56, with: $0) }
        withUnsafeBytes(of: checksum.littleEndian) { result.replaceSubrange(56..<64, with: $0) }
        return result
    }
}
