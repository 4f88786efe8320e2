import CZlib

/// The bytes of an input file, read whole: for formats that need all of it at once (igraph's
/// readers, snapshots, seeds files). Edge lists are streamed instead (`EdgeListReader.read`).
public enum FileContents {
    /// Reads `path` whole (`-`: standard input), inflating gzip data, which is recognised by its
    /// magic bytes 1F 8B whatever the name (a `.gz` name holding plain text is read as it is).
    ///
    /// - Parameters:
    ///   - path: the file to read, or `-` for standard input.
    ///   - limitBytes: refuse (`InfluenceError(.resource)`, parameter `memoryLimit`) once the
    ///     (inflated) contents exceed this many bytes; nil for no limit.
    /// - Throws: `InfluenceError` naming the file for a missing file, a directory, an unreadable
    ///   file, corrupt or truncated gzip data, or contents above `limitBytes`.
    /// - Complexity: O(file size).
    public static func read(_ path: String, limitBytes: Int? = nil) throws(InfluenceError) -> [UInt8] {
        let input = try ChunkedInput(path: path)
        var bytes = [UInt8]()
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 1 << 20)
        defer { chunk.deallocate() }
        while true {
            let got = try input.read(into: chunk)
            if got == 0 { return bytes }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[0..<got]))
            if let limitBytes, bytes.count > limitBytes {
                throw InfluenceError(.resource, file: input.displayPath, parameter: "memoryLimit",
                    "the file holds more than \(SystemMemory.describe(limitBytes)) of text, above the memory limit, and this format is read whole (expected a smaller file, a higher limit, or an edge list, which is streamed)")
            }
        }
    }

    /// The bytes of `path` exactly as stored (no inflation).
    /// Complexity: O(file size).
    public static func readRaw(_ path: String) throws(InfluenceError) -> [UInt8] {
        switch Platform.status(of: path) {
        case .file(let size): return try readPlain(path, size: size)
        case .directory: throw InfluenceError(.io, file: path, "is a directory (expected a file)")
        case .failed(let text): throw InfluenceError(.io, file: path, "cannot open: \(text)")
        case .missing: throw InfluenceError(.io, file: path, "no such file (check the path)")
        }
    }

    private static func readPlain(_ path: String, size: Int) throws(InfluenceError) -> [UInt8] {
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
                bytes.append(contentsOf: chunk[0..<got])
            case .failure(let error):
                throw InfluenceError(.io, file: path, "read failed: \(error.text)")
            }
        }
        return bytes
    }
}
