/// Reads and numbers the node tokens of an edge list for `EdgeListReader`'s scanner.
protocol EdgeTokenInterner {
    /// Reads the node token starting at `text[i]` (not blank), advances `i` past it and returns its
    /// provisional id; throws `.notIntegers` to ask for the general reader, `.failed` for bad data.
    mutating func readID(_ text: UnsafeBufferPointer<UInt8>, _ i: inout Int, lineStart: Int, line: Int,
                         path: String) throws(EdgeListReader.ParseOutcome) -> Int64
    /// Checks a token after the two ids, `text[start..<end]`.
    func checkOther(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lineStart: Int, line: Int,
                    path: String) throws(EdgeListReader.ParseOutcome)
    /// Turns the provisional ids (two per arc) into dense ids in place and returns the labels.
    mutating func finish(_ ids: inout [Int64]) -> NodeLabels
}

/// Canonical decimal integers (optional '-', no leading zeros, at most 18 digits), renumbered in
/// increasing order so that ids `0..<n` stay the identity.
struct IntegerTokens: EdgeTokenInterner {
    @inline(__always)
    mutating func readID(_ text: UnsafeBufferPointer<UInt8>, _ i: inout Int, lineStart: Int, line: Int,
                         path: String) throws(EdgeListReader.ParseOutcome) -> Int64 {
        let end = text.count
        var negative = false
        if text[i] == 0x2D { negative = true; i &+= 1 }
        let digitsStart = i
        var acc: Int64 = 0
        while i < end {
            let d = text[i] &- 0x30
            if d > 9 { break }
            acc = acc &* 10 &+ Int64(d)
            i &+= 1
        }
        let digits = i &- digitsStart
        if digits == 0 || digits > 18 || (i < end && !EdgeListReader.isBlank(text[i]) && text[i] != 0x0A)
            || (digits > 1 && text[digitsStart] == 0x30) || (negative && acc == 0) {
            throw .notIntegers
        }
        return negative ? -acc : acc
    }

    @inline(__always)
    func checkOther(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lineStart: Int, line: Int,
                    path: String) throws(EdgeListReader.ParseOutcome) {}

    mutating func finish(_ ids: inout [Int64]) -> NodeLabels {
        let labels = IntegerIdMap.densify(&ids)
        let n = labels.count
        return labels.first == 0 && labels.last == Int64(n - 1) ? .identity(count: n) : .integers(labels)
    }
}

/// Any token is a label (UTF-8 text without control bytes), numbered by first appearance.
struct StringTokens: EdgeTokenInterner {
    private var index = [String: Int64]()
    private var labels = [String]()

    mutating func readID(_ text: UnsafeBufferPointer<UInt8>, _ i: inout Int, lineStart: Int, line: Int,
                         path: String) throws(EdgeListReader.ParseOutcome) -> Int64 {
        let start = i
        while i < text.count, !EdgeListReader.isBlank(text[i]), text[i] != 0x0A { i += 1 }
        try checkOther(text, start, i, lineStart: lineStart, line: line, path: path)
        let token = String(decoding: UnsafeBufferPointer(rebasing: text[start..<i]), as: UTF8.self)
        if token.unicodeScalars.contains("\u{FFFD}") {
            throw .failed(InfluenceError(.data, file: path, line: line, "binary data: bytes that are not UTF-8 text (expected a text edge list)"))
        }
        if let known = index[token] { return known }
        let id = Int64(labels.count)
        index[token] = id
        labels.append(token)
        return id
    }

    func checkOther(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, lineStart: Int, line: Int,
                    path: String) throws(EdgeListReader.ParseOutcome) {
        for k in start..<end {
            let c = text[k]
            if c < 0x20 || c == 0x7F {
                throw .failed(InfluenceError(.data, file: path, line: line,
                    "binary data: byte 0x\(String(c, radix: 16, uppercase: true)) at column \(k - lineStart + 1) (expected a text edge list)"))
            }
        }
    }

    mutating func finish(_ ids: inout [Int64]) -> NodeLabels { .strings(labels) }
}
