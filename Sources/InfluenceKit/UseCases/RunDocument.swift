import FoundationEssentials

/// A request file or a record, read back to be run: the use case, its request, and the graph to
/// run it on. Both have the shape
///
/// ```json
/// {"useCase": "seeds", "graph": {"path": "Graphs/demo.txt", "load": {…}}, "request": {"k": 10}}
/// ```
///
/// and a record's other keys (its results) are ignored, so a record reruns its own request on
/// the graph its provenance names (`infmax run RECORD.json`). The C interface's `ik_run` reads
/// the same shape, with the graph given by its handle instead.
public struct RunDocument: Sendable {
    /// A request of any use case.
    public enum Request: Sendable, Equatable {
        /// Seeds with a guarantee.
        case seeds(SeedsRequest)
        /// Monte Carlo spread of a seed set.
        case simulate(SimulateRequest)
        /// Several methods at several k.
        case compare(CompareRequest)
        /// Capacity-constrained IM for one AP set.
        case cim(CIMRequest)
        /// IM in a closed network.
        case closed(ClosedRequest)

        /// The use case. Complexity: O(1).
        public var useCase: UseCaseKind {
            switch self {
            case .seeds: return .seeds
            case .simulate: return .simulate
            case .compare: return .compare
            case .cim: return .cim
            case .closed: return .closed
            }
        }

        /// The request's model specification, where it has one. Complexity: O(1).
        public var modelSpecification: ModelSpecification? {
            get {
                switch self {
                case .seeds(let r): return r.modelSpecification
                case .simulate(let r): return r.modelSpecification
                case .compare(let r): return r.modelSpecification
                case .cim(let r): return r.modelSpecification
                case .closed(let r): return r.modelSpecification
                }
            }
            set {
                guard let newValue else { return }
                switch self {
                case .seeds(var r): r.modelSpecification = newValue; self = .seeds(r)
                case .simulate(var r): r.modelSpecification = newValue; self = .simulate(r)
                case .compare(var r): r.modelSpecification = newValue; self = .compare(r)
                case .cim(var r): r.modelSpecification = newValue; self = .cim(r)
                case .closed(var r): r.modelSpecification = newValue; self = .closed(r)
                }
            }
        }

        /// The request's seed. Complexity: O(1).
        public var seed: UInt64 {
            switch self {
            case .seeds(let r): return r.seed
            case .simulate(let r): return r.seed
            case .compare(let r): return r.seed
            case .cim(let r): return r.seed
            case .closed(let r): return r.seed
            }
        }

        /// Runs the request on `input` and returns its record as JSON text (the one spelling
        /// of `ReportJSON`) together with the record.
        ///
        /// - Complexity: that of the use case.
        public func run(on input: GraphInput, context: RunContext = RunContext()) throws(InfluenceError) -> any UseCaseRecord {
            switch self {
            case .seeds(let request): return try request.run(on: input, context: context)
            case .simulate(let request): return try request.run(on: input, context: context)
            case .compare(let request): return try request.run(on: input, context: context)
            case .cim(let request): return try request.run(on: input, context: context)
            case .closed(let request): return try request.run(on: input, context: context)
            }
        }
    }

    /// The graph a document names: where to load it and how, and (for a record) the content hash
    /// it had.
    public struct GraphReference: Sendable, Equatable {
        /// The file.
        public var path: String
        /// How to load it (defaults when the document gives none).
        public var load: GraphLoadOptions
        /// The hash the record's graph had, when the document is a record.
        public var contentHash: String?
    }

    /// The request.
    public var request: Request
    /// The graph, when the document names one (a request for `ik_run` need not).
    public var graph: GraphReference?

    /// Reads a document from JSON `bytes`; `file` names it in errors.
    ///
    /// - Throws: `InfluenceError` naming the key at fault: a missing or unknown `useCase`, a
    ///   request field of the wrong type or unknown; `.data` for text that is not JSON.
    /// - Complexity: O(bytes).
    public static func decode(_ bytes: [UInt8], file: String? = nil) throws(InfluenceError) -> RunDocument {
        let envelope = try RecordJSON.decode(Envelope.self, from: bytes, file: file)
        return RunDocument(request: envelope.request, graph: envelope.graph)
    }

    /// Loads the graph the document names and runs its request on it.
    ///
    /// - Returns: the record, and the graph's content hash now when it differs from the one the
    ///   record ran on (the file changed since).
    /// - Throws: `InfluenceError(.usage, parameter: "graph")` when the document names no graph
    ///   or names one built in memory; whatever loading and the use case throw.
    /// - Complexity: the load plus the use case.
    public func run(context: RunContext = RunContext()) throws(InfluenceError) -> (record: any UseCaseRecord, changedHash: String?) {
        guard let graph else {
            throw InfluenceError(.usage, parameter: "graph",
                                 "the document names no graph (expected \"graph\": {\"path\": …, \"load\": {…}})")
        }
        let input = try GraphInput.load(graph.path, options: graph.load)
        let record = try request.run(on: input, context: context)
        let now = input.provenance.contentHash
        return (record, graph.contentHash.flatMap { $0 == now ? nil : now })
    }

    /// The JSON shape: `useCase` picks the request type.
    private struct Envelope: Decodable {
        var request: Request
        var graph: GraphReference?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: FieldKey.self)
            let kind: UseCaseKind = try c.requiredField("useCase")
            switch kind {
            case .seeds: request = .seeds(try c.requiredField("request"))
            case .simulate: request = .simulate(try c.requiredField("request"))
            case .compare: request = .compare(try c.requiredField("request"))
            case .cim: request = .cim(try c.requiredField("request"))
            case .closed: request = .closed(try c.requiredField("request"))
            }
            if c.contains(FieldKey("graph")) {
                let g = try c.nestedContainer(keyedBy: FieldKey.self, forKey: FieldKey("graph"))
                let path: String = try g.requiredField("path")
                let load: GraphLoadOptions? = try g.optionalField("load")
                let hash: String? = try g.optionalField("contentHash")
                graph = GraphReference(path: path, load: load ?? GraphLoadOptions(), contentHash: hash)
            }
        }
    }
}
