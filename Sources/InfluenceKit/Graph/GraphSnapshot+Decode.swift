import FoundationEssentials

extension GraphSnapshot {
    /// Decodes the bytes of a snapshot file, as `read` does after reading them: every field and
    /// array is checked before a graph is built (header fields and section sizes, the checksum,
    /// the CSR offsets monotone and spanning the arcs, arc heads below n, parallel-arc groups that
    /// use every input arc once, arc values in [0, 1] (no NaN), value columns of the right length
    /// with distinct valid names and finite values, one label per node in valid UTF-8, statistics
    /// that decode and agree with the groups). Versions 3 and 4 are read. Malformed bytes throw;
    /// they never trap.
    ///
    /// - Parameters:
    ///   - bytes: the whole contents of the snapshot file.
    ///   - path: the file named in error messages.
    /// - Throws: `InfluenceError(.data)` with `file` = `path`, saying what is wrong and to rebuild
    ///   the snapshot with `infmax convert`.
    /// - Complexity: O(n + m).
    public static func decode(_ bytes: [UInt8], path: String) throws(InfluenceError) -> InfluenceGraph {
        func refuse(_ what: String) -> InfluenceError {
            InfluenceError(.data, file: path, "\(what); rebuild it with 'infmax convert'")
        }
        guard bytes.count >= 16, Array(bytes[0..<8]) == magic else {
            throw InfluenceError(.data, file: path, "not an InfluenceKit snapshot (expected a file written by 'infmax convert')")
        }
        func get<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
            bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        }
        let fileVersion = get(UInt32.self, at: 8)
        guard fileVersion >= oldestReadableVersion && fileVersion <= version else {
            let older = fileVersion < version ? ", written by an older InfluenceKit" : ""
            throw InfluenceError(.data, file: path, "snapshot version \(fileVersion)\(older) (expected version \(oldestReadableVersion) to \(version); re-convert the original graph with 'infmax convert')")
        }
        guard bytes.count >= headerSize else {
            throw refuse("snapshot is truncated: \(bytes.count) bytes (expected a header of \(headerSize))")
        }
        let labelKind = get(UInt32.self, at: 12)
        let n64 = get(UInt64.self, at: 16), m64 = get(UInt64.self, at: 24)
        let labelBytes = get(UInt64.self, at: 32), statBytes = get(UInt64.self, at: 40)
        let payloadBytes = get(UInt64.self, at: 48), checksum = get(UInt64.self, at: checksumRange.lowerBound)
        let flags = get(UInt32.self, at: 64), input64 = get(UInt64.self, at: 72)
        guard UInt64(bytes.count - headerSize) == payloadBytes else {
            throw refuse("snapshot is truncated or padded: \(bytes.count - headerSize) payload bytes (expected \(payloadBytes))")
        }
        let actual = bytes.withUnsafeBytes { Self.checksum(of: $0) }
        guard actual == checksum else {
            throw refuse("snapshot checksum mismatch: the file is corrupted (expected checksum \(String(checksum, radix: 16)))")
        }
        let hasValues = flags & 1 != 0, hasGroups = flags & 2 != 0, hasColumns = flags & 4 != 0
        let knownFlags: UInt32 = fileVersion >= 4 ? 7 : 3
        guard n64 < UInt64(UInt32.max), m64 < UInt64(1) << 40, input64 < UInt64(1) << 40, labelKind <= 2, flags & ~knownFlags == 0,
              hasGroups ? input64 >= m64 : input64 == m64 else {
            throw refuse("snapshot header is inconsistent (expected n < 2^32, m < 2^40, a known label kind and flags, and as many input arcs as arcs unless merged)")
        }
        let n = Int(n64), m = Int(m64), inputCount = Int(input64)
        let csrBytes = 8 * (n + 1) + 4 * m + (hasGroups ? 8 * (m + 1) + 8 * inputCount : 0) + (hasValues ? 4 * inputCount : 0)
        let (withLabels, labelOverflow) = UInt64(csrBytes).addingReportingOverflow(labelBytes)
        let (sections, statOverflow) = withLabels.addingReportingOverflow(statBytes)
        // The column section, last, takes whatever the other sections leave.
        guard !labelOverflow, !statOverflow, hasColumns ? sections < payloadBytes : sections == payloadBytes else {
            throw refuse("snapshot sections do not add up (expected \(payloadBytes) payload bytes)")
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
            guard labelBytes == 0 else { throw refuse("snapshot label section is inconsistent (expected none for identity labels)") }
            labels = .identity(count: n)
        case 1:
            guard labelBytes == UInt64(8 * n) else { throw refuse("snapshot label section is inconsistent (expected 8 bytes per node)") }
            labels = .integers(take(n, Int64.self))
        default:
            guard labelBytes >= UInt64(8 * (n + 1)) else {
                throw refuse("snapshot label section is inconsistent (expected n + 1 offsets)")
            }
            let offsets = take(n + 1, Int64.self)
            let textBytes = Int(labelBytes) - 8 * (n + 1)
            guard offsets.first == 0, offsets.last == Int64(textBytes), zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw refuse("snapshot label offsets are inconsistent (expected non-decreasing offsets from 0 to the text size)")
            }
            let base = cursor
            var strings = [String]()
            strings.reserveCapacity(n)
            for i in 0..<n {
                guard let label = String(validating: bytes[(base + Int(offsets[i]))..<(base + Int(offsets[i + 1]))], as: UTF8.self) else {
                    throw refuse("snapshot label of node \(i) is not valid UTF-8")
                }
                strings.append(label)
            }
            labels = .strings(strings)
            cursor += textBytes
        }
        var statistics: GraphLoadStatistics
        do {
            statistics = try JSONDecoder().decode(GraphLoadStatistics.self, from: Data(bytes[cursor..<(cursor + Int(statBytes))]))
        } catch {
            throw refuse("snapshot statistics do not decode (expected JSON): \(error)")
        }
        guard statistics.selfLoopsDropped >= 0, statistics.parallelArcs >= 0, statistics.parallelArcsMerged == hasGroups,
              !hasGroups || statistics.parallelArcs >= inputCount - m else {
            throw refuse("snapshot statistics disagree with its arcs (expected non-negative counts, and merged parallel arcs exactly when groups are stored)")
        }
        cursor += Int(statBytes)
        let columns = hasColumns ? try decodeColumns(bytes, from: cursor, inputArcCount: inputCount, nodeCount: n, refuse: refuse) : ValueColumns()
        statistics.format = "infgraph (from \(statistics.format))"
        do {
            return try InfluenceGraph(nodeCount: n, outOffsets: outOffsets, outTargets: outTargets, arcValues: values,
                                      columns: columns, parallelArcs: groups, labels: labels, statistics: statistics)
        } catch {
            throw refuse("snapshot holds an inconsistent graph: \(error.message)")
        }
    }

    /// Reads the column section (see `GraphSnapshot`) that runs from `start` to the end of `bytes`,
    /// checking every count against the bytes left, so a malformed section throws.
    ///
    /// Complexity: O(section bytes).
    static func decodeColumns(_ bytes: [UInt8], from start: Int, inputArcCount: Int, nodeCount: Int,
                              refuse: (String) -> InfluenceError) throws(InfluenceError) -> ValueColumns {
        var cursor = start
        func word() throws(InfluenceError) -> UInt32 {
            guard bytes.count - cursor >= 4 else { throw refuse("snapshot column section is truncated") }
            defer { cursor += 4 }
            return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: cursor, as: UInt32.self)) }
        }
        let count = try word()
        var columns = ValueColumns()
        for _ in 0..<count {
            let scopeCode = try word(), nameBytes = Int(try word())
            guard let scope = ValueColumn.Scope(rawValue: scopeCode), bytes.count - cursor >= nameBytes,
                  let name = String(validating: bytes[cursor..<(cursor + nameBytes)], as: UTF8.self) else {
                throw refuse("snapshot column section is inconsistent (expected a scope 0 or 1 and a UTF-8 name)")
            }
            cursor += nameBytes
            let length = scope == .arc ? inputArcCount : nodeCount
            guard (bytes.count - cursor) / 4 >= length else { throw refuse("snapshot column '\(name)' is truncated") }
            let values = [Float](unsafeUninitializedCapacity: length) { buffer, initialized in
                bytes.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[cursor..<(cursor + 4 * length)]))
                }
                initialized = length
            }
            cursor += 4 * length
            guard !(scope == .arc && name == ValueColumns.value) else {
                throw refuse("snapshot column section repeats the value column (expected it in the values section)")
            }
            do { try columns.insert(ValueColumn(name: name, scope: scope, values: values)) } catch {
                throw refuse("snapshot column section is inconsistent: \(error.message)")
            }
        }
        guard cursor == bytes.count else { throw refuse("snapshot column section has \(bytes.count - cursor) bytes left over (expected none)") }
        return columns
    }
}
