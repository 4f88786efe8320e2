import FoundationEssentials

/// One self-contained HTML page for any record (seeds, simulate, compare, cim, closed, recommend,
/// embed, probe): what was run and how to run it again, the answer as sortable tables, the
/// guarantee and intervals in words, the plots that fit the record, and timings and memory.
///
/// The page has no external reference: CSS, SVG and a small sorting script are inline, and a
/// Content-Security-Policy of `default-src 'none'` forbids any request. It reads on a
/// phone-width screen and prints without its controls. `infmax report RECORD.json --output
/// report.html` and every command's `--report FILE.html` write it.
///
/// ```swift
/// let record = try SeedsRequest(k: 5).run(on: input)
/// let html = try HTMLReport.render(record)
/// ```
public enum HTMLReport {
    /// The page for a record as its JSON bytes (what `--output` or `--json` wrote); `file` names
    /// the record in errors and in the page's rerun command (nil: the record was not saved).
    ///
    /// - Throws: `InfluenceError(.data)` when the bytes are not a record (not JSON, or no known
    ///   `useCase`).
    /// - Complexity: O(size of the record).
    public static func render(recordJSON bytes: [UInt8], file: String?) throws(InfluenceError) -> String {
        let record = try JSONTree.parse(bytes, file: file ?? "the record")
        // `infmax cim --ap-sets all` writes an array of records: one page, one part per record.
        if case .array(let records) = record {
            guard let first = records.first else {
                throw InfluenceError(.data, file: file ?? "the record", "an empty array (expected a record, or the array of records `infmax cim --ap-sets all` writes)")
            }
            let head = try pageFor(first, bytes: nil, file: file)
            var page = HTMLPage(title: "\(count(records.count, "AP set")): \(head.title)", subtitle: head.subtitle)
            for (i, record) in records.enumerated() {
                let part = i == 0 ? head : try pageFor(record, bytes: nil, file: file)
                for s in part.sections { page.section("\(s.id)-\(i + 1)", "AP set \(record["request"]["apSet"].int ?? i + 1): \(s.heading)", s.html) }
            }
            return page.render(footer: footer)
        }
        return try pageFor(record, bytes: bytes, file: file).render(footer: footer)
    }

    /// The page for a record value (encoded as the record's JSON first).
    ///
    /// - Throws: `InfluenceError(.data)` when the record cannot be encoded or is not a record.
    /// - Complexity: O(size of the record).
    public static func render<Record: Encodable>(_ record: Record, file: String? = nil) throws(InfluenceError) -> String {
        try render(recordJSON: Array(try ReportJSON.text(record).utf8), file: file)
    }

    static let footer = "Written by InfluenceKit \(InfluenceKitVersion.library) from the record alone: the page makes no network request and needs no other file."

    /// The use case's page.
    static func pageFor(_ r: JSONTree, bytes: [UInt8]?, file: String?) throws(InfluenceError) -> HTMLPage {
        guard let useCase = r["useCase"].string, let kind = UseCaseKind(rawValue: useCase) else {
            throw InfluenceError(.data, file: file ?? "the record",
                                 "no known \"useCase\" (expected seeds, simulate, compare, cim, closed, recommend, embed or probe)")
        }
        // The keys the page is made of: a record without them is not one this version wrote.
        let required: [String]
        switch kind {
        case .seeds: required = ["seeds", "spread"]
        case .simulate: required = ["seeds", "monteCarlo"]
        case .compare: required = ["rows", "ks"]
        case .cim: required = ["assignment", "spread"]
        case .closed: required = ["result", "perSeed"]
        case .recommend: required = ["lists"]
        case .embed: required = ["training"]
        case .probe: required = ["accuracy"]
        }
        for key in ["request", "timings"] + required where r[key].isNull {
            throw InfluenceError(.data, file: file ?? "the record",
                                 "a \(useCase) record without \"\(key)\" (expected the JSON that `infmax \(useCase) --output` writes)")
        }
        var page: HTMLPage
        switch kind {
        case .seeds: page = seedsPage(r)
        case .simulate: page = simulatePage(r)
        case .compare: page = comparePage(r, bytes: bytes)
        case .cim: page = cimPage(r)
        case .closed: page = closedPage(r)
        case .recommend: page = recommendPage(r, bytes: bytes)
        case .embed: page = embedPage(r)
        case .probe: page = probePage(r)
        }
        page.section("resources", "Time and memory", resources(r))
        page.section("run", "What was run, and how to run it again", provenance(r, kind: kind, file: file))
        return page
    }

