import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@_spi(Kernels) @testable import InfluenceKit

/// Collects the elements of an XML document (name, attributes, enclosing panel id) and the text.
final class SVGElements: NSObject, XMLParserDelegate {
    struct Element { var name: String; var attributes: [String: String]; var panel: String? }
    var elements: [Element] = []
    var text = ""
    private var panels: [String?] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "g" { panels.append(attributes["id"]) }
        let panel = panels.compactMap { $0 }.last(where: { $0.hasPrefix("panel-") })
        elements.append(Element(name: name, attributes: attributes, panel: panel))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "g" { panels.removeLast() }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    /// Parses `svg`; nil when it is not well-formed XML.
    static func parse(_ svg: String) -> SVGElements? {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = SVGElements()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}

struct SVGPlotTests {
    static func samplePlot(names: [String], title: String = "Spread vs k") -> SVGPlot {
        let ks = [1.0, 5, 10, 20, 50]
        let spread = names.enumerated().map { i, name in
            SVGPlot.Series(name: name, points: ks.map { k in
                let y = 100 * Double(i + 1) * k.squareRoot()
                return SVGPlot.Point(x: k, y: y, low: y * 0.97, high: y * 1.03)
            })
        }
        let time = names.enumerated().map { i, name in
            SVGPlot.Series(name: name, points: ks.map { SVGPlot.Point(x: $0, y: 1e-5 * pow(10, Double(i)) * $0) })
        }
        return SVGPlot(title: title, subtitle: "IC model, 10000 runs", panels: [
            SVGPlot.Panel(id: "spread", title: "Expected spread", xLabel: "seed set size k", yLabel: "spread (nodes)", series: spread),
            SVGPlot.Panel(id: "time", title: "Selection time", xLabel: "seed set size k", yLabel: "seconds",
                          yScale: .logarithmic, yFormat: .seconds, series: time),
        ])
    }

    @Test func parsesAsXMLWithOnePathPerAlgorithmInEachPanel() throws {
        let names = ["opim-c", "imm", "degree", "degree-discount", "pagerank", "random"]
        let svg = Self.samplePlot(names: names).render()
        let parsed = try #require(SVGElements.parse(svg), "SVG is not well-formed XML")
        #expect(parsed.elements.first?.name == "svg")
        #expect(parsed.elements.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        for panel in ["panel-spread", "panel-time"] {
            let lines = parsed.elements.filter { $0.name == "path" && $0.panel == panel }
            #expect(lines.count == names.count, "\(panel)")
            #expect(lines.compactMap { $0.attributes["data-series"] } == names, "\(panel)")
            for line in lines {
                // Five points: one move and four line segments.
                let d = line.attributes["d"] ?? ""
                #expect(d.hasPrefix("M"))
                #expect(d.filter { $0 == "L" }.count == 4)
            }
        }
        // Bands only where the points carry bounds (the spread panel).
        let bands = parsed.elements.filter { $0.name == "polygon" && $0.attributes["class"] == "series-band" }
        #expect(bands.filter { $0.panel == "panel-spread" }.count == names.count)
        #expect(bands.filter { $0.panel == "panel-time" }.isEmpty)
        // Five markers per series and panel; no other element is a path.
        #expect(parsed.elements.filter { $0.attributes["class"] == "series-marker" && $0.panel == "panel-spread" }.count == 5 * names.count)
        #expect(parsed.elements.filter { $0.name == "path" }.count == 2 * names.count)
        // The legend names every algorithm once.
        let legendText = parsed.elements.filter { $0.name == "text" && $0.panel == nil }
        #expect(legendText.count >= names.count)
        for name in names { #expect(parsed.text.contains(name)) }
        // Axis labels and title are there.
        for label in ["seed set size k", "spread (nodes)", "seconds", "Spread vs k", "IC model, 10000 runs"] {
            #expect(parsed.text.contains(label), "\(label)")
        }
    }

