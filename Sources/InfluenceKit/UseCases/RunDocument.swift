import FoundationEssentials

/// A request file or a record, read back to be run: the use case, its request, and the input to
/// run it on. Both have the shape
///
/// ```json
/// {"useCase": "seeds", "graph": {"path": "Graphs/demo.txt", "load": {…}}, "request": {"k": 10}}
/// ```
///
/// and a record's other keys (its results) are ignored, so a record reruns its own request on
/// the input its provenance names (`infmax run RECORD.json`). An invitation graph is named by
/// its files (`{"arcsFile": …, "nodeValuesFile": …, "invitersFile": …}`), and a probe's
/// embeddings under `embeddings` (`{"path": "emb.npy"}`). The C interface's `ik_run` reads the
/// same shape, with the input given by its handle instead.
///
/// Use cases defined outside InfluenceKit (embed and probe, in GraphInfomax) are read when the
/// caller passes a `UseCaseRegistry` that holds them (`UseCaseRegistry.withEmbeddings` there).
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
        /// Invitee recommendation.
        case recommend(RecommendRequest)
        /// A use case of a module built on InfluenceKit (embed, probe), read through a registry.
        case registered(any UseCaseRequest)

        /// The request of any case as the protocol type. Complexity: O(1).
        public var anyRequest: any UseCaseRequest {
            switch self {
            case .seeds(let request): return request
            case .simulate(let request): return request
            case .compare(let request): return request
            case .cim(let request): return request
            case .closed(let request): return request
            case .recommend(let request): return request
            case .registered(let request): return request
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
                case .recommend, .registered: return nil
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
                case .recommend, .registered: break
                }
            }
        }

        /// The request's seed, where it has one (the trivalency scheme draws from it).
        /// Complexity: O(1).
        public var seed: UInt64 {
            switch self {
            case .seeds(let r): return r.seed
            case .simulate(let r): return r.seed
            case .compare(let r): return r.seed
            case .cim(let r): return r.seed
            case .closed(let r): return r.seed
            case .recommend(let r): return r.seed
            case .registered: return 1
            }
        }

        /// The request in its case: the built-in use cases by name, the others as `registered`.
        /// Complexity: O(1).
        public init(_ request: any UseCaseRequest) {
            if let r = request as? SeedsRequest { self = .seeds(r) }
            else if let r = request as? SimulateRequest { self = .simulate(r) }
            else if let r = request as? CompareRequest { self = .compare(r) }
            else if let r = request as? CIMRequest { self = .cim(r) }
            else if let r = request as? ClosedRequest { self = .closed(r) }
            else if let r = request as? RecommendRequest { self = .recommend(r) }
            else { self = .registered(request) }
        }

        /// The use case. Complexity: O(1).
        public var useCase: UseCaseKind { type(of: anyRequest).useCase }

        /// Runs the request on `input` (a `GraphInput`, an `InviteInput`, …) and returns its record.
        ///
        /// - Throws: `InfluenceError(.usage, parameter: "graph")` for an input of another kind
        ///   than the use case runs on; whatever the use case throws.
        /// - Complexity: that of the use case.
        public func run(on input: any UseCaseInput, context: RunContext = RunContext()) throws(InfluenceError) -> any UseCaseRecord {
            try anyRequest.run(onAny: input, context: context)
        }

        /// Loads the input `reference` names, of the kind the use case runs on.
        ///
        /// - Throws: whatever loading throws. Complexity: that of the load.
        public func loadInput(_ reference: GraphReference) throws(InfluenceError) -> any UseCaseInput {
            try type(of: anyRequest).loadInput(reference)
        }

        /// Same case and equal request. Complexity: O(size of the requests).
        public static func == (a: Request, b: Request) -> Bool {
            a.anyRequest.isEqual(to: b.anyRequest)
        }
    }

    /// The input a document names: where to load it and how, and (for a record) the content hash
    /// it had.
    public struct GraphReference: Sendable, Equatable {
        /// The file: a graph, an invitation graph's arcs, or embeddings.
        public var path: String
        /// How to load a graph file (defaults when the document gives none).
        public var load: GraphLoadOptions
        /// The hash the record's input had, when the document is a record.
        public var contentHash: String?
        /// An invitation graph's node file (U per node), when it has one.
        public var nodeValues: String?
        /// An invitation graph's inviter file, when it has one.
        public var inviters: String?

        /// Complexity: O(1).
        public init(path: String, load: GraphLoadOptions = GraphLoadOptions(), contentHash: String? = nil,
                    nodeValues: String? = nil, inviters: String? = nil) {
            self.path = path
            self.load = load
            self.contentHash = contentHash
            self.nodeValues = nodeValues
            self.inviters = inviters
        }
    }

    /// The request.
    public var request: Request
    /// The input, when the document names one (a request for `ik_run` need not).
    public var graph: GraphReference?

    /// Complexity: O(1).
    public init(request: Request, graph: GraphReference?) {
        self.request = request
        self.graph = graph
    }

    /// Reads a document from JSON `bytes`; `file` names it in errors; `registry` says which use
    /// cases it may hold (the built-in ones by default).
    ///
    /// - Throws: `InfluenceError` naming the key at fault: a missing or unknown `useCase` (or
    ///   one the registry does not hold), a request field of the wrong type or unknown; `.data`
    ///   for text that is not JSON.
    /// - Complexity: O(bytes).
    public static func decode(_ bytes: [UInt8], file: String? = nil,
                              registry: UseCaseRegistry = .builtIn) throws(InfluenceError) -> RunDocument {
        let envelope: Envelope
        do {
            let decoder = JSONDecoder()
            decoder.userInfo[Envelope.registryKey] = registry
            envelope = try decoder.decode(Envelope.self, from: Data(bytes))
        } catch let error as InfluenceError {
            throw error
        } catch let error as DecodingError {
            throw RecordJSON.influenceError(error, file: file)
        } catch {
            throw InfluenceError(.data, file: file, "not a JSON document: \(error) (expected a JSON object)")
        }
        return RunDocument(request: envelope.request, graph: envelope.graph)
    }

    /// Loads the input the document names and runs its request on it.
    ///
    /// - Returns: the record, and the input's content hash now when it differs from the one the
    ///   record ran on (the file changed since).
    /// - Throws: `InfluenceError(.usage, parameter: "graph")` when the document names no input;
    ///   whatever loading and the use case throw.
    /// - Complexity: the load plus the use case.
    public func run(context: RunContext = RunContext()) throws(InfluenceError) -> (record: any UseCaseRecord, changedHash: String?) {
        guard let graph else {
            throw InfluenceError(.usage, parameter: "graph",
                                 "the document names no input (expected \"graph\": {\"path\": …, \"load\": {…}})")
        }
        let input = try request.loadInput(graph)
        let record = try request.run(on: input, context: context)
        let now = input.contentHash
        return (record, graph.contentHash.flatMap { $0 == now ? nil : now })
    }

    /// The JSON shape: `useCase` picks the request type, whose input type names the input's key.
    private struct Envelope: Decodable {
        static let registryKey = CodingUserInfoKey(rawValue: "InfluenceKit.UseCaseRegistry")!
        var request: Request
        var graph: GraphReference?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: FieldKey.self)
            let kind: UseCaseKind = try c.requiredField("useCase")
            let registry = decoder.userInfo[Self.registryKey] as? UseCaseRegistry ?? .builtIn
            guard let type = registry.requestType(for: kind) else {
                throw DecodingError.dataCorruptedError(
                    forKey: FieldKey("useCase"), in: c,
                    debugDescription: "'\(kind.rawValue)' is not run by this front end (expected one of: \(registry.kinds.map(\.rawValue).joined(separator: ", ")); embed and probe need a front end that links GraphInfomax)")
            }
            request = Request(try type.decodeRequest(from: c))
            let key = FieldKey(type.inputDocumentKey)
            guard c.contains(key) else { graph = nil; return }
            let g = try c.nestedContainer(keyedBy: FieldKey.self, forKey: key)
            let path: String
            if g.contains(FieldKey("arcsFile")) { path = try g.requiredField("arcsFile") } else { path = try g.requiredField("path") }
            let load: GraphLoadOptions? = try g.optionalField("load")
            graph = GraphReference(path: path, load: load ?? GraphLoadOptions(), contentHash: try g.optionalField("contentHash"),
                                   nodeValues: try g.optionalField("nodeValuesFile"), inviters: try g.optionalField("invitersFile"))
        }
    }
}

