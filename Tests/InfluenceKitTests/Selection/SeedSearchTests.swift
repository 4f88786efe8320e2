import Testing
import Foundation
@_spi(Kernels) @testable import InfluenceKit

/// `SeedSearch.run`: the record it returns names every parameter of the run, so a run rebuilt from
/// the record alone — written as JSON, read back, the graph reloaded from its path and load
/// options — gives the same seeds, the same spread interval and the same RR-set counts.
@Suite struct SeedSearchTests {
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

    /// The request a record describes.
    static func request(from p: SelectionReport.Parameters) throws -> SeedSearch.Request {
        let kind = try #require(DiffusionModelKind(rawValue: p.model))
        let algorithm = try #require(SelectionAlgorithm(rawValue: p.algorithmName))
        let ris = RISParameters(epsilon: p.epsilon, delta: algorithm == .opimC ? p.delta : nil, ell: p.ell ?? 1,
                                precision: p.precision, sampling: RRSamplingMethod(rawValue: p.sampling) ?? .subset,
                                memoryLimitBytes: p.maxMemoryBytes)
        let model = ModelSpecification(model: kind, probabilities: try ProbabilityScheme.parse(p.probabilities, seed: p.seed),
                                       normalizeLT: p.normalizeLT)
        return SeedSearch.Request(k: p.k, algorithm: algorithm, model: model, ris: ris, evaluationSets: p.evaluationSets,
                                  seed: p.seed, threads: p.threads)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var request: SeedSearch.Request
        var load: GraphLoadOptions
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "OPIM-C, IC wc, defaults",
             request: .init(k: 5, seed: 4, threads: 2), load: GraphLoadOptions()),
        Case(name: "OPIM-C, IC file, explicit δ, no refinement, plain coins, evaluation sets",
             request: .init(k: 3, model: .init(model: .ic, probabilities: .file),
                            ris: .init(epsilon: 0.2, delta: 0.01, precision: nil, sampling: .plain), evaluationSets: 5_000, seed: 9, threads: 1),
             load: GraphLoadOptions(readArcValues: true)),
        Case(name: "IMM, LT file rescaled, ℓ = 1.5, dedupe",
             request: .init(k: 4, algorithm: .imm, model: .init(model: .lt, probabilities: .file, normalizeLT: true),
                            ris: .init(epsilon: 0.3, ell: 1.5), seed: 2, threads: 2),
             load: GraphLoadOptions(readArcValues: true, build: GraphBuildOptions(dedupe: true))),
        Case(name: "OPIM-C, IC trivalency from the run's seed",
             request: .init(k: 2, model: .init(model: .ic, probabilities: .trivalency(seed: 6)), ris: .init(epsilon: 0.2), seed: 6, threads: 2),
             load: GraphLoadOptions()),
    ]

    @Test(arguments: cases)
    func recordReproducesTheRun(_ run: Case) throws {
        let path = Self.graphFile()
        defer { removeTemporary(path) }
        let graph = try GraphLoader.load(path, options: run.load).graph
        let report = try SeedSearch.run(run.request, on: graph, graphName: path, load: run.load)
        #expect(report.seeds.count == run.request.k)
        #expect(report.parameters.graph == path && report.parameters.load == run.load)
        #expect(report.parameters.nodes == graph.nodeCount && report.parameters.arcs == graph.arcCount)
        // Through JSON, as `infmax seeds --output` writes it.
        let data = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(SelectionReport.self, from: data)
        #expect(decoded.parameters == report.parameters)
        let p = decoded.parameters
        let reloaded = try GraphLoader.load(p.graph, options: try #require(p.load)).graph
        let again = try SeedSearch.run(try Self.request(from: p), on: reloaded, graphName: p.graph, load: p.load)
        #expect(again.seeds == report.seeds)
        #expect(again.spread == report.spread)
        #expect(again.rrSets == report.rrSets)
        #expect(again.guarantee == report.guarantee)
        #expect(again.parameters == report.parameters)
        #expect(again.refinement == report.refinement)
        // The seeds are the algorithm's own on the bound model.
        let model = try run.request.model.bind(to: graph)
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
        let request = SeedSearch.Request(k: 2, model: .init(model: .ic, probabilities: .trivalency(seed: 99)),
                                         ris: .init(epsilon: 0.2), seed: 1, threads: 2)
        let report = try SeedSearch.run(request, on: graph, graphName: path, load: GraphLoadOptions())
        #expect(report.parameters.probabilities == "trivalency:99")
        let rebuilt = try Self.request(from: report.parameters)
        #expect(rebuilt.model.probabilities == .trivalency(seed: 99))
        #expect(try SeedSearch.run(rebuilt, on: graph, graphName: path, load: GraphLoadOptions()).seeds == report.seeds)
        // The seed matters: another trivalency seed draws other probabilities.
        #expect(try IndependentCascade(graph: graph, probabilities: .trivalency(seed: 99)).probabilities
                    != IndependentCascade(graph: graph, probabilities: .trivalency(seed: 1)).probabilities)
    }

    @Test func badRequestsNameTheirParameter() throws {
        let graph = try InfluenceGraph(sources: [0, 1, 2], targets: [1, 2, 0])
        let bad: [(SeedSearch.Request, String)] = [
            (.init(k: 0), "k"), (.init(k: 4), "k"),
            (.init(k: 1, algorithm: .degree), "algorithm"),
            (.init(k: 1, threads: 0), "threads"),
            (.init(k: 1, evaluationSets: 0), "evaluationSets"),
            (.init(k: 1, algorithm: .imm, ris: .init(delta: 0.1)), "delta"),
            (.init(k: 1, ris: .init(epsilon: 0)), "epsilon"),
            (.init(k: 1, ris: .init(precision: 2)), "precision"),
            (.init(k: 1, ris: .init(memoryLimitBytes: 0)), "memoryLimit"),
            (.init(k: 1, model: .init(model: .ic, probabilities: .file)), "probabilities"),
            (.init(k: 1, model: .init(model: .ic, normalizeLT: true)), "normalizeLT"),
            (.init(k: 1, model: .init(model: .lt, probabilities: .uniform(0.1))), "probabilities"),
        ]
        for (request, parameter) in bad {
            let error = try #require(throws: InfluenceError.self) { try SeedSearch.run(request, on: graph) }
            #expect(error.parameter == parameter, "\(error)")
        }
    }
}
