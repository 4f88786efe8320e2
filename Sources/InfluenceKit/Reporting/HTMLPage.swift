/// The markup of one self-contained HTML page: inline CSS, inline SVG, a small inline script that
/// sorts tables, and a Content-Security-Policy that forbids every request (no CDN, no web font,
/// no image from elsewhere). Sections stack in one column that narrows to a phone's width, and
/// print without the controls.
struct HTMLPage {
    /// The page's title (the `<title>` and the heading).
    var title: String
    /// The line under the heading.
    var subtitle: String
    /// The sections in order: id, heading, markup.
    private(set) var sections: [(id: String, heading: String, html: String)] = []

    init(title: String, subtitle: String) {
        self.title = title
        self.subtitle = subtitle
    }

    /// Adds a section (nothing when `html` is empty).
    mutating func section(_ id: String, _ heading: String, _ html: String) {
        guard !html.isEmpty else { return }
        sections.append((id, heading, html))
    }

    /// `text` escaped for HTML text and attribute values. Complexity: O(length).
    static func escape(_ text: String) -> String { SVGText.escape(text) }

    /// A paragraph of escaped text.
    static func paragraph(_ text: String, className: String? = nil) -> String {
        "<p\(className.map { " class=\"\($0)\"" } ?? "")>\(escape(text))</p>\n"
    }

    /// A definition list of (term, value) pairs, both escaped.
    static func facts(_ pairs: [(String, String)]) -> String {
        guard !pairs.isEmpty else { return "" }
        var html = "<dl class=\"facts\">\n"
        for (term, value) in pairs { html += "<dt>\(escape(term))</dt><dd>\(escape(value))</dd>\n" }
        return html + "</dl>\n"
    }

    /// One cell of a table: its text and, for numbers, the value it sorts by.
    struct Cell {
        var text: String
        var sortValue: Double?
        init(_ text: String, sortValue: Double? = nil) {
            self.text = text
            self.sortValue = sortValue
        }
    }

    /// A table whose columns sort on a click of their heading (numbers by value); `caption` is
    /// shown above it. Numeric columns are right-aligned. Complexity: O(cells).
    static func table(caption: String? = nil, headers: [String], rows: [[Cell]], id: String? = nil) -> String {
        guard !rows.isEmpty else { return "" }
        let numeric = headers.indices.map { c in rows.allSatisfy { c < $0.count && ($0[c].sortValue != nil || $0[c].text == "—") } }
        var html = "<div class=\"table-wrap\"><table class=\"sortable\"\(id.map { " id=\"\(escape($0))\"" } ?? "")>\n"
        if let caption { html += "<caption>\(escape(caption))</caption>\n" }
        html += "<thead><tr>"
        for (c, header) in headers.enumerated() {
            html += "<th scope=\"col\"\(numeric[c] ? " class=\"num\"" : "") aria-sort=\"none\" tabindex=\"0\">\(escape(header))</th>"
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for (c, cell) in row.enumerated() {
                let sort = cell.sortValue.map { " data-sort=\"\(SVGText.number($0, decimals: 12))\"" } ?? ""
                html += "<td\(c < numeric.count && numeric[c] ? " class=\"num\"" : "")\(sort)>\(escape(cell.text))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    /// An SVG chart inline, with a caption under it (the XML declaration dropped: the page is HTML).
    static func figure(_ plot: SVGPlot, caption: String) -> String {
        var svg = plot.render()
        if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg = String(svg[svg.index(after: end)...]) }
        return "<figure>\n\(svg)<figcaption>\(escape(caption))</figcaption>\n</figure>\n"
    }

    /// Horizontal bars for named values (timings, probabilities): pure HTML and CSS.
    static func bars(caption: String, _ values: [(label: String, value: Double, text: String)]) -> String {
        guard !values.isEmpty else { return "" }
        let largest = values.map(\.value).max() ?? 0
        var html = "<figure class=\"bars\">\n"
        for (label, value, text) in values {
            let percent = largest > 0 ? max(0.5, 100 * value / largest) : 0
            html += "<div class=\"bar-row\"><span class=\"bar-label\">\(escape(label))</span><span class=\"bar-track\"><span class=\"bar\" style=\"width:\(SVGText.number(percent, decimals: 1))%\"></span></span><span class=\"bar-value\">\(escape(text))</span></div>\n"
        }
        return html + "<figcaption>\(escape(caption))</figcaption>\n</figure>\n"
    }

    /// Preformatted text (a command line, a JSON request).
    static func code(_ text: String) -> String { "<pre><code>\(escape(text))</code></pre>\n" }

    static let styleSheet = """
    :root { color-scheme: light; --ink: #1d1d1f; --muted: #5b5b60; --rule: #d9d9de; --tint: #f4f5f7; --accent: #1f5fa8; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif; color: var(--ink); background: #ffffff; line-height: 1.5; font-size: 16px; }
    main { max-width: 1000px; margin: 0 auto; padding: 24px 20px 48px; }
    header { border-bottom: 2px solid var(--ink); margin-bottom: 8px; }
    h1 { font-size: 1.6rem; margin: 0 0 4px; line-height: 1.25; }
    h2 { font-size: 1.2rem; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
    h3 { font-size: 1rem; margin: 18px 0 6px; }
    .subtitle { color: var(--muted); margin: 0 0 12px; }
    nav ul { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 0.9rem; }
    nav a { color: var(--accent); }
    .lead { font-size: 1.08rem; }
    .note { color: var(--muted); font-size: 0.92rem; }
    .warning { background: #fff6e0; border-left: 4px solid #d08a00; padding: 6px 10px; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
    dl.facts dt { color: var(--muted); }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    .table-wrap { overflow-x: auto; margin: 8px 0 16px; }
    table { border-collapse: collapse; font-size: 0.92rem; min-width: 50%; }
    caption { text-align: left; color: var(--muted); padding: 4px 0; caption-side: top; }
    th, td { padding: 4px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    th { background: var(--tint); cursor: pointer; user-select: none; white-space: nowrap; }
    th[aria-sort="ascending"]::after { content: " \\25B2"; font-size: 0.7em; }
    th[aria-sort="descending"]::after { content: " \\25BC"; font-size: 0.7em; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    tbody tr:nth-child(even) { background: #fafafb; }
    figure { margin: 12px 0 20px; }
    figure svg { max-width: 100%; height: auto; display: block; }
    figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 4px; }
    .bars { max-width: 720px; }
    .bar-row { display: grid; grid-template-columns: minmax(6em, 14em) 1fr minmax(5em, max-content); gap: 8px; align-items: center; font-size: 0.9rem; margin: 2px 0; }
    .bar-label { overflow-wrap: anywhere; }
    .bar-track { background: var(--tint); height: 14px; border-radius: 2px; }
    .bar { display: block; height: 14px; background: var(--accent); border-radius: 2px; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    .bar-value { text-align: right; font-variant-numeric: tabular-nums; }
    pre { background: var(--tint); padding: 10px 12px; overflow-x: auto; font-size: 0.85rem; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    details summary { cursor: pointer; color: var(--accent); }
    footer { margin-top: 36px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); padding-top: 8px; }
    @media (max-width: 600px) {
      main { padding: 14px 10px 32px; }
      body { font-size: 15px; }
      h1 { font-size: 1.3rem; }
      dl.facts { grid-template-columns: 1fr; }
      dl.facts dd { margin-bottom: 6px; }
      .bar-row { grid-template-columns: 7em 1fr max-content; }
      th, td { padding: 3px 6px; }
    }
    @media print {
      main { max-width: none; padding: 0; }
      nav, details summary { display: none; }
      details { display: block; }
      details > * { display: block; }
      h2 { break-after: avoid; }
      figure, tr, dl.facts { break-inside: avoid; }
      th { cursor: auto; }
      th::after { content: "" !important; }
      a { color: inherit; text-decoration: none; }
      .table-wrap { overflow: visible; }
    }
    """

    /// Sorts a table by the clicked column: numbers by `data-sort`, text by locale order; a
    /// second click reverses. Keyboard: Enter or Space on a focused heading.
    static let script = """
    (function () {
      function sortBy(th) {
        var table = th.closest('table'), body = table.tBodies[0];
        var index = Array.prototype.indexOf.call(th.parentNode.children, th);
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(th.parentNode.children, function (h) { h.setAttribute('aria-sort', 'none'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[index], y = b.cells[index];
          var xv = x && x.hasAttribute('data-sort') ? parseFloat(x.getAttribute('data-sort')) : null;
          var yv = y && y.hasAttribute('data-sort') ? parseFloat(y.getAttribute('data-sort')) : null;
          var order;
          if (xv !== null && yv !== null) { order = xv - yv; }
          else { order = (x ? x.textContent : '').localeCompare(y ? y.textContent : '', undefined, {numeric: true}); }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      document.querySelectorAll('table.sortable th').forEach(function (th) {
        th.addEventListener('click', function () { sortBy(th); });
        th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(th); } });
      });
      document.documentElement.setAttribute('data-sortable', 'ready');
    })();
    """

    /// The whole document. Complexity: O(size of the sections).
    func render(footer: String) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="InfluenceKit \(Self.escape(InfluenceKitVersion.library))">
        <title>\(Self.escape(title))</title>
        <style>
        \(Self.styleSheet)
        </style>
        </head>
        <body>
        <main>
        <header>
        <h1>\(Self.escape(title))</h1>
        <p class="subtitle">\(Self.escape(subtitle))</p>
        </header>

        """
        if sections.count > 2 {
            html += "<nav aria-label=\"Sections\"><ul>"
            for s in sections { html += "<li><a href=\"#\(Self.escape(s.id))\">\(Self.escape(s.heading))</a></li>" }
            html += "</ul></nav>\n"
        }
        for s in sections {
            html += "<section id=\"\(Self.escape(s.id))\">\n<h2>\(Self.escape(s.heading))</h2>\n\(s.html)</section>\n"
        }
        html += "<footer>\(Self.escape(footer))</footer>\n</main>\n<script>\n\(Self.script)\n</script>\n</body>\n</html>\n"
        return html
    }
}