extension UseCaseRequest {
    /// The request under `request` in a document. Complexity: O(size of the JSON).
    static func decodeRequest(from c: KeyedDecodingContainer<FieldKey>) throws -> any UseCaseRequest {
        let request: Self = try c.requiredField("request")
        return request
    }

    /// The key naming the input in a document. Complexity: O(1).
    static var inputDocumentKey: String { Input.documentKey }

    /// Loads the input `reference` names, as the request's `Input`. Complexity: that of the load.
    static func loadInput(_ reference: RunDocument.GraphReference) throws(InfluenceError) -> any UseCaseInput {
        try Input.load(reference)
    }
}

/// The use cases a front end can read from documents, by name: the built-in ones, plus those a
/// module built on InfluenceKit adds (GraphInfomax's `UseCaseRegistry.withEmbeddings` adds
/// embed and probe).
public struct UseCaseRegistry: Sendable {
    private var types: [UseCaseKind: any UseCaseRequest.Type]

    /// A registry of `types`, each under its `useCase`. Complexity: O(types).
    public init(_ types: [any UseCaseRequest.Type]) {
        self.types = [:]
        for type in types { self.types[type.useCase] = type }
    }

    /// Seeds, simulate, compare, cim, closed and recommend.
    public static let builtIn = UseCaseRegistry([SeedsRequest.self, SimulateRequest.self, CompareRequest.self, CIMRequest.self,
                                                 ClosedRequest.self, RecommendRequest.self])

    /// This registry with `type` added (replacing one of the same use case). Complexity: O(1).
    public func adding(_ type: any UseCaseRequest.Type) -> UseCaseRegistry {
        var copy = self
        copy.types[type.useCase] = type
        return copy
    }

    /// The request type of `kind`, when registered. Complexity: O(1).
    public func requestType(for kind: UseCaseKind) -> (any UseCaseRequest.Type)? { types[kind] }

    /// The use cases held, in `UseCaseKind` order. Complexity: O(kinds).
    public var kinds: [UseCaseKind] { UseCaseKind.allCases.filter { types[$0] != nil } }
}