    // MARK: Formatting

    /// A number for people: whole numbers as they are, others with up to four significant
    /// decimals. Complexity: O(1).
    static func number(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "not a number" : (d > 0 ? "∞" : "−∞") }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        let magnitude = abs(d)
        let decimals = magnitude >= 100 ? 1 : magnitude >= 1 ? 3 : magnitude >= 0.01 ? 4 : 6
        return SVGText.number(d, decimals: decimals)
    }

    /// `d` with `decimals` decimals.
    static func fixed(_ d: Double?, _ decimals: Int) -> String {
        guard let d else { return "—" }
        return SVGText.number(d, decimals: decimals)
    }

    /// A duration for people (µs, ms, s, min, h).
    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "—" }
        return CompareRequest.duration(seconds)
    }

    /// A byte count for people.
    static func bytes(_ count: Int?) -> String {
        guard let count else { return "—" }
        return SystemMemory.describe(count)
    }

    /// A probability such as δ: plain below 1e-3 as a power of ten's mantissa.
    static func probability(_ p: Double?) -> String {
        guard let p else { return "—" }
        if p >= 0.001 || p == 0 { return number(p) }
        var exponent = 0
        var m = p
        while m < 1 { m *= 10; exponent -= 1 }
        let superscripts: [Character: Character] = ["-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"]
        return "\(SVGText.number(m, decimals: 2))·10" + String(String(exponent).map { superscripts[$0] ?? $0 })
    }

    static func cell(_ d: Double?, _ decimals: Int) -> HTMLPage.Cell {
        guard let d else { return HTMLPage.Cell("—") }
        return HTMLPage.Cell(fixed(d, decimals), sortValue: d)
    }

    static func cell(_ n: Int?) -> HTMLPage.Cell {
        guard let n else { return HTMLPage.Cell("—") }
        return HTMLPage.Cell(String(n), sortValue: Double(n))
    }

    static func text(_ s: String) -> HTMLPage.Cell { HTMLPage.Cell(s) }

    /// The graph's file name without its folders.
    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `n thing` or `n things`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// A spread value in words: `123.4 nodes (95% interval 120.1 to 126.7)`.
    static func spreadWords(_ s: JSONTree, unit: String = "nodes") -> String {
        let confidence = Int(((s["confidence"].double ?? 0.95) * 100).rounded())
        return "\(fixed(s["estimate"].double, 1)) \(unit) (\(confidence)% interval \(fixed(s["low"].double, 1)) to \(fixed(s["high"].double, 1)))"
    }

    /// What an RR-set or Monte Carlo spread interval means, in words.
    static func intervalWords(_ s: JSONTree, fresh: Bool) -> String {
        let samples = s["samples"].int ?? 0
        switch s["method"].string {
        case "monte-carlo":
            return "The interval is a 95% confidence interval of the mean over \(samples) simulated cascades: repeated with other random cascades, 95% of intervals built this way contain the true expected spread. Its half-width shrinks as one over the square root of the cascades."
        case "exact":
            return "The value is exact: every live-edge world was enumerated."
        default:
            return "The interval is a 95% confidence interval from \(samples) reverse-reachable (RR) sets\(fresh ? " drawn afresh, independent of those that chose the seeds, so it is not biased upward by the selection" : ""): n times the fraction of sets the seeds cover, with its binomial standard error \(fixed(s["standardError"].double, 2))."
        }
    }

    /// The guarantee of a RIS method, in words.
    static func guaranteeWords(_ g: JSONTree, k: String, rounds: Int, method: String) -> String {
        guard let approximation = g["approximation"].double else {
            return "\(method) gives no approximation guarantee (its scores are learned); compare it with a method that does before relying on it."
        }
        let delta = probability(g["failureProbability"].double)
        let target = fixed(g["target"].double, 4)
        if g["instanceWise"].bool == true {
            return "With probability at least 1 − \(delta), the expected spread of these seeds is at least \(fixed(approximation, 4)) times the largest expected spread any \(k) could reach (OPT). \(method) measured this ratio on this graph, from a lower bound of the seeds' spread and an upper bound of OPT on two independent collections of RR sets\(rounds > 0 ? ", in round \(rounds)" : ""); it stops once the ratio reaches its target \(target)."
        }
        return "With probability at least 1 − \(delta), the expected spread of these seeds is at least \(fixed(approximation, 4)) times the largest expected spread any \(k) could reach (OPT). This is the worst-case bound: \(method) drew as many RR sets as the theory asks for this ratio, whatever the graph."
    }

    // MARK: Sections shared by every record

    /// Timings (bars and a table) and memory.
    static func resources(_ r: JSONTree) -> String {
        let t = r["timings"]
        var html = ""
        var bars: [(label: String, value: Double, text: String)] = []
        if let load = t["loadSeconds"].double, load > 0 { bars.append(("loading the input", load, duration(load))) }
        for phase in t["phases"].array {
            let seconds = phase["seconds"].double ?? 0
            var label = phase["name"].string ?? "phase"
            if let sets = phase["rrSets"].int, sets > 0 { label += " (\(sets) RR sets)" }
            bars.append((label, seconds, duration(seconds)))
        }
        if t["phases"].array.isEmpty {
            for (key, label) in [("selectionSeconds", "selection"), ("evaluationSeconds", "evaluation"), ("baselineSeconds", "baselines")] {
                if let seconds = t[key].double { bars.append((label, seconds, duration(seconds))) }
            }
        }
        html += HTMLPage.bars(caption: "Wall-clock time of each phase; total \(duration(t["totalSeconds"].double)).", bars)
        let m = r["memory"]
        var facts: [(String, String)] = [("total time", duration(t["totalSeconds"].double))]
        if let cpu = t["selectionCPUSeconds"].double { facts.append(("selection CPU time", duration(cpu))) }
        facts.append(("peak resident memory", bytes(m["peakResidentBytes"].int)))
        if let rr = m["peakRRSetBytes"].int, rr > 0 { facts.append(("RR sets and their index, at most", bytes(rr))) }
        if let limit = m["limitBytes"].int, limit > 0 { facts.append(("memory limit (--max-memory)", bytes(limit))) }
        if let threads = r["request"]["threads"].int { facts.append(("threads", String(threads))) }
        html += HTMLPage.facts(facts)
        let d = r["distributed"]
        if !d.isNull {
            html += "<h3>MPI ranks</h3>\n"
            html += HTMLPage.paragraph("\(count(d["ranks"].int ?? 0, "rank")) ran this; the timings and memory above are rank 0's.")
            let rows = d["perRank"].array.map { rank -> [HTMLPage.Cell] in
                [cell(rank["rank"].int), cell(rank["totalSeconds"].double, 3), text(bytes(rank["peakResidentBytes"].int))]
            }
            html += HTMLPage.table(headers: ["rank", "total seconds", "peak resident"], rows: rows)
        }
        return html
    }

    /// The request, the input's provenance, the versions, and the commands that rerun it.
    static func provenance(_ r: JSONTree, kind: UseCaseKind, file: String?) -> String {
        var html = ""
        let g = kind == .probe ? r["embeddings"] : r["graph"]
        var facts: [(String, String)] = []
        for key in ["path", "arcsFile", "nodeValuesFile", "invitersFile"] {
            if let value = g[key].string { facts.append((key == "path" ? (kind == .probe ? "embeddings" : "graph") : key, value)) }
        }
        if let n = g["nodes"].int { facts.append(("nodes", String(n))) }
        if let a = g["arcs"].int { facts.append(("arcs", String(a))) }
        if let hash = g["contentHash"].string { facts.append(("content hash", hash)) }
        if !g["load"].isNull { facts.append(("loaded with", g["load"].cellText)) }
        facts.append(("InfluenceKit", r["versions"]["library"].string ?? "—"))
        facts.append(("record version", r["versions"]["record"].int.map(String.init) ?? "—"))
        html += HTMLPage.facts(facts)
        let rows = r["request"].members.filter { !$0.value.isNull }.map { [text($0.key), text($0.value.cellText)] }
        html += HTMLPage.table(caption: "The request, as the record holds it", headers: ["parameter", "value"], rows: rows)
        html += "<h3>Run it again</h3>\n"
        if let file {
            html += HTMLPage.paragraph("The record reruns its own request on the input it names; the same seed and threads give the same result, and a note says so when the input changed since:")
            html += HTMLPage.code("infmax run \(shellWord(file))")
        } else {
            html += HTMLPage.paragraph("Save the record with --output FILE.json; `infmax run FILE.json` then reruns its request on the input it names, with the same result for the same seed and threads.")
        }
        if let command = commandLine(r, kind: kind) {
            html += HTMLPage.paragraph("Or, as a command line:")
            html += HTMLPage.code(command)
        }
        return html
    }

    /// `word` quoted for a POSIX shell when it needs it.
    static func shellWord(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789-_./:=,+@%".unicodeScalars.contains($0) }
        if safe, !word.isEmpty { return word }
        return "'" + word.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// The command line of the record's request, for the flags a user sets most (nil when the
    /// record does not name its input).
    static func commandLine(_ r: JSONTree, kind: UseCaseKind) -> String? {
        let q = r["request"]
        var words: [String] = ["infmax", kind.rawValue]
        func add(_ flag: String, _ value: JSONTree) {
            switch value {
            case .null: break
            case .bool(let b): if b { words.append(flag) }
            case .array(let items): words += [flag, items.map(\.cellText).joined(separator: ",")]
            default: words += [flag, shellWord(value.cellText)]
            }
        }
        func addGraph() -> Bool {
            guard let path = r["graph"]["path"].string else { return false }
            words.append(shellWord(path))
            let load = r["graph"]["load"]
            if load["undirected"].bool == true { words.append("--undirected") }
            if load["build"]["dedupe"].bool == true { words.append("--dedupe") }
            if let format = load["format"].string { words += ["--format", format] }
            if let n = load["nodeCount"].int { words += ["--nodes", String(n)] }
            if let f = load["nodeFile"].string { words += ["--node-file", shellWord(f)] }
            return true
        }
        func addModel() {
            add("--model", q["model"])
            add("--probabilities", q["probabilities"])
            add("--normalize-lt", q["normalizeLT"])
        }
        switch kind {
        case .seeds:
            guard addGraph() else { return nil }
            add("--k", q["k"]); add("--algorithm", q["algorithm"]); addModel()
            add("--epsilon", q["epsilon"]); add("--delta", q["delta"])
            if q["algorithm"].string == "imm" { add("--ell", q["ell"]) } else { add("--precision", q["precision"] == .null ? .number(0) : q["precision"]) }
            add("--evaluation-sets", q["evaluationSets"])
        case .simulate:
            guard addGraph() else { return nil }
            add("--seeds", q["seeds"]); addModel(); add("--runs", q["runs"]); add("--max-steps", q["maxSteps"])
            add("--until-relative-error", q["untilRelativeError"]); add("--max-runs", q["maxRuns"])
            add("--node-probabilities", q["nodeProbabilities"]); add("--exact", q["exact"])
        case .compare:
            guard addGraph() else { return nil }
            add("--k", q["ks"]); add("--algorithms", q["algorithms"]); addModel(); add("--runs", q["runs"])
            add("--epsilon", q["epsilon"])
        case .cim:
            guard addGraph() else { return nil }
            add("--aps", q["apFile"]); add("--ap-set", q["apSet"]); add("--k", q["k"]); add("--algorithm", q["algorithm"]); addModel()
            add("--epsilon", q["epsilon"]); add("--delta", q["delta"]); add("--compat", q["compat"])
            add("--baselines", q["baselines"]); add("--runs", q["monteCarloEvaluationRuns"])
        case .closed:
            guard addGraph() else { return nil }
            words += ["--seeds-file", "SEEDS.txt"]
            add("--k", q["k"]); add("--algorithm", q["algorithm"]); add("--probabilities", q["probabilities"])
            add("--min-gain", q["epsilon"]); add("--runs", q["evaluationRuns"]); add("--compat", q["compat"])
        case .recommend:
            guard let arcs = r["graph"]["arcsFile"].string else { return nil }
            words.append(shellWord(arcs))
            add("--node-values", r["graph"]["nodeValuesFile"]); add("--inviters", r["graph"]["invitersFile"])
            add("--k", q["k"]); add("--algorithm", q["algorithm"]); add("--capacity", q["capacity"]); add("--trade-off", q["tradeOff"])
            add("--evaluate", q["truth"]); add("--frontier", q["frontier"])
        case .embed:
            guard addGraph() else { return nil }
            add("--method", q["method"]); add("--features", q["features"]); add("--dim", q["dimensions"]); add("--epochs", q["epochs"])
            add("--embeddings", q["output"])
        case .probe:
            guard let path = r["embeddings"]["path"].string else { return nil }
            words.append(shellWord(path))
            add("--labels", q["labels"]); add("--train", q["train"]); add("--test", q["test"]); add("--restarts", q["restarts"])
        }
        add("--seed", q["seed"])
        add("--threads", q["threads"])
        return words.joined(separator: " ")
    }
}
