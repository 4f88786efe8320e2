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
                var interner = IntegerTokens()
                return .success(try scan(buffer, interner: &interner, path: path, undirected: undirected, readValues: readValues))
            } catch {
                return .failure(error)
            }
        }
        switch fast {
        case .success(let arcs): return arcs
        case .failure(.failed(let error)): throw error
        case .failure(.notIntegers):
            let general: Result<ArcList, ParseOutcome> = bytes.withUnsafeBufferPointer { buffer in
                do throws(ParseOutcome) {
                    var interner = StringTokens()
                    return .success(try scan(buffer, interner: &interner, path: path, undirected: undirected, readValues: readValues))
                } catch {
                    return .failure(error)
                }
            }
            switch general {
            case .success(let arcs): return arcs
            case .failure(.failed(let error)): throw error
            case .failure(.notIntegers): throw InfluenceError(.data, file: path, "unreadable edge list (\(expected))")
            }
        }
    }

    enum ParseOutcome: Error { case failed(InfluenceError), notIntegers }

    static let expected = "expected 'u v' or 'u v p'"

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D }

    /// The one scanner of edge lists: lines, comments, blank lines, field counts, the value column
    /// and self-loops, with the node tokens read and numbered by `interner` (integer ids, or any
    /// label). Complexity: O(file size) plus the interner's work.
    private static func scan<Interner: EdgeTokenInterner>(_ text: UnsafeBufferPointer<UInt8>, interner: inout Interner, path: String,
                                                           undirected: Bool, readValues: Bool) throws(ParseOutcome) -> ArcList {
        let end = text.count
        var ids = [Int64]()
        ids.reserveCapacity(max(16, end / 6))
        var values = [Float]()
        var selfLoops = 0
        var line = 0
        var sawComment = false
        var i = 0
        while i < end {
            line &+= 1
            let lineStart = i
            // Leading blanks.
            while i < end, isBlank(text[i]) { i &+= 1 }
            if i >= end { break }
            let first = text[i]
            if first == 0x0A { i &+= 1; continue }
            if first == 0x23 || first == 0x25 { // '#', '%'
                sawComment = true
                while i < end, text[i] != 0x0A { i &+= 1 }
                i &+= 1
                continue
            }
            var fields = 0
            var u: Int64 = 0, v: Int64 = 0
            var value: Float = 0
            while i < end, text[i] != 0x0A {
                if fields < 2 {
                    let id = try interner.readID(text, &i, lineStart: lineStart, line: line, path: path)
                    if fields == 0 { u = id } else { v = id }
                } else {
                    let start = i
                    while i < end, !isBlank(text[i]), text[i] != 0x0A { i &+= 1 }
                    try interner.checkOther(text, start, i, lineStart: lineStart, line: line, path: path)
                    if fields == 2, readValues {
                        do { value = try parseProbability(text, start, i, path: path, line: line) }
                        catch { throw .failed(error) }
                    }
                }
                fields &+= 1
                while i < end, isBlank(text[i]) { i &+= 1 }
            }
            i &+= 1
            guard fields >= 2, fields <= 3 else {
                throw .failed(fieldCountError(fields, path: path, line: line))
            }
            if readValues, fields < 3 {
                throw .failed(InfluenceError(.data, file: path, line: line, parameter: "probabilities", "line has no probability (expected 'u v p' when arc values are read)"))
            }
            if u == v { selfLoops &+= 1; continue }
            ids.append(u); ids.append(v)
            if readValues { values.append(value) }
        }
        if ids.isEmpty {
            throw .failed(noEdgesError(path: path, lines: line, sawComment: sawComment || selfLoops > 0, selfLoops: selfLoops))
        }
        let labels = interner.finish(&ids)
        return makeArcs(ids: ids, values: readValues ? values : nil, nodeCount: labels.count,
                        labels: labels, selfLoops: selfLoops, undirected: undirected)
    }

    static func fieldCountError(_ fields: Int, path: String, line: Int) -> InfluenceError {
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
