import Foundation
import Testing
import GraphInfomax
import InfluenceKit

/// `EmbedRequest` and `ProbeRequest`: each record holds its request and its input's provenance,
/// so the record alone — written as JSON, read back as a `RunDocument` through the registry
/// that knows embed and probe — reruns to the same embeddings (bit for bit, by their hash) and
/// the same accuracies.
@Suite struct EmbedRequestTests {
    static let root = CLIPaths.root + "/Graphs/communities/"
    static let load = GraphLoadOptions(undirected: true)

    static let cases: [EmbedRequest] = [
        EmbedRequest(features: root + "features.txt", dimensions: 16, epochs: 30, seed: 3, threads: 2),
        EmbedRequest(method: .grace, dimensions: 8, epochs: 4, temperature: 0.7, edgeDropRates: [0.1, 0.3], seed: 5, threads: 1),
    ]

    @Test(arguments: cases)
    func embeddingRecordReproducesTheRun(_ base: EmbedRequest) throws {
        let output = temporaryPath("use-case-\(base.method.rawValue).npy")
        defer { try? FileManager.default.removeItem(atPath: output) }
        var request = base
        request.output = output
        let input = try GraphInput.load(Self.root + "edges.txt", options: Self.load)
        let run = try request.embed(on: input)
        let record = run.record
        #expect(record.request == request && record.graph == input.provenance && record.useCase == .embed)
        #expect(record.nodes == 120 && record.dimensions == request.resolvedDimensions)
        #expect(run.embeddings.count == 120 && run.embeddings.dimensions == request.resolvedDimensions)
        #expect(record.embeddingsHash == run.embeddings.contentHash)
        #expect(record.features.columns == (request.features == nil ? StructuralFeatures.names.count : 60), "the bundled features have 60 columns")
        #expect(!FileManager.default.fileExists(atPath: output), "embed writes nothing")
        // The same training by the model types directly.
        let x = try request.features.map { try NodeFeatureFile.read($0, graph: input.graph) } ?? StructuralFeatures.of(input.graph)
        let edges = UndirectedEdges(input.graph)
        let direct: TrainedEncoder<DGIParameters<Float>>? = request.method == .dgi
            ? try DeepGraphInfomax(configuration: .init(dimensions: 16, maxEpochs: 30, seed: 3, threads: 2)).fit(features: x, edges: edges)
            : nil
        if let direct {
            #expect(direct.embeddings == run.embeddings.vectors)
            #expect(record.training == EmbeddingRecord.Training(direct.report))
        }
        // Through JSON, then rerun from the record alone: the file is written, the hash is the same.
        let text = try ReportJSON.text(record)
        #expect(try JSONDecoder().decode(EmbeddingRecord.self, from: Data(text.utf8)) == record)
        let document = try RunDocument.decode(Array(text.utf8), registry: .withEmbeddings)
        #expect(document.request == .registered(request) && document.graph?.path == Self.root + "edges.txt")
        let rerun = try document.run()
        #expect(rerun.changedHash == nil)
        let again = try #require(rerun.record as? EmbeddingRecord)
        #expect(again.embeddingsHash == record.embeddingsHash && again.training == record.training)
        #expect(again.request == record.request && again.graph == record.graph)
        let written = try NodeEmbeddings.load(output)
        #expect(written == run.embeddings)
    }

    @Test func probeRecordReproducesTheRun() throws {
        let path = temporaryPath("use-case-probe.npy")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let input = try GraphInput.load(Self.root + "edges.txt", options: Self.load)
        let run = try EmbedRequest(features: Self.root + "features.txt", dimensions: 32, epochs: 100, seed: 1, threads: 2).embed(on: input)
        try run.embeddings.save(to: path)
        let embeddings = try EmbeddingsInput.load(path)
        #expect(embeddings.contentHash == EmbeddingsInput(run.embeddings).contentHash)
        let request = ProbeRequest(labels: Self.root + "labels.txt", train: Self.root + "train.txt", test: Self.root + "test.txt",
                                   restarts: 4, epochs: 60, seed: 2)
        let record = try request.run(on: embeddings)
        #expect(record.embeddings == EmbeddingsProvenance(path: path, contentHash: embeddings.contentHash, nodes: 120, dimensions: 32))
        #expect(record.accuracy.accuracies.count == 4 && record.accuracy.mean > 80, "\(record.accuracy)")
        let text = try ReportJSON.text(record)
        #expect(try JSONDecoder().decode(ProbeRecord.self, from: Data(text.utf8)) == record)
        let document = try RunDocument.decode(Array(text.utf8), registry: .withEmbeddings)
        #expect(document.request == .registered(request) && document.graph?.path == path)
        let rerun = try document.run()
        #expect(rerun.changedHash == nil)
        let again = try #require(rerun.record as? ProbeRecord)
        #expect(again.accuracy == record.accuracy && again.request == request)
        // The restarts run in parallel, each from its own stream: any thread count gives the
        // same accuracies, restart by restart (a start drawn per worker would differ).
        for threads in [1, 3] {
            var other = request
            other.threads = threads
            #expect(try other.run(on: embeddings).accuracy == record.accuracy, "threads \(threads)")
        }
    }

