/// What a `ClosedRequest` produced: the request and graph, then the engine's report
/// (`ClosedNetworkReport`: the method's kept subnetwork, objective and union spread with their
/// intervals, per-seed spreads, PSNA's iterations or the greedy's summary, the baselines,
/// timings and memory) at the top level of the same JSON object, and the kept arcs.
public struct ClosedRecord: UseCaseRecord {
    /// The request type.
    public typealias Request = ClosedRequest

    /// A kept arc: `user` shares with `friend`, who is activated with `probability`.
    public struct KeptArc: Codable, Sendable, Equatable {
        /// The sharing user's label.
        public var user: String
        /// The friend's label.
        public var friend: String
        /// The arc's IC probability.
        public var probability: Float

        /// Complexity: O(1).
        public init(user: String, friend: String, probability: Float) {
            self.user = user
            self.friend = friend
            self.probability = probability
        }
    }

    /// `closed`.
    public var useCase: UseCaseKind
    /// The versions that wrote the record.
    public var versions: RecordVersions
    /// The graph it ran on.
    public var graph: GraphProvenance
    /// The request as it ran.
    public var request: ClosedRequest
    /// The engine's report.
    public var result: ClosedNetworkReport
    /// The method's kept arcs in the order of the subnetwork.
    public var keptArcs: [KeptArc]

    /// Complexity: O(1).
    public init(graph: GraphProvenance, request: ClosedRequest, result: ClosedNetworkReport, keptArcs: [KeptArc]) {
        useCase = .closed
        versions = RecordVersions()
        self.graph = graph
        self.request = request
        self.result = result
        self.keptArcs = keptArcs
    }

    /// The kept arcs as `user friend p` lines, a graph every command loads with
    /// `probabilities: file`. Complexity: O(|kept arcs|).
    public func arcLines() -> String {
        var text = ""
        for arc in keptArcs { text += "\(arc.user) \(arc.friend) \(arc.probability)\n" }
        return text
    }

    private enum Keys: String, CodingKey { case keptArcs }

    /// Reads the header keys, the kept arcs and the report's keys from one JSON object.
    /// Complexity: O(size).
    public init(from decoder: any Decoder) throws {
        let header = try RecordHeader<ClosedRequest>(from: decoder)
        useCase = header.useCase; versions = header.versions; graph = header.graph; request = header.request
        keptArcs = try decoder.container(keyedBy: Keys.self).decode([KeptArc].self, forKey: .keptArcs)
        result = try ClosedNetworkReport(from: decoder)
    }

    /// Writes the header keys, the kept arcs and the report's keys into one JSON object.
    /// Complexity: O(size).
    public func encode(to encoder: any Encoder) throws {
        try result.encode(to: encoder)
        try RecordHeader(useCase: useCase, versions: versions, graph: graph, request: request).encode(to: encoder)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(keptArcs, forKey: .keptArcs)
    }
}
