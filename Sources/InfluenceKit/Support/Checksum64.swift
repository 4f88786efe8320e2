/// A fast 64-bit checksum for snapshot payloads: four independent multiply-rotate lanes over
/// 8-byte words, then a byte-wise tail and a final avalanche. Detects truncation and corruption;
/// not cryptographic. Complexity: O(bytes), several GB/s.
public enum Checksum64 {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always) private static func round(_ acc: UInt64, _ word: UInt64) -> UInt64 {
        let x = acc &+ word &* p2
        return ((x << 31) | (x >> 33)) &* p1
    }

    /// The checksum of `bytes`.
    /// Complexity: O(bytes).
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var a0: UInt64 = 0x243F_6A88_85A3_08D3, a1: UInt64 = 0x1319_8A2E_0370_7344
        var a2: UInt64 = 0xA409_3822_299F_31D0, a3: UInt64 = 0x082E_FA98_EC4E_6C89
        var i = 0
        while i + 32 <= count {
            a0 = round(a0, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            a1 = round(a1, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            a2 = round(a2, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            a3 = round(a3, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        var h = ((a0 << 1) | (a0 >> 63)) &+ ((a1 << 7) | (a1 >> 57)) &+ ((a2 << 12) | (a2 >> 52)) &+ ((a3 << 18) | (a3 >> 46))
        h ^= UInt64(count) &* p1
        while i < count {
            h = (h ^ UInt64(bytes[i])) &* p1
            h = (h << 11) | (h >> 53)
            i += 1
        }
        return SplitMix64.mix(h)
    }
}
