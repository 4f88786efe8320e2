/// The record of one `ClosedNetworkIM` run (the JSON `infmax closed` prints).
public struct ClosedNetworkReport: Sendable, Codable, Equatable {
    /// The inputs and parameters of the run, enough to reproduce it.
    public struct Parameters: Sendable, Codable, Equatable {
        /// The graph's path as given.
        public var graph: String
        /// Nodes of the graph.
        public var nodes: Int
        /// Arcs of the graph.
        public var arcs: Int
        /// The seeds file's path as given.
        public var seedsFile: String
        /// Number of seed users.
        public var seeds: Int
        /// The share limit k.
        public var k: Int
        /// The stopping threshold ε on the objective's relative gain.
        public var epsilon: Double
        /// The method's name (`psna`, `greedy`, `degree`, `fof`, `random`).
        public var algorithm: String
        /// Whether arcs into seeds were allowed, as the published code does.
        public var compat: Bool
        /// The IC probability scheme (`wc`, `uniform:P`, `trivalency:SEED`, `file`).
        public var probabilities: String
        /// The two arcs of an undirected edge were given one probability (trivalency draws).
        public var symmetrizedProbabilities: Bool
        /// Monte Carlo worlds of the final evaluation.
        public var evaluationRuns: Int
        /// Monte Carlo worlds of PSNA's per-iteration objective estimate (PSNA only).
        public var estimationRuns: Int?
        /// Monte Carlo worlds per greedy gain (greedy only).
        public var greedyRuns: Int?
        /// Whether the best of the method and the baselines was returned (see `winner`).
        public var keepBest: Bool
        /// Seed of every random choice.
        public var seed: UInt64
        /// Worker threads (the result does not depend on them).
        public var threads: Int
        /// The library's version.
        public var version: String
    }

    /// A Monte Carlo mean with its 95% interval: the shared spread shape of every record.
    public typealias Interval = SpreadValue

    /// One seed's own spread on the chosen k-subnetwork.
    public struct SeedSpread: Sendable, Codable, Equatable {
        /// The seed's label in the input.
        public var label: String
        /// σ_{G_k}({s}), the seed's expected reach alone.
        public var spread: Interval
        /// Arcs the seed keeps.
        public var friends: Int
    }

    /// The size of a k-subnetwork.
    public struct SubnetworkSummary: Sendable, Codable, Equatable {
        /// Kept arcs.
        public var arcs: Int
        /// Users keeping at least one arc.
        public var users: Int
        /// The most arcs one user keeps (≤ k).
        public var maxFriends: Int
        /// Summarises `s`, a k-subnetwork of `problem`. Complexity: O(|G_k|).
        public init(_ s: KSubnetwork, _ problem: ClosedNetworkProblem) {
            arcs = s.arcCount
            var users = 0, previous = -1
            for a in s.arcs where problem.tail(of: a) != previous { users += 1; previous = problem.tail(of: a) }
            self.users = users
            maxFriends = s.maximumOutDegree { problem.tail(of: $0) }
        }
    }

    /// One method's k-subnetwork and its spreads, all measured on the same Monte Carlo worlds.
    public struct Method: Sendable, Codable, Equatable {
        /// The method's name (`psna`, `greedy`, `degree`, `fof`, `random`).
        public var name: String
        /// The size of its k-subnetwork.
        public var subnetwork: SubnetworkSummary
        /// Σ_s σ_{G_k}({s}), the paper's objective.
        public var objective: Interval
        /// σ_{G_k}(S), the union spread.
        public var union: Interval
        /// Seconds the method took to choose its k-subnetwork.
        public var selectionSeconds: Double
        /// Seconds its Monte Carlo evaluation took.
        public var evaluationSeconds: Double
    }

    /// What the edge-insertion greedy did.
    public struct GreedySummary: Sendable, Codable, Equatable {
        /// Arcs inserted.
        public var steps: Int
        /// Objective evaluations made.
        public var evaluations: Int
        /// The cost estimated before the run.
        public var cost: EdgeInsertionGreedy.CostEstimate
    }

    /// Wall times, in seconds.
    public struct Timings: Sendable, Codable, Equatable {
        /// Loading the graph.
        public var loadSeconds: Double
        /// Choosing the method's k-subnetwork.
        public var selectionSeconds: Double
        /// CPU seconds (all threads) of the selection: a figure a busy machine inflates less than
        /// the wall-clock one.
        public var selectionCPUSeconds: Double
        /// Evaluating the method's k-subnetwork.
        public var evaluationSeconds: Double
        /// Choosing and evaluating the baselines.
        public var baselineSeconds: Double
        /// The whole run, load included.
        public var totalSeconds: Double
    }

    /// Memory of the process.
    public struct Memory: Sendable, Codable, Equatable {
        /// Peak resident set size, in bytes.
        public var peakResidentBytes: Int
    }

    /// The inputs and parameters.
    public var parameters: Parameters
    /// The configured method's own k-subnetwork and its spreads (see `winner` for the one returned).
    public var result: Method
    /// Each seed's own spread on the returned k-subnetwork (the `winner`'s), in input order.
    public var perSeed: [SeedSpread]
    /// The objective before any insertion: |S| (each seed reaches itself).
    public var initialObjective: Double
    /// PSNA's iterations, with the objective estimate after each (PSNA only).
    public var iterations: [PSNA.Iteration]?
    /// Arcs kept by the final filling pass (PSNA and greedy).
    public var filled: Int?
    /// PSNA's refinement step after the filling pass: refills and swaps kept because they raised
    /// the objective estimate on worlds of its own (PSNA only).
    public var refinement: PSNA.Refinement? = nil
    /// The greedy's steps and cost (greedy only).
    public var greedy: GreedySummary?
    /// The baselines on the same Monte Carlo worlds.
    public var baselines: [Method]
    /// The method whose k-subnetwork is returned (the kept arcs, `perSeed`): the configured
    /// method, or, when `parameters.keepBest` and a baseline's objective is higher on the same
    /// worlds, that baseline. `result` always holds the configured method's own figures.
    public var winner: String
    /// Wall times.
    public var timings: Timings
    /// Peak memory.
    public var memory: Memory
}
