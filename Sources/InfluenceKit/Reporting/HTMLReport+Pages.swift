import FoundationEssentials

/// The sections of each record kind: the answer, the guarantee and intervals in words, the plots.
extension HTMLReport {
    typealias Cell = HTMLPage.Cell

    /// The subtitle's common part: graph, size, model.
    static func graphLine(_ r: JSONTree) -> String {
        let g = r["graph"]
        var parts: [String] = []
        if let path = g["path"].string ?? g["arcsFile"].string { parts.append(baseName(path)) }
        if let n = g["nodes"].int, let a = g["arcs"].int { parts.append("\(n) nodes, \(a) arcs") }
        let model = r["model"]
        if let name = model["name"].string ?? r["request"]["model"].string {
            parts.append("\(name.uppercased())\(model["scheme"].string.map { " (\($0))" } ?? "")")
        }
        parts.append("InfluenceKit \(r["versions"]["library"].string ?? "?")")
        return parts.joined(separator: " · ")
    }

    /// The RR-set rounds of OPIM-C (or the CIM methods): the bounds closing as the sets double.
    static func roundsFigure(_ rounds: [JSONTree], target: Double?, method: String) -> String {
        guard rounds.count >= 1 else { return "" }
        func points(_ key: String) -> [SVGPlot.Point] {
            rounds.compactMap { round in
                guard let x = round["rrSetsR1"].double, let y = round[key].double else { return nil }
                return SVGPlot.Point(x: x, y: y)
            }
        }
        var ratio = [SVGPlot.Series(name: "ratio σˡ / σᵘ reached", points: points("ratio"))]
        if let target, let first = rounds.first?["rrSetsR1"].double, let last = rounds.last?["rrSetsR1"].double {
            ratio.append(SVGPlot.Series(name: "target ratio", points: [.init(x: first, y: target), .init(x: last, y: target)]))
        }
        let plot = SVGPlot(
            title: "\(method): the bounds close as the RR sets double",
            subtitle: "each round doubles both collections of RR sets (R1 chooses, R2 checks)",
            legendTitle: "Bound",
            panels: [
                SVGPlot.Panel(id: "bounds", title: "Bounds on the spread", xLabel: "RR sets per collection (log scale)",
                              yLabel: "expected spread (nodes)", xScale: .logarithmic, yScale: .linear(includeZero: false),
                              series: [SVGPlot.Series(name: "upper bound σᵘ of OPT", points: points("upperBound")),
                                       SVGPlot.Series(name: "lower bound σˡ of σ(S)", points: points("lowerBound"))]),
                SVGPlot.Panel(id: "ratio", title: "Approximation ratio", xLabel: "RR sets per collection (log scale)",
                              yLabel: "ratio (fraction of OPT)", xScale: .logarithmic, series: ratio),
            ])
        return HTMLPage.figure(plot, caption: "Each round's lower bound of the seeds' spread (on R2) and upper bound of the best spread (on R1). Their ratio is the guarantee; \(method) stops once it reaches the target.")
    }

    static func roundsTable(_ rounds: [JSONTree]) -> String {
        let rows = rounds.map { round -> [Cell] in
            [cell(round["index"].int), text(round["refinement"].bool == true ? "refinement" : "selection"),
             cell(round["rrSetsR1"].int), cell(round["rrSetsR2"].int), cell(round["lowerBound"].double, 1),
             cell(round["upperBound"].double, 1), cell(round["ratio"].double, 4),
             cell(round["relativeStandardError"].double.map { $0 * 100 }, 2)]
        }
        return HTMLPage.table(caption: "Rounds", headers: ["round", "kind", "R1 sets", "R2 sets", "σˡ", "σᵘ", "ratio", "rel. error %"], rows: rows)
    }

    /// What stopped the precision refinement, in words.
    static func capWords(_ cap: String?) -> String {
        switch cap {
        case "memory-limit": return "the memory limit"
        case "theta-max": return "the paper's θmax"
        case "imm-sample-size": return "the RR sets IMM would draw for this n, k, ε and δ"
        default: return cap ?? "its cap"
        }
    }

    // MARK: seeds

