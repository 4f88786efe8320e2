#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte classes of the text readers (edge lists, node files): what separates tokens, what breaks
/// lines, and which bytes mean the input is not text.
///
/// Lines end at LF, CRLF or a lone CR (each counts as one line). Tokens are separated by spaces,
/// tabs, vertical tabs and form feeds. Any other byte below 0x20, and DEL (0x7F), is binary data.
enum TextBytes {
    /// Space, tab, LF, VT, FF, CR: ends a token.
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c &- 0x09) < 5 }

    /// Space, tab, VT, FF: separates tokens within a line.
    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C }

    /// LF or CR: ends a line.
    @inline(__always) static func isBreak(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }

    /// A control byte that text does not hold (NUL, BEL, ESC, DEL, ...).
    @inline(__always) static func isBinary(_ c: UInt8) -> Bool { (c < 0x20 && (c &- 0x09) >= 5) || c == 0x7F }

    /// The UTF-8 byte order mark, skipped at the start of a file.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `0x0A`-style spelling of a byte.
    static func hex(_ c: UInt8) -> String {
        let digits = String(c, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" + digits : digits)
    }

    /// The error for binary byte `c` at `line`, `column` of `path`.
    static func binaryError(_ c: UInt8, path: String, line: Int, column: Int, expected: String = "a text edge list") -> InfluenceError {
        InfluenceError(.data, file: path, line: line, "binary data: byte \(hex(c)) at line \(line), column \(column) (expected \(expected))")
    }

    /// The first binary byte of `text`, if any.
    static func firstBinary(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        for k in 0..<text.count where isBinary(text[k]) { return k }
        return nil
    }

    /// True when `text` is a number as `strtod` reads it (the whole token).
    static func isNumber(_ text: UnsafeBufferPointer<UInt8>) -> Bool { parseNumber(text) != nil }

    /// `text` as a number (`strtod`, whole token, at most 63 bytes), or nil.
    static func parseNumber(_ text: UnsafeBufferPointer<UInt8>) -> Double? {
        let length = text.count
        guard length > 0, length < 64 else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 65) { scratch -> Double? in
            for k in 0..<length { scratch[k] = CChar(bitPattern: text[k]) }
            scratch[length] = 0
            var tail: UnsafeMutablePointer<CChar>? = nil
            let parsed = strtod(scratch.baseAddress!, &tail)
            let consumed = tail.map { $0 - scratch.baseAddress! } ?? 0
            return consumed == length ? parsed : nil
        }
    }
}
