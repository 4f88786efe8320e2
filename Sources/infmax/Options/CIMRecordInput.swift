import FoundationEssentials
import InfluenceKit

/// A seeds file that is an `infmax cim` record: its seeds are measured on P, the graph without the
/// record's AP set, not on the whole graph.
enum CIMRecordInput {
    private struct Record: Decodable {
        struct Parameters: Decodable { var apFile: String; var apSet: Int }
        var parameters: Parameters
        var assignment: [CapacityConstrainedReport.APAssignment]
    }

    /// The AP set of the record at `path`, or nil when the file is not a cim record (standard
    /// input is never one).
    static func excludedSet(seedsFile path: String) -> ActiveParticipantSetReference? {
        guard path != "-", let data = FileManager.default.contents(atPath: path),
              let record = try? JSONDecoder().decode(Record.self, from: data) else { return nil }
        return ActiveParticipantSetReference(apFile: record.parameters.apFile, apSet: record.parameters.apSet)
    }
}
