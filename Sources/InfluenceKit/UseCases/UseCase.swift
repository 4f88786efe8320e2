import Synchronization

/// One use case of the library: a `Codable` request, validated once at the library's entry, run
/// on a loaded graph by one call that returns a `Codable` record.
///
/// Every front end — the `infmax` commands, `infmax run FILE`, the C interface's `ik_run` and the
/// Python package — builds a request, calls `run(on:context:)` and prints or returns the record;
/// none of them computes or assembles anything. A record holds the request it ran
/// (`UseCaseRecord.request`), so running that request on the same graph gives the same result,
/// bit for bit, for the same seed and thread count.
public protocol UseCaseRequest: Codable, Sendable, Equatable {
    /// The record the request produces.
    associatedtype Record: UseCaseRecord where Record.Request == Self
    /// What the request runs on: a loaded graph (`GraphInput`) for most use cases, an invitation
    /// graph (`InviteInput`) for recommend, node embeddings for a linear probe.
    associatedtype Input: UseCaseInput = GraphInput
    /// The use case's name in request and record files (`seeds`, `simulate`, ...).
    static var useCase: UseCaseKind { get }
    /// Checks every value and combination that does not depend on the graph, naming the
    /// parameter at fault in the thrown `InfluenceError`. Complexity: O(size of the request).
    func validate() throws(InfluenceError)
    /// Runs the request on `input` and returns its record.
    ///
    /// - Throws: `InfluenceError` naming the parameter at fault, a resource limit reached, or
    ///   `InfluenceError.cancelled` when `context.cancellation` was set.
    func run(on input: Input, context: RunContext) throws(InfluenceError) -> Record
}

extension UseCaseRequest {
    /// Runs the request with silent progress, no cancellation, in one process.
    /// Complexity: that of the use case.
    public func run(on input: Input) throws(InfluenceError) -> Record {
        try run(on: input, context: RunContext())
    }

    /// Runs the request on an input of any type, refusing one of another type than `Input`
    /// (a front end holding a handle of the wrong kind).
    ///
    /// - Throws: `InfluenceError(.usage, parameter: "graph")` when `input` is not an `Input`;
    ///   whatever the use case throws.
    /// - Complexity: that of the use case.
    public func run(onAny input: any UseCaseInput, context: RunContext = RunContext()) throws(InfluenceError) -> Record {
        guard let typed = input as? Input else {
            throw InfluenceError(.usage, parameter: "graph",
                                 "a \(Self.useCase.rawValue) request runs on \(Input.inputDescription), and was given \(type(of: input).inputDescription)")
        }
        return try context.cancellable { () throws(InfluenceError) in try run(on: typed, context: context) }
    }

    /// Whether `other` is a request of the same type and value. Complexity: O(size of the request).
    public func isEqual(to other: any UseCaseRequest) -> Bool {
        (other as? Self) == self
    }
}

/// What a use case runs on, loaded once and shared by any number of runs: a graph, an
/// invitation graph, node embeddings. A document (`RunDocument`) names it under `documentKey`
/// by the file(s) it came from, and `load(_:)` loads it again from there.
public protocol UseCaseInput: Sendable {
    /// The key of a record or request document under which the input is named (`graph` by default).
    static var documentKey: String { get }
    /// What it is, for messages ("a graph", "an invitation graph").
    static var inputDescription: String { get }
    /// Loads the input a document names.
    ///
    /// - Throws: `InfluenceError` naming the file at fault; `.usage` (parameter `graph`) when the
    ///   reference lacks a file the input needs.
    static func load(_ reference: RunDocument.GraphReference) throws(InfluenceError) -> Self
    /// The content hash of what was loaded (compared with a record's to tell a changed file).
    var contentHash: String { get }
}

extension UseCaseInput {
    /// `graph`. Complexity: O(1).
    public static var documentKey: String { "graph" }
}

/// A record: the request it ran, the graph's provenance, the result, timings, memory, versions.
public protocol UseCaseRecord: Codable, Sendable, Equatable {
    /// The request type that produces this record.
    associatedtype Request: UseCaseRequest
    /// The use case (`seeds`, `simulate`, ...); the first key of the JSON.
    var useCase: UseCaseKind { get }
    /// Where the input came from, as the record names it.
    associatedtype Provenance: Codable, Sendable, Equatable = GraphProvenance
    /// The request as it ran.
    var request: Request { get }
    /// The graph (or other input) it ran on.
    var graph: Provenance { get }
    /// The versions that wrote it.
    var versions: RecordVersions { get }
}