    @Test func logAxisTicksAreDecadesWithTimeUnits() throws {
        let svg = Self.samplePlot(names: ["a", "b", "c"]).render()
        let parsed = try #require(SVGElements.parse(svg))
        // Times span 1e-5 ... 5e-2 s: decades 10 µs ... 100 ms.
        for label in ["10 µs", "100 µs", "1 ms", "10 ms", "100 ms"] { #expect(parsed.text.contains(label), "\(label)") }
    }

    @Test func textIsEscaped() throws {
        let title = "graph <a&b> \"quoted\" 'single' \u{1}"
        let svg = Self.samplePlot(names: ["x<y", "a&b"], title: title).render()
        let parsed = try #require(SVGElements.parse(svg), "escaping broke the XML")
        #expect(parsed.text.contains("graph <a&b> \"quoted\" 'single' \u{FFFD}"))
        let lines = parsed.elements.filter { $0.name == "path" && $0.panel == "panel-spread" }
        #expect(lines.compactMap { $0.attributes["data-series"] } == ["x<y", "a&b"])
    }

    @Test func linearTicksAreNiceAndCoverTheData() {
        let axis = SVGPlot.Axis(values: [0, 1234], scale: .linear(includeZero: true), format: .number, from: 0, to: 100)
        #expect(axis.ticks.map(\.value) == [0, 250, 500, 750, 1000, 1250])
        #expect(axis.ticks.last!.label == "1250")
        #expect(axis.position(0) == 0 && axis.position(1250) == 100)
        let big = SVGPlot.Axis(values: [0, 48_000], scale: .linear(includeZero: true), format: .number, from: 0, to: 100)
        #expect(big.ticks.map(\.label) == ["0", "10k", "20k", "30k", "40k", "50k"])
        #expect(SVGText.number(0.25, decimals: 2) == "0.25")
        #expect(SVGText.number(-3.5, decimals: 1) == "-3.5")
        #expect(SVGText.number(2.0, decimals: 3) == "2")
    }

    /// The legend's title says what varies, and series differ by dash as well as colour and
    /// marker, in the panels and in the legend alike (grey print keeps them apart).
    @Test func legendTitleAndDashesTellSeriesApart() throws {
        var plot = Self.samplePlot(names: ["K = 1", "K = 2", "K = 3", "K = 4"])
        plot.legendTitle = "List length K"
        let parsed = try #require(SVGElements.parse(plot.render()))
        #expect(parsed.text.contains("List length K"))
        #expect(!parsed.text.contains("Algorithm"))
        let lines = parsed.elements.filter { $0.name == "path" && $0.panel == "panel-spread" }
        let dashes = lines.map { $0.attributes["stroke-dasharray"] ?? "solid" }
        // Four series, four dash patterns (rejects any repetition among the four).
        #expect(Set(dashes).count == 4, "\(dashes)")
        let colours = lines.compactMap { $0.attributes["stroke"] }
        #expect(Set(colours).count == 4, "\(colours)")
        // The legend's sample lines carry the same patterns, in the same order.
        let samples = parsed.elements.filter { $0.name == "line" && $0.panel == nil && $0.attributes["stroke-width"] == "2.5" }
        #expect(samples.map { $0.attributes["stroke-dasharray"] ?? "solid" } == dashes)
        // A long name widens the legend instead of running off the picture.
        let wide = SVGPlot(title: "t", legendTitle: "Estimate", panels: [SVGPlot.Panel(id: "p", title: "p", xLabel: "x", yLabel: "y",
            series: [SVGPlot.Series(name: String(repeating: "n", count: 60), points: [.init(x: 1, y: 1), .init(x: 2, y: 2)])])])
        let svg = try #require(SVGElements.parse(wide.render()))
        let width = try #require(Double(svg.elements.first?.attributes["width"] ?? ""))
        #expect(width >= 16 + 78 + 430 + 24 + 48 + 7.5 * 60)
    }
}
