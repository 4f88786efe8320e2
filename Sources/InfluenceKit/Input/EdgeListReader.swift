#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Our tokenizer for SNAP-style edge lists: `u v` or `u v p` per line, spaces or tabs, `#` and `%`
/// comment lines, blank lines, CRLF endings. Ids are arbitrary tokens: integers are renumbered in
/// increasing order (so `0..<n` stays the identity); any other token switches the whole file to
/// string labels, numbered by first appearance.
///
/// Complexity: O(file size + n log n).
public enum EdgeListReader {
    /// Parses `bytes` (the contents of `path`).
    ///
    /// - Parameters:
    ///   - undirected: each line gives two arcs, u→v and v→u.
    ///   - readValues: the third column is required and parsed as a probability in [0, 1]; when
    ///     false a third column is allowed and ignored.
    public static func parse(_ bytes: [UInt8], path: String, undirected: Bool, readValues: Bool) throws(InfluenceError) -> ArcList {
        let fast: Result<ArcList, ParseOutcome> = bytes.withUnsafeBufferPointer { buffer in
            do throws(ParseOutcome) {
                return .success(try parseIntegers(buffer, path: path, undirected: undirected, readValues: readValues))
            } catch {
                return .failure(error)
            }
        }
        switch fast {
        case .success(let arcs): return arcs
        case .failure(.failed(let error)): throw error
        case .failure(.notIntegers):
            let general: Result<ArcList, InfluenceError> = bytes.withUnsafeBufferPointer { buffer in
                do throws(InfluenceError) {
                    return .success(try parseStrings(buffer, path: path, undirected: undirected, readValues: readValues))
                } catch {
                    return .failure(error)
                }
            }
            return try general.get()
        }
    }

    enum ParseOutcome: Error { case failed(InfluenceError), notIntegers }

    private static let expected = "expected 'u v' or 'u v p'"

