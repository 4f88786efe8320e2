import Foundation
import Testing

/// Headless Chromium (Debian's `chromium`): installed with apt-get when missing; the browser
/// tests are skipped, with the reason, only where that fails.
enum Browser {
    /// The browser's path, or nil with `problem` set.
    static let located: (path: String?, problem: String) = locate()

    static var skipReason: Comment { Comment(rawValue: "no headless browser: \(located.problem)") }

    private static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    private static func locate() -> (String?, String) {
        if let path = which("chromium") { return (path, "") }
        // apt-get as root, else through sudo without a password prompt.
        let root = getuid() == 0
        guard which("apt-get") != nil, root || which("sudo") != nil else { return (nil, "chromium is missing and there is no apt-get (or sudo) to install it") }
        let prefix = root ? "" : "sudo -n "
        let script = "\(prefix)apt-get update -q && DEBIAN_FRONTEND=noninteractive \(prefix)apt-get install -y -q chromium"
        let result = try? CLI.run(["-c", script], executable: "/bin/sh")
        if let path = which("chromium") { return (path, "") }
        let tail = result?.stderr.split(separator: "\n").suffix(2).joined(separator: " ") ?? "could not run apt-get"
        return (nil, "`apt-get install chromium` failed: \(tail)")
    }

    /// What a page did in the browser.
    struct Visit {
        /// The DOM after the scripts ran.
        var dom: String
        /// Console messages (errors, CSP violations, logs).
        var console: [String]
        /// URLs the page itself asked the network for (the browser's own background requests,
        /// whose initiator is "not an origin", are left out).
        var pageRequests: [String]
    }

    /// Flags that keep the browser's own background traffic down and name no real host.
    static let quietFlags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-domain-reliability", "--disable-client-side-phishing-detection",
        "--disable-features=Translate,OptimizationHints,MediaRouter,SpellCheck",
        "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0",
    ]

    /// Opens `page`, dumps its DOM, logs its network requests, and saves a screenshot of a
    /// `width`-pixel-wide window to `screenshot`.
    static func visit(_ page: String, screenshot: String, width: Int, height: Int, files: TemporaryFiles) throws -> Visit {
        let browser = try #require(located.path)
        let netlog = files.path("netlog.json")
        let profile = files.path("profile")
        let result = try CLI.run(quietFlags + ["--user-data-dir=\(profile)", "--log-net-log=\(netlog)", "--window-size=\(width),\(height)",
                                               "--screenshot=\(screenshot)", "--dump-dom", "file://\(page)"], executable: browser)
        try? FileManager.default.removeItem(atPath: profile)
        #expect(result.status == 0, "chromium: \(result.stderr.suffix(400))")
        let console = result.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        var requests: [String] = []
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: netlog))) as? [String: Any])
        for event in log["events"] as? [[String: Any]] ?? [] {
            guard let params = event["params"] as? [String: Any], let url = params["url"] as? String,
                  let initiator = params["initiator"] as? String, initiator != "not an origin" else { continue }
            requests.append(url)
        }
        return Visit(dom: result.stdout, console: console, pageRequests: requests)
    }
}

/// Every kind of report, opened in a real browser: the rendered text says what the record says,
/// the sorting script ran, no console message and no network request happened, and a
/// screenshot is saved (`make screenshots` keeps the two the README shows).
@Suite(.serialized) struct ReportBrowserTests {
    /// Where screenshots go: `INFMAX_SCREENSHOTS` (make screenshots), else a temporary path.
    static let screenshotDirectory = ProcessInfo.processInfo.environment["INFMAX_SCREENSHOTS"]

