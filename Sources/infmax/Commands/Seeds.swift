import ArgumentParser
import Foundation
import InfluenceKit

/// The RIS seed-selection algorithms the CLI offers.
enum SeedAlgorithm: String, ExpressibleByArgument, CaseIterable {
    case opimC = "opim-c"
    case imm

    var paperName: String { self == .opimC ? "OPIM-C" : "IMM" }
}

extension RRSetSampler.Method: ExpressibleByArgument {}

struct Seeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pick the k seeds of largest expected spread, with a guarantee (OPIM-C or IMM on RR sets).",
        discussion: """
        Draws reverse-reachable sets (subset sampling under IC, the reverse walk under LT), picks \
        seeds by greedy max coverage, and prints them in selection order with their marginal \
        gains, the spread estimated on fresh RR sets independent of those that chose the seeds \
        (with a 95% interval), the approximation guarantee reached, RR sets used, timings and \
        memory.

        OPIM-C (default) stops as soon as its instance-wise ratio reaches 1 − 1/e − ε and reports \
        the ratio of each round; IMM draws the worst-case number of sets for 1 − 1/e − ε, with the \
        final sets drawn afresh (Chen's correction). Both fail with probability at most δ \
        (IMM: n^−ℓ).

        The same --seed gives the same seeds for any --threads. --output writes the JSON report \
        atomically; `infmax simulate --seeds-file` reads it.

        Examples:
          infmax seeds Graphs/demo.txt --k 10
          infmax seeds nethept.txt --k 50 --model lt --epsilon 0.1 --json
          infmax seeds graph.infgraph --k 100 --algorithm imm --output seeds.json
        """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .customLong("k"), help: ArgumentHelp("Number of seeds to pick (1 ≤ k ≤ n).", valueName: "K"))
    var k: Int

    @Option(help: "Algorithm: opim-c (stops at the ratio reached on this graph) or imm (worst-case sample size).")
    var algorithm: SeedAlgorithm = .opimC

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: ArgumentHelp("ε of the target ratio 1 − 1/e − ε, strictly between 0 and 1.", valueName: "E"))
    var epsilon: Double = 0.1

    @Option(help: ArgumentHelp("Failure probability δ of OPIM-C (default 1/n).", valueName: "D"))
    var delta: Double?

    @Option(help: ArgumentHelp("IMM's ℓ: failure probability n^−ℓ.", valueName: "L"))
    var ell: Double = 1

    @Option(help: ArgumentHelp("OPIM-C precision refinement: once the ratio is reached, keep growing the selection sets until they estimate the seeds' spread with this relative standard error (never beyond the paper's θmax); 0 stops as soon as the ratio is reached, as in the paper.", valueName: "R"))
    var precision: Double = RISSelector.defaultPrecision

    @OptionGroup var execution: ExecutionOptions

    @Option(help: "How IC in-arcs are drawn: subset (geometric skips and buckets, SUBSIM) or plain (one coin per arc); same distribution.")
    var sampling: RRSetSampler.Method = .subset

    @Option(name: .customLong("evaluation-sets"), help: ArgumentHelp("Fresh RR sets for the spread interval (default: as many as selection used, between 131,072 and 1,048,576).", valueName: "N"))
    var evaluationSets: Int?

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Memory limit: bytes with K/M/G suffix, or a percentage of RAM; a run that would exceed it stops with a message.", valueName: "SIZE"))
    var maxMemory: ByteCount = ByteCount(bytes: SystemMemory.defaultLimitBytes)

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the JSON report to this file (atomically).", valueName: "FILE"))
    var output: String?

    @Flag(help: "No progress lines or notes on standard error.")
    var quiet = false

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1 (got \(k))") }
        if !(epsilon > 0 && epsilon < 1) { throw ValidationError("--epsilon must lie strictly between 0 and 1 (got \(epsilon); e.g. --epsilon 0.1)") }
        if let delta, !(delta > 0 && delta < 1) { throw ValidationError("--delta must lie strictly between 0 and 1 (got \(delta))") }
        if !(ell > 0) { throw ValidationError("--ell must be positive (got \(ell))") }
        if !(precision >= 0 && precision < 1) { throw ValidationError("--precision must be 0 (off) or a relative standard error below 1 (got \(precision); e.g. --precision 0.004)") }
        if let evaluationSets, evaluationSets < 1 { throw ValidationError("--evaluation-sets must be positive (got \(evaluationSets))") }
        if delta != nil, algorithm == .imm { throw ValidationError("--delta applies to opim-c; IMM's failure probability is n^-ℓ (use --ell)") }
    }

    func run() throws {
        try reportingErrors {
            var total = Stopwatch()
            let loaded = try graphOptions.load(seed: execution.seed)
            let graph = loaded.graph
            try SeedSelection.validate(k: k, epsilon: epsilon, nodeCount: graph.nodeCount)
            let threads = execution.resolvedThreads
            let progress = ProgressMeter(showsProgress: stderrIsTerminal && !quiet, showsNotes: !quiet)
            let memory = MemoryBudget(limitBytes: maxMemory.bytes)
            let sampler = RRSetSampler(graph: graph, model: modelOptions.model, method: sampling)

            let selection: SeedSelection
            var rounds: [OPIMC.Round]?
            var estimation: [IMM.EstimationRound]?
            var lowerBound: Double?
            var usedDelta: Double?
            switch algorithm {
            case .opimC:
                let report = try OPIMC(.init(k: k, epsilon: epsilon, delta: delta, seed: execution.seed, workers: threads,
                                             memory: memory, progress: progress,
                                             precision: precision > 0 ? precision : nil)).run(on: sampler)
                selection = report.selection
                rounds = report.rounds
                usedDelta = report.delta
            case .imm:
                let report = try IMM(.init(k: k, epsilon: epsilon, ell: ell, seed: execution.seed, workers: threads,
                                           memory: memory, progress: progress)).run(on: sampler)
                selection = report.selection
                estimation = report.estimationRounds
                lowerBound = report.lowerBound
            }

            var evaluationClock = Stopwatch()
            let evaluationCount = evaluationSets ?? Self.evaluationSize(for: selection)
            let interval = SpreadInterval.estimate(seeds: selection.seeds, sampler: sampler, sets: evaluationCount,
                                                   seed: execution.seed, workers: threads, progress: progress)
            let evaluationSeconds = evaluationClock.lap()

            let gains = selection.marginalGains
            let seeds = selection.seeds.enumerated().map { i, node in
                SelectionReport.Seed(rank: i + 1, label: graph.label(of: node), node: node, marginalGain: gains[i],
                                     marginalCoverage: selection.marginalCoverage[i])
            }
            let parameters = SelectionReport.Parameters(
                graph: graphOptions.graph, nodes: graph.nodeCount, arcs: graph.arcCount,
                probabilities: graph.statistics.probabilityScheme, model: modelOptions.model,
                algorithm: selection.algorithm, k: k, epsilon: epsilon, delta: usedDelta,
                ell: algorithm == .imm ? ell : nil, seed: execution.seed, threads: threads,
                sampling: modelOptions.model == .ic ? sampling.rawValue : "reverse-walk", maxMemoryBytes: memory.limitBytes)
            let report = SelectionReport(
                parameters: parameters, seeds: seeds, spread: .init(interval), selectionSpread: selection.selectionSpread,
                guarantee: selection.guarantee,
                rrSets: .init(selection: selection.selectionSets, generated: selection.rrSetsGenerated, evaluation: interval.rrSets),
                rounds: rounds, estimationRounds: estimation, lowerBound: lowerBound,
                timings: .init(loadSeconds: loaded.seconds, phases: selection.phases, evaluationSeconds: evaluationSeconds,
                               totalSeconds: total.lap()),
                memory: .init(peakResidentBytes: SystemMemory.peakResidentBytes, peakRRSetBytes: selection.peakRRSetBytes,
                              limitBytes: memory.limitBytes))

            let text = try jsonText(report)
            if let output {
                try AtomicFile.write(text + "\n", to: output)
            }
            if json {
                print(text)
            } else {
                printText(report)
            }
        }
    }

    /// Fresh sets for the spread interval: enough for a relative standard error of about 1%
    /// (a 95% interval of about ±2%) at the coverage the selection pool saw, within [2^14, 2^22].
    static func evaluationSize(for selection: SeedSelection) -> Int {
        let covered = Double(selection.marginalCoverage.reduce(0, +))
        let fraction = covered / Double(max(1, selection.selectionSets))
        guard fraction > 0 else { return 1 << 14 }
        let wanted = (1 - fraction) / (fraction * 0.01 * 0.01)
        return Int(min(Double(1 << 22), max(Double(1 << 14), wanted.rounded(.up))))
    }

    private func printText(_ r: SelectionReport) {
        let p = r.parameters
        var header = "\(p.algorithm), \(p.model.rawValue.uppercased()), k = \(p.k), ε = \(p.epsilon)"
        if let delta = p.delta { header += ", δ = \(String(format: "%.3g", delta))" }
        if let ell = p.ell { header += ", ℓ = \(ell)" }
        header += ", seed \(p.seed), \(p.threads) thread\(p.threads == 1 ? "" : "s")"
        print(header)
        print("graph     \(p.graph): \(p.nodes) nodes, \(p.arcs) arcs, \(p.probabilities) probabilities")
        print("")
        print("seeds in selection order (marginal gain estimated on the selection RR sets):")
        let width = max(5, r.seeds.map(\.label.count).max() ?? 5)
        print("  rank  \("label".padding(toLength: width, withPad: " ", startingAt: 0))  marginal gain")
        for s in r.seeds {
            let rank = String(s.rank)
            print("  \(String(repeating: " ", count: max(0, 4 - rank.count)))\(rank)  \(s.label.padding(toLength: width, withPad: " ", startingAt: 0))  \(fixed(s.marginalGain, 2))")
        }
        print("")
        let s = r.spread
        print("spread    \(fixed(s.estimate, 1)) (95% interval \(fixed(s.low, 1)) – \(fixed(s.high, 1)), standard error \(fixed(s.standardError, 1)))")
        print("          estimated on \(s.rrSets) fresh RR sets, independent of those used to select the seeds")
        print("          (on the selection sets themselves: \(fixed(r.selectionSpread, 1)), biased upward)")
        let g = r.guarantee
        let delta = String(format: "%.3g", g.failureProbability)
        if g.instanceWise {
            let round = r.rounds?.count ?? 0
            print("guarantee σ(S) ≥ \(fixed(g.approximation, 4)) · OPT with probability ≥ 1 − \(delta), measured on this instance (round \(round)); target 1 − 1/e − ε = \(fixed(g.target, 4))")
        } else {
            print("guarantee σ(S) ≥ \(fixed(g.approximation, 4)) · OPT (1 − 1/e − ε) with probability ≥ 1 − \(delta) (worst-case bound)")
        }
        if let rounds = r.rounds {
            for round in rounds {
                let kind = round.refinement ? " (precision refinement)" : ""
                print("          round \(round.index)\(kind): R1 \(round.rrSetsR1), R2 \(round.rrSetsR2) RR sets, σˡ = \(fixed(round.lowerBound, 1)), σᵘ = \(fixed(round.upperBound, 1)), ratio \(fixed(round.ratio, 4)), relative error \(fixed(100 * round.relativeStandardError, 2))%")
            }
        }
        if let lb = r.lowerBound {
            print("          lower bound of OPT from \(r.estimationRounds?.count ?? 0) estimation round(s): \(fixed(lb, 1))")
        }
        print("rr sets   \(r.rrSets.selection) for selection, \(r.rrSets.generated) drawn in all, \(r.rrSets.evaluation) for the spread interval")
        let t = r.timings
        let phases = t.phases.map { "\($0.name) \(fixed($0.seconds, 3)) s" }.joined(separator: ", ")
        print("time      load \(fixed(t.loadSeconds, 3)) s, \(phases), evaluation \(fixed(t.evaluationSeconds, 3)) s, total \(fixed(t.totalSeconds, 3)) s")
        let m = r.memory
        print("memory    peak resident \(SystemMemory.describe(m.peakResidentBytes)), RR sets and index at most \(SystemMemory.describe(m.peakRRSetBytes)) (limit \(SystemMemory.describe(m.limitBytes)))")
    }
}