    @inline(__always) private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }

    /// One pass with integer ids; throws `.notIntegers` at the first token that is not one.
    private static func parseIntegers(_ text: UnsafeBufferPointer<UInt8>, path: String, undirected: Bool, readValues: Bool) throws(ParseOutcome) -> ArcList {
        let end = text.count
        var ids = [Int64]()
        ids.reserveCapacity(max(16, end / 6))
        var values = [Float]()
        var selfLoops = 0
        var line = 0
        var sawComment = false
        var i = 0
        while i < end {
            line += 1
            // Leading blanks.
            while i < end, isBlank(text[i]) { i += 1 }
            if i >= end { break }
            let first = text[i]
            if first == 0x0A { i += 1; continue }
            if first == 0x23 || first == 0x25 { // '#', '%'
                sawComment = true
                while i < end, text[i] != 0x0A { i += 1 }
                i += 1
                continue
            }
            var fields = 0
            var u: Int64 = 0, v: Int64 = 0
            var value: Float = 0
            while i < end, text[i] != 0x0A {
                let start = i
                if fields < 2 {
                    // Integer token: optional '-', digits, canonical (no leading zeros), at most 18 digits.
                    var negative = false
                    if text[i] == 0x2D { negative = true; i += 1 }
                    let digitsStart = i
                    var acc: Int64 = 0
                    while i < end {
                        let d = text[i] &- 0x30
                        if d > 9 { break }
                        acc = acc &* 10 &+ Int64(d)
                        i += 1
                    }
                    let digits = i - digitsStart
                    if digits == 0 || digits > 18 || (i < end && !isBlank(text[i]) && text[i] != 0x0A)
                        || (digits > 1 && text[digitsStart] == 0x30) || (negative && acc == 0) {
                        throw .notIntegers
                    }
                    if fields == 0 { u = negative ? -acc : acc } else { v = negative ? -acc : acc }
                } else {
                    while i < end, !isBlank(text[i]), text[i] != 0x0A { i += 1 }
                    if fields == 2, readValues {
                        do { value = try parseProbability(text, start, i, path: path, line: line) }
                        catch { throw .failed(error) }
                    }
                }
                _ = start
                fields += 1
                while i < end, isBlank(text[i]) { i += 1 }
            }
            i += 1
            guard fields >= 2, fields <= 3 else {
                throw .failed(fieldCountError(fields, path: path, line: line))
            }
            if readValues, fields < 3 {
                throw .failed(InfluenceError(.data, file: path, line: line, parameter: "probabilities", "line has no probability (expected 'u v p' when arc values are read)"))
            }
            if u == v { selfLoops += 1; continue }
            ids.append(u); ids.append(v)
            if readValues { values.append(value) }
        }
        if ids.isEmpty {
            throw .failed(noEdgesError(path: path, lines: line, sawComment: sawComment || selfLoops > 0, selfLoops: selfLoops))
        }
        let labels = IntegerIdMap.densify(&ids)
        let nodeCount = labels.count
        let isIdentity = labels.first == 0 && labels.last == Int64(nodeCount - 1)
        return makeArcs(ids: ids, values: readValues ? values : nil, nodeCount: nodeCount,
                        labels: isIdentity ? .identity(count: nodeCount) : .integers(labels),
                        selfLoops: selfLoops, undirected: undirected)
    }

    /// The general pass: any token is a label.
    private static func parseStrings(_ text: UnsafeBufferPointer<UInt8>, path: String, undirected: Bool, readValues: Bool) throws(InfluenceError) -> ArcList {
        let end = text.count
        var ids = [Int64]()
        var values = [Float]()
        var index = [String: Int64]()
        var labels = [String]()
        var selfLoops = 0
        var line = 0
        var sawComment = false
        var i = 0
        while i < end {
            line += 1
            let lineStart = i
            while i < end, isBlank(text[i]) { i += 1 }
            if i >= end { break }
            let first = text[i]
            if first == 0x0A { i += 1; continue }
            if first == 0x23 || first == 0x25 {
                sawComment = true
                while i < end, text[i] != 0x0A { i += 1 }
                i += 1
                continue
            }
            var fields = 0
            var pair: [Int64] = [0, 0]
            var value: Float = 0
            while i < end, text[i] != 0x0A {
                let start = i
                while i < end, !isBlank(text[i]), text[i] != 0x0A {
                    let c = text[i]
                    if c < 0x20 || c == 0x7F {
                        throw InfluenceError(.data, file: path, line: line,
                            "binary data: byte 0x\(String(c, radix: 16, uppercase: true)) at column \(i - lineStart + 1) (expected a text edge list)")
                    }
                    i += 1
                }
                if fields < 2 {
                    let token = String(decoding: UnsafeBufferPointer(rebasing: text[start..<i]), as: UTF8.self)
                    if token.unicodeScalars.contains("\u{FFFD}") {
                        throw InfluenceError(.data, file: path, line: line, "binary data: bytes that are not UTF-8 text (expected a text edge list)")
                    }
                    if let known = index[token] {
                        pair[fields] = known
                    } else {
                        let id = Int64(labels.count)
                        index[token] = id
                        labels.append(token)
                        pair[fields] = id
                    }
                } else if fields == 2, readValues {
                    value = try parseProbability(text, start, i, path: path, line: line)
                }
                fields += 1
                while i < end, isBlank(text[i]) { i += 1 }
            }
            i += 1
            guard fields >= 2, fields <= 3 else { throw fieldCountError(fields, path: path, line: line) }
            if readValues, fields < 3 {
                throw InfluenceError(.data, file: path, line: line, parameter: "probabilities", "line has no probability (expected 'u v p' when arc values are read)")
            }
            if pair[0] == pair[1] { selfLoops += 1; continue }
            ids.append(pair[0]); ids.append(pair[1])
            if readValues { values.append(value) }
        }
        if ids.isEmpty {
            throw noEdgesError(path: path, lines: line, sawComment: sawComment || selfLoops > 0, selfLoops: selfLoops)
        }
        return makeArcs(ids: ids, values: readValues ? values : nil, nodeCount: labels.count,
                        labels: .strings(labels), selfLoops: selfLoops, undirected: undirected)
    }

    private static func fieldCountError(_ fields: Int, path: String, line: Int) -> InfluenceError {
        InfluenceError(.data, file: path, line: line, "line has \(fields) field\(fields == 1 ? "" : "s") (\(expected))")
    }

    private static func noEdgesError(path: String, lines: Int, sawComment: Bool, selfLoops: Int) -> InfluenceError {
        if lines == 0 {
            return InfluenceError(.data, file: path, line: 1, "empty file (\(expected) per line)")
        }
        if selfLoops > 0 {
            return InfluenceError(.data, file: path, line: lines, "no edges left: all \(selfLoops) are self-loops (\(expected) with u ≠ v)")
        }
        let what = sawComment ? "only comments and blank lines" : "only blank lines"
        return InfluenceError(.data, file: path, line: lines, "no edges, \(what) (\(expected) per line)")
    }

    /// Parses a probability token `text[start..<end]`: a finite number in [0, 1].
    private static func parseProbability(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, path: String, line: Int) throws(InfluenceError) -> Float {
        let length = end - start
        let token = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
        guard length < 64 else {
            throw InfluenceError(.data, file: path, line: line, "probability '\(token.prefix(20))…' is not a number (expected a number in [0, 1])")
        }
        var scratch = [CChar](repeating: 0, count: 65)
        for k in 0..<length { scratch[k] = CChar(bitPattern: text[start + k]) }
        var parsed = 0.0
        var consumed = 0
        scratch.withUnsafeMutableBufferPointer { buf in
            var tail: UnsafeMutablePointer<CChar>? = nil
            parsed = strtod(buf.baseAddress!, &tail)
            consumed = tail.map { $0 - buf.baseAddress! } ?? 0
        }
        guard consumed == length, length > 0 else {
            throw InfluenceError(.data, file: path, line: line, "probability '\(token)' is not a number (expected a number in [0, 1])")
        }
        if parsed.isNaN {
            throw InfluenceError(.data, file: path, line: line, "probability is NaN (expected a number in [0, 1])")
        }
        guard parsed >= 0, parsed <= 1 else {
            throw InfluenceError(.data, file: path, line: line, "probability \(token) is outside [0, 1] (expected a number in [0, 1])")
        }
        return Float(parsed)
    }

    private static func makeArcs(ids: [Int64], values: [Float]?, nodeCount: Int, labels: NodeLabels,
                                 selfLoops: Int, undirected: Bool) -> ArcList {
        let lines = ids.count / 2
        let m = undirected ? 2 * lines : lines
        var sources = [UInt32](repeating: 0, count: m)
        var targets = [UInt32](repeating: 0, count: m)
        var arcValues: [Float]? = nil
        ids.withUnsafeBufferPointer { id in
            sources.withUnsafeMutableBufferPointer { s in
                targets.withUnsafeMutableBufferPointer { t in
                    if undirected {
                        for e in 0..<lines {
                            let u = UInt32(truncatingIfNeeded: id[2 * e]), v = UInt32(truncatingIfNeeded: id[2 * e + 1])
                            s[2 * e] = u; t[2 * e] = v
                            s[2 * e + 1] = v; t[2 * e + 1] = u
                        }
                    } else {
                        for e in 0..<lines {
                            s[e] = UInt32(truncatingIfNeeded: id[2 * e]); t[e] = UInt32(truncatingIfNeeded: id[2 * e + 1])
                        }
                    }
                }
            }
        }
        if let values {
            if undirected {
                var doubled = [Float](repeating: 0, count: m)
                for e in 0..<lines { doubled[2 * e] = values[e]; doubled[2 * e + 1] = values[e] }
                arcValues = doubled
            } else {
                arcValues = values
            }
        }
        return ArcList(nodeCount: nodeCount, sources: sources, targets: targets, values: arcValues,
                       labels: labels, selfLoopsDropped: selfLoops, undirected: undirected)
    }
}