    static func seedsPage(_ r: JSONTree) -> HTMLPage {
        let q = r["request"]
        let seeds = r["seeds"].array
        let k = q["k"].int ?? seeds.count
        let method = r["algorithm"].string ?? q["algorithm"].string ?? "seeds"
        var page = HTMLPage(title: "\(count(k, "seed")) by \(method) on \(baseName(r["graph"]["path"].string ?? "the graph"))",
                            subtitle: graphLine(r))
        let s = r["spread"]
        var answer = HTMLPage.paragraph("\(method) picked \(count(seeds.count, "seed")). Their expected spread is \(spreadWords(s)): that many nodes end active on average when a cascade starts from them.", className: "lead")
        var total = 0.0
        let rows = seeds.enumerated().map { i, seed -> [Cell] in
            let gain = seed["marginalGain"].double
            total += gain ?? 0
            return [cell(i + 1), text(seed["label"].string ?? "?"), cell(seed["node"].int), cell(gain, 2), cell(gain == nil ? nil : total, 1)]
        }
        answer += HTMLPage.table(caption: "Seeds in selection order (marginal gains estimated on the RR sets that chose them)",
                                 headers: ["rank", "label", "node", "marginal gain", "cumulative"], rows: rows)
        page.section("answer", "The answer", answer)

        let rounds = r["rounds"].array
        var words = HTMLPage.paragraph(guaranteeWords(r["guarantee"], k: count(k, "seed"), rounds: rounds.count, method: method))
        words += HTMLPage.paragraph(intervalWords(s, fresh: true))
        if let biased = r["selectionSpread"].double {
            words += HTMLPage.paragraph("On the RR sets that chose them the seeds cover \(fixed(biased, 1)) nodes' worth: that figure is biased upward (the seeds were chosen to cover those very sets), which is why the estimate above uses fresh sets.", className: "note")
        }
        let refinement = r["refinement"]
        if !refinement.isNull {
            let reached = "\(fixed((refinement["reached"].double ?? 0) * 100, 2))% (target \(fixed((refinement["target"].double ?? 0) * 100, 2))%)"
            words += HTMLPage.paragraph(refinement["capped"].bool == true
                ? "After the ratio was reached the selection sets kept growing to sharpen the estimate, until their cap (\(capWords(refinement["cap"].string))): relative standard error \(reached)."
                : "After the ratio was reached the selection sets kept growing until they estimated the spread with relative standard error \(reached).")
        }
        let sets = r["rrSets"]
        words += HTMLPage.facts([("RR sets for selection", sets["selection"].cellText), ("drawn in all", sets["generated"].cellText),
                                 ("fresh, for the interval", sets["evaluation"].cellText), ("sampling", r["sampling"].cellText)])
        page.section("guarantee", "Guarantee and interval", words)

        var plots = ""
        var cumulative = 0.0
        let curve = seeds.enumerated().compactMap { i, seed -> SVGPlot.Point? in
            guard let gain = seed["marginalGain"].double else { return nil }
            cumulative += gain
            return SVGPlot.Point(x: Double(i + 1), y: cumulative)
        }
        if !curve.isEmpty, let estimate = s["estimate"].double {
            let plot = SVGPlot(
                title: "Spread against the number of seeds",
                subtitle: "the first k seeds of the selection order, k = 1 … \(seeds.count)",
                legendTitle: "Estimate",
                panels: [SVGPlot.Panel(id: "spread", title: "Expected spread of the first k seeds", xLabel: "seeds k",
                                       yLabel: "expected spread (nodes)",
                                       series: [SVGPlot.Series(name: "on the selection RR sets", points: curve),
                                                SVGPlot.Series(name: "fresh RR sets, 95% interval",
                                                               points: [SVGPlot.Point(x: Double(seeds.count), y: estimate, low: s["low"].double, high: s["high"].double)])])])
            plots += HTMLPage.figure(plot, caption: "The sum of the marginal gains of the first k seeds (diminishing returns flatten it), and the unbiased estimate of the whole set with its 95% interval at k = \(seeds.count).")
        }
        if !rounds.isEmpty {
            plots += roundsFigure(rounds, target: r["guarantee"]["target"].double, method: method)
            plots += roundsTable(rounds)
        }
        page.section("plots", "Plots", plots)
        return page
    }

    // MARK: simulate

