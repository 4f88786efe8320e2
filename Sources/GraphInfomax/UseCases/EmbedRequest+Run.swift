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
        let limit = input.provenance.load?.memoryLimitBytes ?? SystemMemory.defaultLimitBytes
        // The training state is sized by the nodes and dimensions: checked before features are built.
        try Self.checkMemory(nodes: graph.nodeCount, featureColumns: features == nil ? StructuralFeatures.names.count : 1,
                             dimensions: resolvedDimensions, limit: limit)
        var clock = Stopwatch()
        let x: FeatureMatrix<Float>
        let source: String
        if let features {
            x = try NodeFeatureFile.read(features, format: featureFormat, graph: graph, limitBytes: limit)
            try Self.checkMemory(nodes: graph.nodeCount, featureColumns: x.columns, dimensions: resolvedDimensions, limit: limit)
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

extension EmbedRequest {
    /// Bytes training holds for `nodes` nodes, `featureColumns` features and `dimensions`: about
    /// twelve n×d float matrices (embeddings, corrupted copy, activations, gradients), the
    /// features, and the weights with their Adam moments (`Int.max` on overflow).
    /// Complexity: O(1).
    static func trainingBytes(nodes: Int, featureColumns: Int, dimensions: Int) -> Int {
        let (perNode, o1) = dimensions.multipliedReportingOverflow(by: 12)
        let (row, o2) = perNode.addingReportingOverflow(featureColumns)
        let (a, o3) = nodes.multipliedReportingOverflow(by: row)
        let (w, o4) = featureColumns.multipliedReportingOverflow(by: 4 * dimensions)
        let (total, o5) = a.addingReportingOverflow(w)
        let (bytes, o6) = total.multipliedReportingOverflow(by: 4)
        return o1 || o2 || o3 || o4 || o5 || o6 ? Int.max : bytes
    }

    /// Throws `InfluenceError(.resource)` (parameter `memoryLimit`) when `trainingBytes` exceeds
    /// `limit`, naming the flags that size it. Complexity: O(1).
    static func checkMemory(nodes: Int, featureColumns: Int, dimensions: Int, limit: Int) throws(InfluenceError) {
        let needed = trainingBytes(nodes: nodes, featureColumns: featureColumns, dimensions: dimensions)
        guard needed > limit else { return }
        let shown = needed == Int.max ? "more than 2^63 bytes" : "about \(SystemMemory.describe(needed))"
        throw InfluenceError(.resource, parameter: "memoryLimit",
            "embedding \(nodes) nodes with \(featureColumns) features in \(dimensions) dimensions needs \(shown), above the memory limit \(SystemMemory.describe(limit)) (expected fewer nodes (--nodes), a smaller --dim, or a higher --max-memory)")
    }
}
