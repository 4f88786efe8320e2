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

    /// Reads a two-dimensional C-order `.npy` of `<f4` or `<f8` values (as float32).
    /// - Throws: `InfluenceError(.data)` naming the file for anything else.
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
        guard start + headerLength <= bytes.count else { throw bad("truncated header") }
        let header = String(decoding: bytes[start..<start + headerLength], as: UTF8.self)
        let descr: String
        if header.contains("'<f4'") { descr = "<f4" } else if header.contains("'<f8'") { descr = "<f8" } else { throw bad("dtype is not '<f4' or '<f8'") }
        guard header.contains("'fortran_order': False") else { throw bad("Fortran order") }
        guard let open = header.firstRange(of: "'shape': ("), let close = header[open.upperBound...].firstIndex(of: ")") else { throw bad("no shape") }
        let dims = header[open.upperBound..<close].split(separator: ",").compactMap { Int($0.trimmingPrefix(" ")) }
        guard dims.count == 2 else { throw bad("shape (\(header[open.upperBound..<close])) is not two-dimensional") }
        let (rows, columns) = (dims[0], dims[1])
        let width = descr == "<f4" ? 4 : 8
        let data = start + headerLength
        guard rows >= 0, columns >= 0, rows.multipliedReportingOverflow(by: columns).overflow == false,
              bytes.count - data == rows * columns * width else {
            throw bad("\(bytes.count - data) data bytes for shape (\(rows), \(columns))")
        }
        var values = [Float](repeating: 0, count: rows * columns)
        for i in 0..<values.count {
            let at = data + i * width
            if width == 4 {
                var bits: UInt32 = 0
                for b in 0..<4 { bits |= UInt32(bytes[at + b]) << (8 * b) }
                values[i] = Float(bitPattern: bits)
            } else {
                var bits: UInt64 = 0
                for b in 0..<8 { bits |= UInt64(bytes[at + b]) << (8 * b) }
                values[i] = Float(Double(bitPattern: bits))
            }
        }
        return Matrix(rows: rows, columns: columns, values: values)
    }
}