    @Test func badRequestsNameTheirParameter() throws {
        let input = try GraphInput.load(Self.root + "edges.txt", options: Self.load)
        let bad: [(EmbedRequest, String)] = [
            (.init(dimensions: 0), "dimensions"), (.init(epochs: 0), "epochs"), (.init(patience: 0), "patience"),
            (.init(learningRate: -1), "learningRate"), (.init(temperature: 0), "temperature"),
            (.init(edgeDropRates: [0.2]), "edgeDropRates"), (.init(featureMaskRates: [0.2, 1]), "featureMaskRates"),
            (.init(threads: 0), "threads"),
        ]
        for (request, parameter) in bad {
            let error = try #require(throws: InfluenceError.self) { try request.run(on: input) }
            #expect(error.parameter == parameter, "\(error)")
        }
        let named = try GraphInput(InfluenceGraph(sources: [0], targets: [1], labels: ["a", "b"], undirected: true))
        let npy = try #require(throws: InfluenceError.self) { try EmbedRequest(epochs: 1, output: "x.npy").run(on: named) }
        #expect(npy.parameter == "output" && npy.kind == .usage)
        let embeddings = EmbeddingsInput(NodeEmbeddings(labels: ["0", "1"], vectors: Matrix(rows: 2, columns: 1, values: [0, 1])))
        for (request, parameter) in [(ProbeRequest(labels: "l", train: "t", test: "u", restarts: 0), "restarts"),
                                     (ProbeRequest(labels: "l", train: "t", test: "u", epochs: 0), "epochs"),
                                     (ProbeRequest(labels: "l", train: "t", test: "u", threads: 0), "threads")] {
            let error = try #require(throws: InfluenceError.self) { try request.run(on: embeddings) }
            #expect(error.parameter == parameter, "\(error)")
        }
        // A probe does not run on a graph, nor an embed request on embeddings.
        let wrong = try #require(throws: InfluenceError.self) {
            try ProbeRequest(labels: "l", train: "t", test: "u").run(onAny: input)
        }
        #expect(wrong.parameter == "graph" && wrong.message.contains("node embeddings"))
    }

    @Test func requestDocumentsTakeDefaultsAndRefuseUnknownKeys() throws {
        let embed = try RunDocument.decode(Array(#"{"useCase": "embed", "graph": {"path": "g.txt"}, "request": {}}"#.utf8),
                                           registry: .withEmbeddings)
        #expect(embed.request == .registered(EmbedRequest()) && embed.graph?.path == "g.txt")
        let probe = try RunDocument.decode(Array(#"{"useCase": "probe", "embeddings": {"path": "e.npy"}, "request": {"labels": "l", "train": "t", "test": "u"}}"#.utf8),
                                           registry: .withEmbeddings)
        #expect(probe.request == .registered(ProbeRequest(labels: "l", train: "t", test: "u")) && probe.graph?.path == "e.npy")
        #expect(probe.request != embed.request)
        let cases: [(String, String)] = [
            (#"{"useCase": "embed", "request": {"dim": 16}}"#, "dim"),
            (#"{"useCase": "embed", "request": {"method": "gcn"}}"#, "method"),
            (#"{"useCase": "embed", "request": {"edgeDropRates": 0.2}}"#, "edgeDropRates"),
            (#"{"useCase": "probe", "request": {"labels": "l", "train": "t"}}"#, "test"),
            (#"{"useCase": "probe", "request": {"labels": "l", "train": "t", "test": "u", "restart": 3}}"#, "restart"),
        ]
        for (text, key) in cases {
            let error = try #require(throws: InfluenceError.self) { try RunDocument.decode(Array(text.utf8), registry: .withEmbeddings) }
            #expect(error.kind == .usage && error.parameter == key, "\(text): \(error)")
        }
    }

    /// Cancellation is asked after each epoch: a flag set from the first epoch's callback stops
    /// training there.
    @Test func cancellationStopsTrainingAfterTheEpoch() throws {
        let input = try GraphInput.load(Self.root + "edges.txt", options: Self.load)
        let flag = CancellationFlag()
        var epochs = 0
        let error = try #require(throws: InfluenceError.self) {
            try EmbedRequest(method: .grace, dimensions: 4, epochs: 50, threads: 1).embed(on: input, context: RunContext(cancellation: flag)) { _, _ in
                epochs += 1
                flag.cancel()
            }
        }
        #expect(error == InfluenceError.cancelled && epochs == 1)
    }

    /// `fit` leaves the model value as it was and gives what `train` stores.
    @Test func fitIsTrainWithoutMutation() throws {
        let edges = TestGraphs.tenNodes
        let features = FeatureMatrix<Float>.dense(Matrix<Float>(rows: 10, columns: 3, values: (0..<30).map { Float($0 % 7) / 7 }))
        let grace = GRACE(configuration: .init(dimensions: 4, epochs: 3, seed: 2))
        let fitted = try grace.fit(features: features, edges: edges)
        #expect(grace.embeddings == nil && grace.report == nil)
        var trained = grace
        try trained.train(features: features, edges: edges)
        #expect(trained.embeddings == fitted.embeddings && trained.report?.losses == fitted.report.losses)
    }
}
