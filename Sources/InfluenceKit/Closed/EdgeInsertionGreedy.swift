/// The paper's edge-insertion greedy (PVLDB 16(2), 2022): starting from the seeds, repeatedly
/// insert the candidate arc (a valid out-arc of a node of G_k whose tail has capacity left) of
/// largest marginal gain in Σ_{s∈S} σ_{G_k}({s}), measured by Monte Carlo on common random numbers
/// (`SubnetworkEvaluator`, the same `runs` worlds for every candidate, so a gain is a paired
/// difference). It stops when the best relative gain falls to ε, then runs the same final
/// filling pass as PSNA. Each step evaluates every candidate: affordable on graphs of a few
/// thousand arcs only, hence `estimateCost` first.
public struct EdgeInsertionGreedy: Sendable {
    /// The stopping threshold on the objective's relative gain, 0 < ε < 1.
    public let epsilon: Double
    /// Monte Carlo worlds per objective evaluation.
    public let runs: Int
    /// Seed of the Monte Carlo worlds.
    public let seed: UInt64
    /// Worker threads (the result does not depend on them).
    public let threads: Int

    /// A greedy with these parameters. Complexity: O(1).
    public init(epsilon: Double, runs: Int, seed: UInt64, threads: Int) {
        self.epsilon = epsilon
        self.runs = runs
        self.seed = seed
        self.threads = threads
    }

    /// What a greedy run would cost.
    public struct CostEstimate: Sendable, Codable, Equatable {
        /// Objective evaluations expected (an upper end: insertions × candidates / 2).
        public var evaluations: Double
        /// Monte Carlo worlds per evaluation.
        public var runs: Int
        /// Seconds per evaluation, measured on the random baseline's subnetwork (a larger G_k
        /// than most of the greedy's steps).
        public var secondsPerEvaluation: Double
        /// The estimated run time: evaluations × seconds per evaluation.
        public var seconds: Double
    }

    /// Estimates the run's cost from one timed evaluation.
    ///
    /// - Complexity: O(n + m) plus one evaluation of `runs` worlds.
    public func estimateCost(_ problem: ClosedNetworkProblem) throws(InfluenceError) -> CostEstimate {
        let g = problem.graph
        var reached = [Bool](repeating: false, count: g.nodeCount)
        var queue = problem.seeds
        for s in queue { reached[s] = true }
        var i = 0, insertions = 0, arcs = 0
        while i < queue.count {
            let u = queue[i]; i += 1
            insertions += problem.capacity[u]
            for a in g.outOffsets[u]..<g.outOffsets[u + 1] where problem.isValid(arc: a) {
                arcs += 1
                let v = problem.head(of: a)
                if !reached[v] { reached[v] = true; queue.append(v) }
            }
        }
        let pilot = SubnetworkEvaluator(problem, subnetwork: ClosedBaseline.random.subnetwork(problem, seed: seed))
        let seconds = try pilot.evaluate(seeds: problem.seeds, runs: runs, seed: seed, threads: threads, union: false, perSeed: false).seconds
        let evaluations = Double(insertions) * max(1, Double(arcs) / 2)
        return CostEstimate(evaluations: evaluations, runs: runs, secondsPerEvaluation: seconds, seconds: evaluations * seconds)
    }

    struct Step: Sendable, Equatable {
        var arc: Int
        var gain: Double
    }

    struct Result {
        var subnetwork: KSubnetwork
        var steps: [Step]
        var filled: Int
        var evaluations: Int
    }

    /// - Complexity: Σ over steps of (candidates × one evaluation of `runs` worlds).
    func run(_ problem: ClosedNetworkProblem, progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) -> Result {
        var state = SubnetworkState(problem)
        var current = Double(problem.seeds.count)
        var steps: [Step] = []
        var evaluations = 0
        while true {
            let candidates = state.candidates()
            guard !candidates.isEmpty else { break }
            let base = state.insertions
            var best = -1.0, bestArc = -1
            for a in candidates {
                var arcs = base
                arcs.append(a)
                arcs.sort()
                let value = try SubnetworkEvaluator(problem, sortedArcs: arcs)
                    .evaluate(seeds: problem.seeds, runs: runs, seed: seed, threads: threads, union: false, perSeed: false).objective.mean
                evaluations += 1
                if value > best { best = value; bestArc = a }
            }
            let gain = best - current
            guard gain / current > epsilon else { break }
            state.keep(bestArc)
            state.enter(problem.head(of: bestArc))
            steps.append(Step(arc: bestArc, gain: gain))
            current = best
            progress.note("greedy step \(steps.count): gain \(gain)")
        }
        var tree = MaximumProbabilityTree(nodeCount: problem.graph.nodeCount)
        tree.build(problem) { state.isKept($0) }
        let filled = state.fill { 1 - tree.pathProbability($0) }
        return Result(subnetwork: state.subnetwork, steps: steps, filled: filled, evaluations: evaluations)
    }
}
