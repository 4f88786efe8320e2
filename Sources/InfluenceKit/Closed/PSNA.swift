/// PSNA, the practical edge-insertion method of "Influence Maximization in Real-World Closed
/// Social Networks" (Shixun Huang, Wenqing Lin, Zhifeng Bao, Jiachen Sun, PVLDB 16(2), 2022;
/// ALGORITHMS.md §4), exactly as specified there:
///
/// 1. A virtual root x has an arc of p = 1 to every seed; G_k starts as the seeds, the candidate
///    graph as G_k plus the seeds' valid out-arcs.
/// 2. Each iteration builds the maximum-probability-path tree of the candidate graph
///    (`MaximumProbabilityTree`: Dijkstra on −log p) and takes every reached node's critical edge
///    that is still a candidate. Nodes already in G_k come first, by subtree size in the tree
///    (largest first: the node whose path improvement serves most descendants), then the
///    frontier (reached nodes not yet in G_k) by p_path (largest first); ties by node id. Each
///    critical edge is inserted in that order when its tail has capacity left; a tail that keeps
///    min(k, valid out-degree) arcs loses its remaining candidates. Path probabilities stay
///    frozen within the iteration (the tree is not rebuilt between insertions); the frontier
///    nodes reached by inserted arcs join G_k, and their valid out-arcs become candidates, at the
///    end of the iteration.
/// 3. After each iteration the objective Σ_{s∈S} σ_{G_k}({s}) is estimated by
///    `estimationRuns` Monte Carlo worlds on common random numbers (the same worlds every
///    iteration, so the estimate never falls as G_k grows); the loop stops when its relative gain
///    over the previous iteration falls to ε, or when no critical edge is left to insert.
/// 4. A final filling pass gives every node of G_k its next best valid arcs until none remain
///    (`SubnetworkState.fill`).
///
/// No arc into a seed is inserted unless the problem allows them (the published code does).
public struct PSNA: Sendable {
    /// One PSNA iteration, as the record shows it.
    public struct Iteration: Sendable, Codable, Equatable {
        /// The iteration's number, from 1.
        public var index: Int
        /// Critical edges inserted in this iteration, and their order.
        public var inserted: Int
        /// Nodes and arcs of G_k after the iteration.
        public var nodes: Int
        /// Arcs of G_k after the iteration.
        public var arcs: Int
        /// The objective estimate after the iteration, and its gain relative to the previous one.
        public var objective: Double
        /// The objective's gain over the previous iteration, relative to it.
        public var relativeGain: Double
        /// Seconds the iteration took.
        public var seconds: Double
    }

    struct Result {
        var subnetwork: KSubnetwork
        var iterations: [Iteration]
        /// Arcs in insertion order, iteration by iteration (the filling pass's last).
        var insertionOrder: [[Int]]
        var filled: Int
        var initialObjective: Double
    }

    let epsilon: Double
    let estimationRuns: Int
    let seed: UInt64
    let threads: Int
    /// Stop after this many iterations (nil: the ε rule alone).
    var maxIterations: Int? = nil

    /// - Complexity: per iteration, one Dijkstra over the candidate graph (O(m' log m')), a sort of
    ///   the reached nodes, and `estimationRuns` worlds of Σ_s reach(s) on G_k.
    func run(_ problem: ClosedNetworkProblem, progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) -> Result {
        var state = SubnetworkState(problem)
        var tree = MaximumProbabilityTree(nodeCount: problem.graph.nodeCount)
        var iterations: [Iteration] = []
        var order: [[Int]] = []
        var previous = Double(problem.seeds.count)
        let initial = previous
        var ranked: [(inNetwork: Bool, size: Int32, probability: Double, node: Int)] = []
        var entering: [Int] = []
        while maxIterations.map({ iterations.count < $0 }) ?? true {
            var clock = Stopwatch()
            tree.build(problem) { state.isPresent($0) }
            tree.computeSubtreeSizes(problem)
            ranked.removeAll(keepingCapacity: true)
            for node in tree.order {
                let v = Int(node)
                let a = tree.parentArc[v]
                guard a >= 0, state.isCandidate(a) else { continue }
                ranked.append((state.inNetwork[v], tree.subtreeSize[v], tree.pathProbability(v), v))
            }
            guard !ranked.isEmpty else { break }
            ranked.sort { x, y in
                if x.inNetwork != y.inNetwork { return x.inNetwork }
                if x.inNetwork {
                    if x.size != y.size { return x.size > y.size }
                    if x.probability != y.probability { return x.probability > y.probability }
                } else {
                    if x.probability != y.probability { return x.probability > y.probability }
                }
                return x.node < y.node
            }
            var inserted: [Int] = []
            entering.removeAll(keepingCapacity: true)
            for r in ranked {
                let a = tree.parentArc[r.node]
                if state.keep(a) {
                    inserted.append(a)
                    if !r.inNetwork { entering.append(r.node) }
                }
            }
            guard !inserted.isEmpty else { break }
            for v in entering { state.enter(v) }
            order.append(inserted)
            let evaluator = SubnetworkEvaluator(problem, sortedArcs: state.insertions.sorted())
            let estimate = try evaluator.evaluate(seeds: problem.seeds, runs: estimationRuns, seed: seed, threads: threads,
                                                  union: false, perSeed: false).objective.mean
            let gain = previous > 0 ? (estimate - previous) / previous : 0
            iterations.append(Iteration(index: iterations.count + 1, inserted: inserted.count, nodes: state.members.count,
                                        arcs: state.insertions.count, objective: estimate, relativeGain: gain, seconds: clock.lap()))
            progress.note("PSNA iteration \(iterations.count): \(inserted.count) arcs inserted, objective ≈ \(estimate)")
            previous = estimate
            if gain <= epsilon { break }
        }
        // The filling pass ranks by the tree of the final candidate graph.
        tree.build(problem) { state.isPresent($0) }
        let before = state.insertions.count
        let filled = state.fill { tree.pathProbability($0) }
        if filled > 0 { order.append(Array(state.insertions[before...])) }
        return Result(subnetwork: state.subnetwork, iterations: iterations, insertionOrder: order, filled: filled,
                      initialObjective: initial)
    }
}