    static func simulatePage(_ r: JSONTree) -> HTMLPage {
        let e = r["monteCarlo"]
        let seeds = r["seeds"].array
        var page = HTMLPage(title: "Spread of \(count(seeds.count, "seed")) on \(baseName(r["graph"]["path"].string ?? "the graph"))",
                            subtitle: graphLine(r))
        var answer = HTMLPage.paragraph("Starting from these seeds, \(fixed(e["mean"].double, 2)) nodes end active on average (95% confidence interval \(fixed(e["confidenceLow"].double, 2)) to \(fixed(e["confidenceHigh"].double, 2))), over \(count(e["runs"].int ?? 0, "simulated cascade")).", className: "lead")
        answer += HTMLPage.facts([("mean spread", fixed(e["mean"].double, 4)), ("standard deviation of one cascade", fixed(e["standardDeviation"].double, 4)),
                                  ("standard error of the mean", fixed(e["standardError"].double, 4)),
                                  ("smallest / largest cascade", "\(e["min"].cellText) / \(e["max"].cellText)"),
                                  ("simulations per second", fixed(r["simulationsPerSecond"].double, 0)), ("arcs examined", r["arcsExamined"].cellText)])
        answer += HTMLPage.table(caption: "Seeds", headers: ["label", "node"], rows: seeds.map { [text($0["label"].string ?? "?"), cell($0["node"].int)] })
        page.section("answer", "The answer", answer)

        var words = HTMLPage.paragraph("The interval is a 95% confidence interval of the mean: repeated with other random cascades, 95% of intervals built this way contain the true expected spread. It is the mean ± 1.96 standard errors; the standard error falls as one over the square root of the runs, so four times the runs halve it.")
        if let target = r["request"]["untilRelativeError"].double {
            let reached = (e["confidenceHigh"].double ?? 0) - (e["mean"].double ?? 0) <= target * (e["mean"].double ?? 0)
            words += HTMLPage.paragraph(reached ? "Runs were added until the interval's half-width was within \(fixed(target * 100, 2))% of the mean." : "Runs were added toward a half-width of \(fixed(target * 100, 2))% of the mean, but the cap on runs came first.")
        }
        if let exact = r["exact"]["estimate"].double {
            words += HTMLPage.paragraph("Enumerating every live-edge world gives the exact expected spread, \(fixed(exact, 6)); the Monte Carlo mean is \(fixed(abs((e["mean"].double ?? 0) - exact) / max(1e-300, e["standardError"].double ?? 1), 2)) standard errors from it.")
        }
        page.section("guarantee", "Interval", words)

        let top = r["nodeProbabilities"].array
        if !top.isEmpty {
            var plots = HTMLPage.bars(caption: "The nodes most likely to end active, with their activation probability (share of cascades that reached them).",
                                      top.map { ($0["label"].string ?? "?", $0["probability"].double ?? 0, fixed($0["probability"].double, 4)) })
            plots += HTMLPage.table(headers: ["label", "node", "activation probability"],
                                    rows: top.map { [text($0["label"].string ?? "?"), cell($0["node"].int), cell($0["probability"].double, 6)] })
            page.section("plots", "Most likely active nodes", plots)
        }
        return page
    }

    // MARK: compare

    static func comparePage(_ r: JSONTree, bytes: [UInt8]?) -> HTMLPage {
        let rows = r["rows"].array
        let ks = r["ks"].array.compactMap(\.int)
        var page = HTMLPage(title: "\(count(r["algorithms"].array.count, "method")) compared on \(baseName(r["graph"]["path"].string ?? "the graph"))",
                            subtitle: graphLine(r))
        var answer = ""
        if let largest = ks.max() {
            let atLargest = rows.filter { $0["k"].int == largest }
            if let best = atLargest.max(by: { ($0["spread"]["estimate"].double ?? 0) < ($1["spread"]["estimate"].double ?? 0) }) {
                answer += HTMLPage.paragraph("At k = \(largest) the largest spread is \(best["algorithm"].string ?? "?")'s, \(spreadWords(best["spread"])), selected in \(duration(best["selectionSeconds"].double)).", className: "lead")
            }
        }
        var bestRows: [[Cell]] = []
        for k in ks {
            let atK = rows.filter { $0["k"].int == k }.sorted { ($0["spread"]["estimate"].double ?? 0) > ($1["spread"]["estimate"].double ?? 0) }
            guard let best = atK.first else { continue }
            let second = atK.dropFirst().first
            let gap = second.map { (best["spread"]["estimate"].double ?? 0) - ($0["spread"]["estimate"].double ?? 0) }
            bestRows.append([cell(k), text(best["algorithm"].string ?? "?"), cell(best["spread"]["estimate"].double, 1),
                             text(second?["algorithm"].string ?? "—"), cell(gap, 1)])
        }
        answer += HTMLPage.table(caption: "Best method at each k", headers: ["k", "best", "spread", "runner-up", "lead"], rows: bestRows)
        let table = rows.map { row -> [Cell] in
            let s = row["spread"]
            let labels = row["seeds"].array.map { $0["label"].string ?? "?" }
            return [text(row["algorithm"].string ?? "?"), cell(row["k"].int), cell(s["estimate"].double, 1), cell(s["low"].double, 1),
                    cell(s["high"].double, 1), Cell(duration(row["selectionSeconds"].double), sortValue: row["selectionSeconds"].double),
                    text(labels.prefix(12).joined(separator: " ") + (labels.count > 12 ? " …" : ""))]
        }
        answer += HTMLPage.table(caption: "Every method at every k (click a heading to sort)",
                                 headers: ["method", "k", "spread", "95% low", "95% high", "selection time", "seeds"], rows: table)
        page.section("answer", "The answer", answer)
        page.section("guarantee", "Intervals", HTMLPage.paragraph("Every seed set was simulated on the same \(r["request"]["runs"].cellText) cascades (common random numbers, seed \(r["request"]["seed"].cellText)), so the differences between methods are paired and smaller than the intervals suggest. Each interval is a 95% Monte Carlo confidence interval of that set's expected spread. opim-c and imm carry their own approximation guarantee (1 − 1/e − ε with probability 1 − δ); the heuristics none."))
        if let bytes, let record = try? JSONDecoder().decode(ComparisonRecord.self, from: Data(bytes)) {
            page.section("plots", "Plots", HTMLPage.figure(record.plot(), caption: "Spread against k with 95% bands, and selection time against k (log scale): one line, marker and dash per method."))
        }
        return page
    }

