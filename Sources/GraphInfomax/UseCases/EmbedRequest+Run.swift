import InfluenceKit

extension EmbedRequest {
    /// Runs the request on `input` and, when `output` is set, writes the embeddings there
    /// (atomically). What `infmax run` and `ik_run` call.
    ///
    /// - Throws: as `embed`; `InfluenceError(.usage, parameter: "output")` for a `.npy` output
    ///   of a graph whose labels are not 0..n−1; `.io` when the file cannot be written.
    /// - Complexity: as `embed`, plus O(n·d) for the file.
    public func run(on input: GraphInput, context: RunContext) throws(InfluenceError) -> EmbeddingRecord {
        try runKeepingEmbeddings(on: input, context: context).record
    }

    /// `run(on:context:)` returning the embeddings beside the record (what `ik_run` hands to the
    /// Python package as a float32 array): writes them to `output` when it is set.
    ///
    /// - Throws: as `run(on:context:)`.
    /// - Complexity: as `run(on:context:)`.
    public func runKeepingEmbeddings(on input: GraphInput, context: RunContext) throws(InfluenceError) -> EmbeddingRun {
        if let output { try Self.checkOutput(output, for: input.graph) }
        let run = try embed(on: input, context: context)
        if let output { try run.embeddings.save(to: output) }
        return run
    }

    /// Trains the encoder on `input` and returns the record with the embeddings; writes nothing.
    /// `epochDone(epoch, loss)` is called after each epoch (for a live loss display); progress
    /// goes to `context.progress`, one step per epoch.
    ///
    /// - Throws: `InfluenceError` naming the parameter at fault (see `validate`; `features` for
    ///   features that do not fit the graph); `.data` with file and line for a bad features
    ///   file; `InfluenceError.cancelled` when cancellation was asked for (checked after each epoch).
    /// - Complexity: per epoch O(nnz(X)·d + nnz(Â)·d + n·d + d²) for dgi, O(n²·d / threads)
    ///   for grace's InfoNCE loss.
    public func embed(on input: GraphInput, context: RunContext = RunContext(),
                      epochDone: (_ epoch: Int, _ loss: Double) -> Void = { _, _ in }) throws(InfluenceError) -> EmbeddingRun {
        var total = Stopwatch()
        try validate()
        let graph = input.graph
        var clock = Stopwatch()
        let x: FeatureMatrix<Float>
        let source: String
        if let features {
            x = try NodeFeatureFile.read(features, format: featureFormat, graph: graph)
            source = features
        } else {
            x = StructuralFeatures.of(graph)
            source = "structural (\(StructuralFeatures.names.joined(separator: ", ")))"
        }
        let edges = UndirectedEdges(graph)
        let featureSeconds = clock.lap()
        let progress = context.progress
        progress.begin("training \(method.rawValue)", total: resolvedEpochs, unit: "epochs")
        let step: (Int, Double) -> Void = { epoch, loss in
            progress.advance(by: 1, worker: 0)
            epochDone(epoch, loss)
        }
        let cancellation = context.cancellation
        let stop = { cancellation?.isCancelled == true }
        let vectors: Matrix<Float>
        let report: TrainingReport
        switch method {
        case .dgi:
            let trained = try DeepGraphInfomax(configuration: .init(
                dimensions: resolvedDimensions, learningRate: resolvedLearningRate, patience: patience, maxEpochs: resolvedEpochs,
                seed: seed, threads: threads, normalizeFeatures: features != nil)).fit(features: x, edges: edges, epochDone: step,
                                                                                 isCancelled: stop)
            vectors = trained.embeddings
            report = trained.report
        case .grace:
            let trained = try GRACE(configuration: .init(
                dimensions: resolvedDimensions, learningRate: resolvedLearningRate, temperature: temperature, epochs: resolvedEpochs,
                edgeDropRates: (edgeDropRates[0], edgeDropRates[1]), featureMaskRates: (featureMaskRates[0], featureMaskRates[1]),
                seed: seed, threads: threads, normalizeFeatures: features != nil)).fit(features: x, edges: edges, epochDone: step,
                                                                                 isCancelled: stop)
            vectors = trained.embeddings
            report = trained.report
        }
        progress.end()
        let trainingSeconds = clock.lap()
        let embeddings = NodeEmbeddings(graph: graph, vectors: vectors)
        let record = EmbeddingRecord(
            graph: input.provenance, request: self, method: method.rawValue,
            features: .init(source: source, columns: x.columns), nodes: graph.nodeCount, edges: edges.count,
            dimensions: vectors.columns, training: .init(report), embeddingsHash: embeddings.contentHash,
            timings: RecordTimings(loadSeconds: input.loadSeconds,
                                   phases: [PhaseTiming(name: "features", seconds: featureSeconds, rrSets: 0),
                                            PhaseTiming(name: "training", seconds: trainingSeconds, rrSets: 0)],
                                   totalSeconds: input.loadSeconds + total.lap()),
            memory: RecordMemory(peakResidentBytes: SystemMemory.peakResidentBytes, limitBytes: SystemMemory.defaultLimitBytes))
        return EmbeddingRun(record: record, embeddings: embeddings)
    }

    /// Refuses a `.npy` output for a graph whose labels are not its row numbers 0..n−1 (a
    /// `.npy` file holds rows only), before any training.
    ///
    /// - Throws: `InfluenceError(.usage, parameter: "output")`.
    /// - Complexity: O(n).
    public static func checkOutput(_ path: String, for graph: InfluenceGraph) throws(InfluenceError) {
        guard path.lowercased().hasSuffix(".npy") else { return }
        guard NodeEmbeddings(graph: graph, vectors: Matrix(rows: graph.nodeCount, columns: 0)).labelsAreRowNumbers else {
            throw InfluenceError(.usage, file: path, parameter: "output",
                                 "the graph's node labels are not 0..n-1, and a .npy file holds rows only (expected a .tsv output, which keeps each label)")
        }
    }
}
