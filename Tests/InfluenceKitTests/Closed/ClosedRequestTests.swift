import Foundation
import Testing
@testable import InfluenceKit

/// `ClosedRequest`: the seeds by label, the engine's report and the kept arcs in one record that
/// reruns itself from its JSON alone.
@Suite(.serialized) struct ClosedRequestTests {
    static func input() throws -> GraphInput {
        try GraphInput.load(TestPaths.fixture("../../Graphs/karate.txt"), options: GraphLoadOptions(undirected: true))
    }

    @Test func recordRerunsItsRequest() throws {
        let input = try Self.input()
        let request = ClosedRequest(seeds: ["0", "33", "2"], k: 2, probabilities: .uniform(0.2), evaluationRuns: 2_000,
                                    estimationRuns: 500, seed: 5, threads: 2)
        let record = try request.run(on: input)
        #expect(record.result.baselines.map(\.name) == ClosedBaseline.allCases.map(\.rawValue))
        // The kept arcs are the returned subnetwork (the winner's), at most k per user.
        let report = record.result
        let returned = report.winner == report.result.name ? report.result : report.baselines.first { $0.name == report.winner }
        #expect(record.keptArcs.count == returned?.subnetwork.arcs)
        #expect(returned?.objective.estimate == ([report.result] + report.baselines).map(\.objective.estimate).max())
        #expect(Dictionary(grouping: record.keptArcs, by: \.user).values.allSatisfy { $0.count <= 2 })
        try expectValidRecord(record)
        let text = try ReportJSON.text(record)
        #expect(try JSONDecoder().decode(ClosedRecord.self, from: Data(text.utf8)) == record)
        let again = try #require(try RunDocument.decode(Array(text.utf8)).run().record as? ClosedRecord)
        #expect(again.keptArcs == record.keptArcs && again.result.perSeed == record.result.perSeed)
        #expect(again.result.result.objective == record.result.result.objective)
    }

    @Test func badRequestsNameTheirParameter() throws {
        let input = try Self.input()
        let cases: [(ClosedRequest, String)] = [
            (ClosedRequest(seeds: [], k: 1), "seeds"),
            (ClosedRequest(seeds: ["0"], k: 0), "k"),
            (ClosedRequest(seeds: ["0"], k: 1, epsilon: 1), "epsilon"),
            (ClosedRequest(seeds: ["0"], k: 1, evaluationRuns: 0), "evaluationRuns"),
            (ClosedRequest(seeds: ["nobody"], k: 1), "seeds"),
        ]
        for (request, parameter) in cases {
            let error = try #require(throws: InfluenceError.self) { try request.run(on: input) }
            #expect(error.parameter == parameter, "\(error)")
        }
    }
}
