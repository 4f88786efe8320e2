extension ClosedRequest {
    /// Runs the request on `input`: resolves the seeds, binds IC, runs the method and scores it
    /// and the baselines on the same worlds.
    ///
    /// - Throws: `InfluenceError` naming the parameter at fault (see `validate()`; `seeds` for a
    ///   label the graph lacks or a repeat); `.resource` with `greedyBudget` when the greedy's
    ///   estimate is above its budget; `InfluenceError.cancelled`.
    /// - Complexity: that of `ClosedNetworkIM.run`.
    public func run(on input: GraphInput, context: RunContext) throws(InfluenceError) -> ClosedRecord {
        try validate()
        let graph = input.graph
        let nodes = try SimulateRequest.resolve(seeds, in: graph)
        let model = try modelSpecification.bind(to: graph)
        var engine = try ClosedNetworkIM(model: model, seeds: nodes, configuration: configuration)
        let report = try engine.run(provenance: .init(graph: input.provenance.path, seedsFile: "(request)", loadSeconds: input.loadSeconds),
                                    progress: context.engineProgress)
        try context.checkCancelled()
        return ClosedRecord(graph: input.provenance, request: self, result: report, keptArcs: engine.keptArcs())
    }
}

extension ClosedNetworkIM {
    /// The last run's kept arcs, labelled. Complexity: O(|G_k|).
    public func keptArcs() -> [ClosedRecord.KeptArc] {
        guard let subnetwork else { return [] }
        return subnetwork.arcs.map { a in
            ClosedRecord.KeptArc(user: problem.graph.label(of: problem.tail(of: a)), friend: problem.graph.label(of: problem.head(of: a)),
                                 probability: Float(problem.probabilities[a]))
        }
    }
}
