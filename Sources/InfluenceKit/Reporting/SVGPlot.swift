/// A self-contained SVG chart of one or more panels of lines, with optional confidence bands, a
/// shared legend, a title and a subtitle. Written as plain XML text (no dependency), so it opens in
/// any browser and embeds in documents.
///
/// Every series keeps its colour, marker shape and dash pattern across panels (by its position
/// in the legend), so series stay apart in grey print too. In each panel a series is one `<path
/// class="series-line" data-series="NAME">`, its band one `<polygon class="series-band">`, its
/// points markers of class `series-marker` (one shape per series). The legend's title says what
/// varies between the series (`legendTitle`: "Method", "List length K", ...).
///
/// Complexity: O(total points) to render.
public struct SVGPlot: Sendable {
    /// One point of a series; `low` and `high` bound a band around `y` (both or neither).
    public struct Point: Sendable, Equatable {
        /// The horizontal position, in data units.
        public var x: Double
        /// The vertical position, in data units.
        public var y: Double
        /// The lower end of the band at `x`, if any.
        public var low: Double?
        /// The upper end of the band at `x`, if any.
        public var high: Double?

        /// A point. Complexity: O(1).
        public init(x: Double, y: Double, low: Double? = nil, high: Double? = nil) {
            self.x = x
            self.y = y
            self.low = low
            self.high = high
        }
    }

    /// A named line.
    public struct Series: Sendable, Equatable {
        /// The name the legend shows.
        public var name: String
        /// The points, drawn in order.
        public var points: [Point]

        /// A series. Complexity: O(1).
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// How an axis maps values to positions, and how its ticks read.
    public enum Scale: Sendable, Equatable {
        /// Evenly spaced "nice" ticks; `includeZero` stretches the range to 0.
        case linear(includeZero: Bool)
        /// Decades; values at or below 0 are drawn at the bottom of the axis.
        case logarithmic
    }

    /// How tick labels are written.
    public enum TickFormat: Sendable, Equatable {
        /// Plain numbers, thousands as k and millions as M.
        case number
        /// Durations in seconds, written with µs, ms or s.
        case seconds
    }

    /// One chart area.
    public struct Panel: Sendable, Equatable {
        /// Identifies the panel's `<g>` (`id="panel-ID"`).
        public var id: String
        /// The title above the panel.
        public var title: String
        /// The label of the horizontal axis.
        public var xLabel: String
        /// The label of the vertical axis.
        public var yLabel: String
        /// The horizontal axis's scale.
        public var xScale: Scale
        /// The vertical axis's scale.
        public var yScale: Scale
        /// How the vertical axis's tick labels are written.
        public var yFormat: TickFormat
        /// The lines drawn in the panel.
        public var series: [Series]

        /// A panel; by default both axes linear from zero, plain numbers. Complexity: O(1).
        public init(id: String, title: String, xLabel: String, yLabel: String,
                    xScale: Scale = .linear(includeZero: true), yScale: Scale = .linear(includeZero: true),
                    yFormat: TickFormat = .number, series: [Series]) {
            self.id = id
            self.title = title
            self.xLabel = xLabel
            self.yLabel = yLabel
            self.xScale = xScale
            self.yScale = yScale
            self.yFormat = yFormat
            self.series = series
        }
    }

    /// The chart's title.
    public var title: String
    /// The line under the title (empty: none).
    public var subtitle: String
    /// The panels, side by side.
    public var panels: [Panel]
    /// The legend's title: what varies between the series ("Method", "List length K", ...).
    public var legendTitle: String

    /// A chart. Complexity: O(1).
    public init(title: String, subtitle: String = "", legendTitle: String = "Series", panels: [Panel]) {
        self.title = title
        self.subtitle = subtitle
        self.legendTitle = legendTitle
        self.panels = panels
    }

    /// Dash patterns of the series, in legend order (repeating past six): solid first.
    static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 2", "12 4 2 4 2 4"]

