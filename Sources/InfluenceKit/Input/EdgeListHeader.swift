/// Which columns of an edge list hold what. Without a header: source, target, then the arc value
/// (IC probability, or the LT weight too) and an optional fourth column, the LT weight.
struct ColumnLayout: Equatable {
    /// The column read as the graph's `value` arc column (IC probabilities, and LT weights unless
    /// `weightColumn` is given).
    var valueColumn: Int? = 2
    /// The column read as the graph's `weight` arc column, when a line has it.
    var weightColumn: Int? = 3
    /// With a header row: every edge line has exactly this many fields.
    var fieldCount: Int? = nil
    /// The header's column names, when there was one.
    var names: [String]? = nil
}

/// Header rows of edge lists: a first line (with or without `#`/`%`) naming the columns.
///
/// A header names the source and target first, then any further columns in any order. Names are
/// case-insensitive:
/// - source: `source`, `src`, `from`, `u`, `tail`, `fromnodeid`
/// - target: `target`, `dst`, `to`, `v`, `head`, `tonodeid`
/// - IC probability: `probability`, `prob`, `p`, `ic`
/// - LT weight: `weight`, `w`, `lt`
///
/// Other columns are ignored. When only one value column is named (either kind), it serves both
/// models, as a header-less third column does; when both are named, IC reads the probability and
/// LT the weight. A header without `#` fixes the number of fields of every edge line; a commented
/// header (the last comment line before the first edge) only names the columns.
///
/// A first line whose tokens are all non-numeric, followed by a line of numeric ids, but naming
/// no known columns, is refused as an unrecognised header (it would otherwise become two nodes).
enum EdgeListHeader {
    static let sourceNames: Set<String> = ["source", "src", "from", "u", "tail", "fromnodeid"]
    static let targetNames: Set<String> = ["target", "dst", "to", "v", "head", "tonodeid"]
    static let probabilityNames: Set<String> = ["probability", "prob", "p", "ic"]
    static let weightNames: Set<String> = ["weight", "w", "lt"]

    /// What the start of a file says.
    struct Found {
        var layout = ColumnLayout()
        /// Where scanning resumes (after a header data line), as an offset of the text.
        var resume: Int
        /// Lines consumed up to `resume`.
        var lines = 0
    }

    private struct Line {
        var tokens: [[UInt8]]
        var number: Int
        var end: Int
        var comment: Bool
    }

    /// Looks at the first lines of `text[start...]` (complete lines) for a header.
    static func detect(_ text: UnsafeBufferPointer<UInt8>, from start: Int, path: String, readValues: Bool) throws(InfluenceError) -> Found {
        var i = start
        var number = 0
        var lastComment: Line?
        var data: [Line] = []
        while i < text.count, data.count < 2, number < 10_000 {
            let line = nextLine(text, &i, number: &number)
            if line.tokens.isEmpty { continue }
            if line.comment { if data.isEmpty { lastComment = line } } else { data.append(line) }
        }
        guard let first = data.first else { return Found(resume: start) }
        let names = first.tokens.map(lowered)
        if isHeader(first.tokens) {
            let layout = try makeLayout(names, strict: true, path: path, line: first.number, readValues: readValues)
            return Found(layout: layout, resume: first.end, lines: first.number)
        }
        if first.tokens.count >= 2, !first.tokens.contains(where: isNumeric),
           let second = data.dropFirst().first, second.tokens.count >= 2, isNumeric(second.tokens[0]), isNumeric(second.tokens[1]) {
            let shown = names.joined(separator: " ")
            throw InfluenceError(.data, file: path, line: first.number,
                "this line looks like a header row ('\(shown.prefix(60))') but names no known columns (expected source and target first, e.g. 'source target probability weight', 'from to', 'src dst' or 'u v'; or start the line with '#')")
        }
        if let comment = lastComment, isHeader(comment.tokens) {
            let layout = try makeLayout(comment.tokens.map(lowered), strict: false, path: path, line: comment.number, readValues: readValues)
            return Found(layout: layout, resume: start)
        }
        return Found(resume: start)
    }

    private static func nextLine(_ text: UnsafeBufferPointer<UInt8>, _ i: inout Int, number: inout Int) -> Line {
        number += 1
        var tokens: [[UInt8]] = []
        var comment = false
        while i < text.count, !TextBytes.isBreak(text[i]) {
            if TextBytes.isBlank(text[i]) { i += 1; continue }
            if tokens.isEmpty, !comment, text[i] == 0x23 || text[i] == 0x25 { comment = true; i += 1; continue }
            let s = i
            while i < text.count, !TextBytes.isSpace(text[i]) { i += 1 }
            tokens.append(Array(UnsafeBufferPointer(rebasing: text[s..<i])))
        }
        if i < text.count {
            if text[i] == 0x0D, i + 1 < text.count, text[i + 1] == 0x0A { i += 2 } else { i += 1 }
        }
        return Line(tokens: tokens, number: number, end: i, comment: comment)
    }

    private static func lowered(_ token: [UInt8]) -> String {
        String(decoding: token.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private static func isNumeric(_ token: [UInt8]) -> Bool {
        token.withUnsafeBufferPointer { TextBytes.isNumber($0) }
    }

    private static func isHeader(_ tokens: [[UInt8]]) -> Bool {
        tokens.count >= 2 && sourceNames.contains(lowered(tokens[0])) && targetNames.contains(lowered(tokens[1]))
            && !tokens.contains(where: isNumeric)
    }

    private static func makeLayout(_ names: [String], strict: Bool, path: String, line: Int, readValues: Bool) throws(InfluenceError) -> ColumnLayout {
        var probability: Int?, weight: Int?
        for k in 2..<max(2, names.count) {
            if probabilityNames.contains(names[k]) {
                if probability != nil { throw duplicate(names[k], path: path, line: line) }
                probability = k
            } else if weightNames.contains(names[k]) {
                if weight != nil { throw duplicate(names[k], path: path, line: line) }
                weight = k
            }
        }
        if !strict, probability == nil, weight == nil { return ColumnLayout() }
        if readValues, probability == nil, weight == nil {
            throw InfluenceError(.data, file: path, line: line, parameter: "probabilities",
                "the header names no probability or weight column (expected a column named probability, prob, p, ic, weight, w or lt)")
        }
        return ColumnLayout(valueColumn: probability ?? weight, weightColumn: probability == nil ? nil : weight,
                            fieldCount: strict ? names.count : nil, names: names)
    }

    private static func duplicate(_ name: String, path: String, line: Int) -> InfluenceError {
        InfluenceError(.data, file: path, line: line, "the header names a value column twice ('\(name)') (expected one probability and one weight column at most)")
    }
}
