#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// IMM: Tang, Shi, Xiao, "Influence Maximization in Near-Linear Time: A Martingale Approach",
/// SIGMOD 2015, with the correction of Chen, "An Issue in the Martingale Analysis of the
/// Influence Maximization Algorithm IMM" (CSoNet 2018): the final θ sets are drawn afresh,
/// independent of the sets that estimated the bound.
///
/// Phase 1 (Algorithm 2 of the paper) doubles a guess x = n/2^i of OPT, drawing θ_i = λ'/x sets
/// (Eq. 9), until greedy's coverage certifies OPT ≥ x; that gives the lower bound LB. Phase 2
/// draws θ = λ*/LB fresh sets (Eq. 6) and runs greedy on them. The result is a (1 − 1/e − ε)
/// approximation with probability at least 1 − n^−ℓ.
///
/// Usage: configure, `run(on:)`, read the report.
public struct IMM: Sendable {
    /// What to run.
    public struct Configuration: Sendable {
        /// Seeds to pick.
        public var k: Int
        /// ε of the guarantee (0 < ε < 1).
        public var epsilon: Double
        /// ℓ: failure probability n^−ℓ.
        public var ell: Double
        /// Seed of every random choice.
        public var seed: UInt64
        /// Sampling threads.
        public var workers: Int
        /// Memory limit, checked before each pool growth.
        public var memory: MemoryBudget
        /// Progress and notes.
        public var progress: any ProgressReporter
        /// The ranks the run is spread over (each draws its share of every pool; the result is the
        /// single-process one on every rank).
        public var communicator: any Communicator = SingleProcessCommunicator()

        /// Parameters of a run; checked by `run(on:)`. Complexity: O(1).
        public init(k: Int, epsilon: Double = 0.1, ell: Double = 1, seed: UInt64 = 1, workers: Int = 1,
                    memory: MemoryBudget = MemoryBudget(), progress: any ProgressReporter = SilentProgress()) {
            self.k = k
            self.epsilon = epsilon
            self.ell = ell
            self.seed = seed
            self.workers = workers
            self.memory = memory
            self.progress = progress
        }
    }

    /// One round of phase 1.
    public struct EstimationRound: Sendable, Codable, Equatable {
        /// x = n/2^i, the guess of OPT being tested.
        public var guess: Double
        /// θ_i = λ'/x, sets in the estimation pool.
        public var rrSets: Int
        /// n·F_R(S_i), greedy's estimated spread on the pool.
        public var estimatedSpread: Double
    }

    /// What a run found.
    public struct Report: Sendable {
        /// Seeds, gains, sets used, timings, memory, guarantee.
        public var selection: SeedSelection
        /// ℓ after the paper's adjustment ℓ·(1 + ln 2 / ln n).
        public var adjustedEll: Double
        /// λ' (Eq. 9).
        public var lambdaPrime: Double
        /// λ* (Eq. 6).
        public var lambdaStar: Double
        /// The lower bound LB of OPT from phase 1.
        public var lowerBound: Double
        /// Phase 1 rounds.
        public var estimationRounds: [EstimationRound]
        /// θ = ⌈λ*/LB⌉, the fresh sets of phase 2 (before rounding up to whole tasks).
        public var theta: Int
    }

    /// The run's parameters.
    public let configuration: Configuration

