import Foundation
import RecordSchemaCheck
import Testing
@testable import InfluenceKit

/// The record schemas (Sources/InfluenceKit/Schemas/v3) accept the records the library writes
/// and reject wrong ones. Every suite that makes a record checks it with `expectValidRecord`.
@Suite struct RecordSchemaTests {
    static let graph = try! InfluenceGraph(sources: [0, 0, 1, 2, 3], targets: [1, 2, 2, 3, 0], values: [0.5, 0.2, 0.4, 0.3, 0.1])

    @Test func everyUseCaseHasASchemaWithItsVersion() throws {
        for kind in UseCaseKind.allCases {
            let schema = try #require(RecordSchemaCheck.load("\(kind.rawValue).schema.json"), "no schema for \(kind)")
            #expect((schema["$id"] as? String)?.hasSuffix(":v\(InfluenceKitVersion.report):\(kind.rawValue)") == true)
        }
        #expect(RecordSchemaCheck.folder.hasSuffix("/v\(InfluenceKitVersion.report)"))
    }

    /// A valid seeds record, then four wrong ones made from it: each is rejected (4 of 4).
    @Test func wrongRecordsAreRejected() throws {
        let record = try SeedsRequest(k: 2, epsilon: 0.3, threads: 1).run(on: GraphInput(Self.graph))
        let text = try ReportJSON.text(record)
        #expect(RecordSchemaCheck.problems(ofRecord: text) == [])
        let valid = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var missing = valid
        missing.removeValue(forKey: "spread")
        var renamed = valid
        var spread = try #require(valid["spread"] as? [String: Any])
        spread["mean"] = spread.removeValue(forKey: "estimate")
        renamed["spread"] = spread
        var extra = valid
        extra["parameters"] = ["k": 2]
        var badMethod = valid
        spread = try #require(valid["spread"] as? [String: Any])
        spread["method"] = "guess"
        badMethod["spread"] = spread
        for (name, wrong) in [("missing spread", missing), ("old spread keys", renamed), ("unknown key", extra), ("unknown method", badMethod)] {
            #expect(!RecordSchemaCheck.problems(ofRecordValue: wrong).isEmpty, "\(name) was accepted")
        }
    }
}

/// Expects `record` (any use case's) to match its schema.
func expectValidRecord(_ record: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let problems = RecordSchemaCheck.problems(ofRecord: try ReportJSON.text(record))
    #expect(problems.isEmpty, "the record does not match its schema: \(problems.prefix(5))", sourceLocation: sourceLocation)
}
