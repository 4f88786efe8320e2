extension ComparisonRecord {
    /// The graph's file name without its folders.
    var graphName: String {
        graph.path.split(separator: "/").last.map(String.init) ?? graph.path
    }

    /// The picture: spread versus k (one line per algorithm, 95% CI band) beside selection time
    /// versus k on a log axis; the title names the graph, model and runs.
    ///
    /// Complexity: O(rows).
    public func plot() -> SVGPlot {
        let modelName = model.name.uppercased()
        let spread = algorithms.map { name in
            SVGPlot.Series(name: name, points: rows.filter { $0.algorithm == name }.map {
                SVGPlot.Point(x: Double($0.k), y: $0.spread.estimate, low: $0.spread.low, high: $0.spread.high)
            })
        }
        let time = algorithms.map { name in
            SVGPlot.Series(name: name, points: rows.filter { $0.algorithm == name }.map {
                SVGPlot.Point(x: Double($0.k), y: $0.selectionSeconds)
            })
        }
        return SVGPlot(
            title: "Influence spread vs seed set size — \(graphName) (\(modelName))",
            subtitle: "\(graph.nodes) nodes, \(graph.arcs) arcs · \(modelName) model · \(request.runs) Monte Carlo runs per point, common random numbers (seed \(request.seed)) · bands: 95% CI",
            legendTitle: "Method",
            panels: [
                SVGPlot.Panel(id: "spread", title: "Expected spread σ(S)", xLabel: "seed set size k (seeds)",
                              yLabel: "expected spread (nodes)", series: spread),
                SVGPlot.Panel(id: "time", title: "Selection time", xLabel: "seed set size k (seeds)",
                              yLabel: "selection time (seconds, log scale)", yScale: .logarithmic, yFormat: .seconds, series: time),
            ])
    }

    /// CSV, one row per (algorithm, k): algorithm, k, spread, ci_low, ci_high, standard_error,
    /// runs, selection_seconds, seeds (labels separated by spaces; quoted as RFC 4180 needs).
    ///
    /// Complexity: O(rows · k).
    public func csv() -> String {
        var text = "algorithm,k,spread,ci_low,ci_high,standard_error,runs,selection_seconds,seeds\n"
        for row in rows {
            let fields = [row.algorithm, String(row.k), String(row.spread.estimate), String(row.spread.low),
                          String(row.spread.high), String(row.spread.standardError), String(row.spread.samples),
                          String(row.selectionSeconds), row.seeds.map(\.label).joined(separator: " ")]
            text += fields.enumerated().map { i, field in Self.csvField(i == 0 || i == 8 ? Self.inert(field) : field) }
                .joined(separator: ",") + "\n"
        }
        return text
    }

    /// A text cell a spreadsheet would not run as a formula: one that starts with `=`, `+`, `-`,
    /// `@`, a tab or a carriage return gets a leading apostrophe (OWASP's CSV-injection advice).
    static func inert(_ value: String) -> String {
        guard let first = value.first, "=+-@\t\r".contains(first) else { return value }
        return "'" + value
    }

    /// A CSV field, quoted when it holds a comma, quote or line break.
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
    /// `self` with every `target` character replaced by `replacement`.
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