    /// IMM configured by `configuration`; nothing runs until `run(on:)`. Complexity: O(1).
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// Runs IMM with `sampler`'s graph and model.
    ///
    /// - Throws: `.usage` for bad parameters (naming `k`, `epsilon` or `ell`), `.resource` when a
    ///   pool would exceed the memory limit (`memoryLimit`).
    /// - Complexity: O((k + ℓ)(n + m) log n / ε²) expected (Theorem 3 of the paper).
    public func run(on sampler: RRSetSampler) throws(InfluenceError) -> Report {
        let c = configuration
        let nodes = sampler.graph.nodeCount
        try SeedSelection.validate(k: c.k, epsilon: c.epsilon, nodeCount: nodes)
        guard c.ell > 0 else { throw InfluenceError(.usage, parameter: "ell", "ℓ = \(c.ell) (expected a positive value, e.g. 1)") }
        let n = Double(nodes)
        let ell = IMMBounds.adjustedEll(c.ell, nodeCount: nodes)
        let lambdaPrime = IMMBounds.lambdaPrime(nodeCount: nodes, k: c.k, epsilon: c.epsilon, adjustedEll: ell)
        let lambdaStar = IMMBounds.lambdaStar(nodeCount: nodes, k: c.k, epsilon: c.epsilon, adjustedEll: ell)
        let epsilonPrime = 2.0.squareRoot() * c.epsilon

        var phases = [PhaseTiming]()
        var clock = Stopwatch()
        var driver = RISPoolDriver(sampler: sampler, seed: c.seed, workers: c.workers, memory: c.memory, progress: c.progress,
                                   communicator: c.communicator)

        // Every θ below is at most λ' / 2 (x ≥ 2) or λ* (LB ≥ 1): bounded once, here.
        _ = try SampleSizeLimit.checked(lambdaPrime, epsilon: c.epsilon, bound: "IMM's λ'")
        _ = try SampleSizeLimit.checked(lambdaStar, epsilon: c.epsilon, bound: "IMM's λ*")

        // Phase 1: estimate LB.
        var lowerBound = 1.0
        var rounds = [EstimationRound]()
        var pool = RRSetCollection(nodeCount: nodes)
        let lastRound = Int((log2(n) - 1).rounded(.down))
        if lastRound >= 1 {
            for i in 1...lastRound {
                let x = n / pow(2, Double(i))
                let thetaI = Int((lambdaPrime / x).rounded(.up))
                let target = RRSetSampler.roundedToTasks(thetaI)
                try driver.check([.init(before: pool.globalCount, after: target)], indexedSets: target,
                                 meanSetSize: driver.meanSetSize([pool]), step: "IMM bound estimation (\(target) RR sets)")
                try driver.grow(&pool, to: thetaI, poolID: RRPool.estimation, phase: "IMM estimation round \(i)")
                let index = driver.index(pool)
                let greedy = try driver.select(c.k, from: pool, index: index)
                let spread = n * Double(greedy.coverage) / Double(pool.globalCount)
                rounds.append(EstimationRound(guess: x, rrSets: pool.globalCount, estimatedSpread: spread))
                if spread >= (1 + epsilonPrime) * x {
                    lowerBound = spread / (1 + epsilonPrime)
                    break
                }
            }
        }
        let estimationMean = driver.meanSetSize([pool])
        phases.append(PhaseTiming(name: "estimation", seconds: clock.lap(), rrSets: driver.generated))
        pool = RRSetCollection(nodeCount: nodes) // Chen 2018: phase 2 never reuses these sets.

        // Phase 2: θ fresh sets, then greedy.
        let theta = Int((lambdaStar / lowerBound).rounded(.up))
        let target = RRSetSampler.roundedToTasks(theta)
        let estimate = driver.estimate([.init(before: 0, after: target)], indexedSets: target, meanSetSize: estimationMean)
        if estimate > c.memory.limitBytes / 2 {
            c.progress.note("IMM will draw \(target) RR sets: about \(SystemMemory.describe(estimate)) of memory (limit \(SystemMemory.describe(c.memory.limitBytes)))")
        }
        try driver.check(bytes: estimate, step: "IMM sampling (\(target) RR sets)")
        let before = driver.generated
        let final = try driver.fresh(theta, poolID: RRPool.selection, phase: "IMM sampling")
        phases.append(PhaseTiming(name: "sampling", seconds: clock.lap(), rrSets: driver.generated - before))
        let index = driver.index(final)
        let greedy = try driver.select(c.k, from: final, index: index)
        phases.append(PhaseTiming(name: "selection", seconds: clock.lap(), rrSets: 0))

        let target0 = Combinatorics.greedyRatio - c.epsilon
        var selection = SeedSelection(
            algorithm: "IMM", nodeCount: nodes, seeds: greedy.seeds, marginalCoverage: greedy.marginalCoverage,
            selectionSets: final.globalCount, rrSetsGenerated: driver.generated, phases: phases, peakRRSetBytes: driver.peakBytes,
            guarantee: Guarantee(approximation: target0, target: target0, failureProbability: pow(n, -c.ell),
                                 instanceWise: false))
        selection.peakRRSetMembers = driver.peakMembers
        return Report(selection: selection, adjustedEll: ell, lambdaPrime: lambdaPrime, lambdaStar: lambdaStar,
                      lowerBound: lowerBound, estimationRounds: rounds, theta: theta)
    }
}
