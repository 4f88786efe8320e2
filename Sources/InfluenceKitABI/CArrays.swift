import InfluenceKit

/// Reads the arrays a C caller passes as pointer + length, checking what can be checked: a null
/// pointer with a non-zero length, a byte size that overflows, label offsets that are not
/// non-decreasing from 0 within the bytes, labels that are not UTF-8. (Whether the memory behind a
/// pointer really holds that many elements is the caller's promise, as for any C array.)
enum CArrays {
    /// `count` elements at `pointer` (an empty buffer for count 0, whatever the pointer).
    static func buffer<T>(_ pointer: UnsafePointer<T>?, count: Int, name: String) throws(ABIFailure) -> UnsafeBufferPointer<T> {
        guard count > 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
        guard let pointer else { throw .argument(name, "null pointer for \(count) elements (expected an array)") }
        guard count <= Int.max / MemoryLayout<T>.stride else {
            throw .argument(name, "\(count) elements overflow the address space (expected a real array length)")
        }
        return UnsafeBufferPointer(start: pointer, count: count)
    }

    /// A size_t length as an Int.
    static func length(_ value: Int, name: String) throws(ABIFailure) -> Int {
        guard value >= 0 else { throw .argument(name, "length \(UInt(bitPattern: value)) is beyond 2^63 (expected a real array length)") }
        return value
    }

    /// The `count` labels in `bytes` delimited by `offsets` (count + 1 entries, from 0,
    /// non-decreasing, the last at most the byte length), each valid UTF-8.
    /// Complexity: O(total bytes + count).
    static func labels(bytes: UnsafePointer<CChar>?, byteCount: Int, offsets: UnsafePointer<Int64>?, count: Int,
                       name: String) throws(ABIFailure) -> [String] {
        let byteCount = try length(byteCount, name: "\(name) bytes")
        let count = try length(count, name: "\(name) count")
        guard count < Int.max else { throw .argument(name, "label count \(count) (expected a real count)") }
        // The labels are sized by count and the byte length: checked against the memory limit
        // before anything is read or reserved (2^40 labels aborted the host).
        let (perLabel, o1) = count.multipliedReportingOverflow(by: 40)
        let (needed, o2) = perLabel.addingReportingOverflow(byteCount)
        let limit = SystemMemory.defaultLimitBytes
        guard !o1, !o2, needed <= limit else {
            throw ABIFailure(InfluenceError(.resource, parameter: ParameterKey(rawValue: name),
                "\(count) labels of \(byteCount) bytes exceed the memory limit \(SystemMemory.describe(limit)) (expected a smaller count)"))
        }
        let offsetBuffer = try buffer(offsets, count: count + 1, name: "\(name) offsets")
        let raw = try buffer(bytes.map { UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self) }, count: byteCount,
                             name: "\(name) bytes")
        guard offsetBuffer[0] == 0 else {
            throw .argument(name, "offsets[0] = \(offsetBuffer[0]) (expected 0: offsets start at the first byte)")
        }
        var labels: [String] = []
        labels.reserveCapacity(count)
        for i in 0..<count {
            let start = offsetBuffer[i], end = offsetBuffer[i + 1]
            guard start <= end, end <= Int64(byteCount) else {
                throw .argument(name, "offsets[\(i + 1)] = \(end) after \(start) with \(byteCount) bytes (expected non-decreasing offsets within the bytes)")
            }
            let slice = UnsafeBufferPointer(rebasing: raw[Int(start)..<Int(end)])
            guard let text = String(validating: slice, as: UTF8.self) else {
                throw .argument(name, "label \(i) is not valid UTF-8 (expected UTF-8 text)")
            }
            labels.append(text)
        }
        return labels
    }

    /// A NUL-terminated UTF-8 string argument.
    static func string(_ pointer: UnsafePointer<CChar>?, name: String) throws(ABIFailure) -> String {
        guard let pointer else { throw .argument(name, "null string (expected a NUL-terminated UTF-8 string)") }
        guard let text = String(validatingCString: pointer) else {
            throw .argument(name, "not valid UTF-8 (expected a NUL-terminated UTF-8 string)")
        }
        return text
    }
}
