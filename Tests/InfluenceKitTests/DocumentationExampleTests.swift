import Foundation
import Testing
import InfluenceKit

/// The examples of the DocC catalogue (Sources/InfluenceKit/InfluenceKit.docc), one test per
/// article, each run as the article prints it (paths made absolute) on a bundled graph under
/// Graphs/. Every test checks the example's answer against the one `infmax … --json` gives on the
/// same inputs, parameters and seed (recorded below with the command that printed it), so an
/// example that compiles but no longer computes what its article says fails here.
///
/// `articleShowsTheTestedExample` reads each article and checks that its example is, line for line,
/// the test's block between `// example` and `// end of example` (inputs named as `let` lines
/// aside): change both in the same commit.
@Suite struct DocumentationExampleTests {
    /// `Graphs/NAME` in this checkout.
    static func graphs(_ name: String) -> String { CLIRoot.path("Graphs/" + name) }

    /// GettingStarted.md.
    @Test func gettingStarted() throws {
        let path = Self.graphs("karate.txt")
        // example
        // 1. Load: an edge list, read as undirected (each line gives two arcs), with its provenance.
        let input = try GraphInput.load(path, options: GraphLoadOptions(undirected: true))
        print(input.graph.nodeCount, input.graph.arcCount, input.contentHash)     // 34 156 ck64:…

        // 2. Pick seeds: OPIM-C on RR sets, independent cascade with weights 1 / in-degree (the defaults).
        let seeds = try SeedsRequest(k: 3, seed: 1, threads: 2).run(on: input)
        print(seeds.seeds.map(\.label), seeds.spread.estimate, seeds.guarantee?.approximation ?? 0)

        // 3. Simulate: Monte Carlo cascades from the chosen seeds, named by label.
        let simulated = try SimulateRequest(seeds: seeds.seedLabels, runs: 10_000, seed: 1, threads: 2).run(on: input)
        print(simulated.spread.estimate, simulated.spread.low, simulated.spread.high)

        // 4. Rerun: a record's JSON names its request and its graph (what `infmax run FILE` reads).
        let rerun = try RunDocument.decode(Array(try ReportJSON.text(simulated).utf8)).run()
        print(rerun.changedHash ?? "same graph", (rerun.record as? SimulationRecord)?.spread == simulated.spread)
        // end of example

        #expect(input.graph.nodeCount == 34 && input.graph.arcCount == 156)
        // infmax seeds Graphs/karate.txt --undirected --k 3 --seed 1 --json
        #expect(seeds.seedLabels == Reference.seedsK3)
        // infmax simulate Graphs/karate.txt --undirected --seeds 33,0,32 (the seeds above) --runs 10000 --seed 1 --json
        #expect(simulated.spread.estimate == Reference.simulateSeedsK3Mean)
        #expect(rerun.changedHash == nil && (rerun.record as? SimulationRecord)?.spread == simulated.spread)
        // Two unbiased estimates of one spread: RR sets and cascades agree within their errors.
        let combined = (simulated.spread.standardError * simulated.spread.standardError
                        + seeds.spread.standardError * seeds.spread.standardError).squareRoot()
        #expect(abs(simulated.spread.estimate - seeds.spread.estimate) < 5 * combined,
                "\(simulated.spread.estimate) vs \(seeds.spread.estimate)")
    }

    /// SelectingSeeds.md.
    @Test func selectingSeeds() throws {
        let path = Self.graphs("karate.txt")
        // example
        let input = try GraphInput.load(path, options: GraphLoadOptions(undirected: true))

        // IMM under linear threshold (weights 1 / in-degree), ε = 0.2, from seed 7.
        let request = SeedsRequest(k: 4, algorithm: .imm, model: .lt, epsilon: 0.2, seed: 7, threads: 2)
        let record = try request.run(on: input)
        for seed in record.seeds { print(seed.label, seed.marginalGain ?? 0) }
        print(record.spread.estimate, record.spread.low, record.spread.high, record.rrSets.selection)

        // The record is Codable: its JSON is what `infmax seeds --json` prints and `infmax run` reruns.
        let json = try ReportJSON.text(record)
        let decoded = try JSONDecoder().decode(SeedsRecord.self, from: Data(json.utf8))
        // end of example

        // infmax seeds Graphs/karate.txt --undirected --k 4 --algorithm imm --model lt --epsilon 0.2 --seed 7 --json
        #expect(record.seedLabels == Reference.immLTSeeds)
        #expect(record.spread.estimate == Reference.immLTSpread)
        // Forward cascades are the cheaper measure of this spread on karate (256 runs reach 1%).
        #expect(record.spread.method == .monteCarlo && record.spread.samples == 256 && record.algorithm == "IMM")
        #expect(decoded.seeds == record.seeds && decoded.request == request && decoded.graph == record.graph)
    }

    /// SimulatingSpread.md.
    @Test func simulatingSpread() throws {
        let path = Self.graphs("karate.txt")
        // example
        let input = try GraphInput.load(path, options: GraphLoadOptions(undirected: true))

        // 20,000 cascades from members 0 and 33, and the three nodes most often active.
        let request = SimulateRequest(seeds: ["0", "33"], runs: 20_000, seed: 1, threads: 2, nodeProbabilities: 3)
        let record = try request.run(on: input)
        print(record.spread.estimate, record.spread.low, record.spread.high, record.monteCarlo.standardDeviation)
        print(record.nodeProbabilities?.map(\.label) ?? [])

        // On a graph small enough, the exact value by enumerating live-edge worlds.
        let tiny = try InfluenceGraph(sources: [0, 0, 1], targets: [1, 2, 2], values: [0.5, 0.2, 0.4])
        let exact = try ExactSpread.spread(of: [0], under: IndependentCascade(graph: tiny, probabilities: .file))
        // end of example

        // infmax simulate Graphs/karate.txt --undirected --seeds 0,33 --runs 20000 --seed 1 --node-probabilities 3 --json
        #expect(record.spread.estimate == Reference.simulateMean)
        #expect(record.spread.standardError == Reference.simulateStandardError)
        #expect(record.spread.method == .monteCarlo && record.spread.samples == 20_000)
        #expect(record.nodeProbabilities?.map(\.label) == Reference.simulateTopNodes)
        // 0 reaches 1 with 0.5, and 2 directly (0.2) or through 1 (0.5 · 0.4): 1 + 0.5 + (1 − 0.8 · 0.8).
        #expect(abs(exact - 1.86) < 1e-6)
    }

    /// ComparingMethods.md.
    @Test func comparingMethods() throws {
        let path = Self.graphs("karate.txt")
        // example
        let input = try GraphInput.load(path, options: GraphLoadOptions(undirected: true))

        // Three methods at k = 1, 2, 4; every seed set is measured on the same 10,000 cascades.
        let request = CompareRequest(ks: [1, 2, 4], algorithms: [.degree, .pagerank, .opimC], runs: 10_000, seed: 1, threads: 2)
        let record = try request.run(on: input)
        for row in record.rows { print(row.algorithm, row.k, row.seeds.map(\.label), row.spread.estimate) }
        print(record.csv())
        // end of example

        // infmax compare Graphs/karate.txt --undirected --k 1,2,4 --algorithms degree,pagerank,opim-c --seed 1 --json
        #expect(record.rows.map(\.algorithm) == Reference.compareAlgorithms)
        #expect(record.rows.map(\.spread.estimate) == Reference.compareMeans)
        #expect(record.rows.map { $0.seeds.map(\.label) } == Reference.compareSeeds)
    }

    /// CapacityConstraints.md.
    @Test func capacityConstrained() throws {
        let path = Self.graphs("karate.txt"), apPath = Self.graphs("karate-aps.txt")
        // example
        let input = try GraphInput.load(path, options: GraphLoadOptions(undirected: true))

        // The second AP set of the file (its line 2: 1,2,3,32); each AP picks one friend.
        let request = CIMRequest(k: 1, apFile: apPath, apSet: 2, seed: 1, threads: 2)
        let record = try request.run(on: input)
        for ap in record.result.assignment { print(ap.ap, ap.seeds.map(\.label)) }
        print(record.result.spread.estimate, record.result.guarantee.approximation)
        // end of example

        // infmax cim Graphs/karate.txt --undirected --aps Graphs/karate-aps.txt --ap-set 2 --k 1 --seed 1 --json
        #expect(record.result.assignment.map(\.ap) == Reference.cimAPs)
        #expect(record.result.assignment.map { $0.seeds.map(\.label) } == Reference.cimSeeds)
        #expect(record.result.spread.estimate == Reference.cimSpread)
    }

    /// ClosedNetworks.md.
    @Test func closedNetwork() throws {
        let path = Self.graphs("karate.txt")
        // example
        let input = try GraphInput.load(path, options: GraphLoadOptions(undirected: true))

        // Closed networks take the IC model; here every arc is live with probability 0.2.
        let request = ClosedRequest(seeds: ["0", "33"], k: 2, probabilities: .uniform(0.2), seed: 1, threads: 2)
        let record = try request.run(on: input)
        print(record.result.result.objective.estimate, record.result.baselines.map { ($0.name, $0.objective.estimate) })
        // Whom member 0 shares with, and the kept arcs as `user friend p` lines (a graph file).
        print(record.keptArcs.filter { $0.user == "0" }.map(\.friend))
        print(record.arcLines())
        // end of example

        // infmax closed Graphs/karate.txt --undirected --probabilities uniform:0.2 --seeds-file (0, 33) --k 2 --seed 1 --json
        #expect(record.result.result.objective.estimate == Reference.closedObjective)
        #expect(record.result.baselines.map(\.name) == Reference.closedBaselines)
        #expect(record.result.baselines.map(\.objective.estimate) == Reference.closedBaselineObjectives)
        #expect(record.keptArcs.count == record.result.result.subnetwork.arcs)
        #expect(record.keptArcs.filter { $0.user == "0" }.count <= 2)
    }

    /// Each article's example is the code its test runs: the article's Swift block that imports
    /// InfluenceKit, less its imports and the lines that name its inputs (`let path = "…"`), is the
    /// test's block between `// example` and `// end of example`, line for line.
    @Test(arguments: [
        ("GettingStarted", "gettingStarted"), ("SelectingSeeds", "selectingSeeds"),
        ("SimulatingSpread", "simulatingSpread"), ("ComparingMethods", "comparingMethods"),
        ("CapacityConstraints", "capacityConstrained"), ("ClosedNetworks", "closedNetwork"),
        ("RecommendingInvitees", "recommendingInvitees"),
    ])
    func articleShowsTheTestedExample(article: String, test: String) throws {
        let markdown = try String(contentsOfFile: CLIRoot.path("Sources/InfluenceKit/InfluenceKit.docc/\(article).md"), encoding: .utf8)
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let shown = try #require(ArticleExample.lines(ofArticle: markdown), "\(article).md has no Swift block importing InfluenceKit")
        let tested = try #require(ArticleExample.lines(ofTest: test, in: source), "no example block in \(test)()")
        #expect(shown == tested, "\(article).md and \(test)() differ")
    }

    /// Architecture.md's table of folders is the folders of Sources/InfluenceKit, and every type
    /// a row names is declared in a file of that folder (DocC's build checks that the types exist;
    /// this checks that they live where the article says). A folder without Swift sources
    /// (Schemas/) names no type.
    @Test func architectureTableMatchesTheFolders() throws {
        let root = CLIRoot.path("Sources/InfluenceKit")
        let markdown = try String(contentsOfFile: root + "/InfluenceKit.docc/Architecture.md", encoding: .utf8)
        var listed: [String: [String]] = [:]
        for line in markdown.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let folder = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`/"))
            listed[folder] = cells.last!.components(separatedBy: "``").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        }
        let files = FileManager.default
        let folders = try files.contentsOfDirectory(atPath: root).filter { name in
            var isDirectory: ObjCBool = false
            return files.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue && !name.hasSuffix(".docc")
        }
        #expect(Set(listed.keys) == Set(folders), "the table's folders against Sources/InfluenceKit")
        for (folder, types) in listed.sorted(by: { $0.key < $1.key }) {
            let swiftFiles = (files.enumerator(atPath: root + "/" + folder)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".swift") }
            // A folder of Swift sources names its main types; one without (Schemas/: JSON
            // documents excluded from the target) names none.
            #expect(types.isEmpty == swiftFiles.isEmpty, "\(folder) names \(types.count) types for \(swiftFiles.count) Swift files")
            let sources = swiftFiles
                .compactMap { try? String(contentsOfFile: root + "/" + folder + "/" + $0, encoding: .utf8) }
                .joined(separator: "\n")
            for type in types {
                let declared = sources.range(of: #"(struct|enum|class|protocol|actor) "# + type + #"\b"#, options: .regularExpression) != nil
                #expect(declared, "Architecture.md puts \(type) in \(folder)/, which does not declare it")
            }
        }
    }

    /// RecommendingInvitees.md.
    @Test func recommendingInvitees() throws {
        let arcs = Self.graphs("invite/invitations.tsv"), acceptance = Self.graphs("invite/acceptance.tsv")
        let inviterList = Self.graphs("invite/inviter-list.txt"), heldOut = Self.graphs("invite/held-out.tsv")
        // example
        let input = try InviteInput.load(arcs: arcs, nodeValues: acceptance, inviters: inviterList)
        let record = try RecommendRequest(k: 3, seed: 1, threads: 2).run(on: input)          // HeteroIM
        for list in record.lists { print(list.inviter, list.invitees.map(\.invitee)) }

        // HeteroIR, with every method's lists scored against held-out invitations on the same worlds.
        let scored = try RecommendRequest(k: 3, algorithm: .heteroIR, truth: heldOut, seed: 1, threads: 2).run(on: input)
        let heteroIR = scored.evaluation?.methods.first                                  // the request's method first
        print(heteroIR?.method ?? "", heteroIR?.recall ?? [], heteroIR?.spread.map(\.estimate) ?? [])
        // end of example

        // infmax recommend Graphs/invite/invitations.tsv --node-values Graphs/invite/acceptance.tsv
        //   --inviters Graphs/invite/inviter-list.txt --k 3 --seed 1 --json
        //   (and --algorithm hetero-ir --evaluate Graphs/invite/held-out.tsv)
        #expect(record.lists.map(\.inviter) == input.inviters)
        // HeteroIM maximises the evaluated Spread@K. On the example (the same worlds for every
        // method, so differences carry far less noise than the standard errors) its Spread@3 must be
        // the largest of the six methods, and above P, OutDeg and Random by more than 3 standard
        // errors (HeteroIR and PU come within one: the example's spread is mostly the invitees' own).
        let methods = try #require(scored.evaluation?.methods)
        let im = try #require(methods.first { $0.method == "HeteroIM" })
        for other in methods where other.method != "HeteroIM" {
            let margin = ["HeteroIR", "PU"].contains(other.method) ? 0 : 3 * im.spread[2].standardError
            #expect(im.spread[2].estimate > other.spread[2].estimate + margin,
                    "HeteroIM \(im.spread[2].estimate) vs \(other.method) \(other.spread[2].estimate)")
        }
        #expect(record.lists.allSatisfy { $0.invitees.count == 3 })
        #expect(scored.lists.map { $0.invitees.map(\.invitee) } == Reference.heteroIRLists)
        #expect(heteroIR?.method == "HeteroIR")
        #expect(heteroIR?.recall == Reference.heteroIRRecall)
    }
}

/// The example code of an article and of a test, normalised for comparison: trimmed, blank lines,
/// imports and the article's input lines (`let name = "…"` or `let name = 2`) dropped.
enum ArticleExample {
    static func normalised(_ lines: [Substring]) -> [String] {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { line in
            !line.isEmpty && !line.hasPrefix("import ")
                && line.range(of: #"^let \w+ = ("[^"]*"|\d+)(, \w+ = ("[^"]*"|\d+))*$"#, options: .regularExpression) == nil
        }
    }

    /// The Swift block of `markdown` that imports InfluenceKit.
    static func lines(ofArticle markdown: String) -> [String]? {
        let blocks = markdown.components(separatedBy: "```swift\n").dropFirst().map { $0.components(separatedBy: "```")[0] }
        guard let block = blocks.first(where: { $0.contains("import InfluenceKit") }) else { return nil }
        return normalised(block.split(separator: "\n", omittingEmptySubsequences: false))
    }

    /// The lines between `// example` and `// end of example` in the body of `func NAME(`.
    static func lines(ofTest name: String, in source: String) -> [String]? {
        guard let start = source.range(of: "func \(name)(") else { return nil }
        let rest = source[start.upperBound...]
        guard let open = rest.range(of: "// example\n"),
              let close = rest[open.upperBound...].range(of: "// end of example") else { return nil }
        return normalised(rest[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false))
    }
}

