import Foundation
import Testing
@testable import InfluenceKit

/// The HTML report from the library: the README's use-case examples as written (on the bundled
/// karate club), and the page's self-containment checked on its markup (the browser test in
/// infmaxTests checks the rendering).
struct HTMLReportTests {
    /// Everything in a page that would make a browser fetch something: a source or link
    /// attribute, a style-sheet import or url(), a link element. The SVG namespace URI is a
    /// name, not a request.
    static func fetches(in html: String) -> [String] {
        let patterns = ["src=", "<link", "@import", "url(", "href=\"http", "href=\"//", "srcset="]
        return patterns.filter { html.contains($0) }
    }

    @Test func readmeUseCaseExamplesRunAsWritten() throws {
        let input = try GraphInput.load(TestPaths.fixture("../../Graphs/karate.txt"), options: GraphLoadOptions(undirected: true))
        let seeds = try SeedsRequest(k: 5, epsilon: 0.1, seed: 1).run(on: input)
        print(seeds.seeds.map(\.label), seeds.spread.estimate, seeds.guarantee?.approximation ?? 0)
        let page = try HTMLReport.render(seeds)          // what --report writes
        let spread = try SimulateRequest(seeds: seeds.seeds.map(\.label), runs: 10_000).run(on: input)
        print(spread.spread.estimate, spread.spread.low, spread.spread.high)
        let compared = try CompareRequest(ks: [1, 2, 4], algorithms: [.opimC, .degree, .pagerank], runs: 2_000).run(on: input)
        print(compared.rows.map { "\($0.algorithm) k=\($0.k): \($0.spread.estimate)" })
        let cim = try CIMRequest(k: 2, apFile: TestPaths.fixture("../../Graphs/karate-aps.txt"), apSet: 1, baselines: true).run(on: input)
        print(cim.result.assignment.map { ($0.ap, $0.seeds.map(\.label)) }, cim.result.spread.estimate)
        let closed = try ClosedRequest(seeds: seeds.seeds.map(\.label), k: 3).run(on: input)
        print(closed.result.result.objective.estimate, closed.keptArcs.count)

        // The page holds every seed in its table, in selection order, and the guarantee in words.
        var position = page.startIndex
        for seed in seeds.seeds {
            let cell = try #require(page.range(of: "<td>\(seed.label)</td>", range: position..<page.endIndex), "seed \(seed.label) missing or out of order")
            position = cell.upperBound
        }
        let approximation = try #require(seeds.guarantee?.approximation)
        #expect(page.contains("at least \(SVGText.number(approximation, decimals: 4)) times the largest expected spread"))
        #expect(Self.fetches(in: page).isEmpty, "\(Self.fetches(in: page))")
        #expect(page.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        // Every kind of these records gives a page without a fetch, naming its use case's answer.
        for (record, text) in [(try HTMLReport.render(spread), "nodes end active on average"),
                               (try HTMLReport.render(compared), "Best method at each k"),
                               (try HTMLReport.render(cim), "Assignment: each AP"),
                               (try HTMLReport.render(closed), "Per-seed spread")] {
            #expect(record.contains(text), "\(text)")
            #expect(Self.fetches(in: record).isEmpty, "\(Self.fetches(in: record))")
        }
    }

    /// The check above is not vacuous: it finds each kind of fetch it looks for.
    @Test func theFetchCheckFindsFetches() {
        for bad in ["<img src=\"a.png\">", "<link rel=\"stylesheet\" href=\"x.css\">", "<style>@import 'x.css';</style>",
                    "<div style=\"background:url(x.png)\">", "<a href=\"http://x\">", "<img srcset=\"a.png 2x\">"] {
            #expect(!Self.fetches(in: bad).isEmpty, "\(bad)")
        }
    }

    @Test func refusesWhatIsNotARecord() {
        #expect(throws: InfluenceError.self) { try HTMLReport.render(recordJSON: Array("not json".utf8), file: "x.json") }
        do {
            _ = try HTMLReport.render(recordJSON: Array("{\"useCase\": \"nothing\"}".utf8), file: "x.json")
            Issue.record("an unknown use case was accepted")
        } catch {
            #expect(error.kind == .data && error.file == "x.json" && error.message.contains("useCase"), "\(error)")
        }
    }
}
