/// The chunk driver of every text reader (edge lists, node files, seeds files, AP files,
/// invitation files, features, labels, splits, TSV embeddings): fills a buffer from a
/// `ByteChunkSource` and hands out regions that end at a line break, carrying a partial last line
/// over to the next region.
///
/// What it guarantees to every reader:
/// - a UTF-8 byte order mark at the start is skipped (the first region starts after it);
/// - each region ends with a line break (LF, or a CR; a final line without one gets an LF), and a
///   CRLF is never split between two regions;
/// - a line longer than `maxLineBytes` is refused with its line number, and a stream without line
///   breaks that holds binary bytes (`/dev/zero`) is refused in its first chunk;
/// - with `limitBytes`, the text read (after inflation) may not exceed that many bytes: readers
///   that keep what they read are bounded by the memory limit, and a gzip bomb stops there.
///
/// Memory: one buffer of `chunkSize` bytes (doubled for a longer line, up to `maxLineBytes`).
final class TextRegions<Source: ByteChunkSource> {
    private var source: Source
    /// The file named in errors.
    let path: String
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var capacity: Int
    private var filled = 0, checked = 0, regionStart = 0, pendingCut = 0
    private var first = true, atEnd = false
    private let maxLineBytes: Int
    private let limitBytes: Int?
    private let expected: String
    /// Bytes of text read so far (after inflation).
    private(set) var bytesRead = 0

    /// A driver over `source`, `chunkSize` bytes at a time (at least 8).
    /// - Parameters:
    ///   - expected: what the file should hold, for the binary-data and long-line errors.
    ///   - limitBytes: the most text read in all; nil for no bound (the reader checks its own
    ///     memory as it goes, as the edge-list reader does).
    init(_ source: Source, path: String, chunkSize: Int, maxLineBytes: Int = 16 << 20, limitBytes: Int? = nil,
         expected: String) {
        self.source = source
        self.path = path
        capacity = max(8, chunkSize)
        // One spare byte: a final line without a break gets one.
        buffer = .allocate(capacity: capacity + 1)
        self.maxLineBytes = max(maxLineBytes, capacity)
        self.limitBytes = limitBytes
        self.expected = expected
    }

    deinit { buffer.deallocate() }

    /// The size the source announces, when known.
    var sizeHint: Int? { source.sizeHint }

    /// The next region of complete lines, and where its unread text starts (after a byte order
    /// mark in the first region); nil at the end. The region is valid until the next call.
    /// `linesSoFar`: lines the caller has counted (for the line numbers of errors).
    ///
    /// - Throws: `InfluenceError` naming the file for a read failure, binary data in a line that
    ///   has no break yet, a line above the line bound, or text above `limitBytes`.
    /// - Complexity: O(region size) amortised.
    func next(linesSoFar: Int) throws(InfluenceError) -> (text: UnsafeBufferPointer<UInt8>, start: Int)? {
        if pendingCut > 0 {
            let left = filled - pendingCut
            if left > 0 { buffer.baseAddress!.update(from: buffer.baseAddress! + pendingCut, count: left) }
            filled = left
            checked = 0
            regionStart = 0
            pendingCut = 0
        }
        while !atEnd {
            let got = try source.read(into: UnsafeMutableBufferPointer(rebasing: buffer[filled..<capacity]))
            filled += got
            bytesRead += got
            if let limitBytes, bytesRead > limitBytes {
                throw InfluenceError(.resource, file: path, parameter: "memoryLimit",
                    "the file holds more than \(SystemMemory.describe(limitBytes)) of text, above what the memory limit allows for it (expected a smaller file, or a higher memory limit)")
            }
            if got == 0 {
                atEnd = true
                if filled == 0 { return nil }
                if !TextBytes.isBreak(buffer[filled - 1]) { buffer[filled] = 0x0A; filled += 1 }
            }
            if first {
                if filled < 3, !atEnd { continue }
                first = false
                if filled >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { regionStart = 3; checked = 3 }
            }
            var cut = filled
            if !atEnd {
                if buffer[cut - 1] == 0x0D { cut -= 1 } // may be the CR of a CRLF
                while cut > regionStart, !TextBytes.isBreak(buffer[cut - 1]) { cut -= 1 }
            }
            if cut <= regionStart {
                // No complete line yet: refuse binary data now (a stream of NULs has no line breaks).
                let fresh = UnsafeBufferPointer(rebasing: buffer[checked..<filled])
                if let bad = TextBytes.firstBinary(fresh) {
                    throw TextBytes.binaryError(fresh[bad], path: path, line: linesSoFar + 1,
                                                column: checked + bad - regionStart + 1, expected: expected)
                }
                checked = filled
                if filled == capacity {
                    guard capacity < maxLineBytes else {
                        throw InfluenceError(.data, file: path, line: linesSoFar + 1,
                            "line is longer than \(SystemMemory.describe(maxLineBytes)) (expected \(expected))")
                    }
                    let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 2 * capacity + 1)
                    larger.baseAddress!.initialize(from: buffer.baseAddress!, count: filled)
                    buffer.deallocate()
                    buffer = larger
                    capacity *= 2
                }
                continue
            }
            pendingCut = cut
            return (UnsafeBufferPointer(rebasing: buffer[0..<cut]), regionStart)
        }
        return nil
    }
}