/// What `infmax` printed for the examples' inputs (the commands are beside each use above).
private enum Reference {
    static let seedsK3 = ["33", "0", "32"]
    static let simulateSeedsK3Mean = 20.0031
    static let immLTSeeds = ["33", "0", "32", "2"]
    static let immLTSpread = 27.88671875
    static let simulateMean = 17.7929
    static let simulateStandardError = 0.030959706146380536
    static let simulateTopNodes = ["0", "11", "33"]
    static let compareAlgorithms = ["degree", "degree", "degree", "pagerank", "pagerank", "pagerank", "opim-c", "opim-c", "opim-c"]
    static let compareMeans = [10.5732, 17.7997, 21.4901, 10.5732, 17.7997, 21.4901, 10.5732, 17.7997, 21.4901]
    static let compareSeeds = [["33"], ["33", "0"], ["33", "0", "32", "2"], ["33"], ["33", "0"], ["33", "0", "32", "2"],
                               ["33"], ["33", "0"], ["33", "0", "32", "2"]]
    static let cimAPs = ["1", "2", "3", "32"]
    static let cimSeeds = [["0"], ["27"], ["13"], ["33"]]
    static let cimSpread = 16.1129150390625
    static let closedObjective = 3.2928
    static let closedBaselines = ["degree", "fof", "random"]
    static let closedBaselineObjectives = [3.167, 3.2187, 3.1463]
    static let heteroIRLists = [["119", "171", "42"], ["208", "85", "14"], ["86", "18", "91"], ["207", "144", "135"], ["98", "136", "180"],
                                ["67", "176", "71"], ["151", "109", "122"], ["29", "104", "132"], ["197", "118", "117"], ["174", "15", "107"],
                                ["123", "133", "98"], ["29", "151", "62"]]
    static let heteroIRRecall = [0.05555555555555555, 0.1111111111111111, 0.2777777777777778]
}
