import Testing
#if canImport(Glibc)
import Glibc
#endif
@_spi(Kernels) @testable import InfluenceKit

/// Inputs the fuzzers in Tests/Fuzz crashed on (each is also in Tests/Fuzz/corpus). A reader must
/// reject each with an `InfluenceError`; it runs in a child process so a trap fails one test, not
/// the whole run.
@Suite struct FuzzRegressionTests {
    /// A snapshot header (no payload) with a consistent payload size and checksum, so the reader
    /// gets past those checks to the section sizes: karate's n = 34 and m = 156, no labels kind,
    /// and the given label and statistics section sizes.
    static func header(labelBytes: UInt64, statBytes: UInt64) -> [UInt8] {
        var bytes = Array("INFGRAPH".utf8) + [UInt8](repeating: 0, count: 72)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(offset..<offset + $0.count, with: $0) }
        }
        put(GraphSnapshot.version, at: 8); put(UInt32(0), at: 12)
        put(UInt64(34), at: 16); put(UInt64(156), at: 24)
        put(labelBytes, at: 32); put(statBytes, at: 40)
        put(UInt64(0), at: 48)
        put(UInt32(0), at: 64); put(UInt64(156), at: 72)
        SnapshotForgery.reseal(&bytes)
        return bytes
    }

    /// Reads `bytes` as a snapshot; exits 0 when it is rejected with a data error.
    static func expectRejected(_ bytes: [UInt8]) {
        let path = TestPaths.temporary("fuzz.infgraph")
        defer { removeTemporary(path) }
        do {
            try AtomicFile.write(bytes, to: path)
            _ = try GraphSnapshot.read(path)
            exit(1)
        } catch {
            exit(error.kind == .data ? 0 : 1)
        }
    }

    /// corpus/FuzzSnapshot/crash-section-sum-overflow.infgraph (found by FuzzSnapshot): a label
    /// section of 2^64 − 8 bytes overflows the sum of the section sizes (GraphSnapshot.swift:109, `+ labelBytes`).
    @Test func labelSectionSizeOverflows() async {
        await #expect(processExitsWith: .success) {
            FuzzRegressionTests.expectRejected(FuzzRegressionTests.header(labelBytes: UInt64.max - 7, statBytes: 105))
        }
    }

    /// corpus/FuzzSnapshot/crash-stat-sum-overflow.infgraph (found by FuzzSnapshot): label and
    /// statistics sizes that each fit but whose sum overflows (GraphSnapshot.swift:109,
    /// `+ statBytes`).
    @Test func statisticsSectionSizeOverflows() async {
        await #expect(processExitsWith: .success) {
            FuzzRegressionTests.expectRejected(FuzzRegressionTests.header(labelBytes: 13_382_727_767_708_139_520,
                                                                          statBytes: 8_286_623_314_361_760_185))
        }
    }
}