/// One line of a text file as `TextLineReader` hands it out: its bytes (without the line break)
/// and its 1-based number. The bytes are valid only during the call that receives them.
public struct TextLine {
    /// 1-based line number.
    public let number: Int
    /// The bytes of the line, without its break; valid during the callback only.
    public let bytes: UnsafeBufferPointer<UInt8>

    /// The tokens of the line: runs of bytes separated by spaces, tabs, vertical tabs, form feeds
    /// and any byte of `separators`. Complexity: O(line length).
    public func tokens(separatedBy separators: [UInt8] = []) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if TextBytes.isBlank(c) || separators.contains(c) { i += 1; continue }
            let s = i
            while i < n, !TextBytes.isBlank(bytes[i]), !separators.contains(bytes[i]) { i += 1 }
            result.append(s..<i)
        }
        return result
    }

    /// The text of `range` (valid UTF-8: the reader checked the line).
    public func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The whole line as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// True for a blank line, or one whose first non-blank byte is `#` (or `%` when
    /// `percentComments`).
    public func isSkipped(percentComments: Bool = true) -> Bool {
        for c in bytes where !TextBytes.isBlank(c) {
            return c == 0x23 || (percentComments && c == 0x25)
        }
        return true
    }
}

/// The line reader of every whole-line text format (seeds files, node files, AP files, invitation
/// files, features, labels, splits, TSV embeddings): the same chunk driver as the edge-list reader
/// (`TextRegions`), so each reads plain text, gzip (by magic bytes, streamed), pipes and standard
/// input alike, skips a byte order mark, ends lines at LF, CRLF or a lone CR, refuses binary bytes
/// and invalid UTF-8 with FILE:LINE, and stops at a size bound tied to the memory limit.
public enum TextLineReader {
    /// The most text a whole-line reader takes by default: a quarter of the default memory limit
    /// (what these readers keep is a small multiple of their text).
    public static var defaultLimitBytes: Int { max(1 << 20, SystemMemory.defaultLimitBytes / 4) }

    /// The longest line accepted.
    public static let maxLineBytes = 16 << 20

