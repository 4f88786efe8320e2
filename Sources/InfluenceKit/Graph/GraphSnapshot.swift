import FoundationEssentials

/// The `.infgraph` binary snapshot: a loaded `InfluenceGraph` (its forward CSR, the raw arc values,
/// merged parallel arcs, labels, load statistics) that loads with one bulk read and no parsing; the
/// reverse CSR and its arc map are rebuilt from the forward CSR by the same counting sort as a text
/// load (consistent by construction, and cheaper than reading and checking them). Like the graph,
/// it holds no model parameters: models are bound after loading.
///
/// Layout (little-endian): an 80-byte header — magic `INFGRAPH`, version, label kind, n, m,
/// label-section bytes, statistics bytes, payload bytes, payload checksum (`Checksum64`), flags
/// (bit 0: arc values, bit 1: parallel-arc groups), input arc count I — then the payload: out
/// offsets (Int64 × (n+1)), out targets (UInt32 × m), with groups their offsets (Int64 × (m+1)) and
/// input arcs (Int64 × I), with values the values (Float32 × I), the labels, and the statistics as
/// JSON.
public enum GraphSnapshot {
    /// The format version this build writes and reads.
    public static let version: UInt32 = 2
    static let magic: [UInt8] = Array("INFGRAPH".utf8)
    static let headerSize = 80

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
        do { stats = Array(try JSONEncoder().encode(graph.statistics)) } catch {
            throw InfluenceError(.io, file: path, "cannot encode statistics: \(error)")
        }
        payload.append(contentsOf: stats)
        let checksum = payload.withUnsafeBytes { Checksum64.of($0) }
        var header = [UInt8](repeating: 0, count: headerSize)
        header.replaceSubrange(0..<8, with: magic)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { header.replaceSubrange(offset..<offset + $0.count, with: $0) }
        }
        put(version, at: 8); put(labelKind, at: 12)
        put(UInt64(n), at: 16); put(UInt64(m), at: 24)
        put(UInt64(labelBytes), at: 32); put(UInt64(stats.count), at: 40)
        put(UInt64(payload.count), at: 48); put(checksum, at: 56)
        put(flags, at: 64); put(UInt64(inputArcs), at: 72)
        try AtomicFile.write(header + payload, to: path)
    }

    /// Reads a snapshot written by `write`. A truncated, corrupted or wrong-version file throws.
    ///
    /// Complexity: O(n + m): one bulk read, one checksum pass, one validation pass.
    public static func read(_ path: String) throws(InfluenceError) -> InfluenceGraph {
        let bytes = try FileContents.read(path)
        guard bytes.count >= 16, Array(bytes[0..<8]) == magic else {
            throw InfluenceError(.data, file: path, "not an InfluenceKit snapshot (expected a file written by 'infmax convert')")
        }
        func get<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
            bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        }
        let fileVersion = get(UInt32.self, at: 8)
        guard fileVersion == version else {
            let older = fileVersion < version ? ", written by an older InfluenceKit" : ""
            throw InfluenceError(.data, file: path, "snapshot version \(fileVersion)\(older) (expected version \(version); re-convert the original graph with 'infmax convert')")
        }
        guard bytes.count >= headerSize else {
            throw InfluenceError(.data, file: path, "snapshot is truncated: \(bytes.count) bytes (expected a header of \(headerSize); rebuild it with 'infmax convert')")
        }
        let labelKind = get(UInt32.self, at: 12)
        let n64 = get(UInt64.self, at: 16), m64 = get(UInt64.self, at: 24)
        let labelBytes = get(UInt64.self, at: 32), statBytes = get(UInt64.self, at: 40)
        let payloadBytes = get(UInt64.self, at: 48), checksum = get(UInt64.self, at: 56)
        let flags = get(UInt32.self, at: 64), input64 = get(UInt64.self, at: 72)
        guard UInt64(bytes.count - headerSize) == payloadBytes else {
            throw InfluenceError(.data, file: path, "snapshot is truncated or padded: \(bytes.count - headerSize) payload bytes (expected \(payloadBytes); rebuild it with 'infmax convert')")
        }
        let actual = bytes.withUnsafeBytes { Checksum64.of(UnsafeRawBufferPointer(rebasing: $0[headerSize...])) }
        guard actual == checksum else {
            throw InfluenceError(.data, file: path, "snapshot checksum mismatch: the file is corrupted (expected checksum \(String(checksum, radix: 16)); rebuild it with 'infmax convert')")
        }
        guard n64 < UInt64(UInt32.max), m64 < UInt64(1) << 40, input64 < UInt64(1) << 40, labelKind <= 2, flags <= 3,
              flags & 2 != 0 || input64 == m64 else {
            throw InfluenceError(.data, file: path, "snapshot header is inconsistent (expected n < 2^32, known label kind and flags)")
        }
        let n = Int(n64), m = Int(m64), inputCount = Int(input64)
        let hasValues = flags & 1 != 0, hasGroups = flags & 2 != 0
        let csrBytes = 8 * (n + 1) + 4 * m + (hasGroups ? 8 * (m + 1) + 8 * inputCount : 0) + (hasValues ? 4 * inputCount : 0)
        guard UInt64(csrBytes) + labelBytes + statBytes == payloadBytes else {
            throw InfluenceError(.data, file: path, "snapshot sections do not add up (expected \(payloadBytes) payload bytes)")
        }
        var cursor = headerSize
        func take<T>(_ count: Int, _ type: T.Type) -> [T] {
            let size = count * MemoryLayout<T>.stride
            let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[cursor..<cursor + size]))
                }
                initialized = count
            }
            cursor += size
            return result
        }
        // Int64 sections are read straight into [Int] (64-bit, little-endian on every platform built).
        let outOffsets = take(n + 1, Int.self)
        let outTargets = take(m, UInt32.self)
        var groups: ParallelArcGroups?
        if hasGroups {
            let offsets = take(m + 1, Int.self)
            groups = ParallelArcGroups(offsets: offsets, inputArcs: take(inputCount, Int.self))
        }
        let values = hasValues ? take(inputCount, Float.self) : nil
        let labels: NodeLabels
        switch labelKind {
        case 0:
            guard labelBytes == 0 else { throw InfluenceError(.data, file: path, "snapshot label section is inconsistent") }
            labels = .identity(count: n)
        case 1:
            guard labelBytes == UInt64(8 * n) else { throw InfluenceError(.data, file: path, "snapshot label section is inconsistent") }
            labels = .integers(take(n, Int64.self))
        default:
            guard labelBytes >= UInt64(8 * (n + 1)) else { throw InfluenceError(.data, file: path, "snapshot label section is inconsistent") }
            let offsets = take(n + 1, Int64.self)
            let textBytes = Int(labelBytes) - 8 * (n + 1)
            guard offsets.first == 0, offsets.last == Int64(textBytes), zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw InfluenceError(.data, file: path, "snapshot label offsets are inconsistent")
            }
            let base = cursor
            labels = .strings((0..<n).map { i in
                String(decoding: bytes[(base + Int(offsets[i]))..<(base + Int(offsets[i + 1]))], as: UTF8.self)
            })
            cursor += textBytes
        }
        let statistics: GraphLoadStatistics
        do {
            var decoded = try JSONDecoder().decode(GraphLoadStatistics.self, from: Data(bytes[cursor..<(cursor + Int(statBytes))]))
            decoded.format = "infgraph (from \(decoded.format))"
            statistics = decoded
        } catch {
            throw InfluenceError(.data, file: path, "snapshot statistics do not decode (expected JSON): \(error)")
        }
        do {
            return try InfluenceGraph(nodeCount: n, outOffsets: outOffsets, outTargets: outTargets, arcValues: values,
                                      parallelArcs: groups, labels: labels, statistics: statistics)
        } catch {
            throw InfluenceError(.data, file: path, "snapshot holds an inconsistent graph: \(error.message)")
        }
    }
}
