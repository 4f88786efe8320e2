/// The keys every record starts with — `useCase`, `versions`, `graph`, `request` — read and
/// written apart from the rest, for the records whose result is an engine's report spelled at the
/// top level of the same JSON object (`CIMRecord`, `ClosedRecord`).
struct RecordHeader<Request: Codable> {
    var useCase: UseCaseKind
    var versions: RecordVersions
    var graph: GraphProvenance
    var request: Request

    private enum Keys: String, CodingKey { case useCase, versions, graph, request }

    /// Reads the header keys of the object `decoder` holds. Complexity: O(size of the header).
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        useCase = try c.decode(UseCaseKind.self, forKey: .useCase)
        versions = try c.decode(RecordVersions.self, forKey: .versions)
        graph = try c.decode(GraphProvenance.self, forKey: .graph)
        request = try c.decode(Request.self, forKey: .request)
    }

    init(useCase: UseCaseKind, versions: RecordVersions, graph: GraphProvenance, request: Request) {
        self.useCase = useCase
        self.versions = versions
        self.graph = graph
        self.request = request
    }

    /// Adds the header keys to the object `encoder` holds. Complexity: O(size of the header).
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(useCase, forKey: .useCase)
        try c.encode(versions, forKey: .versions)
        try c.encode(graph, forKey: .graph)
        try c.encode(request, forKey: .request)
    }
}
