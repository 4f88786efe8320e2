extension SimulateRequest {
    /// Runs the request on `input`: binds the model and simulates.
    ///
    /// - Throws: `InfluenceError` naming the parameter at fault (`seeds` for a label the graph
    ///   does not have, `runs`, `threads`, `maxSteps`, `untilRelativeError`, `maxRuns`,
    ///   `nodeProbabilities`, `memoryLimit`, `probabilities`); the exact oracle's refusal of a
    ///   graph with too many live-edge worlds; `InfluenceError.cancelled`.
    /// - Complexity: O(R · (|S| + Σ out-degree of the activated nodes)) over the threads, R the
    ///   runs made; the exact value is exponential in the relevant arcs.
    public func run(on input: GraphInput, context: RunContext) throws(InfluenceError) -> SimulationRecord {
        try validate()
        let model = try modelSpecification.bind(to: input.graph)
        guard let excluded = withoutActiveParticipants else { return try run(model: model, on: input, context: context) }
        // P, the graph without the AP set, with the model restricted to it (as `CIMRequest` measures).
        let aps = try ActiveParticipantSets.read(excluded.apFile, limitBytes: max(1 << 20, memoryLimitBytes / 4)).nodes(ofSet: excluded.apSet, in: input.graph)
        let problem = try CapacityProblem(model: model, activeParticipants: aps, k: 1)
        return try run(model: problem.subgraphModel, on: input, context: context)
    }

    /// Runs the request with a model already bound to `input.graph` or to a subgraph of it (its
    /// `model`, `probabilities` and `normalizeLT` are then only recorded): for a model built
    /// outside the library. Seeds are labels of `model.graph`.
    ///
    /// - Complexity: as `run(on:context:)`.
    public func run(model: any DiffusionModel, on input: GraphInput, context: RunContext = RunContext()) throws(InfluenceError) -> SimulationRecord {
        var total = Stopwatch()
        try validate()
        let graph = model.graph
        let nodes = try Self.resolve(seeds, in: graph)
        let simulator = try MonteCarloSimulator(
            model: model, configuration: .init(runs: runs, seed: seed, threads: threads, maxSteps: maxSteps,
                                               memoryLimitBytes: memoryLimitBytes))
        let progress = context.engineProgress
        var clock = Stopwatch()
        var tally = MonteCarloTally()
        let countNodes = nodeProbabilities != nil
        if let untilRelativeError {
            tally = try simulator.simulate(seeds: nodes, untilRelativeError: untilRelativeError, maxRuns: resolvedMaxRuns,
                                           countNodes: countNodes, progress: progress, communicator: context.communicator)
        } else {
            try simulator.simulate(seeds: nodes, runs: 0..<runs, countNodes: countNodes, into: &tally, progress: progress,
                                   communicator: context.communicator)
        }
        try context.checkCancelled()
        var phases = [PhaseTiming(name: "simulation", seconds: clock.lap(), rrSets: 0)]
        var exactValue: Double?
        if exact {
            exactValue = try ExactSpread.spread(of: nodes, under: model, maxSteps: maxSteps)
            phases.append(PhaseTiming(name: "exact", seconds: clock.lap(), rrSets: 0))
        }
        var top: [SimulationRecord.NodeProbability]?
        if let count = nodeProbabilities {
            let probabilities = tally.activationProbabilities
            top = MonteCarloSimulator.topNodes(probabilities, count: count).map {
                SimulationRecord.NodeProbability(label: graph.label(of: $0), node: $0, probability: probabilities[$0])
            }
        }
        return SimulationRecord(
            graph: input.provenance, request: self, model: BoundModel(model),
            seeds: nodes.map { SeedEntry(label: graph.label(of: $0), node: $0) },
            monteCarlo: tally.estimate, exact: exactValue, nodeProbabilities: top, arcsExamined: tally.arcsExamined,
            timings: RecordTimings(loadSeconds: input.loadSeconds, phases: phases, totalSeconds: input.loadSeconds + total.lap()),
            memory: RecordMemory(peakResidentBytes: SystemMemory.peakResidentBytes, limitBytes: memoryLimitBytes))
    }

    /// The dense ids of `labels` in `graph`, byte for byte.
    ///
    /// - Throws: `InfluenceError(.usage, parameter: parameter)` naming the first label the graph
    ///   does not have.
    /// - Complexity: O(n + total label bytes).
    public static func resolve(_ labels: [String], in graph: InfluenceGraph,
                               parameter: ParameterKey = "seeds") throws(InfluenceError) -> [Int] {
        // Byte for byte: a label matches only the node whose label has the same UTF-8 bytes.
        let found = graph.labels.nodes(exactlyLabelled: labels)
        var nodes: [Int] = []
        nodes.reserveCapacity(labels.count)
        for (position, (label, node)) in zip(labels, found).enumerated() {
            guard let node else {
                throw InfluenceError(.usage, parameter: parameter,
                                     "label \(position + 1), '\(label)', is not a node of the graph (expected a label of the graph's \(graph.nodeCount) nodes)")
            }
            nodes.append(node)
        }
        return nodes
    }
}
