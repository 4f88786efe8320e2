extension CompareRequest {
    /// Runs the comparison on `input`: binds the model, makes each method's selector (CELF's
    /// cost is estimated first and a run above `celfBudgetSeconds` refused unless `force`),
    /// selects, and evaluates every distinct seed set once on common random numbers.
    ///
    /// - Throws: `InfluenceError` naming the parameter at fault; `.resource` for CELF above its
    ///   budget; `InfluenceError.cancelled`.
    /// - Complexity: the selectors' costs plus `runs` cascades per distinct seed set.
    public func run(on input: GraphInput, context: RunContext) throws(InfluenceError) -> ComparisonRecord {
        var total = Stopwatch()
        try validate()
        let graph = input.graph
        let model = try modelSpecification.bind(to: graph)
        let sizes = try Comparison.validatedKs(ks, nodeCount: graph.nodeCount)
        let evaluation = MonteCarloSimulator.Configuration(runs: runs, seed: seed, threads: threads, memoryLimitBytes: memoryLimitBytes)
        // The selectors' own phases would interrupt the comparison's one progress phase: they keep
        // their notes and cancellation, not their progress lines.
        var inner = context
        inner.progress = NotesOnlyProgress(inner: context.progress)
        let selection = inner.selectionContext(input: input, model: model, seed: Comparison.selectionSeed(for: seed), threads: threads,
                                               ris: ris, celfRuns: celfRuns ?? runs, embedding: embedding)
        var selectors: [any SeedSelector] = []
        var celfEstimate: CELF.CostEstimate?
        for algorithm in algorithms {
            let selector = try algorithm.makeSelector(selection)
            if let celf = selector as? CELF, let largest = sizes.last {
                let cost = try celf.estimateCost(k: largest)
                celfEstimate = cost
                let n = graph.nodeCount
                func fixed1(_ x: Double) -> String { String((x * 10).rounded() / 10) }
                context.progress.note("celf: estimated \(Self.duration(cost.seconds)) for k = \(largest): (\(n) + \(largest) × \(Int(CELF.reevaluationsPerRound)) evaluations) × \(cost.runs) runs × \(fixed1(cost.arcsPerSingletonRun)) arcs per run from one node, \(fixed1(cost.arcsPerSetRun)) from \(largest) node\(largest == 1 ? "" : "s") (pilot \(Self.duration(cost.pilotSeconds)))")
                if cost.seconds > celfBudgetSeconds && !force {
                    throw InfluenceError(.resource, parameter: "celfBudget",
                                         "celf would take about \(Self.duration(cost.seconds)) (estimated), above its budget of \(Self.duration(celfBudgetSeconds))")
                }
            }
            selectors.append(selector)
        }
        var clock = Stopwatch()
        // One phase for the whole comparison, so the time left covers every method: a step is one
        // selection (once for prefix methods) or one evaluation (at most one per method and k).
        let progress = context.engineProgress
        let steps = selectors.reduce(0) { $0 + ($1.nestedPrefixes ? 1 : sizes.count) } + selectors.count * sizes.count
        progress.begin("compare", total: steps, unit: "selections and evaluations")
        var started = false
        let rows = try Comparison(model: model, evaluation: evaluation).run(selectors, ks: sizes) { _ in
            // A step starts when the one before it ends.
            if started { progress.advance(by: 1, worker: 0) }
            started = true
        }
        if started { progress.advance(by: 1, worker: 0) }
        progress.end()
        try context.checkCancelled()
        let seconds = clock.lap()
        let recorded = rows.map { row in
            ComparisonRecord.Row(algorithm: row.algorithm, k: row.k,
                                 seeds: row.seeds.map { SeedEntry(label: graph.label(of: $0), node: $0) },
                                 monteCarlo: row.spread, selectionSeconds: row.selectionSeconds)
        }
        return ComparisonRecord(
            graph: input.provenance, request: self, model: BoundModel(model), ks: sizes, rows: recorded, celfEstimate: celfEstimate,
            timings: RecordTimings(loadSeconds: input.loadSeconds, phases: [PhaseTiming(name: "comparison", seconds: seconds, rrSets: 0)],
                                   totalSeconds: input.loadSeconds + total.lap()),
            memory: RecordMemory(peakResidentBytes: SystemMemory.peakResidentBytes, limitBytes: memoryLimitBytes))
    }

    /// A duration for people: µs, ms, s, min or h. Complexity: O(1).
    public static func duration(_ seconds: Double) -> String {
        func fixed(_ value: Double, _ digits: Int) -> String {
            let scale = [1.0, 10, 100, 1000][digits]
            let rounded = (value * scale).rounded() / scale
            return digits == 0 ? String(Int(rounded)) : String(rounded)
        }
        if seconds < 1e-3 { return "\(fixed(seconds * 1e6, 0)) µs" }
        if seconds < 1 { return "\(fixed(seconds * 1e3, 1)) ms" }
        if seconds < 120 { return "\(fixed(seconds, 2)) s" }
        if seconds < 7200 { return "\(fixed(seconds / 60, 1)) min" }
        return "\(fixed(seconds / 3600, 1)) h"
    }
}

/// A reporter that passes notes and cancellation on and drops progress phases (for work nested in
/// a phase of its own).
struct NotesOnlyProgress: ProgressReporter {
    let inner: any ProgressReporter
    func begin(_ phase: String, total: Int, unit: String) {}
    func advance(by count: Int, worker: Int) {}
    func end() {}
    func note(_ text: String) { inner.note(text) }
    var isCancelled: Bool { inner.isCancelled }
}
