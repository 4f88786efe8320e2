/// PSNA, the practical edge-insertion method of "Influence Maximization in Real-World Closed
/// Social Networks" (Shixun Huang, Wenqing Lin, Zhifeng Bao, Jiachen Sun, PVLDB 16(2), 2022;
/// ALGORITHMS.md §4):
///
/// 1. A virtual root x has an arc of p = 1 to every seed; G_k starts as the seeds, the candidate
///    arcs as the seeds' valid out-arcs.
/// 2. Each iteration builds the maximum-probability-path tree (`MaximumProbabilityTree`:
///    Dijkstra on −log p) of the *look-ahead* graph: the kept arcs plus every valid arc whose tail
///    has capacity left (not only the candidates one hop from G_k), so that a node's subtree is
///    what the post could reach through it, not only what G_k reaches today. Each reached node
///    whose critical edge is a candidate (its tail in G_k) is ranked: nodes already in G_k
///    first, then the frontier, each by p_path(v) · value(v), largest first (ties by node id),
///    where value(v) = max(expected subtree size of v, 1 + v's branching) — the expected subtree
///    size is 1 + Σ over v's tree children c of p(v, c) · (c's expected subtree size) (the
///    paper's subtree size weighted by the tree's probabilities), and the branching is the sum
///    of the min(k, valid out-degree) largest probabilities of v's valid out-arcs (what v passes
///    on once it shares). Each critical edge is inserted in that order when its tail u has
///    capacity left and its score p(u, v) · (1 − p_path(v) in the kept arcs) · value(v) is among the best of u's
///    free slots (at least the r-th largest score over u's valid arcs not kept, r its free
///    slots): a tail with more friends than slots keeps its slots for its best friends instead
///    of giving them to whichever tree children come first. A tail that keeps min(k, valid
///    out-degree) arcs loses its remaining candidates. Path probabilities stay frozen within the
///    iteration; the frontier nodes reached by inserted arcs join G_k, and their valid out-arcs
///    become candidates, at the end of the iteration.
/// 3. After each iteration the objective Σ_{s∈S} σ_{G_k}({s}) is estimated by
///    `estimationRuns` Monte Carlo worlds on common random numbers (the same worlds every
///    iteration, so the estimate never falls as G_k grows); the loop stops when its relative gain
///    over the previous iteration falls to ε, or when no critical edge is left to insert.
/// 4. A final filling pass gives every node of G_k its next best valid arcs until none remain,
///    by p(u, w) · (1 − p_path(w) in the kept arcs) · value(w) (`SubnetworkState.fill`).
///
/// Where this departs from the first implementation of the paper's method (tree of the one-hop
/// candidate graph, frontier ranked by p_path alone, slots taken first come first served, filling
/// by p · (1 − p_path)), it is because that one scored below the degree baseline on the README's
/// own example and up to 10× below it on Holme–Kim graphs with uniform probabilities
/// (`Bench/results/closed-before-after.md`). `ClosedNetworkIM` still scores the baselines on the
/// same worlds and returns the best (its record's `winner`).
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

    /// - Complexity: per iteration, one Dijkstra over the look-ahead graph (O(m' log m')), a sort of
    ///   the reached nodes, O(outdeg log outdeg) per tail with more friends than slots, and
    ///   `estimationRuns` worlds of Σ_s reach(s) on G_k.
    func run(_ problem: ClosedNetworkProblem, progress: any ProgressReporter = SilentProgress()) throws(InfluenceError) -> Result {
        var state = SubnetworkState(problem)
        var tree = MaximumProbabilityTree(nodeCount: problem.graph.nodeCount)
        var iterations: [Iteration] = []
        var order: [[Int]] = []
        var previous = Double(problem.seeds.count)
        let initial = previous
        var ranked: [(inNetwork: Bool, priority: Double, node: Int)] = []
        var entering: [Int] = []
        let branching = Self.branching(problem)
        @inline(__always) func value(_ v: Int) -> Double { max(tree.subtreeWeight[v], 1 + branching[v]) }
        // Reach already secured: the maximum-probability tree of the kept arcs alone.
        var reached = MaximumProbabilityTree(nodeCount: problem.graph.nodeCount)
        @inline(__always) func slotScore(_ a: Int) -> Double {
            let w = problem.head(of: a)
            return problem.probabilities[a] * (1 - reached.pathProbability(w)) * value(w)
        }
        var thresholds: [Int: Double] = [:]
        while maxIterations.map({ iterations.count < $0 }) ?? true {
            var clock = Stopwatch()
            tree.build(problem) { state.isLookahead($0) }
            tree.computeSubtreeSizes(problem)
            reached.build(problem) { state.isKept($0) }
            ranked.removeAll(keepingCapacity: true)
            for node in tree.order {
                let v = Int(node)
                let a = tree.parentArc[v]
                guard a >= 0, state.isCandidate(a) else { continue }
                ranked.append((state.inNetwork[v], tree.pathProbability(v) * value(v), v))
            }
            guard !ranked.isEmpty else { break }
            ranked.sort { x, y in
                if x.inNetwork != y.inNetwork { return x.inNetwork }
                if x.priority != y.priority { return x.priority > y.priority }
                return x.node < y.node
            }
            var inserted: [Int] = []
            entering.removeAll(keepingCapacity: true)
            thresholds.removeAll(keepingCapacity: true)
            for r in ranked {
                let a = tree.parentArc[r.node]
                let u = problem.tail(of: a)
                // A tail with more valid friends than free slots keeps them for its best ones.
                if problem.validDegree[u] > problem.capacity[u] {
                    let threshold: Double
                    if let t = thresholds[u] { threshold = t } else {
                        threshold = state.slotThreshold(u, score: slotScore)
                        thresholds[u] = threshold
                    }
                    if slotScore(a) < threshold { continue }
                }
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
        let before = state.insertions.count
        // The filling pass: values from the final look-ahead tree, reach from the kept arcs.
        tree.build(problem) { state.isLookahead($0) }
        tree.computeSubtreeSizes(problem)
        reached.build(problem) { state.isKept($0) }
        let filled = state.fill { w in (1 - reached.pathProbability(w)) * value(w) }
        if filled > 0 { order.append(Array(state.insertions[before...])) }
        return Result(subnetwork: state.subnetwork, iterations: iterations, insertionOrder: order, filled: filled,
                      initialObjective: initial)
    }

    /// Σ of the k largest probabilities of each node's valid out-arcs: the expected number of
    /// friends a node activates when it shares with its k most likely ones.
    /// Complexity: O(m log k').
    static func branching(_ problem: ClosedNetworkProblem) -> [Double] {
        let g = problem.graph
        var result = [Double](repeating: 0, count: g.nodeCount)
        var ps: [Double] = []
        for u in 0..<g.nodeCount where problem.capacity[u] > 0 {
            ps.removeAll(keepingCapacity: true)
            for a in g.outOffsets[u]..<g.outOffsets[u + 1] where problem.isValid(arc: a) { ps.append(problem.probabilities[a]) }
            ps.sort(by: >)
            result[u] = ps.prefix(problem.capacity[u]).reduce(0, +)
        }
        return result
    }
}
