import Foundation
import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Gzip bytes of `text` made by the system's gzip (`level` 1–9).
func gzipped(_ bytes: [UInt8], level: Int = 9) throws -> [UInt8] {
    let input = TestPaths.temporary("plain.bin")
    defer { removeTemporary(input) }
    try Data(bytes).write(to: URL(fileURLWithPath: input))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
    process.arguments = ["-\(level)", "-c", input]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return Array(data)
}

/// A multi-member gzip file: `copies` members, each inflating to `block`. A few KiB on disk can
/// stand for gigabytes of text.
func gzipMembers(_ block: [UInt8], copies: Int) throws -> [UInt8] {
    let member = try gzipped(block)
    var file = [UInt8]()
    file.reserveCapacity(member.count * copies)
    for _ in 0..<copies { file += member }
    return file
}

/// Edge lists and other inputs are streamed: chunk by chunk, gzip recognised by its magic bytes,
/// binary data and graphs beyond the memory limit refused at once.
@Suite struct StreamingInputTests {
    func failure(_ path: String, _ options: GraphLoadOptions = GraphLoadOptions()) -> InfluenceError? {
        do { _ = try GraphLoader.load(path, options: options); return nil } catch { return error }
    }

    /// 1 GiB of `1 2` lines in a 2 MB gzip: the load stops after a few chunks with the estimate,
    /// instead of inflating the whole text first (which took gigabytes and aborted).
    @Test func largeGzipIsStreamedAndRefusedEarlyByTheMemoryLimit() throws {
        let line: [UInt8] = [0x31, 0x20, 0x32, 0x0A] // "1 2\n"
        let block = (0..<(1 << 20)).map { line[$0 & 3] }
        let path = TestPaths.temporary("gigabyte.txt.gz")
        defer { removeTemporary(path) }
        try AtomicFile.write(try gzipMembers(block, copies: 1024), to: path)
        let e = try #require(failure(path, GraphLoadOptions(memoryLimitBytes: 8 << 20)))
        #expect(e.kind == .resource)
        #expect(e.parameter == "memoryLimit")
        #expect(e.file == path)
        #expect(e.message.hasPrefix("the graph needs about "))
        #expect(e.message.contains("arcs so far) but the memory limit is 8.0 MiB"))
        // Refused within the first chunks: far fewer arcs than the 268M lines of the file.
        let arcs = try #require(e.message.split(separator: "(").dropFirst().first?.split(separator: " ").first.flatMap { Int($0) })
        #expect(arcs <= 1 << 20)
    }

    @Test func aGraphUnderTheLimitLoadsAndOneOverItIsRefusedWithItsCounts() throws {
        let path = writeTemporary("limit.txt", "a b\nb c\nc a\n")
        defer { removeTemporary(path) }
        #expect(try GraphLoader.load(path, options: GraphLoadOptions(memoryLimitBytes: 1 << 20)).graph.arcCount == 3)
        let e = try #require(failure(path, GraphLoadOptions(memoryLimitBytes: 100)))
        #expect(e.parameter == "memoryLimit")
        #expect(e.message.hasPrefix("the graph needs about "))
        #expect(e.message.contains("(3 nodes, 3 arcs"))
        #expect(e.message.contains("but the memory limit is 100 B"))
    }

    @Test func formatsReadWholeAreBoundedByTheLimit() throws {
        let e = try #require(failure(TestPaths.fixture("tiny.graphml"), GraphLoadOptions(memoryLimitBytes: 64)))
        #expect(e.kind == .resource)
        #expect(e.parameter == "memoryLimit")
        #expect(e.message.contains("this format is read whole"))
    }

    @Test func devZeroFailsAtOnceAsBinaryData() {
        #expect(failure("/dev/zero") == InfluenceError(.data, file: "/dev/zero", line: 1,
                                                        "binary data: byte 0x00 at line 1, column 1 (expected a text edge list)"))
    }

    @Test func gzipOfNULsFailsInTheFirstChunk() throws {
        let path = TestPaths.temporary("zeros.txt.gz")
        defer { removeTemporary(path) }
        try AtomicFile.write(try gzipMembers([UInt8](repeating: 0, count: 1 << 20), copies: 64), to: path)
        #expect(failure(path) == InfluenceError(.data, file: path, line: 1, "binary data: byte 0x00 at line 1, column 1 (expected a text edge list)"))
    }

    @Test func binaryByteAfterTextLinesNamesItsLine() throws {
        let path = TestPaths.temporary("late-binary.txt")
        defer { removeTemporary(path) }
        try AtomicFile.write(Array("1 2\r\n2 3\n# c\n3 4 x\u{1B}\n".utf8), to: path)
        #expect(failure(path) == InfluenceError(.data, file: path, line: 4, "binary data: byte 0x1B at line 4, column 6 (expected a text edge list)"))
    }

    @Test(arguments: ["upper.TXT.GZ", "no-extension", "graph.txt"])
    func gzipIsRecognisedByItsMagicBytesWhateverTheName(_ name: String) throws {
        let path = TestPaths.temporary(name)
        defer { removeTemporary(path) }
        try AtomicFile.write(try FileContents.readRaw(TestPaths.fixture("tiny.txt.gz")), to: path)
        let plain = try GraphLoader.load(TestPaths.fixture("tiny.txt")).graph
        let zipped = try GraphLoader.load(path).graph
        #expect(zipped.outTargets == plain.outTargets)
        #expect(zipped.labels == plain.labels)
    }

    @Test func aGzNameHoldingPlainTextIsReadAsText() throws {
        let path = writeTemporary("plain.txt.gz", "1 2\n2 3\n")
        defer { removeTemporary(path) }
        #expect(try GraphLoader.load(path).graph.arcCount == 2)
    }

    @Test func gzipThroughAFIFOIsInflated() throws {
        let path = TestPaths.temporary("fifo")
        defer { removeTemporary(path) }
        try #require(mkfifo(path, 0o600) == 0)
        let bytes = try FileContents.readRaw(TestPaths.fixture("tiny.txt.gz"))
        let writer = Thread {
            let fd = open(path, O_WRONLY)
            bytes.withUnsafeBytes { _ = write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        writer.start()
        let graph = try GraphLoader.load(path).graph
        #expect(graph.outTargets == (try GraphLoader.load(TestPaths.fixture("tiny.txt")).graph.outTargets))
    }

    @Test func multiMemberGzipIsReadWhole() throws {
        let path = TestPaths.temporary("members.gz")
        defer { removeTemporary(path) }
        try AtomicFile.write(try gzipped(Array("1 2\n".utf8)) + (try gzipped(Array("2 3\n".utf8))), to: path)
        #expect(try GraphLoader.load(path).graph.arcCount == 2)
    }

    @Test func corruptGzipIsAnError() throws {
        var bytes = try FileContents.readRaw(TestPaths.fixture("tiny.txt.gz"))
        for k in 12..<bytes.count - 8 { bytes[k] = 0xFF }
        let path = TestPaths.temporary("corrupt.gz")
        defer { removeTemporary(path) }
        try AtomicFile.write(bytes, to: path)
        let e = try #require(failure(path))
        #expect(e.file == path)
        #expect(e.message.contains("gzip data"))
    }
}
