/// The common result of a seed-selection algorithm on RR sets.
public struct SeedSelection: Sendable, Codable, Equatable {
    /// The algorithm's paper name ("IMM", "OPIM-C").
    public var algorithm: String
    /// Number of nodes of the graph.
    public var nodeCount: Int
    /// Chosen nodes (dense ids) in selection order.
    public var seeds: [Int]
    /// New sets each seed covered in the selection pool.
    public var marginalCoverage: [Int]
    /// Size θ of the pool greedy selected on.
    public var selectionSets: Int
    /// Every RR set the algorithm drew (all pools, all rounds).
    public var rrSetsGenerated: Int
    /// Wall time of each phase.
    public var phases: [PhaseTiming]
    /// The most bytes RR-set storage and indexes held at once.
    public var peakRRSetBytes: Int
    /// RR-set members (pools held, counted once) at the peak of `peakRRSetBytes` (0 when not
    /// tracked): `peakRRSetBytes` / this is the bytes a member costs, index included.
    public var peakRRSetMembers: Int = 0
    /// What the algorithm guarantees about the returned seeds.
    public var guarantee: Guarantee

    /// Each seed's marginal gain estimated on the selection pool, n·ΔΛ/θ (biased upward: the same
    /// sets chose the seeds).
    /// Complexity: O(k).
    public var marginalGains: [Double] {
        marginalCoverage.map { Double(nodeCount) * Double($0) / Double(max(1, selectionSets)) }
    }

    /// n·Λ(S)/θ on the selection pool (biased upward for the same reason).
    public var selectionSpread: Double { marginalGains.reduce(0, +) }

    /// Complexity: O(1).
    public init(algorithm: String, nodeCount: Int, seeds: [Int], marginalCoverage: [Int], selectionSets: Int,
                rrSetsGenerated: Int, phases: [PhaseTiming], peakRRSetBytes: Int, guarantee: Guarantee) {
        self.algorithm = algorithm
        self.nodeCount = nodeCount
        self.seeds = seeds
        self.marginalCoverage = marginalCoverage
        self.selectionSets = selectionSets
        self.rrSetsGenerated = rrSetsGenerated
        self.phases = phases
        self.peakRRSetBytes = peakRRSetBytes
        self.guarantee = guarantee
    }
}

/// An approximation guarantee: σ(S) ≥ approximation · OPT with probability at least
/// 1 − failureProbability.
public struct Guarantee: Sendable, Codable, Equatable {
    /// The ratio guaranteed.
    public var approximation: Double
    /// The ratio asked for, 1 − 1/e − ε.
    public var target: Double
    /// δ.
    public var failureProbability: Double
    /// True when the ratio was measured on this instance (OPIM-C), false for a worst-case bound
    /// fixed in advance (IMM).
    public var instanceWise: Bool

    /// Complexity: O(1).
    public init(approximation: Double, target: Double, failureProbability: Double, instanceWise: Bool) {
        self.approximation = approximation
        self.target = target
        self.failureProbability = failureProbability
        self.instanceWise = instanceWise
    }
}

/// The wall time of one phase of a run.
public struct PhaseTiming: Sendable, Codable, Equatable {
    /// Phase name ("estimation", "sampling", "selection", ...).
    public var name: String
    /// Wall seconds.
    public var seconds: Double
    /// RR sets drawn in the phase.
    public var rrSets: Int

    /// Complexity: O(1).
    public init(name: String, seconds: Double, rrSets: Int) {
        self.name = name
        self.seconds = seconds
        self.rrSets = rrSets
    }
}
