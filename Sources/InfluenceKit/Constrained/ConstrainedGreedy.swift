/// Marginal gains of single nodes on top of the nodes taken so far, for the partition-matroid
/// greedy algorithms: coverage of RR sets (`CoverageGains`), the exact oracle (`ExactGains`), or
/// Monte Carlo on common random numbers.
public protocol MarginalGainOracle {
    /// σ(S ∪ {v}) − σ(S) for the nodes S taken so far (an estimate, for the sampled oracles).
    /// Complexity: the oracle's own: O(sets containing `node`) for coverage, one exact enumeration or `runs` cascades for the others.
    mutating func gain(of node: Int) throws(InfluenceError) -> Double
    /// Adds `node` to S; returns its gain at that moment.
    /// Complexity: as `gain(of:)`.
    mutating func take(_ node: Int) throws(InfluenceError) -> Double
}

/// One pick of an assignment: participant `participant` (index into `CapacityProblem.participants`)
/// gives the promotion to P node `node`, which added `gain` (marginal coverage or spread) when taken.
public struct CapacityPick: Sendable, Equatable, Codable {
    /// The participant's index into `CapacityProblem.participants`.
    public var participant: Int
    /// The P node it picked.
    public var node: Int
    /// The marginal gain of the pick when it was taken (coverage or spread).
    public var gain: Double
    /// A pick. Complexity: O(1).
    public init(participant: Int, node: Int, gain: Double) {
        self.participant = participant
        self.node = node
        self.gain = gain
    }
}

/// The two greedy algorithms of the KDD 2023 paper ("Capacity Constrained Influence Maximization in
/// Social Networks", §4) over any gain oracle. A node taken by one AP is unavailable to the others.
public enum ConstrainedGreedy {
    /// RR-Greedy: round robin over the APs in order; each picks its available candidate of largest
    /// gain (ties: the first in adjacency order, a later one must be strictly larger); an AP leaves
    /// when it holds k seeds or has no available candidate. 1/(1 + γ) ≥ ½ of OPT for a
    /// monotone submodular gain (γ the curvature).
    ///
    /// With `lazy` (CELF-style, for costly gains such as Monte Carlo), a node's last gain bounds
    /// its current one: at an AP's turn the candidate of largest bound (ties: adjacency order) is
    /// re-evaluated until the best one is fresh. For a submodular oracle — coverage, the exact
    /// oracle, Monte Carlo on common random numbers (a sum of per-world reach counts) — this picks
    /// exactly what the eager scan picks.
    ///
    /// - Parameters:
    ///   - problem: the instance: the APs, their candidates and the capacity k.
    ///   - oracle: the marginal gains of candidates given the picks so far; it is told each pick.
    ///   - lazy: evaluate gains lazily (default: every available candidate at every turn).
    ///   - roundStart: called before each round with the oracle (for bounds).
    /// - Complexity: at most k·Σ|C_u| gain evaluations (lazily, usually far fewer), plus O(|C_u|)
    ///   per re-evaluation for the lazy scan.
    public static func roundRobin<Oracle: MarginalGainOracle>(
        _ problem: CapacityProblem, oracle: inout Oracle, lazy: Bool = false,
        roundStart: (inout Oracle) throws(InfluenceError) -> Void = { _ throws(InfluenceError) in }
    ) throws(InfluenceError) -> [CapacityPick] {
        var bound = [Double](repeating: .infinity, count: lazy ? problem.nodeCount : 0)
        var stamp = [Int](repeating: -1, count: lazy ? problem.nodeCount : 0)
        var taken = [Bool](repeating: false, count: problem.nodeCount)
        var active = Array(0..<problem.participantCount)
        var counts = [Int](repeating: 0, count: problem.participantCount)
        var picks: [CapacityPick] = []
        while !active.isEmpty {
            try roundStart(&oracle)
            var staying: [Int] = []
            for i in active {
                var best = -1, bestGain = -Double.infinity
                if lazy {
                    while true {
                        best = -1; bestGain = -Double.infinity
                        for v in problem.candidates(of: i) where !taken[v] && bound[v] > bestGain { best = v; bestGain = bound[v] }
                        guard best >= 0, stamp[best] != picks.count else { break }
                        bound[best] = try oracle.gain(of: best)
                        stamp[best] = picks.count
                    }
                } else {
                    for v in problem.candidates(of: i) where !taken[v] {
                        let g = try oracle.gain(of: v)
                        if g > bestGain { best = v; bestGain = g }
                    }
                }
                guard best >= 0 else { continue }
                taken[best] = true
                picks.append(CapacityPick(participant: i, node: best, gain: try oracle.take(best)))
                counts[i] += 1
                if counts[i] < problem.k { staying.append(i) }
            }
            active = staying
        }
        try roundStart(&oracle)
        return picks
    }