    /// `x` as the page writes a one-decimal figure (trailing .0 dropped).
    static func oneDecimal(_ x: Double) -> String {
        let text = String(format: "%.1f", x)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// One record kind: the command that writes it (with `RECORD` and `PAGE` for the paths), and
    /// what its page must show, read from the record.
    struct Kind: Sendable, CustomStringConvertible {
        var name: String
        var arguments: [String]
        var description: String { name }
    }

    static let kinds: [Kind] = [
        Kind(name: "seeds", arguments: ["seeds", "Graphs/demo.txt", "--k", "8", "--threads", "2"]),
        Kind(name: "simulate", arguments: ["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0,33", "--runs", "4000", "--node-probabilities", "5"]),
        Kind(name: "compare", arguments: ["compare", "Graphs/karate.txt", "--undirected", "--k", "1,2,4", "--algorithms", "degree,pagerank,opim-c,random", "--runs", "2000"]),
        Kind(name: "cim", arguments: ["cim", "Graphs/karate.txt", "--undirected", "--aps", "Graphs/karate-aps.txt", "--k", "2", "--baselines"]),
        Kind(name: "closed", arguments: ["closed", "Graphs/karate.txt", "--undirected", "--probabilities", "uniform:0.2", "--seeds-file", "SEEDS", "--k", "2", "--runs", "2000"]),
        Kind(name: "recommend", arguments: ["recommend", "Graphs/invite/invitations.tsv", "--node-values", "Graphs/invite/acceptance.tsv", "--inviters", "Graphs/invite/inviter-list.txt", "--k", "3", "--evaluate", "Graphs/invite/held-out.tsv", "--frontier", "--runs", "300"]),
        Kind(name: "embed", arguments: ["embed", "Graphs/communities/edges.txt", "--undirected", "--features", "Graphs/communities/features.txt", "--dim", "8", "--epochs", "20", "--embeddings", "EMB"]),
        Kind(name: "probe", arguments: ["probe", "EMB", "--labels", "Graphs/communities/labels.txt", "--train", "Graphs/communities/train.txt", "--test", "Graphs/communities/test.txt", "--restarts", "5"]),
    ]

    /// The texts the page of `record` must show, each read from the record (labels, figures).
    static func expectedTexts(_ kind: String, record r: [String: Any]) throws -> [String] {
        func double(_ value: Any?) throws -> Double { try #require((value as? NSNumber)?.doubleValue, "\(kind): not a number: \(String(describing: value))") }
        var texts = ["The answer", "Time and memory", "What was run, and how to run it again"]
        switch kind {
        case "seeds":
            let seeds = try #require(r["seeds"] as? [[String: Any]])
            texts += seeds.map { "<td>\($0["label"] as? String ?? "?")</td>" }
            texts.append("expected spread is \(oneDecimal(try double((r["spread"] as? [String: Any])?["estimate"]))) nodes")
            texts.append("With probability at least 1 − ")
            texts.append("the bounds close as the RR sets double")
        case "simulate":
            let mc = try #require(r["monteCarlo"] as? [String: Any])
            texts.append("\(String(format: "%.2f", try double(mc["mean"]))) nodes end active on average")
            texts += (r["nodeProbabilities"] as? [[String: Any]] ?? []).map { "<td>\($0["label"] as? String ?? "?")</td>" }
        case "compare":
            let rows = try #require(r["rows"] as? [[String: Any]])
            let largest = rows.compactMap { $0["k"] as? Int }.max() ?? 0
            let best = try #require(rows.filter { $0["k"] as? Int == largest }.max { try! double(($0["spread"] as? [String: Any])?["estimate"]) < double(($1["spread"] as? [String: Any])?["estimate"]) })
            texts.append("At k = \(largest) the largest spread is \(best["algorithm"] as? String ?? "?")'s")
            texts.append(">Method</text>")
        case "cim":
            let assignment = try #require(r["assignment"] as? [[String: Any]])
            for a in assignment { for s in a["seeds"] as? [[String: Any]] ?? [] { texts.append("<td>\(s["label"] as? String ?? "?")</td>") } }
            texts.append("\(oneDecimal(try double((r["spread"] as? [String: Any])?["estimate"]))) nodes")
        case "closed":
            for s in r["perSeed"] as? [[String: Any]] ?? [] { texts.append("<td>\(s["label"] as? String ?? "?")</td>") }
            texts.append("arcs kept in all")
        case "recommend":
            for list in (r["lists"] as? [[String: Any]] ?? []).prefix(3) { texts.append("<td>\(list["inviter"] as? String ?? "?")</td>") }
            texts.append(">List length K</text>")
            texts.append("Recall@K")
        case "embed":
            texts.append("mapped \((r["nodes"] as? Int).map(String.init) ?? "?") nodes")
        case "probe":
            let accuracy = try #require(r["accuracy"] as? [String: Any])
            texts.append("labels \(String(format: "%.2f", try double(accuracy["mean"])))% of the")
            texts.append("probe accuracy")
        default: break
        }
        return texts
    }

    /// The checker itself rejects a page that logs to the console and one that asks the network
    /// for an image and a style sheet: the two failures the report tests must catch.
    @Test(.enabled(if: Browser.located.path != nil, Browser.skipReason))
    func theCheckCatchesConsoleMessagesAndNetworkRequests() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let page = try files.write("bad.html", """
        <!DOCTYPE html><html><head><link rel="stylesheet" href="https://cdn.example.org/x.css"></head>
        <body><p>bad</p><img src="http://example.com/a.png"><script>console.error("boom");</script></body></html>
        """)
        let visit = try Browser.visit(page, screenshot: files.path("bad.png"), width: 400, height: 300, files: files)
        #expect(visit.console.contains { $0.contains("boom") }, "\(visit.console)")
        #expect(Set(visit.pageRequests).isSuperset(of: ["https://cdn.example.org/x.css", "http://example.com/a.png"]), "\(visit.pageRequests)")
    }

    @Test(.enabled(if: Browser.located.path != nil, Browser.skipReason))
    func everyReportKindRendersInTheBrowser() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let seedsFile = try files.write("seeds.txt", "0\n33\n")
        let embeddings = files.path("emb.npy")
        for kind in Self.kinds {
            let record = files.path("\(kind.name).json")
            let direct = files.path("\(kind.name)-direct.html")
            let page = files.path("\(kind.name).html")
            let arguments = kind.arguments.map { $0 == "SEEDS" ? seedsFile : $0 == "EMB" ? embeddings : $0 }
            let made = try CLI.run(arguments + ["--output", record, "--report", direct, "--quiet"])
            #expect(made.status == 0, "\(kind): \(made.stderr)")
            let converted = try CLI.run(["report", record, "--output", page, "--quiet"])
            #expect(converted.status == 0 && converted.stderr.isEmpty, "\(kind): \(converted.stderr)")
            // --report writes the very page `infmax report` makes of the saved record.
            #expect(FileManager.default.contents(atPath: direct) == FileManager.default.contents(atPath: page), "\(kind)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: record))) as? [String: Any])
            // The README shows the seeds page (and the compare page at phone width, below).
            let shot = kind.name == "seeds" ? Self.screenshotDirectory.map { "\($0)/report-seeds.png" } ?? files.path("seeds.png")
                                             : files.path("\(kind.name).png")
            let visit = try Browser.visit(page, screenshot: shot, width: 1100, height: 1500, files: files)
            #expect(visit.dom.contains("data-sortable=\"ready\""), "\(kind): the sorting script did not run")
            for text in try Self.expectedTexts(kind.name, record: json) {
                #expect(visit.dom.contains(text), "\(kind): the rendered page lacks \(text)")
            }
            #expect(visit.console.isEmpty, "\(kind): console: \(visit.console)")
            #expect(visit.pageRequests.isEmpty, "\(kind): requests: \(visit.pageRequests)")
            #expect(FileManager.default.fileExists(atPath: shot), "\(kind): no screenshot")
            if kind.name == "compare" {
                // The phone-width view the README shows.
                let phone = Self.screenshotDirectory.map { "\($0)/report-compare-phone.png" } ?? files.path("compare-phone.png")
                let narrow = try Browser.visit(page, screenshot: phone, width: 390, height: 1400, files: files)
                #expect(narrow.console.isEmpty && narrow.pageRequests.isEmpty, "\(narrow.console) \(narrow.pageRequests)")
            }
        }
    }

