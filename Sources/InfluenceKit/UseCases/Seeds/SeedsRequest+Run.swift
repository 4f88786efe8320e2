extension SeedsRequest {
    /// Runs the request on `input`: binds the model, runs OPIM-C, IMM or HIST, estimates the seeds'
    /// spread independently of the selection (fresh RR sets, or forward Monte Carlo when cheaper),
    /// and returns the record.
    ///
    /// Every rank of a distributed run (`context.communicator`) calls this with its own copy of
    /// the graph and the same request; each returns the single-process record, plus the rank
    /// count and per-rank timings in `distributed`.
    ///
    /// - Throws: `InfluenceError` naming the parameter at fault (`k`, `epsilon`, `delta`, `ell`,
    ///   `precision`, `evaluationSets`, `threads`, `memoryLimit`, `probabilities`,
    ///   `normalizeLT`); `InfluenceError.cancelled`.
    /// - Complexity: that of the algorithm plus the evaluation sets.
    public func run(on input: GraphInput, context: RunContext) throws(InfluenceError) -> SeedsRecord {
        var total = Stopwatch()
        let deadline = timeBudgetSeconds.map { ContinuousClock.now + .nanoseconds(Int64(min($0, 1e9) * 1e9)) }
        try validate()
        let graph = input.graph
        try SeedSelection.validate(k: k, epsilon: epsilon, nodeCount: graph.nodeCount)
        let communicator = context.communicator
        let progress = context.engineProgress
        let model = try modelSpecification.bind(to: graph)
        if algorithm == .embedding { return try runLearned(on: input, model: model, context: context, clock: total) }
        let sampler = try RRSetSampler(model: model, method: sampling)
        var selector = try RISSelector(model: model, algorithm: algorithm, parameters: ris, seed: seed,
                                       workers: threads, progress: progress)
        selector.communicator = communicator
        selector.deadline = deadline
        let outcome = try selector.run(k: k, sampler: sampler)
        try context.checkCancelled()
        let selection = outcome.selection

        var evaluationClock = Stopwatch()
        let evaluationCount = evaluationSets ?? Self.evaluationSize(for: selection)
        let evaluationBytes = 4 * Int(Double(evaluationCount).squareRoot()) + 8 * graph.nodeCount * threads
        var evaluationFailure: InfluenceError?
        do {
            try MemoryBudget(limitBytes: memoryLimitBytes).check(evaluationBytes, step: "evaluating on \(evaluationCount) RR sets")
        } catch { evaluationFailure = error }
        try communicator.agree(evaluationFailure)
        // By default the cheaper of fresh RR sets and forward Monte Carlo measures the spread (one
        // process; a distributed run keeps the RR sets its ranks share).
        var spread: SpreadValue
        var evaluationSamples: Int
        if evaluationSets == nil, !communicator.isDistributed,
           let forward = try Self.forwardEstimate(seeds: selection.seeds, expectedSpread: selection.selectionSpread, model: model,
                                                  forwardModel: { () throws(InfluenceError) in
                                                      // A reverse-only graph gets its forward CSR back for the cascades.
                                                      graph.hasForwardArcs ? model : try modelSpecification.bind(to: graph.withForwardArcs())
                                                  },
                                                  sampler: sampler, sets: evaluationCount, seed: seed, threads: threads,
                                                  memoryLimitBytes: memoryLimitBytes) {
            spread = SpreadValue(forward)
            evaluationSamples = 0
        } else {
            let interval = try SpreadInterval.estimate(seeds: selection.seeds, sampler: sampler, sets: evaluationCount,
                                                       seed: seed, workers: threads, progress: progress,
                                                       communicator: communicator)
            spread = SpreadValue(interval)
            evaluationSamples = interval.rrSets
        }
        try context.checkCancelled()
        let evaluationSeconds = evaluationClock.lap()

        let gains = selection.marginalGains
        let seeds = selection.seeds.enumerated().map { i, node in
            SeedEntry(label: graph.label(of: node), node: node, marginalGain: gains[i],
                      marginalCoverage: selection.marginalCoverage[i])
        }
        var rounds: [OPIMC.Round]?, refinement: OPIMC.Refinement?, delta: Double?
        var estimation: [IMM.EstimationRound]?, lowerBound: Double?
        switch outcome {
        case .opimC(let report):
            rounds = report.rounds; refinement = report.refinement; delta = report.delta
        case .imm(let report):
            estimation = report.estimationRounds; lowerBound = report.lowerBound
        case .hist(let report):
            rounds = report.rounds; delta = report.delta
        }
        let phases = selection.phases + [PhaseTiming(name: "evaluation", seconds: evaluationSeconds, rrSets: evaluationSamples)]
        let totalSeconds = input.loadSeconds + total.lap()
        var record = SeedsRecord(
            graph: input.provenance, request: self, model: BoundModel(model),
            algorithm: selection.algorithm, sampling: sampler.methodName, delta: delta, seeds: seeds,
            spread: spread, selectionSpread: selection.selectionSpread, guarantee: selection.guarantee,
            rrSets: .init(selection: selection.selectionSets, generated: selection.rrSetsGenerated, evaluation: evaluationSamples),
            rounds: rounds, refinement: refinement, estimationRounds: estimation, lowerBound: lowerBound,
            timings: RecordTimings(loadSeconds: input.loadSeconds, phases: phases, totalSeconds: totalSeconds),
            memory: RecordMemory(peakResidentBytes: SystemMemory.peakResidentBytes, limitBytes: memoryLimitBytes,
                                 peakRRSetBytes: selection.peakRRSetBytes,
                                 bytesPerArc: Self.bytesPerArc(model: model, sampler: sampler),
                                 bytesPerRRSetMember: selection.peakRRSetMembers > 0
                                     ? Double(selection.peakRRSetBytes) / Double(selection.peakRRSetMembers) : nil))
        if case .opimC(let report) = outcome, timeBudgetSeconds != nil { record.stoppedAtTimeBudget = report.stoppedAtDeadline }
        if case .hist(let report) = outcome { record.hist = report.summary }
        if communicator.isDistributed {
            record.distributed = DistributedRunRecord.gather(
                communicator, phases: selection.phases, evaluationSeconds: evaluationSeconds, loadSeconds: input.loadSeconds,
                totalSeconds: totalSeconds, peakRRSetBytes: selection.peakRRSetBytes,
                peakResidentBytes: SystemMemory.peakResidentBytes)
        }
        return record
    }

    /// `embedding`: the learned selector, then the spread on fresh RR sets (2^16 by default).
    private func runLearned(on input: GraphInput, model: any DiffusionModel, context: RunContext,
                            clock: Stopwatch) throws(InfluenceError) -> SeedsRecord {
        var total = clock
        if context.communicator.isDistributed {
            throw InfluenceError(.usage, parameter: "algorithm", "embedding runs in one process (expected one rank, or opim-c or imm)")
        }
        let graph = input.graph
        let selection = context.selectionContext(input: input, model: model, seed: seed, threads: threads, ris: ris,
                                                 celfRuns: 1, embedding: embedding)
        let ranking = try algorithm.makeSelector(selection).select(k: k)
        try context.checkCancelled()
        var evaluationClock = Stopwatch()
        let sampler = try RRSetSampler(model: model, method: sampling)
        let interval = try SpreadInterval.estimate(seeds: ranking.seeds, sampler: sampler,
                                                   sets: RRSetSampler.roundedToTasks(evaluationSets ?? 65_536),
                                                   seed: seed, workers: threads, progress: context.engineProgress)
        try context.checkCancelled()
        let evaluationSeconds = evaluationClock.lap()
        let phases = [PhaseTiming(name: "selection", seconds: ranking.seconds, rrSets: embedding.rrSets),
                      PhaseTiming(name: "evaluation", seconds: evaluationSeconds, rrSets: interval.rrSets)]
        var record = SeedsRecord(
            graph: input.provenance, request: self, model: BoundModel(model), algorithm: "embedding", sampling: sampler.methodName,
            delta: nil, seeds: ranking.seeds.map { SeedEntry(label: graph.label(of: $0), node: $0) },
            spread: SpreadValue(interval), selectionSpread: nil, guarantee: nil,
            rrSets: .init(selection: 0, generated: embedding.rrSets, evaluation: interval.rrSets),
            rounds: nil, refinement: nil, estimationRounds: nil, lowerBound: nil,
            timings: RecordTimings(loadSeconds: input.loadSeconds, phases: phases, totalSeconds: input.loadSeconds + total.lap()),
            memory: RecordMemory(peakResidentBytes: SystemMemory.peakResidentBytes, limitBytes: memoryLimitBytes))
        record.note = ranking.note
        return record
    }

    /// Bytes per arc of what a run on `model` held per arc: the graph's arrays, the model's
    /// per-arc values when it made them (IC: Float probabilities and 63-bit coin thresholds,
    /// forward and reverse; none under weighted cascade unless something needed them) and the
    /// sampler's tables. Complexity: O(1).
    static func bytesPerArc(model: any DiffusionModel, sampler: RRSetSampler) -> Double? {
        let graph = model.graph
        guard graph.arcCount > 0 else { return nil }
        var bytes = graph.structureBytes + sampler.tableBytes
        if let ic = model as? IndependentCascade {
            if ic.holdsArcValues { bytes += 24 * graph.arcCount }
        } else {
            bytes += (model.arcInfluence.count + model.inArcInfluence.count) * 4
        }
        return Double(bytes) / Double(graph.arcCount)
    }

    /// The spread by forward Monte Carlo when that is expected to cost fewer arc visits than
    /// `sets` RR sets, else nil. The RR sets are priced at the mean size of 64 pilot sets each;
    /// when 256 cascades of `expectedSpread` nodes of mean out-degree would already cost more, the
    /// answer is nil at once. Otherwise a pilot of 256 cascades (their arcs examined and the
    /// spread's variance) sizes the runs for the same precision as the RR sets' default: a 95% half-width
    /// of 1.96% (1% relative standard error). Small seed sets, whose spread is small, are then measured in O(σ·degree) per run
    /// instead of O(n/σ) sets. Runs use the Monte Carlo streams of `seed`, independent of every RR
    /// set, and do not depend on the thread count.
    ///
    /// `forwardModel` gives the model the cascades run on (`model` itself unless its graph is
    /// reverse-only); it is asked for only when the pilot is drawn.
    ///
    /// Complexity: the pilot, plus the runs when chosen.
    static func forwardEstimate(seeds: [Int], expectedSpread: Double, model: any DiffusionModel,
                                forwardModel: () throws(InfluenceError) -> any DiffusionModel, sampler: RRSetSampler,
                                sets: Int, seed: UInt64, threads: Int, memoryLimitBytes: Int) throws(InfluenceError) -> SpreadEstimate? {
        let pilotRuns = 4 * MonteCarloSimulator.runsPerTask
        let graph = model.graph
        let reverseCost = Double(sets) * max(1, sampler.pilotMeanSetSize(seed: seed))
        let meanDegree = Double(graph.arcCount) / Double(max(1, graph.nodeCount))
        guard Double(pilotRuns) * max(1, expectedSpread) * (1 + meanDegree) < reverseCost else { return nil }
        let simulator = try MonteCarloSimulator(model: try forwardModel(), configuration: .init(runs: pilotRuns, seed: seed, threads: threads,
                                                                                    memoryLimitBytes: memoryLimitBytes))
        var pilot = MonteCarloTally()
        try simulator.simulate(seeds: seeds, runs: 0..<pilotRuns, into: &pilot)
        let estimate = pilot.estimate
        guard estimate.mean > 0 else { return nil }
        let target = 0.0196
        let ratio = estimate.halfWidth / (target * estimate.mean)
        let runs = max(Double(pilotRuns), Double(pilotRuns) * ratio * ratio)
        let perRun = Double(pilot.arcsExamined + pilot.sum) / Double(pilotRuns)
        let forwardCost = runs * perRun
        guard forwardCost < reverseCost else { return nil }
        return try simulator.simulate(seeds: seeds, untilRelativeError: target,
                                      maxRuns: max(pilotRuns, min(MonteCarloSimulator.maximumRuns, Int(runs * 4)))).estimate
    }

    /// Fresh sets for the spread interval: enough for a relative standard error of about 1%
    /// (a 95% interval of about ±2%) at the coverage the selection pool saw, within [2^14, 2^22],
    /// and no more than the selection pool held (small seed sets, whose tiny coverage would ask
    /// for millions, are then measured about as precisely as they were selected).
    /// Complexity: O(k).
    public static func evaluationSize(for selection: SeedSelection) -> Int {
        let covered = Double(selection.marginalCoverage.reduce(0, +))
        let fraction = covered / Double(max(1, selection.selectionSets))
        guard fraction > 0 else { return 1 << 14 }
        let wanted = (1 - fraction) / (fraction * 0.01 * 0.01)
        let ceiling = min(Double(1 << 22), Double(max(1 << 14, selection.selectionSets)))
        return Int(min(ceiling, max(Double(1 << 14), wanted.rounded(.up))))
    }
}
