import CZlib

/// The bytes of an input file, read in one go; `.gz` files are inflated in memory as they stream.
public enum FileContents {
    /// Reads `path` whole. A `.gz` name must hold gzip data.
    ///
    /// - Throws: `InfluenceError` naming the file for a missing file, a directory, an unreadable
    ///   file, or a `.gz` that is not gzip.
    /// - Complexity: O(file size).
    public static func read(_ path: String) throws(InfluenceError) -> [UInt8] {
        let size: Int
        switch Platform.status(of: path) {
        case .missing: throw InfluenceError(.io, file: path, "no such file (check the path)")
        case .failed(let text): throw InfluenceError(.io, file: path, "cannot open: \(text)")
        case .directory: throw InfluenceError(.io, file: path, "is a directory (expected a graph file)")
        case .file(let bytes): size = bytes
        }
        let raw = try readPlain(path, size: size)
        if path.hasSuffix(".gz") {
            guard raw.count >= 2, raw[0] == 0x1F, raw[1] == 0x8B else {
                throw InfluenceError(.data, file: path, "not gzip data (expected a gzip-compressed file, as the .gz name says)")
            }
            return try inflate(raw, path: path)
        }
        return raw
    }

    /// The bytes of `path` exactly as stored (no inflation).
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

    private static func inflate(_ compressed: [UInt8], path: String) throws(InfluenceError) -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: zlib or gzip header, detected; multi-member gzip handled by the loop below.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw InfluenceError(.io, file: path, "cannot initialise gzip decoder")
        }
        defer { inflateEnd(&stream) }
        var output = [UInt8]()
        output.reserveCapacity(compressed.count * 4)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var failure: String?
        compressed.withUnsafeBufferPointer { input in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END {
                    if stream.avail_in == 0 { break }
                    // Another gzip member follows.
                    if inflateReset(&stream) != Z_OK { failure = "corrupt gzip data"; break }
                    continue
                }
                if status != Z_OK {
                    failure = status == Z_BUF_ERROR ? "truncated gzip data (the file ends mid-stream)" : "corrupt gzip data"
                    break
                }
            }
        }
        if let failure { throw InfluenceError(.data, file: path, "\(failure) (expected a complete gzip file)") }
        return output
    }
}
