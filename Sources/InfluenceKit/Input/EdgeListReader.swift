/// Our tokenizer for SNAP-style edge lists, streamed chunk by chunk (plain text, gzip, pipes and
/// standard input alike), never holding the whole text.
///
/// Lines: `u v`, `u v p` or `u v p w` (the third column the arc value: IC probability, and the LT
/// weight unless a fourth column gives it), or a single label `u`, which declares node `u` (an
/// isolated node if no edge names it). Spaces, tabs, vertical tabs and form feeds separate fields;
/// lines end at LF, CRLF or a lone CR; `#` and `%` start comment lines; blank lines are skipped; a
/// UTF-8 byte order mark at the start is skipped. A header row may name the columns (see
/// `EdgeListHeader`). The first control byte other than tab, LF, VT, FF or CR stops the read as
/// binary data.
///
/// Ids are arbitrary tokens: integers are renumbered in increasing order (so `0..<n` stays the
/// identity); any other token switches the whole file to string labels, numbered by first
/// appearance and compared by their bytes (invalid UTF-8 is refused). With a declared node count
/// the ids must be `0..<n`; with a node file, edges may name only its labels.
///
/// Complexity: O(file size + n log n); memory O(n + m) plus one chunk (4 MiB by default; a longer
/// line grows it, up to 16 MiB).
public enum EdgeListReader {
    /// The default chunk of text scanned at once.
    public static let defaultChunkSize = 4 << 20
    /// The longest line accepted.
    static let maxLineBytes = 16 << 20

    /// How one read goes.
    struct Settings {
        var undirected = false
        var readValues = false
        var declaredCount: Int? = nil
        /// Labels from a node file (a closed interner).
        var nodeLabels: StringTokens? = nil
        var memoryLimit: Int? = nil
    }

    /// Streams the edge list `path` (`-`: standard input; gzip recognised by its magic bytes)
    /// into arcs, with `options`' direction, value columns, node declarations and memory limit.
    ///
    /// - Throws: `InfluenceError` naming the file and line of the first problem; `.resource`
    ///   (parameter `memoryLimit`) as soon as the graph would exceed the memory limit.
    /// - Complexity: O(file size + n log n).
    public static func read(_ path: String, options: GraphLoadOptions) throws(InfluenceError) -> ArcList {
        var settings = Settings(undirected: options.undirected, readValues: options.readArcValues,
                                declaredCount: options.nodeCount, memoryLimit: options.memoryLimitBytes)
        if let nodeFile = options.nodeFile {
            settings.nodeLabels = try NodeFile.read(nodeFile, limitBytes: options.memoryLimitBytes)
        }
        let input = try ChunkedInput(path: path)
        return try stream(input, path: input.displayPath, settings: settings, chunkSize: defaultChunkSize)
    }

    /// Parses `bytes` (the contents of `path`) through the same chunked scanner, `chunkSize`
    /// bytes at a time (small sizes exercise tokens that straddle chunks; the result does not
    /// depend on it).
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: the file named in error messages.
    ///   - undirected: each line gives two arcs, u→v and v→u.
    ///   - readValues: the value columns are required and parsed as numbers in [0, 1]; when false
    ///     a third and fourth column are allowed and ignored.
    ///   - chunkSize: bytes handed to the scanner at a time.
    /// - Complexity: O(bytes + n log n).
    public static func parse(_ bytes: [UInt8], path: String, undirected: Bool, readValues: Bool,
                             chunkSize: Int = defaultChunkSize) throws(InfluenceError) -> ArcList {
        let source = MemoryChunks(bytes: bytes, chunkSize: max(1, chunkSize))
        return try stream(source, path: path, settings: Settings(undirected: undirected, readValues: readValues),
                          chunkSize: max(8, chunkSize))
    }

    /// The chunk loop (`scanAll`), then the dense ids, labels and arcs. The text buffers are
    /// released before the arcs are laid out, and the ids' block is cut to its size.
    static func stream<Source: ByteChunkSource>(_ source: Source, path: String, settings: Settings,
                                                chunkSize: Int) throws(InfluenceError) -> ArcList {
        var (state, integers, strings) = try scanAll(source, path: path, settings: settings, chunkSize: chunkSize)
        if state.edgeCount == 0 {
            throw noEdgesError(path: path, lines: state.line, sawComment: state.sawComment || state.selfLoops > 0,
                               selfLoops: state.selfLoops)
        }
        state.ids.shrinkToFit()
        let labels = strings != nil ? strings!.finish(state.ids) : integers.finish(state.ids)
        let arcs = state.edgeCount * (settings.undirected ? 2 : 1)
        try GraphMemoryEstimate.check(arcs: arcs, nodes: labels.count, labelBytes: strings?.labelBytes ?? 0,
                                      valueColumns: valueColumns(state), limit: settings.memoryLimit, path: path, finished: true)
        return makeArcs(state: state, nodeCount: labels.count, labels: labels, undirected: settings.undirected)
    }

    /// The value columns a scan reads (for the memory estimate).
    private static func valueColumns(_ s: EdgeScanState) -> Int { s.readValues ? (s.readsWeights ? 2 : 1) : 0 }

