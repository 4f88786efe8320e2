extension CELF {
    /// What a CELF run is expected to cost, from a short pilot, before committing to it.
    public struct CostEstimate: Sendable, Codable, Equatable {
        /// Spread evaluations expected: n in round 1 plus k·`reevaluationsPerRound`.
        public var evaluations: Double
        /// Cascades per evaluation.
        public var runs: Int
        /// Mean arcs examined per cascade from one node (pilot).
        public var arcsPerSingletonRun: Double
        /// Mean arcs examined per cascade from a k-node set (pilot, on the k highest out-degree
        /// nodes, a stand-in for the greedy set).
        public var arcsPerSetRun: Double
        /// Total arcs expected to be examined.
        public var arcs: Double
        /// Expected wall time in seconds, from the pilot's measured throughput on the configured
        /// threads.
        public var seconds: Double
        /// Wall time the pilot itself took.
        public var pilotSeconds: Double
    }

    /// Re-evaluations per round assumed by the estimate. CELF typically re-evaluates only a few
    /// nodes per round (Leskovec et al. 2007 report speed-ups of ~700× over plain greedy); this
    /// errs on the costly side.
    public static let reevaluationsPerRound = 10.0

    /// Estimates the cost of `run(k:)`: (n + k·r) evaluations × runs × arcs per run, with the
    /// arcs per run and the time per cascade measured by a pilot of `pilotRuns` cascades on
    /// `pilotNodes` random single nodes (stream-derived from the seed) and on the k highest
    /// out-degree nodes.
    ///
    /// Complexity: O(pilotRuns · (pilotNodes + 1) · cascade size); a fraction of a second on
    /// graphs of millions of arcs.
    public func estimateCost(k: Int, pilotNodes: Int = 64, pilotRuns: Int = 128) throws(InfluenceError) -> CostEstimate {
        try validate(k: k, nodeCount: graph.nodeCount)
        let n = graph.nodeCount
        let watch = Stopwatch()
        var pilotConfiguration = configuration
        pilotConfiguration.runs = max(1, min(pilotRuns, configuration.runs))
        let pilot = try CELF(model: model, configuration: pilotConfiguration)
        var random = Xoshiro256StarStar(seed: SplitMix64.mix(configuration.seed ^ 0x43E1_F000_0000_0001), stream: 0)
        let sample = (0..<min(n, pilotNodes)).map { _ in Int(random.nextBelow(UInt64(n))) }
        let singles = Stopwatch()
        let singleArcs = pilot.singletonSums(sample).arcs
        let singleSeconds = singles.seconds / Double(sample.count * pilotConfiguration.runs)

        let sets = Stopwatch()
        let topDegree = try DegreeHeuristic(graph: graph).select(k: k).seeds
        var tally = MonteCarloTally()
        try MonteCarloSimulator(model: model, configuration: pilotConfiguration)
            .simulate(seeds: topDegree, runs: 0..<pilotConfiguration.runs, into: &tally)
        let setSeconds = sets.seconds / Double(pilotConfiguration.runs)

        let runs = Double(configuration.runs)
        let later = Double(k) * Self.reevaluationsPerRound
        let arcsPerSingle = Double(singleArcs) / Double(sample.count * pilotConfiguration.runs)
        let arcsPerSet = Double(tally.arcsExamined) / Double(pilotConfiguration.runs)
        return CostEstimate(evaluations: Double(n) + later, runs: configuration.runs,
                            arcsPerSingletonRun: arcsPerSingle, arcsPerSetRun: arcsPerSet,
                            arcs: runs * (Double(n) * arcsPerSingle + later * arcsPerSet),
                            seconds: runs * (Double(n) * singleSeconds + later * setSeconds),
                            pilotSeconds: watch.seconds)
    }
}