    /// The `stroke-dasharray` attribute of the series at `index` (empty for a solid line).
    static func dashAttribute(_ index: Int) -> String {
        let dash = dashes[index % dashes.count]
        return dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
    }

    /// Colours of the series, in legend order (repeating past ten): distinguishable, print-safe.
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
                          "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]

    // Layout, in pixels.
    static let panelWidth = 430.0
    static let panelHeight = 330.0
    static let marginLeft = 78.0
    static let marginRight = 24.0
    static let marginTop = 34.0
    static let marginBottom = 56.0
    static let headerHeight = 64.0
    static let legendWidth = 190.0
    static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"

    /// Series names in order of first appearance across panels: the legend.
    /// Complexity: O(series²) over all panels.
    public var legend: [String] {
        var names: [String] = []
        for panel in panels {
            for series in panel.series where !names.contains(series.name) { names.append(series.name) }
        }
        return names
    }

    /// The SVG document.
    /// Complexity: O(total points).
    public func render() -> String {
        let names = legend
        let panelBoxWidth = Self.marginLeft + Self.panelWidth + Self.marginRight
        let panelBoxHeight = Self.marginTop + Self.panelHeight + Self.marginBottom
        let legendHeight = 36.0 + 22.0 * Double(names.count)
        // The legend is as wide as its longest name needs (about 7.5 px a character at 13 px).
        let longest = (names + [legendTitle]).map(\.count).max() ?? 0
        let legendWidth = max(Self.legendWidth, 48 + 7.5 * Double(longest))
        let width = 16 + panelBoxWidth * Double(max(1, panels.count)) + legendWidth
        let height = Self.headerHeight + max(panelBoxHeight, legendHeight) + 12
        var svg = SVGText.Builder()
        svg.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.line("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGText.coordinate(width))\" height=\"\(SVGText.coordinate(height))\" viewBox=\"0 0 \(SVGText.coordinate(width)) \(SVGText.coordinate(height))\" font-family=\"\(Self.fontFamily)\">")
        svg.line("<title>\(SVGText.escape(title))</title>")
        svg.line("<rect x=\"0\" y=\"0\" width=\"\(SVGText.coordinate(width))\" height=\"\(SVGText.coordinate(height))\" fill=\"#ffffff\"/>")
        svg.line("<text x=\"16\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#222222\">\(SVGText.escape(title))</text>")
        if !subtitle.isEmpty {
            svg.line("<text x=\"16\" y=\"50\" font-size=\"13\" fill=\"#555555\">\(SVGText.escape(subtitle))</text>")
        }
        for (index, panel) in panels.enumerated() {
            let originX = 16 + panelBoxWidth * Double(index)
            renderPanel(panel, originX: originX, originY: Self.headerHeight, names: names, into: &svg)
        }
        renderLegend(names, x: width - legendWidth + 4, y: Self.headerHeight + Self.marginTop, into: &svg)
        svg.line("</svg>")
        return svg.text
    }

    private func color(of name: String, in names: [String]) -> String {
        let index = names.firstIndex(of: name) ?? 0
        return Self.palette[index % Self.palette.count]
    }

