/// The record of one `ClosedNetworkIM` run (the JSON `infmax closed` prints).
public struct ClosedNetworkReport: Sendable, Codable, Equatable {
    public struct Parameters: Sendable, Codable, Equatable {
        public var graph: String
        public var nodes: Int
        public var arcs: Int
        public var seedsFile: String
        public var seeds: Int
        public var k: Int
        public var epsilon: Double
        public var algorithm: String
        public var compat: Bool
        public var probabilities: String
        /// The two arcs of an undirected edge were given one probability (trivalency draws).
        public var symmetrizedProbabilities: Bool
        public var evaluationRuns: Int
        /// Monte Carlo worlds of PSNA's per-iteration objective estimate (PSNA only).
        public var estimationRuns: Int?
        /// Monte Carlo worlds per greedy gain (greedy only).
        public var greedyRuns: Int?
        public var seed: UInt64
        public var threads: Int
        public var version: String
    }

    /// A Monte Carlo mean with its 95% interval: the shared spread shape of every record.
    public typealias Interval = SpreadValue

    public struct SeedSpread: Sendable, Codable, Equatable {
        public var label: String
        public var spread: Interval
        /// Arcs the seed keeps.
        public var friends: Int
    }

    public struct SubnetworkSummary: Sendable, Codable, Equatable {
        /// Kept arcs.
        public var arcs: Int
        /// Users keeping at least one arc.
        public var users: Int
        /// The most arcs one user keeps (≤ k).
        public var maxFriends: Int
        public init(_ s: KSubnetwork, _ problem: ClosedNetworkProblem) {
            arcs = s.arcCount
            var users = 0, previous = -1
            for a in s.arcs where problem.tail(of: a) != previous { users += 1; previous = problem.tail(of: a) }
            self.users = users
            maxFriends = s.maximumOutDegree { problem.tail(of: $0) }
        }
    }

    public struct Method: Sendable, Codable, Equatable {
        public var name: String
        public var subnetwork: SubnetworkSummary
        /// Σ_s σ_{G_k}({s}), the paper's objective.
        public var objective: Interval
        /// σ_{G_k}(S), the union spread.
        public var union: Interval
        public var selectionSeconds: Double
        public var evaluationSeconds: Double
    }

    public struct GreedySummary: Sendable, Codable, Equatable {
        public var steps: Int
        public var evaluations: Int
        public var cost: EdgeInsertionGreedy.CostEstimate
    }

    public struct Timings: Sendable, Codable, Equatable {
        public var loadSeconds: Double
        public var selectionSeconds: Double
        /// CPU seconds (all threads) of the selection: a figure a busy machine inflates less than
        /// the wall-clock one.
        public var selectionCPUSeconds: Double
        public var evaluationSeconds: Double
        public var baselineSeconds: Double
        public var totalSeconds: Double
    }

    public struct Memory: Sendable, Codable, Equatable {
        public var peakResidentBytes: Int
    }

    public var parameters: Parameters
    /// The chosen method's k-subnetwork and its spreads.
    public var result: Method
    public var perSeed: [SeedSpread]
    /// The objective before any insertion: |S| (each seed reaches itself).
    public var initialObjective: Double
    /// PSNA's iterations, with the objective estimate after each (PSNA only).
    public var iterations: [PSNA.Iteration]?
    /// Arcs kept by the final filling pass (PSNA and greedy).
    public var filled: Int?
    public var greedy: GreedySummary?
    /// The baselines on the same Monte Carlo worlds.
    public var baselines: [Method]
    public var timings: Timings
    public var memory: Memory
}
