/// Reads and numbers the node tokens of an edge list for `EdgeListReader`'s scanner.
protocol EdgeTokenInterner {
    /// Reads the node token starting at `text[i]` (not blank), advances `i` past it and returns its
    /// provisional id; throws `.notIntegers` to ask for the general reader, `.failed` for bad data.
    /// `text` always ends with a line break, so a token ends before `text.count`.
    mutating func readID(_ text: UnsafeBufferPointer<UInt8>, _ i: inout Int, lineStart: Int, line: Int,
                         path: String) throws(EdgeListReader.ParseOutcome) -> Int64
    /// Distinct nodes so far, when the interner knows it cheaply (for the memory estimate).
    var knownNodeCount: Int? { get }
    /// Bytes held for labels so far (for the memory estimate).
    var labelBytes: Int { get }
    /// Turns the provisional ids (two per line) into dense ids in place and returns the labels.
    mutating func finish(_ ids: ProvisionalIDs) -> NodeLabels
}

/// Canonical decimal integers (optional '-', no leading zeros, at most 18 digits), renumbered in
/// increasing order so that ids `0..<n` stay the identity.
///
/// With a declared node count N the ids are taken as they are: each must lie in `0..<N` (an error
/// naming the line otherwise, as is any token that is not such an integer), and nodes never named
/// are isolated.
struct IntegerTokens: EdgeTokenInterner {
    /// The declared node count; nil to renumber whatever ids the file uses.
    let declaredCount: Int?
    private let limit: Int64

    init(declaredCount: Int? = nil) {
        self.declaredCount = declaredCount
        limit = declaredCount.map(Int64.init) ?? Int64.max
    }

    @inline(__always)
    mutating func readID(_ text: UnsafeBufferPointer<UInt8>, _ i: inout Int, lineStart: Int, line: Int,
                         path: String) throws(EdgeListReader.ParseOutcome) -> Int64 {
        let start = i
        var negative = false
        if text[i] == 0x2D { negative = true; i &+= 1 }
        let digitsStart = i
        var acc: Int64 = 0
        while true {
            let d = text[i] &- 0x30
            if d > 9 { break }
            acc = acc &* 10 &+ Int64(d)
            i &+= 1
        }
        let digits = i &- digitsStart
        if digits == 0 || digits > 18 || !TextBytes.isSpace(text[i])
            || (digits > 1 && text[digitsStart] == 0x30) || (negative && acc == 0) {
            throw notAnInteger(text, start, lineStart: lineStart, line: line, path: path)
        }
        if negative || acc >= limit { throw outOfRange(acc, negative: negative, line: line, path: path) }
        return acc
    }

    /// The token at `start` is not a canonical integer: ask for string labels, or, with a declared
    /// node count, refuse it (binary bytes first).
    @inline(never)
    private func notAnInteger(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, lineStart: Int, line: Int,
                              path: String) -> EdgeListReader.ParseOutcome {
        guard let declaredCount else { return .notIntegers(lineStart: lineStart) }
        var i = start
        while !TextBytes.isSpace(text[i]) {
            if TextBytes.isBinary(text[i]) {
                return .failed(TextBytes.binaryError(text[i], path: path, line: line, column: i - lineStart + 1))
            }
            i &+= 1
        }
        let token = String(decoding: UnsafeBufferPointer(rebasing: text[start..<i]), as: UTF8.self)
        return .failed(InfluenceError(.data, file: path, line: line, parameter: "nodeCount",
            "node '\(token.prefix(40))' is not an integer id (expected ids 0 to \(declaredCount - 1), as the node count \(declaredCount) says)"))
    }

    @inline(never)
    private func outOfRange(_ acc: Int64, negative: Bool, line: Int, path: String) -> EdgeListReader.ParseOutcome {
        let shown = negative ? "-\(acc)" : "\(acc)"
        return .failed(InfluenceError(.data, file: path, line: line, parameter: "nodeCount",
            "node id \(shown) is outside 0 to \(limit - 1) (expected ids below the node count \(limit))"))
    }

    var knownNodeCount: Int? { declaredCount }
    var labelBytes: Int { 0 }

    mutating func finish(_ ids: ProvisionalIDs) -> NodeLabels {
        if let declaredCount { return .identity(count: declaredCount) }
        let labels = IntegerIdMap.densify(ids)
        let n = labels.count
        return labels.first == 0 && labels.last == Int64(n - 1) ? .identity(count: n) : .integers(labels)
    }
}

/// Any token is a label (UTF-8 text without control bytes), numbered by first appearance.
///
/// Labels are compared by their bytes, not by Unicode canonical equivalence: `café` spelled with
/// a precomposed `é` and with `e` + combining accent are two nodes, as they are two byte strings
/// in the file. A token that is not valid UTF-8 is refused (with its line).
///
/// A closed interner (labels from a node file) refuses tokens it does not already hold.
struct StringTokens: EdgeTokenInterner {
    /// Label bytes, back to back; label k is `arena[ends[k - 1]..<ends[k]]`.
    private var arena: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    private(set) var labels: [String] = []
    /// Open addressing over label numbers (-1: empty); the capacity is a power of two.
    private var slots: [Int32] = [Int32](repeating: -1, count: 1024)
    /// When set, the node file the labels came from: unknown tokens are errors.
    var closedBy: String?