    private func renderPanel(_ panel: Panel, originX: Double, originY: Double, names: [String], into svg: inout SVGText.Builder) {
        let left = originX + Self.marginLeft
        let top = originY + Self.marginTop
        let right = left + Self.panelWidth
        let bottom = top + Self.panelHeight
        let points = panel.series.flatMap(\.points)
        let xs = points.map(\.x)
        let ys = points.flatMap { [$0.y, $0.low, $0.high].compactMap { $0 } }
        let xAxis = Axis(values: xs, scale: panel.xScale, format: .number, from: left, to: right)
        let yAxis = Axis(values: ys, scale: panel.yScale, format: panel.yFormat, from: bottom, to: top)

        svg.line("<g id=\"panel-\(SVGText.escape(panel.id))\">")
        svg.line("<text x=\"\(SVGText.coordinate((left + right) / 2))\" y=\"\(SVGText.coordinate(top - 12))\" font-size=\"14\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"#222222\">\(SVGText.escape(panel.title))</text>")
        svg.line("<rect x=\"\(SVGText.coordinate(left))\" y=\"\(SVGText.coordinate(top))\" width=\"\(SVGText.coordinate(Self.panelWidth))\" height=\"\(SVGText.coordinate(Self.panelHeight))\" fill=\"#fbfbfb\" stroke=\"#bbbbbb\"/>")
        // Grid and ticks.
        for tick in yAxis.ticks {
            let y = SVGText.coordinate(yAxis.position(tick.value))
            svg.line("<line x1=\"\(SVGText.coordinate(left))\" y1=\"\(y)\" x2=\"\(SVGText.coordinate(right))\" y2=\"\(y)\" stroke=\"#e3e3e3\"/>")
            svg.line("<text x=\"\(SVGText.coordinate(left - 8))\" y=\"\(y)\" dy=\"0.32em\" font-size=\"12\" text-anchor=\"end\" fill=\"#333333\">\(SVGText.escape(tick.label))</text>")
        }
        for tick in xAxis.ticks {
            let x = SVGText.coordinate(xAxis.position(tick.value))
            svg.line("<line x1=\"\(x)\" y1=\"\(SVGText.coordinate(top))\" x2=\"\(x)\" y2=\"\(SVGText.coordinate(bottom))\" stroke=\"#eeeeee\"/>")
            svg.line("<line x1=\"\(x)\" y1=\"\(SVGText.coordinate(bottom))\" x2=\"\(x)\" y2=\"\(SVGText.coordinate(bottom + 5))\" stroke=\"#666666\"/>")
            svg.line("<text x=\"\(x)\" y=\"\(SVGText.coordinate(bottom + 20))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#333333\">\(SVGText.escape(tick.label))</text>")
        }
        // Axis labels.
        svg.line("<text x=\"\(SVGText.coordinate((left + right) / 2))\" y=\"\(SVGText.coordinate(bottom + 44))\" font-size=\"13\" text-anchor=\"middle\" fill=\"#222222\">\(SVGText.escape(panel.xLabel))</text>")
        let labelX = SVGText.coordinate(originX + 18)
        let labelY = SVGText.coordinate((top + bottom) / 2)
        svg.line("<text x=\"\(labelX)\" y=\"\(labelY)\" font-size=\"13\" text-anchor=\"middle\" fill=\"#222222\" transform=\"rotate(-90 \(labelX) \(labelY))\">\(SVGText.escape(panel.yLabel))</text>")
        // Bands first, so every line stays visible above every band.
        for series in panel.series {
            let banded = series.points.filter { $0.low != nil && $0.high != nil && $0.x.isFinite }
            guard banded.count >= 2 else { continue }
            var corners = banded.map { "\(SVGText.coordinate(xAxis.position($0.x))),\(SVGText.coordinate(yAxis.position($0.high!)))" }
            corners += banded.reversed().map { "\(SVGText.coordinate(xAxis.position($0.x))),\(SVGText.coordinate(yAxis.position($0.low!)))" }
            svg.line("<polygon class=\"series-band\" data-series=\"\(SVGText.escape(series.name))\" points=\"\(corners.joined(separator: " "))\" fill=\"\(color(of: series.name, in: names))\" fill-opacity=\"0.16\" stroke=\"none\"/>")
        }
        // A lone point's interval is a whisker (a band needs two points to show).
        for series in panel.series where series.points.count == 1 {
            guard let p = series.points.first, let low = p.low, let high = p.high, p.x.isFinite else { continue }
            let x = SVGText.coordinate(xAxis.position(p.x))
            svg.line("<line class=\"series-band\" data-series=\"\(SVGText.escape(series.name))\" x1=\"\(x)\" y1=\"\(SVGText.coordinate(yAxis.position(low)))\" x2=\"\(x)\" y2=\"\(SVGText.coordinate(yAxis.position(high)))\" stroke=\"\(color(of: series.name, in: names))\" stroke-width=\"2\"/>")
        }
        for series in panel.series {
            let drawn = series.points.filter { $0.x.isFinite && $0.y.isFinite }
            let color = color(of: series.name, in: names)
            var d = ""
            for (i, point) in drawn.enumerated() {
                d += (i == 0 ? "M" : " L") + "\(SVGText.coordinate(xAxis.position(point.x))) \(SVGText.coordinate(yAxis.position(point.y)))"
            }
            let shape = names.firstIndex(of: series.name) ?? 0
            svg.line("<path class=\"series-line\" data-series=\"\(SVGText.escape(series.name))\" d=\"\(d)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(Self.dashAttribute(shape)) stroke-linejoin=\"round\" stroke-opacity=\"0.9\"/>")
            for point in drawn {
                svg.line(marker(shape, x: xAxis.position(point.x), y: yAxis.position(point.y), color: color))
            }
        }
        svg.line("</g>")
    }

    /// A point marker; the shape cycles with the series index (circle, square, triangle, diamond,
    /// inverted triangle, ring) so that series drawn on top of each other stay distinguishable.
    private func marker(_ index: Int, x: Double, y: Double, color: String) -> String {
        let r = 3.6
        func corners(_ points: [(Double, Double)]) -> String {
            points.map { "\(SVGText.coordinate(x + $0.0 * r)),\(SVGText.coordinate(y + $0.1 * r))" }.joined(separator: " ")
        }
        let cx = SVGText.coordinate(x), cy = SVGText.coordinate(y)
        switch index % 6 {
        case 0: return "<circle class=\"series-marker\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.4\" fill=\"\(color)\"/>"
        case 1: return "<rect class=\"series-marker\" x=\"\(SVGText.coordinate(x - 3.1))\" y=\"\(SVGText.coordinate(y - 3.1))\" width=\"6.2\" height=\"6.2\" fill=\"\(color)\"/>"
        case 2: return "<polygon class=\"series-marker\" points=\"\(corners([(0, -1.15), (1.05, 0.75), (-1.05, 0.75)]))\" fill=\"\(color)\"/>"
        case 3: return "<polygon class=\"series-marker\" points=\"\(corners([(0, -1.2), (1.1, 0), (0, 1.2), (-1.1, 0)]))\" fill=\"\(color)\"/>"
        case 4: return "<polygon class=\"series-marker\" points=\"\(corners([(0, 1.15), (1.05, -0.75), (-1.05, -0.75)]))\" fill=\"\(color)\"/>"
        default: return "<circle class=\"series-marker\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.2\" fill=\"#ffffff\" stroke=\"\(color)\" stroke-width=\"1.8\"/>"
        }
    }

    private func renderLegend(_ names: [String], x: Double, y: Double, into svg: inout SVGText.Builder) {
        guard !names.isEmpty else { return }
        svg.line("<g id=\"legend\">")
        svg.line("<text x=\"\(SVGText.coordinate(x))\" y=\"\(SVGText.coordinate(y + 4))\" font-size=\"13\" font-weight=\"bold\" fill=\"#222222\">\(SVGText.escape(legendTitle))</text>")
        for (i, name) in names.enumerated() {
            let rowY = y + 26 + 22 * Double(i)
            let color = color(of: name, in: names)
            svg.line("<line x1=\"\(SVGText.coordinate(x))\" y1=\"\(SVGText.coordinate(rowY))\" x2=\"\(SVGText.coordinate(x + 26))\" y2=\"\(SVGText.coordinate(rowY))\" stroke=\"\(color)\" stroke-width=\"2.5\"\(Self.dashAttribute(i))/>")
            svg.line(marker(i, x: x + 13, y: rowY, color: color))
            svg.line("<text x=\"\(SVGText.coordinate(x + 34))\" y=\"\(SVGText.coordinate(rowY))\" dy=\"0.32em\" font-size=\"13\" fill=\"#222222\">\(SVGText.escape(name))</text>")
        }
        svg.line("</g>")
    }
}