    /// The chunk loop: fill the buffer, scan its complete lines, carry the partial last line over.
    /// The buffers live only as long as this call.
    private static func scanAll<Source: ByteChunkSource>(_ source: Source, path: String, settings: Settings, chunkSize: Int)
        throws(InfluenceError) -> (EdgeScanState, IntegerTokens, StringTokens?) {
        let regions = TextRegions(source, path: path, chunkSize: chunkSize, maxLineBytes: maxLineBytes,
                                  expected: "a text edge list")
        var state = EdgeScanState(path: path, readValues: settings.readValues)
        if let hint = regions.sizeHint {
            // About 6 bytes of text per id; never more than a quarter of the memory limit.
            let cap = (settings.memoryLimit ?? Int.max) / 32
            state.ids.reserveCapacity(min(max(16, hint / 6), cap))
        }
        var integers = IntegerTokens(declaredCount: settings.declaredCount)
        var strings: StringTokens? = settings.nodeLabels
        var sawHeader = false
        while let (region, start) = try regions.next(linesSoFar: state.line) {
            var regionStart = start
            if !sawHeader {
                sawHeader = true
                let found = try EdgeListHeader.detect(region, from: regionStart, path: path, readValues: settings.readValues)
                state.layout = found.layout
                if let count = found.layout.fieldCount { state.expectedFields = settings.readValues ? count : 0 }
                if found.resume > regionStart { state.sawComment = true }
                regionStart = found.resume
                state.line += found.lines
                if state.layout.fieldCount != nil { state.expectedFieldsLine = state.line }
            }
            try scanRegion(region, from: regionStart, integers: &integers, strings: &strings, state: &state)
            let arcs = state.edgeCount * (settings.undirected ? 2 : 1)
            try GraphMemoryEstimate.check(arcs: arcs, nodes: strings?.knownNodeCount ?? integers.knownNodeCount,
                                          labelBytes: strings?.labelBytes ?? 0, valueColumns: valueColumns(state),
                                          limit: settings.memoryLimit, path: path, finished: false)
        }
        return (state, integers, strings)
    }

    /// Scans one region, switching from integer ids to string labels at the first token that is
    /// not an integer (the ids read so far are carried over, so the numbering is as if the file
    /// had been read with string labels from the start).
    private static func scanRegion(_ region: UnsafeBufferPointer<UInt8>, from start: Int, integers: inout IntegerTokens,
                                   strings: inout StringTokens?, state: inout EdgeScanState) throws(InfluenceError) {
        var position = start
        while true {
            do throws(ParseOutcome) {
                if strings != nil {
                    try scan(region, from: position, interner: &strings!, state: &state)
                } else {
                    try scan(region, from: position, interner: &integers, state: &state)
                }
                return
            } catch {
                switch error {
                case .failed(let failure): throw failure
                case .notIntegers(let lineStart):
                    state.line -= 1
                    strings = StringTokens(convertingIntegerIds: state.ids)
                    position = lineStart
                }
            }
        }
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

    /// Tails and heads of the scanned pairs (see `makeArcs`).
    private static func fill<ID: FixedWidthInteger & BitwiseCopyable>(_ sources: inout [UInt32], _ targets: inout [UInt32],
                                                                     from ids: GrowableBuffer<ID>, pairs: Int,
                                                                     hasDeclarations: Bool, undirected: Bool) {
        ids.withUnsafeBufferPointer { id in
            sources.withUnsafeMutableBufferPointer { s in
                targets.withUnsafeMutableBufferPointer { t in
                    var e = 0
                    for k in 0..<pairs {
                        let u = UInt32(truncatingIfNeeded: id[2 * k]), v = UInt32(truncatingIfNeeded: id[2 * k + 1])
                        if hasDeclarations, u == v { continue }
                        if undirected {
                            s[2 * e] = u; t[2 * e] = v
                            s[2 * e + 1] = v; t[2 * e + 1] = u
                        } else {
                            s[e] = u; t[e] = v
                        }
                        e &+= 1
                    }
                }
            }
        }
    }

    /// The arcs of the scanned pairs: declarations (`u u`) dropped, undirected edges doubled.
    private static func makeArcs(state: EdgeScanState, nodeCount: Int, labels: NodeLabels, undirected: Bool) -> ArcList {
        let pairs = state.ids.count / 2
        let edges = state.edgeCount
        let m = undirected ? 2 * edges : edges
        var sources = [UInt32](repeating: 0, count: m)
        var targets = [UInt32](repeating: 0, count: m)
        let hasDeclarations = state.declarations > 0
        if let wide = state.ids.wide {
            fill(&sources, &targets, from: wide, pairs: pairs, hasDeclarations: hasDeclarations, undirected: undirected)
        } else {
            fill(&sources, &targets, from: state.ids.narrow, pairs: pairs, hasDeclarations: hasDeclarations, undirected: undirected)
        }
        func perArc(_ column: [Float]) -> [Float] {
            guard undirected else { return column }
            var doubled = [Float](repeating: 0, count: m)
            for e in 0..<edges { doubled[2 * e] = column[e]; doubled[2 * e + 1] = column[e] }
            return doubled
        }
        let values = state.readValues ? perArc(state.values) : nil
        let weights = state.readsWeights ? [ValueColumn(name: ValueColumns.weight, scope: .arc, values: perArc(state.weights))] : []
        return ArcList(nodeCount: nodeCount, sources: sources, targets: targets, values: values, columns: weights,
                       labels: labels, selfLoopsDropped: state.selfLoops, undirected: undirected)
    }
}