    // MARK: cim

    static func cimPage(_ r: JSONTree) -> HTMLPage {
        let p = r["parameters"]
        let q = r["request"]
        let method = p["algorithm"].string ?? q["algorithm"].string ?? "cim"
        let assignment = r["assignment"].array
        let picked = r["seeds"].array.count
        var page = HTMLPage(title: "\(count(picked, "seed")) by \(method), capacity \(q["k"].cellText) per AP, on \(baseName(r["graph"]["path"].string ?? "the graph"))",
                            subtitle: graphLine(r))
        let s = r["spread"]
        var answer = HTMLPage.paragraph("\(count(assignment.count, "active participant")) (APs) each promote to at most \(q["k"].cellText) of their friends; \(method) chose \(count(picked, "friend")) in all. Their union's expected spread on P (the graph without the APs) is \(spreadWords(s)).", className: "lead")
        var rows: [[Cell]] = []
        for a in assignment {
            for (i, seed) in a["seeds"].array.enumerated() {
                rows.append([text(a["ap"].string ?? "?"), cell(i + 1), text(seed["label"].string ?? "?"), cell(seed["marginal"].double, 2)])
            }
        }
        answer += HTMLPage.table(caption: "Assignment: each AP's friends in pick order", headers: ["AP", "pick", "friend", "marginal gain"], rows: rows)
        let winner = r["winner"].string ?? method
        var methods: [[Cell]] = [[text(winner == method ? "\(method) (returned)" : "returned: \(winner)'s assignment"), cell(s["estimate"].double, 1), cell(s["low"].double, 1), cell(s["high"].double, 1),
                                  cell(r["monteCarloSpread"]["estimate"].double, 1), Cell(duration(r["timings"]["selectionSeconds"].double), sortValue: r["timings"]["selectionSeconds"].double)]]
        var bars: [(String, Double, String)] = [(method, s["estimate"].double ?? 0, fixed(s["estimate"].double, 1))]
        for b in r["baselines"].array {
            methods.append([text(b["name"].string ?? "?"), cell(b["spread"]["estimate"].double, 1), cell(b["spread"]["low"].double, 1),
                            cell(b["spread"]["high"].double, 1), cell(b["monteCarloSpread"]["estimate"].double, 1),
                            Cell(duration(b["selectionSeconds"].double), sortValue: b["selectionSeconds"].double)])
            bars.append((b["name"].string ?? "?", b["spread"]["estimate"].double ?? 0, fixed(b["spread"]["estimate"].double, 1)))
        }
        let u = r["reference"]
        if !u.isNull {
            methods.append([text("OPIM-C, no capacity (reference)"), cell(u["spread"]["estimate"].double, 1), cell(u["spread"]["low"].double, 1),
                            cell(u["spread"]["high"].double, 1), cell(u["monteCarloSpread"]["estimate"].double, 1),
                            Cell(duration(u["selectionSeconds"].double), sortValue: u["selectionSeconds"].double)])
            bars.append(("no capacity (reference)", u["spread"]["estimate"].double ?? 0, fixed(u["spread"]["estimate"].double, 1)))
        }
        if methods.count > 1 {
            answer += HTMLPage.table(caption: "The method beside the baselines (same evaluation RR sets)", headers: ["method", "spread", "95% low", "95% high", "Monte Carlo", "selection"], rows: methods)
        }
        let contenders = r["contenders"].array
        if winner != method {
            answer += HTMLPage.paragraph("The assignment returned is \(winner)'s: it measured a larger spread than \(method)'s own on the same evaluation RR sets (contenders: \(contenders.map { "\($0["name"].string ?? "?") \(fixed($0["spread"]["estimate"].double, 2))" }.joined(separator: ", "))). The guarantee below certifies \(method)'s assignment, which the returned one measured above; --no-keep-best returns \(method)'s own.", className: "note")
        } else if contenders.isEmpty {
            answer += betterBaselines(method, s["estimate"].double ?? 0, r["baselines"].array.map { ($0["name"].string ?? "?", $0["spread"]["estimate"].double ?? 0) }, what: "spread")
        }
        for warning in r["warnings"].array { answer += HTMLPage.paragraph(warning.cellText, className: "warning") }
        page.section("answer", "The answer", answer)
        let rounds = r["rounds"].array
        var words = ""
        if r["guarantee"]["instanceWise"].bool == false {
            words += HTMLPage.paragraph("\(method) takes greedy steps on Monte Carlo marginal gains: with exact gains the greedy reaches at least half of the best assignment's spread; with estimated gains that holds only approximately.")
        } else {
            words += HTMLPage.paragraph(guaranteeWords(r["guarantee"], k: "assignment within the capacities", rounds: rounds.count, method: method))
        }
        words += HTMLPage.paragraph(intervalWords(s, fresh: true))
        page.section("guarantee", "Guarantee and interval", words)
        var plots = bars.count > 1 ? HTMLPage.bars(caption: "Expected spread on P of each method's assignment (fresh RR sets).", bars) : ""
        if !rounds.isEmpty {
            plots += roundsFigure(rounds, target: r["guarantee"]["target"].double, method: method)
            plots += roundsTable(rounds)
        }
        page.section("plots", "Plots", plots)
        return page
    }

