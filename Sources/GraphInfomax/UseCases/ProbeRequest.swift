import InfluenceKit

/// Score node embeddings by the linear evaluation of Deep Graph Infomax: a multinomial logistic
/// regression on the train nodes, accuracy on the test nodes, over several initialisations
/// (`LinearProbe`).
///
/// `labels`, `train` and `test` are required; in JSON the other keys may be left out:
///
/// ```json
/// {"labels": "labels.txt", "train": "train.txt", "test": "test.txt", "restarts": 10}
/// ```
///
/// ```swift
/// let input = try EmbeddingsInput.load("cora.npy")
/// let record = try ProbeRequest(labels: "labels.txt", train: "train.txt", test: "test.txt").run(on: input)
/// print(record.accuracy.mean, record.accuracy.sd)
/// ```
public struct ProbeRequest: UseCaseRequest {
    /// The record it produces.
    public typealias Record = ProbeRecord
    /// Node embeddings.
    public typealias Input = EmbeddingsInput
    /// `probe`.
    public static let useCase = UseCaseKind.probe

    /// Class of each node: 'node class' lines (classes from 0; negative: none). Required.
    public var labels: String
    /// Train nodes, one label per line. Required.
    public var train: String
    /// Test nodes, one label per line. Required.
    public var test: String
    /// Initialisations averaged over (default 50).
    public var restarts: Int
    /// Adam epochs per restart (default 100).
    public var epochs: Int
    /// Seed of the initialisations (default 1).
    public var seed: UInt64
    /// Worker threads over the restarts (default: every core). The same seed gives the same
    /// accuracies for any thread count.
    public var threads: Int

    /// Complexity: O(1).
    public init(labels: String, train: String, test: String, restarts: Int = 50, epochs: Int = 100, seed: UInt64 = 1,
                threads: Int = Parallel.processorCount) {
        self.labels = labels
        self.train = train
        self.test = test
        self.restarts = restarts
        self.epochs = epochs
        self.seed = seed
        self.threads = threads
    }

    /// Checks the counts, naming the parameter at fault (`restarts`, `epochs`, `threads`). Complexity: O(1).
    public func validate() throws(InfluenceError) {
        guard restarts >= 1 else { throw InfluenceError(.usage, parameter: "restarts", "restarts = \(restarts) (expected at least 1, e.g. 50)") }
        guard epochs >= 1 else { throw InfluenceError(.usage, parameter: "epochs", "epochs = \(epochs) (expected at least 1, e.g. 100)") }
        try Parallel.checkThreadCount(threads)
    }

    private static let keys = ["labels", "train", "test", "restarts", "epochs", "seed", "threads"]

    /// Decodes a request, each absent key taking its default; an unknown key is refused.
    /// Complexity: O(size of the JSON).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FieldKey.self)
        try c.refuseUnknownKeys(Self.keys)
        let defaults = ProbeRequest(labels: "", train: "", test: "")
        labels = try c.requiredField("labels")
        train = try c.requiredField("train")
        test = try c.requiredField("test")
        restarts = try c.field("restarts", default: defaults.restarts)
        epochs = try c.field("epochs", default: defaults.epochs)
        seed = try c.field("seed", default: defaults.seed)
        threads = try c.field("threads", default: defaults.threads)
    }

    /// Encodes every field. Complexity: O(1).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: FieldKey.self)
        try c.field("labels", labels)
        try c.field("train", train)
        try c.field("test", test)
        try c.field("restarts", restarts)
        try c.field("epochs", epochs)
        try c.field("seed", seed)
        try c.field("threads", threads)
    }
}

/// What a `ProbeRequest` produced: the request and the embeddings it ran on, the accuracy (mean
/// and sample standard deviation in percent, every restart's accuracy, the split's sizes),
/// timings, memory and versions.
public struct ProbeRecord: UseCaseRecord {
    /// The request type.
    public typealias Request = ProbeRequest
    /// The embeddings' file, hash and shape.
    public typealias Provenance = EmbeddingsProvenance

    /// `probe`.
    public var useCase: UseCaseKind
    /// The versions that wrote the record.
    public var versions: RecordVersions
    /// The embeddings it ran on.
    public var embeddings: EmbeddingsProvenance
    /// The request as it ran.
    public var request: ProbeRequest
    /// The probe's accuracy.
    public var accuracy: LinearProbe.Report
    /// Wall times: load, `probe`, total.
    public var timings: RecordTimings
    /// Memory.
    public var memory: RecordMemory

    /// The input the record ran on (its embeddings). Complexity: O(1).
    public var graph: EmbeddingsProvenance { embeddings }

    /// Complexity: O(1).
    public init(embeddings: EmbeddingsProvenance, request: ProbeRequest, accuracy: LinearProbe.Report, timings: RecordTimings,
                memory: RecordMemory) {
        useCase = .probe
        versions = RecordVersions()
        self.embeddings = embeddings
        self.request = request
        self.accuracy = accuracy
        self.timings = timings
        self.memory = memory
    }
}

extension ProbeRequest {
    /// Reads the classes and the split by the embeddings' node labels and runs the probe.
    ///
    /// - Throws: `InfluenceError(.usage)` naming the parameter at fault (`restarts`, `epochs`);
    ///   `.data` with file and line for a bad labels or split file, and naming the file for a
    ///   train or test node without a class; `InfluenceError.cancelled`.
    /// - Complexity: O(restarts · epochs · |train| · d · classes) over `threads` workers, plus the files.
    public func run(on input: EmbeddingsInput, context: RunContext) throws(InfluenceError) -> ProbeRecord {
        var total = Stopwatch()
        try validate()
        let emb = input.embeddings
        let lookup = emb.exactRowLookup()
        let classes = try NodeLabelFile.readClasses(labels, rows: emb.count, node: lookup)
        let trainRows = try NodeLabelFile.readSplit(train, node: lookup)
        let testRows = try NodeLabelFile.readSplit(test, node: lookup)
        for (name, path, rows) in [("train", train, trainRows), ("test", test, testRows)] {
            if let bad = rows.first(where: { classes[$0] < 0 }) {
                throw InfluenceError(.data, file: path, parameter: ParameterKey(rawValue: name),
                                     "node '\(emb.labels[bad])' has no class in \(labels) (expected every \(name) node to be labelled)")
            }
        }
        try context.checkCancelled()
        var clock = Stopwatch()
        let probe = LinearProbe(configuration: .init(restarts: restarts, epochs: epochs, seed: seed, threads: threads))
        let progress = context.progress
        progress.begin("probe", total: restarts, unit: "restarts")
        let report = try probe.evaluate(embeddings: emb.vectors, classes: classes, train: trainRows, test: testRows) { worker in
            progress.advance(by: 1, worker: worker)
        }
        progress.end()
        try context.checkCancelled()
        let seconds = clock.lap()
        return ProbeRecord(
            embeddings: input.provenance, request: self, accuracy: report,
            timings: RecordTimings(loadSeconds: input.loadSeconds, phases: [PhaseTiming(name: "probe", seconds: seconds, rrSets: 0)],
                                   totalSeconds: input.loadSeconds + total.lap()),
            memory: RecordMemory(peakResidentBytes: SystemMemory.peakResidentBytes, limitBytes: SystemMemory.defaultLimitBytes))
    }
}
