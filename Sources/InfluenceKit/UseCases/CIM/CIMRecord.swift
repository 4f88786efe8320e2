/// What a `CIMRequest` produced for one AP set: the request and graph, then the engine's report
/// (`CapacityConstrainedReport`: the problem's sizes, each AP's picks, the union of seeds that
/// `infmax simulate --seeds-file` reads back and measures on P, the spread on fresh RR sets of P,
/// the guarantee, bounds, rounds, baselines, the unconstrained reference, timings and memory) at
/// the top level of the same JSON object.
public struct CIMRecord: UseCaseRecord {
    /// The request type.
    public typealias Request = CIMRequest

    /// `cim`.
    public var useCase: UseCaseKind
    /// The versions that wrote the record.
    public var versions: RecordVersions
    /// The graph G it ran on (P is G without the APs).
    public var graph: GraphProvenance
    /// The request as it ran.
    public var request: CIMRequest
    /// The engine's report for the AP set.
    public var result: CapacityConstrainedReport

    /// Complexity: O(1).
    public init(graph: GraphProvenance, request: CIMRequest, result: CapacityConstrainedReport) {
        useCase = .cim
        versions = RecordVersions()
        self.graph = graph
        self.request = request
        self.result = result
    }

    /// Reads the header keys and the report's keys from one JSON object. Complexity: O(size).
    public init(from decoder: any Decoder) throws {
        let header = try RecordHeader<CIMRequest>(from: decoder)
        useCase = header.useCase; versions = header.versions; graph = header.graph; request = header.request
        result = try CapacityConstrainedReport(from: decoder)
    }

    /// Writes the header keys and the report's keys into one JSON object. Complexity: O(size).
    public func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        try RecordHeader(useCase: useCase, versions: versions, graph: graph, request: request).encode(to: encoder)
    }
}
