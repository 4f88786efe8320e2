import Testing
import Foundation
@_spi(Kernels) @testable import InfluenceKit

/// `SeedsRequest.run`: the record holds its request and the graph's provenance, so the record
/// alone — written as JSON, read back as a `RunDocument`, the graph reloaded from its path and
/// load options — reruns to the same seeds, spread interval and RR-set counts.
@Suite struct SeedsRequestTests {
    /// A directed random graph with arc values, written to a file.
    static func graphFile() -> String {
        var random = Xoshiro256StarStar(seed: 31)
        var lines: [String] = []
        while lines.count < 600 {
            let u = random.nextBelow(150), v = random.nextBelow(150)
            if u != v { lines.append("n\(u) n\(v) \(Double(1 + random.nextBelow(40)) / 100)") }
        }
        return writeTemporary("seed-search.txt", lines.joined(separator: "\n") + "\n")
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var request: SeedsRequest
        var load: GraphLoadOptions
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "OPIM-C, IC wc, defaults",
             request: .init(k: 5, seed: 4, threads: 2), load: GraphLoadOptions()),
        Case(name: "OPIM-C, IC file, explicit δ, no refinement, plain coins, evaluation sets",
             request: .init(k: 3, probabilities: .file, epsilon: 0.2, delta: 0.01, precision: nil, sampling: .plain,
                            evaluationSets: 5_000, seed: 9, threads: 1),
             load: GraphLoadOptions(readArcValues: true)),
        Case(name: "IMM, LT file rescaled, ℓ = 1.5, dedupe",
             request: .init(k: 4, algorithm: .imm, model: .lt, probabilities: .file, normalizeLT: true,
                            epsilon: 0.3, ell: 1.5, seed: 2, threads: 2),
             load: GraphLoadOptions(readArcValues: true, build: GraphBuildOptions(dedupe: true))),
        Case(name: "OPIM-C, IC trivalency from the run's seed",
             request: .init(k: 2, probabilities: .trivalency(seed: 6), epsilon: 0.2, seed: 6, threads: 2),
             load: GraphLoadOptions()),
    ]

    @Test(arguments: cases)
    func recordReproducesTheRun(_ run: Case) throws {
        let path = Self.graphFile()
        defer { removeTemporary(path) }
        let graph = try GraphLoader.load(path, options: run.load).graph
        let report = try run.request.run(on: GraphInput(graph, name: path, load: run.load))
        #expect(report.seeds.count == run.request.k)
        #expect(report.graph.path == path && report.graph.load == run.load && report.request == run.request)
        #expect(report.graph.nodes == graph.nodeCount && report.graph.arcs == graph.arcCount)
        // Through JSON, as `infmax seeds --output` writes it, then rerun from the record alone.
        try expectValidRecord(report)
        let text = try ReportJSON.text(report)
        let decoded = try JSONDecoder().decode(SeedsRecord.self, from: Data(text.utf8))
        #expect(decoded.request == report.request && decoded.graph == report.graph)
        let document = try RunDocument.decode(Array(text.utf8))
        #expect(document.request == .seeds(run.request))
        let rerun = try document.run()
        #expect(rerun.changedHash == nil, "the same file gives the same content hash")
        let again = try #require(rerun.record as? SeedsRecord)
        #expect(again.seeds == report.seeds)
        #expect(again.spread == report.spread)
        #expect(again.rrSets == report.rrSets)
        #expect(again.guarantee == report.guarantee)
        #expect(again.request == report.request && again.graph == report.graph)
        // Rounds agree but for their wall times.
        func untimed(_ rounds: [OPIMC.Round]?) -> [OPIMC.Round]? { rounds?.map { var r = $0; r.seconds = 0; return r } }
        #expect(again.refinement == report.refinement && untimed(again.rounds) == untimed(report.rounds))
        // The seeds are the algorithm's own on the bound model.
        let model = try run.request.modelSpecification.bind(to: graph)
        let direct = try RISSelector(model: model, algorithm: run.request.algorithm, parameters: run.request.ris,
                                     seed: run.request.seed, workers: 1).run(k: run.request.k).selection
        #expect(report.seeds.map(\.node) == direct.seeds)
        #expect(report.seeds.map(\.label) == direct.seeds.map { graph.label(of: $0) })
        #expect(report.seeds.map(\.marginalCoverage) == direct.marginalCoverage)
    }

    /// Trivalency's own seed is recorded (`trivalency:SEED`), so a run whose trivalency seed
    /// differs from the run seed is rebuilt from the record too.
    @Test func trivalencySeedOtherThanTheRunSeedIsRecorded() throws {
        let path = Self.graphFile()
        defer { removeTemporary(path) }
        let graph = try GraphLoader.load(path).graph
        let request = SeedsRequest(k: 2, probabilities: .trivalency(seed: 99), epsilon: 0.2, seed: 1, threads: 2)
        let report = try request.run(on: GraphInput(graph, name: path, load: GraphLoadOptions()))
        let text = try ReportJSON.text(report)
        #expect(text.contains("\"probabilities\" : \"trivalency:99\""))
        let rebuilt = try RunDocument.decode(Array(text.utf8))
        guard case .seeds(let again) = rebuilt.request else { Issue.record("not a seeds request"); return }
        #expect(again.probabilities == .trivalency(seed: 99))
        #expect(try again.run(on: GraphInput(graph)).seeds == report.seeds)
        // The seed matters: another trivalency seed draws other probabilities.
        #expect(try IndependentCascade(graph: graph, probabilities: .trivalency(seed: 99)).probabilities
                    != IndependentCascade(graph: graph, probabilities: .trivalency(seed: 1)).probabilities)
    }

    @Test func badRequestsNameTheirParameter() throws {
        let graph = try InfluenceGraph(sources: [0, 1, 2], targets: [1, 2, 0])
        let bad: [(SeedsRequest, String)] = [
            (.init(k: 0), "k"), (.init(k: 4), "k"),
            (.init(k: 1, algorithm: .degree), "algorithm"),
            (.init(k: 1, threads: 0), "threads"),
            (.init(k: 1, evaluationSets: 0), "evaluationSets"),
            (.init(k: 1, algorithm: .imm, delta: 0.1), "delta"),
            (.init(k: 1, epsilon: 0), "epsilon"),
            (.init(k: 1, precision: 2), "precision"),
            (.init(k: 1, memoryLimitBytes: 0), "memoryLimit"),
            (.init(k: 1, probabilities: .file), "probabilities"),
            (.init(k: 1, normalizeLT: true), "normalizeLT"),
            (.init(k: 1, model: .lt, probabilities: .uniform(0.1)), "probabilities"),
        ]
        for (request, parameter) in bad {
            let error = try #require(throws: InfluenceError.self) { try request.run(on: GraphInput(graph)) }
            #expect(error.parameter == parameter, "\(error)")
        }
    }

    /// A request document's keys: absent ones take their defaults, an unknown or mistyped one is
    /// an error naming it (a misspelt option must never silently run with its default).
    @Test func requestDocumentsTakeDefaultsAndRefuseUnknownKeys() throws {
        let minimal = try RunDocument.decode(Array(#"{"useCase": "seeds", "request": {"k": 3}}"#.utf8))
        #expect(minimal.request == .seeds(SeedsRequest(k: 3)) && minimal.graph == nil)
        let paperRule = try RunDocument.decode(Array(#"{"useCase": "seeds", "request": {"k": 3, "precision": null}}"#.utf8))
        #expect(paperRule.request == .seeds(SeedsRequest(k: 3, precision: nil)))
        let cases: [(String, String)] = [
            (#"{"useCase": "seeds", "request": {"k": 3, "epsilom": 0.2}}"#, "epsilom"),
            (#"{"useCase": "seeds", "request": {"k": "3"}}"#, "k"),
            (#"{"useCase": "seeds", "request": {"epsilon": 0.2}}"#, "k"),
            (#"{"useCase": "seedz", "request": {"k": 3}}"#, "useCase"),
            (#"{"request": {"k": 3}}"#, "useCase"),
            (#"{"useCase": "simulate", "request": {"runs": 10}}"#, "seeds"),
        ]
        for (text, key) in cases {
            let error = try #require(throws: InfluenceError.self) { try RunDocument.decode(Array(text.utf8)) }
            #expect(error.kind == .usage && error.parameter == key, "\(text): \(error)")
        }
        let notJSON = try #require(throws: InfluenceError.self) { try RunDocument.decode(Array("k = 3".utf8)) }
        #expect(notJSON.kind == .data)
    }

    /// A changed graph file is noticed: the rerun reports the new content hash.
    @Test func aChangedGraphIsReported() throws {
        let path = Self.graphFile()
        defer { removeTemporary(path) }
        let record = try SeedsRequest(k: 2, epsilon: 0.3, threads: 1).run(on: try GraphInput.load(path))
        let document = try RunDocument.decode(Array(try ReportJSON.text(record).utf8))
        // Appending one arc changes the graph.
        try (String(contentsOfFile: path, encoding: .utf8) + "n1 n2 0.5\n").write(toFile: path, atomically: true, encoding: .utf8)
        let rerun = try document.run()
        let changed = try #require(rerun.changedHash)
        #expect(changed != record.graph.contentHash && changed.hasPrefix("ck64:"))
    }
}
