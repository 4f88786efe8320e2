import CZlib

/// The bytes of an input file, read whole: for formats that need all of it at once (igraph's
/// readers, snapshots, seeds files). Edge lists are streamed instead (`EdgeListReader.read`).
public enum FileContents {
    /// Reads `path` whole (`-`: standard input), inflating gzip data, which is recognised by its
    /// magic bytes 1F 8B whatever the name (a `.gz` name holding plain text is read as it is).
    ///
    /// - Parameters:
    ///   - path: the file to read, or `-` for standard input.
    ///   - limitBytes: refuse (`InfluenceError(.resource)`, parameter `memoryLimit`) before the
    ///     (inflated) contents exceed this many bytes; nil for the default memory limit.
    ///   - expected: for a text format, what it should hold: a NUL byte is then refused at once
    ///     with its line and column.
    /// - Throws: `InfluenceError` naming the file for a missing file, a directory, an unreadable
    ///   file, corrupt or truncated gzip data, or contents above `limitBytes`.
    /// - Complexity: O(file size).
    public static func read(_ path: String, limitBytes: Int? = nil, text expected: String? = nil) throws(InfluenceError) -> [UInt8] {
        let input = try ChunkedInput(path: path)
        var bytes = [UInt8]()
        let limit = limitBytes ?? SystemMemory.defaultLimitBytes
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
        defer { chunk.deallocate() }
        while true {
            let got = try input.read(into: chunk)
            if got == 0 { return bytes }
            let fresh = UnsafeBufferPointer(rebasing: chunk[0..<got])
            // Checked before the bytes are kept, so the buffer never grows past the limit.
            if bytes.count + got > limit {
                throw InfluenceError(.resource, file: input.displayPath, parameter: "memoryLimit",
                    "the file holds more than \(SystemMemory.describe(limit)) of text, above the memory limit, and this format is read whole (expected a smaller file, a higher limit, or an edge list, which is streamed)")
            }
            if let expected, let bad = fresh.firstIndex(of: 0) {
                // A text format: a NUL byte (/dev/zero, a binary file) is refused in the chunk that holds it.
                let before = bytes + fresh[..<bad]
                let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
                let column = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
                throw TextBytes.binaryError(0, path: input.displayPath, line: line, column: column, expected: expected)
            }
            if bytes.count + got > bytes.capacity {
                bytes.reserveCapacity(min(max(2 * bytes.capacity, bytes.count + got), limit))
            }
            bytes.append(contentsOf: fresh)
        }
    }

    /// At most the first `count` bytes of `path` as stored (fewer for a shorter file): a format
    /// check before a file is read whole. Complexity: O(count).
    public static func prefix(_ path: String, count: Int) throws(InfluenceError) -> [UInt8] {
        switch Platform.status(of: path) {
        case .file: break
        case .directory: throw InfluenceError(.io, file: path, "is a directory (expected a file)")
        case .failed(let text): throw InfluenceError(.io, file: path, "cannot open: \(text)")
        case .missing: throw InfluenceError(.io, file: path, "no such file (check the path)")
        }
        let fd: Int32
        switch Platform.openForReading(path) {
        case .success(let opened): fd = opened
        case .failure(let failure): throw InfluenceError(.io, file: path, "cannot open: \(failure.text)")
        }
        defer { Platform.close(fd) }
        var bytes = [UInt8](repeating: 0, count: max(0, count))
        var filled = 0
        while filled < bytes.count {
            let result = bytes.withUnsafeMutableBytes { Platform.read(fd, into: $0.baseAddress! + filled, count: $0.count - filled) }
            switch result {
            case .success(let got):
                if got == 0 { return Array(bytes[0..<filled]) }
                filled += got
            case .failure(let error): throw InfluenceError(.io, file: path, "read failed: \(error.text)")
            }
        }
        return bytes
    }

    /// The bytes of `path` exactly as stored (no inflation).
    /// Complexity: O(file size).
    /// - Parameters:
    ///   - path: the file to read.
    ///   - limitBytes: refuse (`.resource`, parameter `memoryLimit`) a file larger than this,
    ///     before reading it; nil for the default memory limit.
    public static func readRaw(_ path: String, limitBytes: Int? = nil) throws(InfluenceError) -> [UInt8] {
        let limit = limitBytes ?? SystemMemory.defaultLimitBytes
        switch Platform.status(of: path) {
        case .file(let size):
            guard size <= limit else {
                throw InfluenceError(.resource, file: path, parameter: "memoryLimit",
                    "the file holds \(SystemMemory.describe(size)), above the \(SystemMemory.describe(limit)) the memory limit allows for it (expected a smaller file, or a higher limit)")
            }
            return try readPlain(path, size: size, limit: limit)
        case .directory: throw InfluenceError(.io, file: path, "is a directory (expected a file)")
        case .failed(let text): throw InfluenceError(.io, file: path, "cannot open: \(text)")
        case .missing: throw InfluenceError(.io, file: path, "no such file (check the path)")
        }
    }

    private static func readPlain(_ path: String, size: Int, limit: Int) throws(InfluenceError) -> [UInt8] {
        let fd: Int32
        switch Platform.openForReading(path) {
        case .success(let opened): fd = opened
        case .failure(let failure): throw InfluenceError(.io, file: path, "cannot open: \(failure.text)")
        }
        defer { Platform.close(fd) }
        // Read straight into the result (the size from stat is a hint: the file may change).
        var failure: PlatformFailure?
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var filled = 0
            while filled < size {
                switch Platform.read(fd, into: buffer.baseAddress! + filled, count: size - filled) {
                case .success(let got):
                    if got == 0 { initialized = filled; return }
                    filled += got
                case .failure(let error):
                    failure = error
                    initialized = filled
                    return
                }
            }
            initialized = filled
        }
        if let failure { throw InfluenceError(.io, file: path, "read failed: \(failure.text)") }
        // Anything past the stat size (a growing file) is read too.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count >= size {
            let result = chunk.withUnsafeMutableBytes { Platform.read(fd, into: $0.baseAddress!, count: $0.count) }
            switch result {
            case .success(let got):
                if got == 0 { return bytes }
                guard bytes.count + got <= limit else {
                    throw InfluenceError(.resource, file: path, parameter: "memoryLimit",
                        "the file grew past \(SystemMemory.describe(limit)) while read (expected a file that stays below the memory limit)")
                }
                bytes.append(contentsOf: chunk[0..<got])
            case .failure(let error):
                throw InfluenceError(.io, file: path, "read failed: \(error.text)")
            }
        }
        return bytes
    }
}
