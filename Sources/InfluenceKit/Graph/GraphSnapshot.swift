import FoundationEssentials

/// The `.infgraph` binary snapshot: a loaded `InfluenceGraph` (its forward CSR, its named value
/// columns, merged parallel arcs, labels, load statistics) that loads with one bulk read and no parsing; the
/// reverse CSR and its arc map are rebuilt from the forward CSR by the same counting sort as a text
/// load (consistent by construction, and cheaper than reading and checking them). Like the graph,
/// it holds no model parameters: models are bound after loading.
///
/// Layout (little-endian): an 80-byte header — magic `INFGRAPH`, version, label kind, n, m,
/// label-section bytes, statistics bytes, payload bytes, checksum, flags (bit 0: arc values, bit 1:
/// parallel-arc groups, bit 2: further value columns), input arc count I — then the payload: out
/// offsets (Int64 × (n+1)), out targets (UInt32 × m), with groups their offsets (Int64 × (m+1))
/// and input arcs (Int64 × I), with values the `value` column (Float32 × I), the labels, the
/// statistics as JSON with sorted keys, and with bit 2 the other columns, in `ValueColumns`
/// order: their count (UInt32), then per column its scope (UInt32: 0 arc, 1 node), its name's
/// byte count (UInt32), the name in UTF-8 and its values (Float32 × I or × n). The same graph
/// always gives the same bytes.
///
/// The checksum (since version 3) covers the header too: it is `Checksum64` of the header with
/// the checksum field zeroed, followed by the 8 bytes of the payload's `Checksum64`. Version 4
/// added the column section; version 3 files (no bit 2) are still read.
public enum GraphSnapshot {
    /// The format version this build writes (4: named value columns besides `value`).
    public static let version: UInt32 = 4
    /// The oldest format version this build reads (3: the checksum covers the header).
    public static let oldestReadableVersion: UInt32 = 3
    static let magic: [UInt8] = Array("INFGRAPH".utf8)
    /// Bytes before the payload.
    public static let headerSize = 80

    /// Writes `graph` to `path` atomically (a temporary file renamed into place).
    ///
    /// Complexity: O(n + m).
    public static func write(_ graph: InfluenceGraph, to path: String) throws(InfluenceError) {
        var payload = [UInt8]()
        let n = graph.nodeCount, m = graph.arcCount
        let inputArcs = graph.inputArcCount
        payload.reserveCapacity(16 * (n + 1) + 16 * m + 64)
        func append<T>(_ array: [T]) { array.withUnsafeBytes { payload.append(contentsOf: $0) } }
        append(graph.outOffsets.map { Int64($0) })
        append(graph.outTargets)
        var flags: UInt32 = 0
        if let groups = graph.parallelArcs {
            flags |= 2
            append(groups.offsets.map { Int64($0) })
            append(groups.inputArcs.map { Int64($0) })
        }
        if let values = graph.arcValues { flags |= 1; append(values) }
        let labelKind: UInt32
        let labelStart = payload.count
        switch graph.labels {
        case .identity: labelKind = 0
        case .integers(let values): labelKind = 1; append(values)
        case .strings(let values):
            labelKind = 2
            var offsets = [Int64](repeating: 0, count: values.count + 1)
            var bytes = [UInt8]()
            for (i, s) in values.enumerated() { bytes.append(contentsOf: s.utf8); offsets[i + 1] = Int64(bytes.count) }
            append(offsets); payload.append(contentsOf: bytes)
        }
        let labelBytes = payload.count - labelStart
        let stats: [UInt8]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do { stats = Array(try encoder.encode(graph.statistics)) } catch {
            throw InfluenceError(.io, file: path, "cannot encode statistics: \(error)")
        }
        payload.append(contentsOf: stats)
        let others = graph.columns.all.filter { !($0.scope == .arc && $0.name == ValueColumns.value) }
        if !others.isEmpty {
            flags |= 4
            append([UInt32(others.count)])
            for column in others {
                let name = Array(column.name.utf8)
                append([column.scope.rawValue, UInt32(name.count)])
                payload.append(contentsOf: name)
                append(column.values)
            }
        }
        var header = [UInt8](repeating: 0, count: headerSize)
        header.replaceSubrange(0..<8, with: magic)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { header.replaceSubrange(offset..<offset + $0.count, with: $0) }
        }
        put(version, at: 8); put(labelKind, at: 12)
        put(UInt64(n), at: 16); put(UInt64(m), at: 24)
        put(UInt64(labelBytes), at: 32); put(UInt64(stats.count), at: 40)
        put(UInt64(payload.count), at: 48)
        put(flags, at: 64); put(UInt64(inputArcs), at: 72)
        var bytes = header + payload
        let sum = bytes.withUnsafeBytes { Self.checksum(of: $0) }
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(checksumRange, with: $0) }
        try AtomicFile.write(bytes, to: path)
    }

    /// Where the checksum sits in the header.
    public static let checksumRange = 56..<64

    /// The checksum of a whole snapshot file (header and payload), its checksum field read as
    /// zero: `Checksum64` of the zeroed header followed by the payload's `Checksum64`. Public so
    /// that tests and fuzzers can seal the bytes they make.
    ///
    /// - Precondition: `file.count >= headerSize`.
    /// - Complexity: O(bytes).
    public static func checksum(of file: UnsafeRawBufferPointer) -> UInt64 {
        var sealed = [UInt8](UnsafeRawBufferPointer(rebasing: file[0..<headerSize]))
        sealed.replaceSubrange(checksumRange, with: repeatElement(0, count: checksumRange.count))
        let payload = Checksum64.of(UnsafeRawBufferPointer(rebasing: file[headerSize...]))
        withUnsafeBytes(of: payload.littleEndian) { sealed.append(contentsOf: $0) }
        return sealed.withUnsafeBytes { Checksum64.of($0) }
    }

    /// Reads a snapshot written by `write` (see `decode(_:path:)`).
    ///
    /// - Throws: `InfluenceError(.io)` when the file cannot be read; `.data` as `decode`.
    /// - Complexity: O(n + m): one bulk read, one checksum pass, one validation pass.
    public static func read(_ path: String) throws(InfluenceError) -> InfluenceGraph {
        try decode(try FileContents.read(path), path: path)
    }
}

