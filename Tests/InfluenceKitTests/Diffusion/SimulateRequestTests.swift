import Foundation
import Testing
@testable import InfluenceKit

/// `SimulateRequest.run`: the simulate record, built once for the CLI, `infmax run` and the C
/// interface.
@Suite struct SimulateRequestTests {
    let graph = try! InfluenceGraph(sources: [0, 0, 1], targets: [1, 2, 2], values: [0.5, 0.2, 0.4])

    @Test func recordMatchesTheSimulatorAndTheExactValue() throws {
        let request = SimulateRequest(seeds: ["0"], probabilities: .file, runs: 20_000, seed: 3, threads: 2,
                                      nodeProbabilities: 2, exact: true)
        let report = try request.run(on: GraphInput(graph, name: "three"))
        let model = try IndependentCascade(graph: graph, probabilities: .file)
        let direct = try MonteCarloSimulator(model: model, configuration: .init(runs: 20_000, seed: 3, threads: 1)).estimate(seeds: [0])
        #expect(report.monteCarlo == direct, "the same runs whatever the thread count")
        #expect(report.spread == SpreadValue(direct) && report.spread.method == .monteCarlo && report.spread.samples == 20_000)
        let exact = try #require(report.exact)
        // 0 → 1 with 0.5; 2 directly (0.2) or through 1 (0.5 · 0.4): 1 + 0.5 + (1 − 0.8 · 0.8).
        #expect(abs(exact.estimate - 1.86) < 1e-6 && exact.method == .exact && exact.standardError == 0)
        #expect(abs(report.spread.estimate - exact.estimate) < 5 * report.spread.standardError)
        #expect(report.seeds == [SeedEntry(label: "0", node: 0)] && report.graph.path == "three" && report.request == request)
        // Node 0 is always active, node 1 with probability 0.5, node 2 with 0.36.
        #expect(report.nodeProbabilities?.map(\.label) == ["0", "1"])
    }

    @Test func adaptiveRunsStopAtTheTargetOrTheCap() throws {
        let report = try SimulateRequest(seeds: ["0"], probabilities: .file, runs: 1000, seed: 1, threads: 1,
                                         untilRelativeError: 0.01).run(on: GraphInput(graph))
        let e = report.monteCarlo
        #expect(report.request.resolvedMaxRuns == SimulateRequest.defaultMaxRuns && e.runs >= 1000)
        #expect(e.halfWidth <= 0.01 * e.mean || e.runs == SimulateRequest.defaultMaxRuns)
    }

    /// The record's request reruns to the same numbers, bit for bit, through JSON.
    @Test func recordRerunsItsRequest() throws {
        let request = SimulateRequest(seeds: ["1", "0"], model: .lt, runs: 5_000, seed: 8, threads: 2, maxSteps: 2, nodeProbabilities: 3)
        let input = GraphInput(graph, name: "three")
        let report = try request.run(on: input)
        try expectValidRecord(report)
        let document = try RunDocument.decode(Array(try ReportJSON.text(report).utf8))
        #expect(document.request == .simulate(request))
        let again = try #require(try document.request.run(on: input) as? SimulationRecord)
        #expect(again.monteCarlo == report.monteCarlo && again.nodeProbabilities == report.nodeProbabilities)
        #expect(again.seeds == report.seeds && again.arcsExamined == report.arcsExamined)
    }

    @Test(arguments: [
        (SimulateRequest(seeds: ["0"], runs: 0), "runs"),
        (SimulateRequest(seeds: ["0"], nodeProbabilities: 0), "nodeProbabilities"),
        (SimulateRequest(seeds: ["0"], untilRelativeError: 1.5), "untilRelativeError"),
        (SimulateRequest(seeds: ["0"], maxRuns: 10), "maxRuns"),
        (SimulateRequest(seeds: ["0"], runs: 100, untilRelativeError: 0.1, maxRuns: 10), "maxRuns"),
        (SimulateRequest(seeds: ["0"], threads: 0), "threads"),
        (SimulateRequest(seeds: []), "seeds"),
        (SimulateRequest(seeds: ["7"]), "seeds"),
    ])
    func badRequestsNameTheParameter(request: SimulateRequest, parameter: String) throws {
        do {
            _ = try request.run(on: GraphInput(graph))
            Issue.record("expected an error about \(parameter)")
        } catch {
            #expect(error.parameter == parameter && error.kind == .usage, "\(error)")
        }
    }

    @Test func reportJSONSortsKeysAndKeepsSlashes() throws {
        let text = try ReportJSON.text(SeedEntry(label: "a/b", node: 3))
        #expect(text == "{\n  \"label\" : \"a/b\",\n  \"node\" : 3\n}")
    }
}