    /// The plots stay standalone SVG files: librsvg (rsvg-convert, Debian's librsvg2-bin) renders
    /// the compare and frontier plots to PNG.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert"), "rsvg-convert (librsvg2-bin) is not installed"))
    func plotsRenderAsStandaloneSVG() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let compare = files.path("compare.svg"), frontier = files.path("frontier.svg")
        #expect(try CLI.run(["compare", "Graphs/karate.txt", "--undirected", "--k", "1,2", "--algorithms", "degree,random", "--runs", "200",
                             "--plot", compare, "--quiet"]).status == 0)
        #expect(try CLI.run(["recommend", "Graphs/invite/invitations.tsv", "--node-values", "Graphs/invite/acceptance.tsv", "--inviters",
                             "Graphs/invite/inviter-list.txt", "--k", "2", "--evaluate", "Graphs/invite/held-out.tsv", "--frontier",
                             "--runs", "100", "--plot", frontier, "--quiet"]).status == 0)
        for svg in [compare, frontier] {
            let png = files.path("plot.png")
            let rendered = try CLI.run([svg, "-o", png], executable: "/usr/bin/rsvg-convert")
            #expect(rendered.status == 0 && rendered.stderr.isEmpty, "\(svg): \(rendered.stderr)")
            let header = try #require(FileManager.default.contents(atPath: png)).prefix(8)
            #expect(Array(header) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(svg): not a PNG")
        }
    }

    /// `infmax report` refuses what is not a record with one line naming the file, and writes nothing.
    @Test func reportRefusesWhatIsNotARecord() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let page = files.path("page.html")
        let notJSON = try CLI.failure(["report", "Graphs/karate.txt", "--output", page], status: 1)
        #expect(notJSON == "error: Graphs/karate.txt: not a JSON record (expected the JSON that --output or --json writes)")
        let partial = try files.write("partial.json", "{\"useCase\": \"seeds\", \"request\": {}, \"timings\": {}}")
        let missing = try CLI.failure(["report", partial, "--output", page], status: 1)
        #expect(missing == "error: \(partial): a seeds record without \"seeds\" (expected the JSON that `infmax seeds --output` writes)")
        let unknown = try files.write("unknown.json", "{\"useCase\": \"teleport\"}")
        #expect(try CLI.failure(["report", unknown, "--output", page], status: 1).contains("no known \"useCase\""))
        #expect(!FileManager.default.fileExists(atPath: page))
    }
}
