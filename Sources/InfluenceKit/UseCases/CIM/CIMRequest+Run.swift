extension CIMRequest {
    /// Runs the request on `input` for its AP set: reads the APs, binds the model, computes
    /// PageRank when the baselines or `keepBest` ask for it, and runs the configured algorithm.
    ///
    /// - Throws: `InfluenceError` naming the parameter at fault (see `validate()`, and the AP
    ///   file's own errors with file and line); `.resource` with `monteCarloBudget` for a Monte
    ///   Carlo greedy above its budget; `InfluenceError.cancelled`.
    /// - Complexity: that of `CapacityConstrainedIM.run`.
    public func run(on input: GraphInput, context: RunContext) throws(InfluenceError) -> CIMRecord {
        try validate()
        let model = try modelSpecification.bind(to: input.graph)
        let aps = try activeParticipantNodes(in: input.graph)
        return try run(on: input, model: model, activeParticipants: aps, pageRank: try pageRankIfNeeded(input), context: context)
    }

    /// Runs every AP set of `apFile` in order (the request's `apSet` is ignored); each record's
    /// request names its own set, so each reruns alone. PageRank is computed once for all.
    ///
    /// - Throws: as `run(on:context:)`; `.usage` with `apSet` without an AP file.
    /// - Complexity: one run per AP set.
    public func runEveryAPSet(on input: GraphInput, context: RunContext = RunContext()) throws(InfluenceError) -> [CIMRecord] {
        try validate()
        guard let apFile else {
            throw InfluenceError(.usage, parameter: "apSet", "every AP set of a file was asked for, but no AP file was given (expected apFile)")
        }
        let sets = try ActiveParticipantSets.read(apFile, limitBytes: max(1 << 20, memoryLimitBytes / 4))
        let model = try modelSpecification.bind(to: input.graph)
        let pageRank = try pageRankIfNeeded(input)
        var records: [CIMRecord] = []
        for number in 1...max(1, sets.sets.count) {
            var one = self
            one.apSet = number
            let aps = try sets.nodes(ofSet: number, in: input.graph)
            records.append(try one.run(on: input, model: model, activeParticipants: aps, pageRank: pageRank, context: context))
            try context.checkCancelled()
        }
        return records
    }

    /// The APs' dense ids: line `apSet` of `apFile`, or the labels given.
    func activeParticipantNodes(in graph: InfluenceGraph) throws(InfluenceError) -> [Int] {
        if let apFile { return try ActiveParticipantSets.read(apFile, limitBytes: max(1 << 20, memoryLimitBytes / 4)).nodes(ofSet: apSet, in: graph) }
        return try SimulateRequest.resolve(activeParticipants ?? [], in: graph, parameter: "activeParticipants")
    }

    private func pageRankIfNeeded(_ input: GraphInput) throws(InfluenceError) -> [Double]? {
        guard baselines || keepBest else { return nil }
        return try PageRankHeuristic(loaded: LoadedGraph(graph: input.graph, seconds: input.loadSeconds)).scores()
    }

    private func run(on input: GraphInput, model: any DiffusionModel, activeParticipants: [Int], pageRank: [Double]?,
                     context: RunContext) throws(InfluenceError) -> CIMRecord {
        var engine = try CapacityConstrainedIM(model: model, activeParticipants: activeParticipants, configuration: configuration)
        let provenance = CapacityConstrainedIM.Provenance(
            graph: input.provenance.path, apFile: apFile ?? "(labels)", apSet: apSet, probabilities: probabilities.recorded,
            normalizeLT: normalizeLT, loadSeconds: input.loadSeconds)
        let report = try engine.run(provenance: provenance, pageRank: pageRank, progress: context.engineProgress)
        try context.checkCancelled()
        return CIMRecord(graph: input.provenance, request: self, result: report)
    }
}
