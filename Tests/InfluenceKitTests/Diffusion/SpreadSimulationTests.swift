import Testing
@testable import InfluenceKit

/// `SpreadSimulation.run`: the simulate record, built once for the CLI and the C interface.
@Suite struct SpreadSimulationTests {
    let graph = try! InfluenceGraph(sources: [0, 0, 1], targets: [1, 2, 2], values: [0.5, 0.2, 0.4])

    @Test func recordMatchesTheSimulatorAndTheExactValue() throws {
        let model = try IndependentCascade(graph: graph, probabilities: .file)
        let request = SpreadSimulation.Request(runs: 20_000, seed: 3, threads: 2, nodeProbabilities: 2, exact: true)
        let report = try SpreadSimulation.run(request, model: model, seeds: [0], graphName: "three")
        let direct = try MonteCarloSimulator(model: model, configuration: .init(runs: 20_000, seed: 3, threads: 1)).estimate(seeds: [0])
        #expect(report.estimate == direct, "the same runs whatever the thread count")
        let exact = try #require(report.exact)
        #expect(abs(exact - 1.86) < 1e-6)
        #expect(abs(report.estimate.mean - exact) < 5 * report.estimate.standardError)
        #expect(report.seeds == [.init(label: "0")] && report.graph == "three" && report.maxRuns == nil)
        // Node 0 is always active, node 1 with probability 0.5, node 2 with 0.36.
        #expect(report.nodeProbabilities?.map(\.label) == ["0", "1"])
    }

    @Test func adaptiveRunsRecordTheirCap() throws {
        let model = try IndependentCascade(graph: graph, probabilities: .file)
        let report = try SpreadSimulation.run(.init(runs: 1000, seed: 1, threads: 1, untilRelativeError: 0.01), model: model, seeds: [0])
        #expect(report.maxRuns == SpreadSimulation.Request.defaultMaxRuns && report.estimate.runs >= 1000)
        #expect(report.estimate.halfWidth <= 0.01 * report.estimate.mean || report.estimate.runs == SpreadSimulation.Request.defaultMaxRuns)
    }

    @Test(arguments: [
        (SpreadSimulation.Request(runs: 0), "runs"),
        (SpreadSimulation.Request(nodeProbabilities: 0), "nodeProbabilities"),
        (SpreadSimulation.Request(untilRelativeError: 1.5), "untilRelativeError"),
        (SpreadSimulation.Request(maxRuns: 10), "maxRuns"),
        (SpreadSimulation.Request(runs: 100, untilRelativeError: 0.1, maxRuns: 10), "maxRuns"),
        (SpreadSimulation.Request(threads: 0), "threads"),
    ])
    func badRequestsNameTheParameter(request: SpreadSimulation.Request, parameter: String) throws {
        let model = try IndependentCascade(graph: graph, probabilities: .file)
        do {
            _ = try SpreadSimulation.run(request, model: model, seeds: [0])
            Issue.record("expected an error about \(parameter)")
        } catch {
            #expect(error.parameter == parameter && error.kind == .usage, "\(error)")
        }
    }

    @Test func reportJSONSortsKeysAndKeepsSlashes() throws {
        let text = try ReportJSON.text(SimulationReport.Seed(label: "a/b"))
        #expect(text == "{\n  \"label\" : \"a/b\"\n}")
    }
}
