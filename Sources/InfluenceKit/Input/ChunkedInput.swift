#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// A source of bytes read chunk by chunk (a file, standard input, or bytes in memory), so that
/// readers never need the whole input at once.
protocol ByteChunkSource {
    /// Fills the start of `buffer` with the next bytes; returns how many, 0 at the end.
    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(InfluenceError) -> Int
    /// About how many bytes the source will give, when known (to size the parse arrays once).
    var sizeHint: Int? { get }
}

/// Bytes already in memory, handed out at most `chunkSize` at a time (the fuzzing and chunk-boundary
/// entry point of the edge-list reader).
struct MemoryChunks: ByteChunkSource {
    let bytes: [UInt8]
    let chunkSize: Int
    var offset = 0

    var sizeHint: Int? { bytes.count }

    mutating func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(InfluenceError) -> Int {
        let count = min(buffer.count, chunkSize, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            _ = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
                .initialize(from: UnsafeBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}

/// A file (or standard input, named `-`) read in chunks, inflated on the fly when its first two
/// bytes are the gzip magic 1F 8B, whatever its name. Multi-member gzip files are read whole.
///
/// Memory: one compressed buffer of 1 MiB at most, plus zlib's state; the inflated text goes
/// straight into the caller's buffer.
final class ChunkedInput: ByteChunkSource {
    /// The path as errors name it (`<stdin>` for `-`).
    let displayPath: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// Raw bytes read but not yet consumed (the gzip input buffer, or the peeked magic bytes).
    private var raw: UnsafeMutableBufferPointer<UInt8>
    private var rawStart = 0, rawEnd = 0
    private var rawAtEnd = false
    private var stream: UnsafeMutablePointer<z_stream>?
    private var memberEnded = false
    private var storedSize: Int?

    /// The name errors use for standard input.
    static let standardInputName = "<stdin>"

    /// Opens `path` (`-`: standard input). Complexity: O(1) plus the first read.
    init(path: String) throws(InfluenceError) {
        if path == "-" {
            displayPath = Self.standardInputName
            fd = 0
            ownsDescriptor = false
        } else {
            displayPath = path
            switch Platform.status(of: path) {
            case .missing: throw InfluenceError(.io, file: path, "no such file (check the path)")
            case .failed(let text): throw InfluenceError(.io, file: path, "cannot open: \(text)")
            case .directory: throw InfluenceError(.io, file: path, "is a directory (expected a graph file)")
            case .file(let size): storedSize = size > 0 ? size : nil
            }
            switch Platform.openForReading(path) {
            case .success(let opened): fd = opened
            case .failure(let failure): throw InfluenceError(.io, file: path, "cannot open: \(failure.text)")
            }
            ownsDescriptor = true
        }
        raw = .allocate(capacity: 1 << 20)
        // Peek at the first two bytes (a pipe may deliver them one at a time).
        while rawEnd < 2, !rawAtEnd { try fillRaw() }
        if rawEnd >= 2, raw[0] == 0x1F, raw[1] == 0x8B {
            let z = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            z.initialize(to: z_stream())
            // 15 + 32: gzip or zlib header, detected.
            guard inflateInit2_(z, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                z.deallocate()
                throw InfluenceError(.io, file: displayPath, "cannot initialise gzip decoder")
            }
            stream = z
        }
    }

    deinit {
        if let stream { inflateEnd(stream); stream.deallocate() }
        raw.deallocate()
        if ownsDescriptor { Platform.close(fd) }
    }

    /// The stored size (four times it for gzip, a typical ratio of edge lists); nil for pipes.
    var sizeHint: Int? { storedSize.map { stream == nil ? $0 : 4 * $0 } }

    /// True when the input is gzip data being inflated.
    var isCompressed: Bool { stream != nil }

    /// Appends raw bytes after `rawEnd` (moving unconsumed bytes to the front first).
    private func fillRaw() throws(InfluenceError) {
        if rawStart > 0 {
            let left = rawEnd - rawStart
            if left > 0 { (raw.baseAddress! as UnsafeMutablePointer<UInt8>).update(from: raw.baseAddress! + rawStart, count: left) }
            rawStart = 0
            rawEnd = left
        }
        guard rawEnd < raw.count else { return }
        switch Platform.read(fd, into: raw.baseAddress! + rawEnd, count: raw.count - rawEnd) {
        case .success(let got):
            if got == 0 { rawAtEnd = true } else { rawEnd += got }
        case .failure(let failure):
            throw InfluenceError(.io, file: displayPath, "read failed: \(failure.text)")
        }
    }

    func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(InfluenceError) -> Int {
        guard !buffer.isEmpty else { return 0 }
        guard let stream else { return try readPlain(into: buffer) }
        var produced = 0
        while produced < buffer.count {
            if rawStart == rawEnd {
                if rawAtEnd {
                    if memberEnded { break }
                    throw InfluenceError(.data, file: displayPath, "truncated gzip data (the file ends mid-stream) (expected a complete gzip file)")
                }
                try fillRaw()
                continue
            }
            if memberEnded {
                // Another gzip member follows.
                memberEnded = false
                guard inflateReset(stream) == Z_OK else { throw corrupt() }
            }
            stream.pointee.next_in = raw.baseAddress! + rawStart
            stream.pointee.avail_in = UInt32(rawEnd - rawStart)
            stream.pointee.next_out = buffer.baseAddress! + produced
            stream.pointee.avail_out = UInt32(buffer.count - produced)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            let consumed = (rawEnd - rawStart) - Int(stream.pointee.avail_in)
            rawStart += consumed
            produced = buffer.count - Int(stream.pointee.avail_out)
            if status == Z_STREAM_END { memberEnded = true; continue }
            // Out of input mid-member: read more (the loop top reports a truncated file).
            if status == Z_BUF_ERROR, rawStart == rawEnd { continue }
            guard status == Z_OK else { throw corrupt() }
        }
        return produced
    }

    private func corrupt() -> InfluenceError {
        InfluenceError(.data, file: displayPath, "corrupt gzip data (expected a complete gzip file)")
    }

    private func readPlain(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(InfluenceError) -> Int {
        if rawStart < rawEnd {
            let count = min(buffer.count, rawEnd - rawStart)
            buffer.baseAddress!.update(from: raw.baseAddress! + rawStart, count: count)
            rawStart += count
            return count
        }
        if rawAtEnd { return 0 }
        switch Platform.read(fd, into: buffer.baseAddress!, count: buffer.count) {
        case .success(let got):
            if got == 0 { rawAtEnd = true }
            return got
        case .failure(let failure):
            throw InfluenceError(.io, file: displayPath, "read failed: \(failure.text)")
        }
    }
}