    /// A warning when a baseline printed beside the method reached a larger estimate than it.
    static func betterBaselines(_ method: String, _ value: Double, _ baselines: [(String, Double)], what: String) -> String {
        let better = baselines.filter { $0.1 > value }
        guard !better.isEmpty else { return "" }
        let names = better.map { "\($0.0) (\(fixed($0.1, 2)))" }.joined(separator: ", ")
        return HTMLPage.paragraph("Beside \(method)'s \(what) of \(fixed(value, 2)), \(names) reached a larger estimate on the same evaluation; compare their intervals before choosing, and prefer the better answer.", className: "warning")
    }

    // MARK: closed

    static func intervalText(_ i: JSONTree, _ decimals: Int = 2) -> String {
        "\(fixed(i["estimate"].double, decimals)) (\(fixed(i["low"].double, decimals)) to \(fixed(i["high"].double, decimals)))"
    }

    static func closedPage(_ r: JSONTree) -> HTMLPage {
        let p = r["parameters"]
        let result = r["result"]
        let sub = result["subnetwork"]
        let method = result["name"].string ?? p["algorithm"].string ?? "closed"
        var page = HTMLPage(title: "Sharing lists by \(method) (k = \(r["request"]["k"].cellText)) on \(baseName(r["graph"]["path"].string ?? "the graph"))",
                            subtitle: graphLine(r))
        var answer = HTMLPage.paragraph("\(method) lets \(sub["users"].cellText) users share with at most \(sub["maxFriends"].cellText) friends each, \(sub["arcs"].cellText) arcs kept in all. On those arcs the seeds' spreads add up to \(intervalText(result["objective"])) (Σ over seeds s of σ({s}), 95% interval), and their union reaches \(intervalText(result["union"])) nodes.", className: "lead")
        let perSeed = r["perSeed"].array
        answer += HTMLPage.table(caption: "Per-seed spread σ({s}) on the kept arcs",
                                 headers: ["seed", "spread", "95% low", "95% high", "shares with"],
                                 rows: perSeed.map { [text($0["label"].string ?? "?"), cell($0["spread"]["estimate"].double, 2), cell($0["spread"]["low"].double, 2),
                                                      cell($0["spread"]["high"].double, 2), text($0["friends"].cellText)] })
        let methods = [result] + r["baselines"].array
        answer += HTMLPage.table(caption: "Every method on the same Monte Carlo worlds",
                                 headers: ["method", "objective Σσ({s})", "union σ(S)", "arcs", "selection"],
                                 rows: methods.map { [text($0["name"].string ?? "?"), cell($0["objective"]["estimate"].double, 2), cell($0["union"]["estimate"].double, 2),
                                                      cell($0["subnetwork"]["arcs"].int), Cell(duration($0["selectionSeconds"].double), sortValue: $0["selectionSeconds"].double)] })
        if let winner = r["winner"].string, winner != method {
            answer += HTMLPage.paragraph("The k-subnetwork returned (the per-seed spreads and kept arcs here) is \(winner)'s: its objective was above \(method)'s on the same worlds; \(method)'s own figures stay in its row, and --no-keep-best returns \(method)'s own.", className: "note")
        } else if r["parameters"]["keepBest"].bool != true {
            answer += betterBaselines(method, result["objective"]["estimate"].double ?? 0,
                                      r["baselines"].array.map { ($0["name"].string ?? "?", $0["objective"]["estimate"].double ?? 0) }, what: "objective")
        }
        let arcs = r["keptArcs"].array
        if !arcs.isEmpty {
            let shown = arcs.prefix(2000)
            var kept = HTMLPage.table(headers: ["user", "friend", "p"], rows: shown.map { [text($0["user"].cellText), text($0["friend"].cellText), cell($0["probability"].double, 4)] })
            if arcs.count > shown.count { kept += HTMLPage.paragraph("The first \(shown.count) of \(arcs.count) kept arcs; the record holds them all.", className: "note") }
            answer += "<details><summary>The \(count(arcs.count, "kept arc"))</summary>\n\(kept)</details>\n"
        }
        page.section("answer", "The answer", answer)
        page.section("guarantee", "Intervals", HTMLPage.paragraph("Every method's kept arcs were scored on the same \(r["request"]["evaluationRuns"].cellText) Monte Carlo worlds (common random numbers), so the differences between methods are paired. Each interval is a 95% confidence interval of the mean over those worlds. PSNA has no approximation guarantee: the objective is not submodular in the arcs kept; the baselines show what simpler rules reach."))
        var plots = HTMLPage.bars(caption: "Per-seed spread σ({s}) on the kept arcs.", perSeed.map { ($0["label"].string ?? "?", $0["spread"]["estimate"].double ?? 0, fixed($0["spread"]["estimate"].double, 2)) })
        let iterations = r["iterations"].array
        if !iterations.isEmpty {
            var points = [SVGPlot.Point(x: 0, y: r["initialObjective"].double ?? 0)]
            points += iterations.compactMap { i in i["arcs"].double.flatMap { x in i["objective"].double.map { SVGPlot.Point(x: x, y: $0) } } }
            let plot = SVGPlot(title: "PSNA: the objective as arcs are inserted", subtitle: "after each iteration, estimated on \(r["request"]["estimationRuns"].cellText) common worlds",
                               legendTitle: "Quantity",
                               panels: [SVGPlot.Panel(id: "objective", title: "Objective Σ σ({s})", xLabel: "arcs kept", yLabel: "summed spread (nodes)",
                                                      series: [SVGPlot.Series(name: "objective", points: points)])])
            plots += HTMLPage.figure(plot, caption: "PSNA stops when an iteration's relative gain falls to ε; a final pass then fills every user's free slots.")
        }
        page.section("plots", "Plots", plots)
        return page
    }

