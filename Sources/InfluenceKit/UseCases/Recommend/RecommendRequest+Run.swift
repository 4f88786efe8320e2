extension RecommendRequest {
    /// Runs the request on `input`: prepares HeteroInf and (when a method needs them, or the
    /// request evaluates) the RR sets, ranks each inviter's candidates by the request's method,
    /// and — with `truth` — scores every method's lists on the same Monte Carlo worlds against the
    /// held-out invitations, then the frontier when asked for.
    ///
    /// - Throws: `InfluenceError` naming the parameter at fault (`k`, `setsPerNode`, `capacity`,
    ///   `tradeOff`, `topC`, `worlds`, `frontier`, `inviters`, `threads`); `.data`/`.io` for an
    ///   unreadable truth file; `InfluenceError.cancelled`.
    /// - Complexity: O(m log Δ) for HeteroIR, the RR sampling (see `HeteroIMSets`), O(Σ deg log
    ///   deg) per method's lists, and O(worlds · arcs reached) per evaluated method.
    public func run(on input: InviteInput, context: RunContext) throws(InfluenceError) -> RecommendRecord {
        var total = Stopwatch()
        try validate()
        let graph = input.graph
        guard let labels = inviters ?? input.inviters else {
            throw InfluenceError(.usage, parameter: "inviters", "no inviters (expected inviters in the request, or an inviter file with the input)")
        }
        let inviterNodes = try InviteInput.nodes(of: labels, in: graph)
        var watch = Stopwatch()
        let truthPairs = try truth.map { (path) throws(InfluenceError) in try TruthPairs.read(path) }
        let truthSeconds = watch.lap()
        var warnings: [String] = []
        let without = inviterNodes.filter { graph.outDegree($0) == 0 }
        if !without.isEmpty {
            warnings.append("\(without.count) inviter\(without.count == 1 ? " has" : "s have") no out-arcs and get\(without.count == 1 ? "s" : "") an empty list (first: \(graph.labels[without[0]]))")
        }
        // Evaluation scores every method, so the RR sets are needed whenever it runs.
        var configuration = InviteeRecommender.Configuration(
            algorithm: algorithm, setsPerNode: setsPerNode, capacity: capacity, tradeOff: tradeOff, topC: topC, seed: seed,
            threads: threads, samplesSets: truth != nil ? true : nil)
        configuration.memoryLimitBytes = memoryLimitBytes
        let progress = context.engineProgress
        let recommender = try InviteeRecommender(graph: graph, configuration: configuration, inviters: inviterNodes, progress: progress)
        try context.checkCancelled()
        let setupSeconds = watch.lap()
        let lists = try recommender.recommend(forNodes: inviterNodes, k: k, method: method)
        let listSeconds = watch.lap()
        var phases = [PhaseTiming(name: "heteroInf", seconds: setupSeconds - recommender.samplingSeconds, rrSets: 0),
                      PhaseTiming(name: "sampling", seconds: recommender.samplingSeconds, rrSets: recommender.sets?.pool.count ?? 0),
                      PhaseTiming(name: "lists", seconds: listSeconds, rrSets: 0)]
        var evaluation: RecommendRecord.Evaluation?
        if let truth, let truthPairs {
            evaluation = try evaluateAll(recommender, inviters: inviterNodes, lists: lists, listSeconds: listSeconds,
                                         truth: truth, pairs: truthPairs, context: context)
            phases.append(PhaseTiming(name: "evaluation", seconds: truthSeconds + watch.lap(), rrSets: 0))
        }
        let sampled = method.needsSets || truth != nil
        return RecommendRecord(
            graph: input.provenance, request: self, method: method.displayName, inviters: inviterNodes.count,
            setsPerNode: sampled ? recommender.setsPerNode : nil, calibration: recommender.calibration,
            rrSets: recommender.sets?.pool.count, meanRRSetSize: recommender.sets?.pool.meanSetSize, lists: lists,
            evaluation: evaluation, warnings: warnings,
            timings: RecordTimings(loadSeconds: input.loadSeconds, phases: phases, totalSeconds: input.loadSeconds + total.lap()),
            memory: RecordMemory(peakResidentBytes: SystemMemory.peakResidentBytes, limitBytes: SystemMemory.defaultLimitBytes))
    }

    /// Every algorithm's lists scored on the same worlds, the request's method first, then the
    /// frontier when asked for. Complexity: as `run`'s evaluation.
    private func evaluateAll(_ recommender: InviteeRecommender, inviters: [Int], lists: [InviteeList], listSeconds: Double,
                             truth: String, pairs: TruthPairs, context: RunContext) throws(InfluenceError) -> RecommendRecord.Evaluation {
        var methods: [(RecommendationMethod, [InviteeList], Double)] = [(method, lists, listSeconds)]
        for other in RecommendationAlgorithm.allCases where RecommendationMethod.algorithm(other) != method {
            var watch = Stopwatch()
            let otherLists = try recommender.recommend(forNodes: inviters, k: k, method: .algorithm(other))
            methods.append((.algorithm(other), otherLists, watch.lap()))
        }
        let progress = context.progress
        var scored: [RecommendRecord.MethodScores] = []
        var evaluated: Int?
        progress.begin("evaluating", total: methods.count, unit: "methods")
        for (method, methodLists, seconds) in methods {
            try context.checkCancelled()
            let e = try recommender.evaluate(methodLists, truth: pairs, maxK: k, worlds: worlds, seed: evaluationSeed)
            evaluated = e.metrics?.inviters
            scored.append(RecommendRecord.MethodScores(method: method, evaluation: e, seconds: seconds))
            progress.advance(by: 1, worker: 0)
        }
        progress.end()
        var frontierRows: [RecommendRecord.MethodScores]?
        if frontier {
            let lambdas = (0...10).map { Double($0) / 10 }
            let all = try recommender.recommend(forNodes: inviters, k: k, methods: lambdas.map { .tradeOff($0) })
            var rows: [RecommendRecord.MethodScores] = []
            for (lambda, lambdaLists) in zip(lambdas, all) {
                try context.checkCancelled()
                let e = try recommender.evaluate(lambdaLists, truth: pairs, maxK: k, worlds: worlds, seed: evaluationSeed)
                rows.append(RecommendRecord.MethodScores(method: .tradeOff(lambda), evaluation: e, seconds: nil))
            }
            frontierRows = rows
        }
        return RecommendRecord.Evaluation(truth: truth, truthPairs: pairs.pairCount, evaluatedInviters: evaluated, worlds: worlds,
                                          evaluationSeed: evaluationSeed, methods: scored, frontier: frontierRows)
    }
}