    /// MG-Greedy: repeatedly takes the (AP, candidate) pair of largest marginal gain among APs not
    /// yet full (ties: the smaller P node id; the node goes to its first owner, in AP order, that
    /// is not full), dropping a full AP's remaining pairs. ½ of OPT for a monotone submodular gain.
    /// Gains are evaluated lazily (CELF): a node's last gain bounds its current one.
    ///
    /// - Complexity: O(Σ|C_u| log n) heap work plus the gain evaluations (at most k·d·n, usually
    ///   a few per pick).
    public static func marginalGain<Oracle: MarginalGainOracle>(_ problem: CapacityProblem,
                                                               oracle: inout Oracle) throws(InfluenceError) -> [CapacityPick] {
        let n = problem.nodeCount, d = problem.participantCount
        // Owners of each node (participant indices, increasing).
        var ownerOffsets = [Int](repeating: 0, count: n + 1)
        for v in problem.candidates { ownerOffsets[v + 1] += 1 }
        for v in 0..<n { ownerOffsets[v + 1] += ownerOffsets[v] }
        var owners = [Int](repeating: 0, count: problem.candidates.count)
        var fill = ownerOffsets
        for i in 0..<d { for v in problem.candidates(of: i) { owners[fill[v]] = i; fill[v] += 1 } }
        var remaining = (0..<n).map { ownerOffsets[$0 + 1] - ownerOffsets[$0] }
        var counts = [Int](repeating: 0, count: d)
        var taken = [Bool](repeating: false, count: n)
        // Larger gain first, ties to the smaller node.
        var heap = BinaryMaxHeap<ScoredNode>()
        for v in 0..<n where remaining[v] > 0 { heap.insert(ScoredNode(score: try oracle.gain(of: v), node: v)) }
        var picks: [CapacityPick] = []
        while let top = heap.removeTop() {
            let v = Int(top.node)
            if taken[v] || remaining[v] == 0 { continue }
            let fresh = ScoredNode(score: try oracle.gain(of: v), node: v)
            if let next = heap.top, fresh < next { heap.insert(fresh); continue }
            var owner = -1
            for e in ownerOffsets[v]..<ownerOffsets[v + 1] where counts[owners[e]] < problem.k { owner = owners[e]; break }
            taken[v] = true
            picks.append(CapacityPick(participant: owner, node: v, gain: try oracle.take(v)))
            counts[owner] += 1
            if counts[owner] == problem.k {
                for w in problem.candidates(of: owner) { remaining[w] -= 1 }
            }
        }
        return picks
    }
}

/// Gains as coverage of a pool of RR sets on P (marginal coverage, exact on the pool).
public struct CoverageGains: MarginalGainOracle {
    /// The coverage state greedy drives.
    public var state: CoverageState
    /// Gains read from `state`, a fresh coverage state of the pool. Complexity: O(1).
    public init(state: CoverageState) { self.state = state }
    public mutating func gain(of node: Int) -> Double { Double(state.gain(of: node)) }
    public mutating func take(_ node: Int) -> Double { Double(state.take(node)) }

    /// Λ(S) + Σ_u (sum of the k largest marginal coverages in C_u): by submodularity an upper bound
    /// of any feasible assignment's coverage (KDD 2023, §5, the bound of RR-OPIM+). Taken nodes
    /// have gain 0, so every candidate is scanned.
    /// Complexity: O(Σ|C_u| log k).
    public func topKBound(_ problem: CapacityProblem) -> Int {
        var total = state.coverage
        var best: [Int] = []
        for i in 0..<problem.participantCount {
            best.removeAll(keepingCapacity: true)
            for v in problem.candidates(of: i) {
                let g = state.gain(of: v)
                if best.count < problem.k { best.append(g); if best.count == problem.k { best.sort() } }
                else if g > best[0] {
                    best[0] = g
                    var j = 0
                    while j + 1 < best.count, best[j] > best[j + 1] { best.swapAt(j, j + 1); j += 1 }
                }
            }
            total += best.reduce(0, +)
        }
        return total
    }
}

/// Exact gains by live-edge enumeration on P (tiny instances only; see `ExactSpread`).
public struct ExactGains: MarginalGainOracle {
    /// The model on P whose live-edge worlds are enumerated.
    public let model: any DiffusionModel
    /// The nodes taken so far, in order.
    public private(set) var seeds: [Int] = []
    /// σ of the nodes taken so far, exactly.
    public private(set) var spread = 0.0
    /// Exact gains under `model`, nothing taken yet. Complexity: O(1).
    public init(model: any DiffusionModel) { self.model = model }
    public mutating func gain(of node: Int) throws(InfluenceError) -> Double {
        try ExactSpread.spread(of: seeds + [node], under: model) - spread
    }
    public mutating func take(_ node: Int) throws(InfluenceError) -> Double {
        let g = try gain(of: node)
        seeds.append(node)
        spread += g
        return g
    }
}
