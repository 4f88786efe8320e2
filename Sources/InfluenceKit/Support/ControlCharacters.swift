/// Makes text safe to print on one terminal line: control characters become visible escapes.
///
/// Messages echo tokens from files and the command line; a NUL, a carriage return or an escape
/// sequence in such a token would truncate the message, overwrite it, or drive the terminal.
public enum ControlCharacters {
    /// `text` with every C0 control character, DEL and C1 control character written as an escape:
    /// `\t`, `\n`, `\r` for those three, `\xHH` for the other C0 characters and DEL, `\u{HH}` for
    /// C1 (U+0080–U+009F). A backslash stays as it is.
    ///
    /// Complexity: O(length of `text`).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { result.unicodeScalars.append(scalar); continue }
            switch scalar.value {
            case 0x09: result += "\\t"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case let value where value < 0x80: result += "\\x" + hex(value)
            case let value: result += "\\u{" + hex(value) + "}"
            }
        }
        return result
    }

    @inline(__always)
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value <= 0x9F)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4) & 0xF], digits[Int(value) & 0xF]])
    }
}