    init() {}

    /// Continues a read begun by `IntegerTokens`: the provisional ids so far (integer values) are
    /// interned as their decimal spellings in order, so numbering by first appearance holds.
    init(convertingIntegerIds ids: ProvisionalIDs) {
        if let wide = ids.wide { internAll(wide) } else { internAll(ids.narrow) }
    }

    /// Replaces each integer id by the number of its decimal spelling as a label.
    private mutating func internAll<ID: FixedWidthInteger & BitwiseCopyable>(_ ids: GrowableBuffer<ID>) {
        var cache = [Int64: Int64]()
        for k in ids.indices {
            let id = Int64(ids[k])
            if let known = cache[id] { ids[k] = ID(truncatingIfNeeded: known); continue }
            let bytes = Array(String(id).utf8)
            let interned = bytes.withUnsafeBufferPointer { intern($0, hash: Self.hash($0), text: nil) }
            cache[id] = interned
            ids[k] = ID(truncatingIfNeeded: interned)
        }
    }

    var knownNodeCount: Int? { labels.count }
    var labelBytes: Int { arena.count + 40 * labels.count }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in bytes { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return SplitMix64.mix(h)
    }

    /// The number of the label `bytes`, or nil.
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int64? {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while true {
            let k = Int(slots[s])
            if k < 0 { return nil }
            if hashes[k] == hash, equal(k, bytes) { return Int64(k) }
            s = (s + 1) & mask
        }
    }

    private func equal(_ k: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = k == 0 ? 0 : ends[k - 1]
        guard ends[k] - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { a in
            for j in 0..<bytes.count where a[start + j] != bytes[j] { return false }
            return true
        }
    }

    /// Adds `bytes`, which the table does not hold yet, with its string (decoded here when nil).
    @discardableResult
    private mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, text: String?) -> Int64 {
        let k = labels.count
        arena.append(contentsOf: bytes)
        ends.append(arena.count)
        hashes.append(hash)
        labels.append(text ?? String(decoding: bytes, as: UTF8.self))
        if 2 * labels.count > slots.count { grow() } else { place(k) }
        return Int64(k)
    }

    private mutating func place(_ k: Int) {
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: hashes[k]) & mask
        while slots[s] >= 0 { s = (s + 1) & mask }
        slots[s] = Int32(k)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for k in 0..<labels.count { place(k) }
    }

    /// The number of `label`, interned when new (labels given as strings: invitation arcs held
    /// in memory or split into fields). Complexity: O(label length) expected.
    mutating func intern(label: String) -> Int {
        var text = label
        return text.withUTF8 { bytes in
            let h = Self.hash(bytes)
            if let known = find(bytes, hash: h) { return Int(known) }
            return Int(intern(bytes, hash: h, text: label))
        }
    }

    /// The number of `label` (byte for byte), or nil when it was never interned.
    /// Complexity: O(label length) expected.
    func number(of label: String) -> Int? {
        var text = label
        return text.withUTF8 { bytes in find(bytes, hash: Self.hash(bytes)).map { Int($0) } }
    }

    /// Adds a label of a node file; false when it was already there.
    mutating func declare(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, path: String) throws(InfluenceError) -> Bool {
        let h = Self.hash(bytes)
        if find(bytes, hash: h) != nil { return false }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Self.invalidUTF8(path: path, line: line)
        }
        intern(bytes, hash: h, text: text)
        return true
    }

    static func invalidUTF8(path: String, line: Int) -> InfluenceError {
        InfluenceError(.data, file: path, line: line, "binary data: bytes that are not UTF-8 at line \(line); labels must be UTF-8 text, so convert the file, e.g. with iconv (expected a text edge list)")
    }

    mutating func readID(_ text: UnsafeBufferPointer<UInt8>, _ i: inout Int, lineStart: Int, line: Int,
                         path: String) throws(EdgeListReader.ParseOutcome) -> Int64 {
        let start = i
        while !TextBytes.isSpace(text[i]) {
            if TextBytes.isBinary(text[i]) {
                throw .failed(TextBytes.binaryError(text[i], path: path, line: line, column: i - lineStart + 1))
            }
            i &+= 1
        }
        let token = UnsafeBufferPointer(rebasing: text[start..<i])
        let h = Self.hash(token)
        if let known = find(token, hash: h) { return known }
        if let closedBy {
            let shown = String(decoding: token, as: UTF8.self)
            throw .failed(InfluenceError(.data, file: path, line: line, parameter: "nodeFile",
                "node '\(shown.prefix(40))' is not in the node file \(closedBy) (expected only labels listed there; add it to the node file)"))
        }
        guard let valid = String(validating: token, as: UTF8.self) else {
            throw .failed(Self.invalidUTF8(path: path, line: line))
        }
        return intern(token, hash: h, text: valid)
    }

    mutating func finish(_ ids: ProvisionalIDs) -> NodeLabels { .strings(labels) }
}