/// The use cases by name, as the `useCase` key of request and record files spells them.
public enum UseCaseKind: String, Codable, Sendable, CaseIterable {
    /// Seeds with a guarantee (`SeedsRequest`).
    case seeds
    /// Monte Carlo spread of a seed set (`SimulateRequest`).
    case simulate
    /// Several methods at several k on common random numbers (`CompareRequest`).
    case compare
    /// Capacity-constrained IM (`CIMRequest`).
    case cim
    /// IM in a closed social network (`ClosedRequest`).
    case closed
    /// Invitee recommendation: lists, evaluation and frontier (`RecommendRequest`).
    case recommend
    /// Node embeddings by DGI or GRACE (`EmbedRequest`, in GraphInfomax).
    case embed
    /// A linear probe of node embeddings (`ProbeRequest`, in GraphInfomax).
    case probe
}

/// How a use case's call reports and may be stopped.
public struct RunContext: Sendable {
    /// Where progress goes (the library never prints).
    public var progress: any ProgressReporter
    /// Set it from any thread to stop the run; the call then throws `InfluenceError.cancelled`.
    public var cancellation: CancellationFlag?
    /// The ranks the run is spread over (one process by default); every rank calls `run` with
    /// its own copy of the graph and the same request, and each returns the same record.
    public var communicator: any Communicator
    /// The learned seed selectors of a library InfluenceKit does not link (GraphInfomax's
    /// `EmbeddingSelectorFactory`); nil refuses the `embedding` algorithm with a message.
    public var learnedSelectors: (any LearnedSelectorFactory)?

    /// Complexity: O(1).
    public init(progress: any ProgressReporter = SilentProgress(), cancellation: CancellationFlag? = nil,
                communicator: any Communicator = SingleProcessCommunicator(),
                learnedSelectors: (any LearnedSelectorFactory)? = nil) {
        self.progress = progress
        self.cancellation = cancellation
        self.communicator = communicator
        self.learnedSelectors = learnedSelectors
    }

    /// Throws `InfluenceError.cancelled` when cancellation was asked for. Complexity: O(1).
    public func checkCancelled() throws(InfluenceError) {
        if cancellation?.isCancelled == true { throw InfluenceError.cancelled }
    }

    /// The progress reporter the engines see: the caller's, and — when a cancellation flag is
    /// given — one whose `isCancelled` the engines poll between tasks.
    var engineProgress: any ProgressReporter {
        guard let cancellation else { return progress }
        return CancellableProgress(inner: progress, flag: cancellation)
    }
}

/// A flag a caller sets, from any thread, to stop a running use case.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)

    /// A flag not set. Complexity: O(1).
    public init() {}

    /// Asks the run to stop. Complexity: O(1).
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether `cancel()` was called. Complexity: O(1).
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    /// The flag of the use case running on this thread (bound by `run(onAny:context:)` and
    /// `RunContext.cancellable(_:)`), read by the engine's cancellable loops; nil outside one.
    @TaskLocal public static var current: CancellationFlag?
}

extension RunContext {
    /// Runs `body` with `cancellation` as `CancellationFlag.current`, so that the engine's long
    /// loops (Monte Carlo runs, RR sampling, cascades over worlds, training epochs) skip their
    /// remaining work once it is set; a run during which the flag was set throws
    /// `InfluenceError.cancelled`, whatever it returned or threw, so partial work never leaks.
    ///
    /// - Throws: `InfluenceError.cancelled`, or what `body` throws.
    /// - Complexity: that of `body`.
    public func cancellable<R>(_ body: () throws(InfluenceError) -> R) throws(InfluenceError) -> R {
        guard let cancellation else { return try body() }
        var outcome: Result<R, InfluenceError>?
        CancellationFlag.$current.withValue(cancellation) { () -> Void in
            do throws(InfluenceError) { outcome = .success(try body()) } catch { outcome = .failure(error) }
        }
        if cancellation.isCancelled { throw InfluenceError.cancelled }
        return try outcome!.get()
    }
}

/// Forwards to a caller's reporter and answers `isCancelled` from a flag.
struct CancellableProgress: ProgressReporter {
    let inner: any ProgressReporter
    let flag: CancellationFlag
    func begin(_ phase: String, total: Int, unit: String) { inner.begin(phase, total: total, unit: unit) }
    func advance(by count: Int, worker: Int) { inner.advance(by: count, worker: worker) }
    func end() { inner.end() }
    func note(_ text: String) { inner.note(text) }
    var isCancelled: Bool { flag.isCancelled }
}

extension InfluenceError {
    /// The error a cancelled run throws.
    public static let cancelled = InfluenceError(.resource, parameter: "cancelled", "the run was cancelled (expected it to run to the end)")
}
