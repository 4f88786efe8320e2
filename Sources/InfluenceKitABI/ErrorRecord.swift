import CInfluenceKit

/// Writes an `ABIFailure` into the caller's `ik_error`: status, line, and the parameter, file and
/// message strings, each cut at a UTF-8 character boundary to fit its buffer (and `truncated` set
/// when one was cut).
enum ErrorRecord {
    /// Resets `out` to "no error". Complexity: O(1).
    static func clear(_ out: UnsafeMutablePointer<ik_error>) {
        out.pointee.status = IK_OK
        out.pointee.truncated = 0
        out.pointee.line = 0
        withUnsafeMutableBytes(of: &out.pointee.parameter) { $0[0] = 0 }
        withUnsafeMutableBytes(of: &out.pointee.file) { $0[0] = 0 }
        withUnsafeMutableBytes(of: &out.pointee.message) { $0[0] = 0 }
    }

    /// Fills `out` from `failure`. Complexity: O(message length).
    static func fill(_ out: UnsafeMutablePointer<ik_error>, with failure: ABIFailure) {
        let e = failure.error
        out.pointee.status = failure.status
        out.pointee.line = Int64(e.line ?? 0)
        var cut = false
        withUnsafeMutableBytes(of: &out.pointee.parameter) { cut = copy(e.parameter?.rawValue ?? "", into: $0) || cut }
        withUnsafeMutableBytes(of: &out.pointee.file) { cut = copy(e.file ?? "", into: $0) || cut }
        withUnsafeMutableBytes(of: &out.pointee.message) { cut = copy(e.description, into: $0) || cut }
        out.pointee.truncated = cut ? 1 : 0
    }

    /// Copies `text` NUL-terminated into `buffer`, cut at a character boundary; true when cut.
    /// Complexity: O(buffer size).
    @discardableResult
    static func copy(_ text: String, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
        guard buffer.count > 0 else { return !text.isEmpty }
        let bytes = Array(text.utf8)
        var length = min(bytes.count, buffer.count - 1)
        // Back off to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
        if length < bytes.count {
            while length > 0, bytes[length] & 0xC0 == 0x80 { length -= 1 }
        }
        for i in 0..<length { buffer[i] = bytes[i] }
        buffer[length] = 0
        return length < bytes.count
    }
}
