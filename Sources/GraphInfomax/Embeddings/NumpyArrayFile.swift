import InfluenceKit

/// The NumPy `.npy` format, version 1.0 (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html):
/// the magic `\x93NUMPY`, version bytes 1 0, a little-endian UInt16 header length, an ASCII
/// Python dict `{'descr': '<f4', 'fortran_order': False, 'shape': (n, d), }` padded with spaces
/// and ended by a newline so the data starts at a multiple of 64 bytes, then the row-major data.
public enum NumpyArrayFile {
    static let magic: [UInt8] = [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]

    /// The bytes of `matrix` as a little-endian float32 `.npy` file.
    public static func encode(_ matrix: Matrix<Float>) -> [UInt8] {
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(matrix.rows), \(matrix.columns)), }"
        let fixed = magic.count + 2 + 2
        while (fixed + header.utf8.count + 1) % 64 != 0 { header += " " }
        header += "\n"
        var bytes = magic + [1, 0]
        let length = UInt16(header.utf8.count)
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8)]
        bytes += Array(header.utf8)
        bytes.reserveCapacity(bytes.count + matrix.values.count * 4)
        for v in matrix.values {
            let b = v.bitPattern.littleEndian
            bytes += [UInt8(b & 0xFF), UInt8((b >> 8) & 0xFF), UInt8((b >> 16) & 0xFF), UInt8(b >> 24)]
        }
        return bytes
    }

    /// Reads the first six bytes of `path` and refuses a file that does not start with the
    /// `.npy` magic, before the file is read whole. Complexity: O(1).
    static func checkMagic(_ path: String) throws(InfluenceError) {
        guard try FileContents.prefix(path, count: magic.count) == magic else {
            throw InfluenceError(.data, file: path, "not a .npy file: no \\x93NUMPY magic (expected a 2-D float32 or float64 .npy array)")
        }
    }

    /// The fields of a `.npy` header dictionary.
    struct Header: Equatable {
        var descr: String
        var fortranOrder: Bool
        var shape: [Int]
    }

    /// Parses the header dictionary, a Python literal `{'descr': '<f4', 'fortran_order': False,
    /// 'shape': (3, 2), }`: keys and strings in single or double quotes, `True`/`False`, a tuple
    /// of non-negative decimal integers (a trailing comma allowed), whitespace anywhere between
    /// tokens, trailing spaces and a newline after the closing brace. Each of the three keys must
    /// appear exactly once, and no other key may; otherwise a failure with the reason.
    /// Complexity: O(header length).
    static func parseHeader(_ text: [UInt8]) -> Result<Header, HeaderFailure> {
        var i = 0
        func skip() { while i < text.count, text[i] == 0x20 || text[i] == 0x09 || text[i] == 0x0A || text[i] == 0x0D { i += 1 } }
        func eat(_ c: UInt8) -> Bool { skip(); if i < text.count, text[i] == c { i += 1; return true }; return false }
        func string() -> String? {
            skip()
            guard i < text.count, text[i] == 0x27 || text[i] == 0x22 else { return nil }
            let quote = text[i]; i += 1
            let s = i
            while i < text.count, text[i] != quote { if text[i] == 0x5C { return nil }; i += 1 }
            guard i < text.count else { return nil }
            let value = String(decoding: text[s..<i], as: UTF8.self); i += 1
            return value
        }
        func word(_ w: String) -> Bool {
            skip()
            let bytes = Array(w.utf8)
            guard i + bytes.count <= text.count, Array(text[i..<i + bytes.count]) == bytes else { return false }
            i += bytes.count
            return true
        }
        func integer() -> Int?? {
            skip()
            let s = i
            var value = 0
            while i < text.count, text[i] >= 0x30, text[i] <= 0x39 {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int(text[i] - 0x30))
                if o1 || o2 { return .some(nil) }
                value = a; i += 1
            }
            return i == s ? nil : .some(value)
        }
        guard eat(0x7B) else { return .failure(.syntax("no '{'")) }
        var descr: String?, fortran: Bool?, shape: [Int]?
        while true {
            if eat(0x7D) { break }
            guard let key = string() else { return .failure(.syntax("a key that is not a quoted string")) }
            guard eat(0x3A) else { return .failure(.syntax("no ':' after '\(key.prefix(20))'")) }
            switch key {
            case "descr":
                guard descr == nil else { return .failure(.syntax("'descr' twice")) }
                guard let value = string() else { return .failure(.syntax("'descr' is not a string")) }
                descr = value
            case "fortran_order":
                guard fortran == nil else { return .failure(.syntax("'fortran_order' twice")) }
                if word("True") { fortran = true } else if word("False") { fortran = false } else {
                    return .failure(.syntax("'fortran_order' is not True or False"))
                }
            case "shape":
                guard shape == nil else { return .failure(.syntax("'shape' twice")) }
                guard eat(0x28) else { return .failure(.syntax("'shape' is not a tuple")) }
                var dims: [Int] = []
                while true {
                    if eat(0x29) { break }
                    switch integer() {
                    case .none: return .failure(.syntax("'shape' holds something other than integers"))
                    case .some(.none): return .failure(.overflow)
                    case .some(.some(let d)): dims.append(d)
                    }
                    if eat(0x2C) { continue }
                    guard eat(0x29) else { return .failure(.syntax("'shape' tuple is not closed")) }
                    break
                }
                shape = dims
            default:
                return .failure(.syntax("unknown key '\(key.prefix(20))'"))
            }
            if eat(0x2C) { continue }
            guard eat(0x7D) else { return .failure(.syntax("no ',' or '}' after a value")) }
            break
        }
        skip()
        guard i == text.count else { return .failure(.syntax("text after the closing '}'")) }
        guard let descr, let fortran, let shape else { return .failure(.syntax("'descr', 'fortran_order' and 'shape' are not all given")) }
        return .success(Header(descr: descr, fortranOrder: fortran, shape: shape))
    }

    enum HeaderFailure: Error, Equatable {
        case syntax(String)
        case overflow
    }

    /// Reads a two-dimensional C-order `.npy` of `<f4` or `<f8` values (as float32).
    ///
    /// The header is parsed as the dictionary it is (`parseHeader`), not searched for substrings;
    /// every size product (rows × columns × width, plus the header) is checked for overflow; the
    /// data must fill the file exactly; every value must be finite (NaN or infinity is an error
    /// naming its row and column).
    /// - Throws: `InfluenceError(.data)` naming the file for anything else.
    /// - Complexity: O(file size).
    public static func decode(_ bytes: [UInt8], path: String) throws(InfluenceError) -> Matrix<Float> {
        func bad(_ text: String) -> InfluenceError { InfluenceError(.data, file: path, "\(text) (expected a 2-D float32 or float64 .npy array)") }
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else { throw bad("not a .npy file: no \\x93NUMPY magic") }
        let major = bytes[6]
        let headerLength: Int, start: Int
        switch major {
        case 1: headerLength = Int(bytes[8]) | Int(bytes[9]) << 8; start = 10
        case 2, 3:
            guard bytes.count >= 12 else { throw bad("truncated header") }
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24; start = 12
        default: throw bad("format version \(major)")
        }
        guard headerLength <= bytes.count - start else { throw bad("truncated header") }
        let header: Header
        switch parseHeader(Array(bytes[start..<start + headerLength])) {
        case .success(let parsed): header = parsed
        case .failure(.overflow): throw bad("a shape dimension above 2^63")
        case .failure(.syntax(let why)): throw bad("header is not a .npy dictionary: \(why)")
        }
        let width: Int
        switch header.descr {
        case "<f4": width = 4
        case "<f8": width = 8
        default: throw bad("dtype '\(header.descr.prefix(20))' is not '<f4' or '<f8'")
        }
        guard !header.fortranOrder else { throw bad("Fortran order") }
        guard header.shape.count == 2 else { throw bad("shape of \(header.shape.count) dimensions") }
        let (rows, columns) = (header.shape[0], header.shape[1])
        let data = start + headerLength
        let (count, o1) = rows.multipliedReportingOverflow(by: columns)
        let (size, o2) = count.multipliedReportingOverflow(by: width)
        guard !o1, !o2 else { throw bad("shape (\(rows), \(columns)) overflows: more than 2^63 bytes of data") }
        guard bytes.count - data == size else {
            throw bad("\(bytes.count - data) data bytes for shape (\(rows), \(columns)), which needs \(size)")
        }
        var values = [Float](repeating: 0, count: count)
        for i in 0..<count {
            let at = data + i * width
            let value: Float
            if width == 4 {
                var bits: UInt32 = 0
                for b in 0..<4 { bits |= UInt32(bytes[at + b]) << (8 * b) }
                value = Float(bitPattern: bits)
            } else {
                var bits: UInt64 = 0
                for b in 0..<8 { bits |= UInt64(bytes[at + b]) << (8 * b) }
                value = Float(Double(bitPattern: bits))
            }
            guard value.isFinite else {
                throw InfluenceError(.data, file: path, "value at row \(i / max(1, columns)), column \(i % max(1, columns)) is \(value) (expected finite numbers; a float64 beyond the float32 range also overflows to infinity)")
            }
            values[i] = value
        }
        return Matrix(rows: rows, columns: columns, values: values)
    }
}