    // MARK: recommend

    static func recommendPage(_ r: JSONTree, bytes: [UInt8]?) -> HTMLPage {
        let q = r["request"]
        let lists = r["lists"].array
        let method = r["method"].string ?? q["algorithm"].string ?? "recommend"
        var page = HTMLPage(title: "Invitee lists by \(method) (K = \(q["k"].cellText)) for \(count(lists.count, "inviter"))",
                            subtitle: graphLine(r))
        var answer = HTMLPage.paragraph("\(method) recommends up to \(q["k"].cellText) friends to each of \(count(lists.count, "inviter")), ranked by how likely the invitation is sent and accepted and how far it spreads from there.", className: "lead")
        var rows: [[Cell]] = []
        for list in lists {
            for (i, entry) in list["invitees"].array.enumerated() where rows.count < 2000 {
                rows.append([text(list["inviter"].cellText), cell(i + 1), text(entry["invitee"].cellText), cell(entry["score"].double, 4)])
            }
        }
        answer += HTMLPage.table(caption: "The lists (rank 1 first)", headers: ["inviter", "rank", "invitee", "score"], rows: rows)
        let listed = lists.reduce(0) { $0 + $1["invitees"].array.count }
        if listed > rows.count { answer += HTMLPage.paragraph("The first \(rows.count) of \(listed) recommendations; the record (and --lists) holds them all.", className: "note") }
        for warning in r["warnings"].array { answer += HTMLPage.paragraph(warning.cellText, className: "warning") }
        page.section("answer", "The answer", answer)
        let e = r["evaluation"]
        guard !e.isNull else { return page }
        let k = q["k"].int ?? 1
        let methods = e["methods"].array + e["frontier"].array
        var table: [[Cell]] = []
        for m in methods {
            let last = (m["k"].array.count) - 1
            table.append([text(m["method"].string ?? "?"), cell(m["tradeOff"].double, 2), cell(m["recall"][last].double, 4), cell(m["ndcg"][last].double, 4),
                          cell(m["spread"][last]["estimate"].double, 1), cell(m["spread"][last]["standardError"].double, 1)])
        }
        var evaluation = HTMLPage.paragraph("Against \(e["truth"].cellText) (\(e["evaluatedInviters"].cellText) inviters with held-out invitations). Recall@K: the share of an inviter's held-out invitees found in its list; NDCG@K also rewards finding them near the top. Spread@K: the expected number of nodes the accepted invitations reach, over \(e["worlds"].cellText) Monte Carlo worlds on common random numbers (± one standard error).")
        evaluation += HTMLPage.table(caption: "Every method at K = \(k)", headers: ["method", "λ", "Recall@K", "NDCG@K", "Spread@K", "± s.e."], rows: table)
        page.section("guarantee", "Evaluation and intervals", evaluation)
        var plots = ""
        let byK = e["methods"].array.map { m in
            SVGPlot.Series(name: m["method"].string ?? "?", points: m["k"].array.enumerated().compactMap { c, kk in
                guard let x = kk.double, let y = m["spread"][c]["estimate"].double else { return nil }
                let se = m["spread"][c]["standardError"].double ?? 0
                return SVGPlot.Point(x: x, y: y, low: y - 1.96 * se, high: y + 1.96 * se)
            })
        }
        let recallByK = e["methods"].array.compactMap { m -> SVGPlot.Series? in
            guard !m["recall"].isNull else { return nil }
            return SVGPlot.Series(name: m["method"].string ?? "?", points: m["k"].array.enumerated().compactMap { c, kk in
                guard let x = kk.double, let y = m["recall"][c].double else { return nil }
                return SVGPlot.Point(x: x, y: y)
            })
        }
        plots += HTMLPage.figure(SVGPlot(title: "Recall and spread against the list length", subtitle: "bands: 95% intervals of Spread@K (Monte Carlo)",
                                         legendTitle: "Method",
                                         panels: [SVGPlot.Panel(id: "recall", title: "Recall@K", xLabel: "list length K (invitees per inviter)", yLabel: "recall (share of held-out invitees)", series: recallByK),
                                                  SVGPlot.Panel(id: "spread", title: "Spread@K", xLabel: "list length K (invitees per inviter)", yLabel: "expected spread (nodes)", series: byK)]),
                                 caption: "Each method's Recall@K and Spread@K for K = 1 … \(k).")
        if !e["frontier"].isNull, let bytes, let record = try? JSONDecoder().decode(RecommendRecord.self, from: Data(bytes)) {
            plots += HTMLPage.figure(record.frontierPlot, caption: "The trade-off frontier: HeteroIR^(1 − λ) · HeteroIM^λ for λ = 0, 0.1, …, 1, one line per list length K.")
        }
        page.section("plots", "Plots", plots)
        return page
    }

