/// What the edge-list scanner accumulates over the chunks of one file.
struct EdgeScanState {
    let path: String
    let readValues: Bool
    var layout = ColumnLayout()
    /// Provisional ids, two per line: an edge `u v`, or `u u` for a line declaring node `u`
    /// (4 bytes each while they fit, grown by `realloc`: no copy of the largest array of the load
    /// while it grows).
    let ids = ProvisionalIDs()
    /// Arc values and LT weights, one per edge (not per declaration).
    var values: [Float] = []
    var weights: [Float] = []
    var declarations = 0
    var selfLoops = 0
    /// Lines scanned so far.
    var line = 0
    var sawComment = false
    /// Fields of every edge line, once known (a header, or the first edge line when values are read).
    var expectedFields = 0
    var expectedFieldsLine = 0

    init(path: String, readValues: Bool) {
        self.path = path
        self.readValues = readValues
    }

    /// Edges (input lines with two distinct nodes) so far.
    var edgeCount: Int { ids.count / 2 - declarations }

    /// The LT weight column is read.
    var readsWeights: Bool { readValues && layout.weightColumn.map { expectedFields > $0 } == true }
}

extension EdgeListReader {
    enum ParseOutcome: Error { case failed(InfluenceError), notIntegers(lineStart: Int) }

    static let expected = "expected 'u v' or 'u v p'"
    static let expectedColumns = "expected 'u v', 'u v p' or 'u v p w'"

    /// The one scanner of edge lines: comments, blank lines, field counts, the value columns,
    /// declarations and self-loops, with node tokens read and numbered by `interner`. `text` holds
    /// complete lines: it ends with a line break (LF, or a CR not followed by LF), so token loops
    /// need no bounds checks of their own.
    ///
    /// Complexity: O(text size) plus the interner's work.
    @inline(__always)
    static func scan<Interner: EdgeTokenInterner>(_ text: UnsafeBufferPointer<UInt8>, from start: Int, interner: inout Interner,
                                                  state: inout EdgeScanState) throws(ParseOutcome) {
        let end = text.count
        let path = state.path
        let readValues = state.readValues
        let valueColumn = state.layout.valueColumn ?? -1
        let weightColumn = state.layout.weightColumn ?? -1
        let maxFields = state.layout.fieldCount ?? 4
        let exactFields = state.layout.fieldCount != nil
        // The growing arrays and counters live in locals while the loop runs (no access through
        // `state` per line); they go back on every exit.
        let ids = state.ids
        var values = state.values, weights = state.weights
        state.values = []; state.weights = []
        var lineCount = state.line
        defer {
            state.values = values; state.weights = weights
            state.line = lineCount
        }
        var i = start
        while i < end {
            lineCount &+= 1
            let line = lineCount
            let lineStart = i
            while TextBytes.isBlank(text[i]) { i &+= 1 }
            let first = text[i]
            if first == 0x0A { i &+= 1; continue }
            if first == 0x0D { i &+= 1; if i < end, text[i] == 0x0A { i &+= 1 }; continue }
            if first == 0x23 || first == 0x25 { // '#', '%'
                state.sawComment = true
                while !TextBytes.isBreak(text[i]) {
                    if TextBytes.isBinary(text[i]) {
                        throw .failed(TextBytes.binaryError(text[i], path: path, line: line, column: i - lineStart + 1))
                    }
                    i &+= 1
                }
                if text[i] == 0x0D, i + 1 < end, text[i + 1] == 0x0A { i &+= 2 } else { i &+= 1 }
                continue
            }
            var fields = 0
            var u: Int64 = 0, v: Int64 = 0
            var value: Float = 0, weight: Float = 0
            while !TextBytes.isBreak(text[i]) {
                if fields < 2 {
                    let id = try interner.readID(text, &i, lineStart: lineStart, line: line, path: path)
                    if fields == 0 { u = id } else { v = id }
                } else {
                    let tokenStart = i
                    while !TextBytes.isSpace(text[i]) {
                        if TextBytes.isBinary(text[i]) {
                            throw .failed(TextBytes.binaryError(text[i], path: path, line: line, column: i - lineStart + 1))
                        }
                        i &+= 1
                    }
                    if readValues {
                        if fields == valueColumn {
                            do { value = try parseValue(text, tokenStart, i, path: path, line: line, what: "probability") }
                            catch { throw .failed(error) }
                        } else if fields == weightColumn {
                            do { weight = try parseValue(text, tokenStart, i, path: path, line: line, what: "weight") }
                            catch { throw .failed(error) }
                        }
                    }
                }
                fields &+= 1
                while TextBytes.isBlank(text[i]) { i &+= 1 }
            }
            if text[i] == 0x0D, i + 1 < end, text[i + 1] == 0x0A { i &+= 2 } else { i &+= 1 }
            if fields == 1 {
                ids.append(u); ids.append(u)
                state.declarations &+= 1
                continue
            }
            guard fields <= maxFields, !exactFields || fields == maxFields else {
                throw .failed(fieldCountError(fields, layout: state.layout, path: path, line: line))
            }
            if readValues {
                guard fields > valueColumn else {
                    throw .failed(InfluenceError(.data, file: path, line: line, parameter: "probabilities", "line has no probability (expected 'u v p' when arc values are read)"))
                }
                if state.expectedFields == 0 {
                    state.expectedFields = fields
                    state.expectedFieldsLine = line
                } else if fields != state.expectedFields {
                    throw .failed(InfluenceError(.data, file: path, line: line, parameter: "probabilities",
                        "line has \(fields) fields but line \(state.expectedFieldsLine) has \(state.expectedFields) (expected the same columns on every line when arc values are read)"))
                }
            }
            if u == v { state.selfLoops &+= 1; continue }
            ids.append(u); ids.append(v)
            if readValues {
                values.append(value)
                if fields > weightColumn, weightColumn >= 0 { weights.append(weight) }
            }
        }
    }

    static func fieldCountError(_ fields: Int, layout: ColumnLayout, path: String, line: Int) -> InfluenceError {
        if let names = layout.names, let count = layout.fieldCount {
            return InfluenceError(.data, file: path, line: line,
                "line has \(fields) field\(fields == 1 ? "" : "s") (expected \(count), as the header '\(names.joined(separator: " "))' says)")
        }
        return InfluenceError(.data, file: path, line: line, "line has \(fields) field\(fields == 1 ? "" : "s") (\(expectedColumns))")
    }

    /// Parses a value token `text[start..<end]`: a finite number in [0, 1].
    static func parseValue(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, path: String, line: Int,
                           what: String) throws(InfluenceError) -> Float {
        let token = UnsafeBufferPointer(rebasing: text[start..<end])
        let shown = String(decoding: token, as: UTF8.self)
        guard let parsed = TextBytes.parseNumber(token) else {
            let cut = token.count < 64 ? shown : shown.prefix(20) + "…"
            throw InfluenceError(.data, file: path, line: line, "\(what) '\(cut)' is not a number (expected a number in [0, 1])")
        }
        if parsed.isNaN {
            throw InfluenceError(.data, file: path, line: line, "\(what) is NaN (expected a number in [0, 1])")
        }
        guard parsed >= 0, parsed <= 1 else {
            throw InfluenceError(.data, file: path, line: line, "\(what) \(shown) is outside [0, 1] (expected a number in [0, 1])")
        }
        return Float(parsed)
    }
}
