import Foundation
import Testing
@testable import InfluenceKit

/// `CIMRequest`: one AP set per record, the AP file read and PageRank computed by the library,
/// and a record that reruns itself from its JSON alone.
@Suite(.serialized) struct CIMRequestTests {
    static let graphPath = TestPaths.fixture("../../Graphs/karate.txt")
    static let apPath = TestPaths.fixture("../../Graphs/karate-aps.txt")

    static func input() throws -> GraphInput {
        try GraphInput.load(graphPath, options: GraphLoadOptions(undirected: true))
    }

    @Test func recordRerunsItsRequest() throws {
        let request = CIMRequest(k: 2, apFile: Self.apPath, apSet: 2, epsilon: 0.2, baselines: true, seed: 3, threads: 2)
        let record = try request.run(on: try Self.input())
        #expect(record.request == request && record.result.parameters.apSet == 2)
        #expect(record.result.baselines?.map(\.name) == CapacityBaseline.allCases.map(\.rawValue))
        try expectValidRecord(record)
        let text = try ReportJSON.text(record)
        // The header keys and the engine's keys share one object.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["useCase"] as? String == "cim" && object["assignment"] != nil && object["request"] != nil)
        #expect(try JSONDecoder().decode(CIMRecord.self, from: Data(text.utf8)) == record)
        let rerun = try RunDocument.decode(Array(text.utf8)).run()
        let again = try #require(rerun.record as? CIMRecord)
        #expect(rerun.changedHash == nil)
        #expect(again.result.assignment == record.result.assignment && again.result.spread == record.result.spread)
        #expect(again.result.baselines?.map(\.spread) == record.result.baselines?.map(\.spread))
    }

    /// Every AP set of the file, in one call: the same records as one call per set.
    @Test func everyAPSetIsOneRunPerLine() throws {
        let input = try Self.input()
        let request = CIMRequest(k: 1, apFile: Self.apPath, epsilon: 0.3, seed: 5, threads: 1)
        let all = try request.runEveryAPSet(on: input)
        #expect(all.map(\.request.apSet) == [1, 2])
        for record in all {
            var one = request
            one.apSet = record.request.apSet
            let single = try one.run(on: input)
            #expect(single.result.assignment == record.result.assignment && single.result.spread == record.result.spread)
        }
    }

    /// Labels instead of a file: the same APs give the same assignment.
    @Test func labelsAndFileAgree() throws {
        let input = try Self.input()
        let byFile = try CIMRequest(k: 2, apFile: Self.apPath, apSet: 1, seed: 2, threads: 1).run(on: input)
        let byLabels = try CIMRequest(k: 2, activeParticipants: ["0", "33"], seed: 2, threads: 1).run(on: input)
        #expect(byFile.result.assignment == byLabels.result.assignment)
    }

    @Test func badRequestsNameTheirParameter() throws {
        let input = try Self.input()
        let cases: [(CIMRequest, String)] = [
            (CIMRequest(k: 0, apFile: Self.apPath), "k"),
            (CIMRequest(k: 1), "activeParticipants"),
            (CIMRequest(k: 1, apFile: Self.apPath, activeParticipants: ["0"]), "activeParticipants"),
            (CIMRequest(k: 1, apFile: Self.apPath, apSet: 0), "apSet"),
            (CIMRequest(k: 1, apFile: Self.apPath, epsilon: 0.5), "epsilon"),
            (CIMRequest(k: 1, apFile: Self.apPath, monteCarloRuns: 0), "greedyRuns"),
            (CIMRequest(k: 1, activeParticipants: ["nobody"]), "activeParticipants"),
        ]
        for (request, parameter) in cases {
            let error = try #require(throws: InfluenceError.self) { try request.run(on: input) }
            #expect(error.parameter == parameter, "\(error)")
        }
    }
}