    // MARK: embed and probe

    static func embedPage(_ r: JSONTree) -> HTMLPage {
        let t = r["training"]
        let method = r["method"].string ?? "embed"
        var page = HTMLPage(title: "\(method.uppercased()) embeddings of \(baseName(r["graph"]["path"].string ?? "the graph"))", subtitle: graphLine(r))
        var answer = HTMLPage.paragraph("\(method.uppercased()) mapped \(r["nodes"].cellText) nodes (\(r["edges"].cellText) edges, \(r["features"]["columns"].cellText) features: \(r["features"]["source"].string ?? "?")) to \(r["dimensions"].cellText) dimensions. Training ran \(t["epochs"].cellText) epochs and kept the parameters of epoch \(t["bestEpoch"].cellText), whose loss \(fixed(t["bestLoss"].double, 5)) was the lowest.", className: "lead")
        answer += HTMLPage.facts([("embeddings file", r["request"]["output"].string ?? "not written"), ("embeddings hash", r["embeddingsHash"].cellText),
                                  ("first epoch's loss", fixed(t["firstLoss"].double, 5)), ("best loss", fixed(t["bestLoss"].double, 5)), ("last epoch's loss", fixed(t["finalLoss"].double, 5))])
        page.section("answer", "The answer", answer)
        page.section("guarantee", "What the numbers say", HTMLPage.paragraph("The loss has no guarantee: it is the training objective (lower is better), not a measure of the embeddings' use. Score them on a task with `infmax probe EMB --labels … --train … --test …`, whose report shows the accuracy over restarts."))
        if let epochs = t["epochs"].double, let best = t["bestEpoch"].double {
            let points = [SVGPlot.Point(x: 1, y: t["firstLoss"].double ?? 0), SVGPlot.Point(x: best, y: t["bestLoss"].double ?? 0), SVGPlot.Point(x: epochs, y: t["finalLoss"].double ?? 0)]
            page.section("plots", "Plots", HTMLPage.figure(SVGPlot(title: "Training loss", subtitle: "first epoch, best epoch (kept) and last epoch", legendTitle: "Quantity",
                                                                   panels: [SVGPlot.Panel(id: "loss", title: "Loss by epoch", xLabel: "epoch", yLabel: "loss (nats)", yScale: .linear(includeZero: false),
                                                                                          series: [SVGPlot.Series(name: "training loss", points: points.sorted { $0.x < $1.x })])]),
                                                           caption: "The loss at the first, best and last epochs."))
        }
        return page
    }

