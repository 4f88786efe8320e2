import Foundation
import InfluenceKit

/// A seeds file that is an `infmax cim` record: its seeds are measured on P, the graph without the
/// record's AP set (read again from the AP file it names), not on the whole graph.
enum CIMRecordInput {
    private struct Record: Decodable {
        struct Parameters: Decodable { var apFile: String; var apSet: Int; var k: Int }
        var parameters: Parameters
        var assignment: [CapacityConstrainedReport.APAssignment]
    }

    /// The problem of the record at `path` on `model`'s graph, or nil when the file is not a cim
    /// record (standard input is never one).
    static func problem(seedsFile path: String, model: any DiffusionModel) throws(InfluenceError) -> CapacityProblem? {
        guard path != "-", let data = FileManager.default.contents(atPath: path),
              let record = try? JSONDecoder().decode(Record.self, from: data) else { return nil }
        let sets = try ActiveParticipantSets.read(record.parameters.apFile)
        let aps = try sets.nodes(ofSet: record.parameters.apSet, in: model.graph)
        return try CapacityProblem(model: model, activeParticipants: aps, k: record.parameters.k)
    }
}