    /// Calls `body` with each line of `path` (`-`: standard input; gzip recognised by its magic
    /// bytes), in order.
    ///
    /// - Parameters:
    ///   - path: the file to read, or `-` for standard input.
    ///   - limitBytes: the most text read (after inflation); `defaultLimitBytes` when nil.
    ///   - expected: what the file should hold, for error messages ("one label per line").
    ///   - body: called with each line, in order; what it throws ends the read.
    /// - Returns: the name errors use for the file (`<stdin>` for `-`).
    /// - Throws: `InfluenceError` naming the file and line: a missing or unreadable file, corrupt
    ///   gzip data, binary data (a control byte other than tab, VT, FF, CR, LF), invalid UTF-8, a
    ///   line above 16 MiB, text above the limit (`.resource`, parameter `memoryLimit`); and what
    ///   `body` throws.
    /// - Complexity: O(file size); memory one chunk (1 MiB) plus what `body` keeps.
    @discardableResult
    public static func forEachLine(_ path: String, limitBytes: Int? = nil, expected: String,
                                   _ body: (TextLine) throws(InfluenceError) -> Void) throws(InfluenceError) -> String {
        let input = try ChunkedInput(path: path)
        let regions = TextRegions(input, path: input.displayPath, chunkSize: 1 << 20, maxLineBytes: maxLineBytes,
                                  limitBytes: limitBytes ?? defaultLimitBytes, expected: expected)
        try lines(of: regions, expected: expected, body)
        return input.displayPath
    }

    /// The same over bytes in memory (`path` names them in errors), `chunkSize` bytes at a time
    /// (the fuzzing and chunk-boundary entry point; the lines do not depend on it).
    /// - Complexity: O(bytes).
    public static func forEachLine(in bytes: [UInt8], path: String, chunkSize: Int = 1 << 20, limitBytes: Int? = nil,
                                   expected: String, _ body: (TextLine) throws(InfluenceError) -> Void) throws(InfluenceError) {
        let regions = TextRegions(MemoryChunks(bytes: bytes, chunkSize: max(1, chunkSize)), path: path,
                                  chunkSize: chunkSize, maxLineBytes: maxLineBytes, limitBytes: limitBytes, expected: expected)
        try lines(of: regions, expected: expected, body)
    }

    /// The whole text of `path` through the same reader, each line ended by one LF (so line
    /// numbers stay those of the file): for formats parsed as a whole (JSON seeds files).
    ///
    /// - Returns: the name errors use for the file, and the text.
    /// - Throws: as `forEachLine(_:limitBytes:expected:_:)`.
    /// - Complexity: O(file size).
    public static func readAll(_ path: String, limitBytes: Int? = nil, expected: String) throws(InfluenceError) -> (name: String, text: [UInt8]) {
        var text: [UInt8] = []
        let name = try forEachLine(path, limitBytes: limitBytes, expected: expected) { (line) throws(InfluenceError) in
            text.append(contentsOf: line.bytes)
            text.append(0x0A)
        }
        return (name, text)
    }

    static func lines<Source>(of regions: TextRegions<Source>, expected: String,
                              _ body: (TextLine) throws(InfluenceError) -> Void) throws(InfluenceError) {
        var line = 0
        let path = regions.path
        while let (text, start) = try regions.next(linesSoFar: line) {
            var i = start
            let end = text.count
            while i < end {
                line += 1
                let lineStart = i
                while !TextBytes.isBreak(text[i]) {
                    let c = text[i]
                    if TextBytes.isBinary(c) {
                        throw TextBytes.binaryError(c, path: path, line: line, column: i - lineStart + 1, expected: expected)
                    }
                    i += 1
                }
                let bytes = UnsafeBufferPointer(rebasing: text[lineStart..<i])
                // One line ending: LF, CRLF or a lone CR (a region never splits a CRLF).
                if text[i] == 0x0D, i + 1 < end, text[i + 1] == 0x0A { i += 2 } else { i += 1 }
                guard isUTF8(bytes) else {
                    throw InfluenceError(.data, file: path, line: line,
                        "bytes that are not valid UTF-8 at line \(line) (expected UTF-8 text: \(expected); convert the file, e.g. with iconv)")
                }
                try body(TextLine(number: line, bytes: bytes))
            }
        }
    }

    /// True when `bytes` is valid UTF-8 (ASCII fast path).
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in bytes where c >= 0x80 { return String(validating: bytes, as: UTF8.self) != nil }
        return true
    }
}