    static func probePage(_ r: JSONTree) -> HTMLPage {
        let a = r["accuracy"]
        var page = HTMLPage(title: "Linear probe of \(baseName(r["embeddings"]["path"].string ?? "the embeddings")): \(fixed(a["mean"].double, 2))% accuracy",
                            subtitle: "\(a["dimensions"].cellText) dimensions · \(a["classes"].cellText) classes · InfluenceKit \(r["versions"]["library"].string ?? "?")")
        var answer = HTMLPage.paragraph("A logistic regression on the frozen embeddings, trained on \(a["trainNodes"].cellText) nodes, labels \(fixed(a["mean"].double, 2))% of the \(a["testNodes"].cellText) test nodes correctly on average (± \(fixed(a["sd"].double, 2)) percentage points, the sample standard deviation over \(count(a["restarts"].int ?? 0, "restart"))).", className: "lead")
        let accuracies = a["accuracies"].array.compactMap(\.double)
        answer += HTMLPage.table(caption: "Accuracy of each restart", headers: ["restart", "accuracy %"], rows: accuracies.enumerated().map { [cell($0.offset + 1), cell($0.element, 2)] })
        page.section("answer", "The answer", answer)
        page.section("guarantee", "Interval", HTMLPage.paragraph("The ± is the spread between restarts (different random starts of the regression), not a confidence interval of the mean; the mean's standard error is \(fixed((a["sd"].double ?? 0) / Double(max(1, accuracies.count)).squareRoot(), 2)) points."))
        if !accuracies.isEmpty, let mean = a["mean"].double {
            let plot = SVGPlot(title: "Probe accuracy by restart", subtitle: "\(accuracies.count) restarts from --seed \(r["request"]["seed"].cellText)", legendTitle: "Quantity",
                               panels: [SVGPlot.Panel(id: "accuracy", title: "Test accuracy", xLabel: "restart", yLabel: "accuracy (%)", yScale: .linear(includeZero: false),
                                                      series: [SVGPlot.Series(name: "one restart", points: accuracies.enumerated().map { SVGPlot.Point(x: Double($0.offset + 1), y: $0.element) }),
                                                               SVGPlot.Series(name: "mean", points: [.init(x: 1, y: mean), .init(x: Double(accuracies.count), y: mean)])])])
            page.section("plots", "Plots", HTMLPage.figure(plot, caption: "The embedding's probe accuracy on the test nodes, one point per restart, and their mean."))
        }
        return page
    }
}
