import ArgumentParser
import Foundation
import InfluenceKit

/// The methods `infmax compare` can run, by their command-line names.
enum CompareAlgorithm: String, CaseIterable {
    case opimC = "opim-c"
    case imm
    case celf
    case degree
    case degreeDiscount = "degree-discount"
    case singleDiscount = "single-discount"
    case pagerank
    case random

    static let defaults: [CompareAlgorithm] = [.opimC, .imm, .degree, .degreeDiscount, .pagerank, .random]

    /// Parses a comma-separated list, rejecting unknown names and repeats.
    static func parseList(_ text: String) throws -> [CompareAlgorithm] {
        let names = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var result: [CompareAlgorithm] = []
        for name in names {
            guard let algorithm = CompareAlgorithm(rawValue: name.lowercased()) else {
                throw ValidationError("unknown algorithm '\(name)' in --algorithms (expected a comma-separated list of: \(allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            if result.contains(algorithm) { throw ValidationError("algorithm '\(name)' appears twice in --algorithms (list each once)") }
            result.append(algorithm)
        }
        return result
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare seed-selection methods on one graph: spread ± 95% CI and selection time at several k.",
        discussion: """
        Runs each algorithm for every k (methods whose answers are prefixes of each other — \
        degree, degree-discount, single-discount, pagerank, random, celf — choose once at the \
        largest k), then evaluates every seed set with the same Monte Carlo simulator: --runs \
        cascades, run i in the same random live-edge world for every seed set (common random \
        numbers), so the differences between methods are paired. Randomised methods (random, \
        celf, opim-c, imm) draw from a seed derived from --seed, never from the evaluation's own \
        worlds. The same --seed gives the same numbers for any --threads.

        Algorithms: opim-c, imm (RIS with guarantees, --epsilon), celf (lazy greedy on Monte \
        Carlo gains, --celf-runs per evaluation; its cost is estimated first and a run above \
        --celf-budget is refused unless --force), degree (highest out-degree), degree-discount \
        and single-discount (Chen, Wang, Yang 2009; degree discount uses each arc's own \
        probability, or LT weight under --model lt), pagerank (on the reversed graph, igraph), random.

        Prints a table (or --json); --csv writes the rows, --plot an SVG of spread and selection \
        time versus k (both atomically).

        Examples:
          infmax compare Graphs/demo.txt --k 1,5,10,20,50 --plot demo.svg
          infmax compare email-Enron.txt.gz --model lt --runs 20000 --csv enron.csv
          infmax compare Graphs/karate.txt --undirected --k 1,2,4 --algorithms degree,celf --celf-runs 2000
        """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .customLong("k"), help: ArgumentHelp("Seed set sizes, comma-separated.", valueName: "K,K,..."))
    var ks: String = "1,5,10,20,50"

    @Option(help: ArgumentHelp("Methods to compare, comma-separated: \(CompareAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "A,A,..."))
    var algorithms: String = CompareAlgorithm.defaults.map(\.rawValue).joined(separator: ",")

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: ArgumentHelp("Monte Carlo runs per evaluated seed set.", valueName: "R"))
    var runs: Int = 10_000

    @Option(help: ArgumentHelp("ε of IMM and OPIM-C (target ratio 1 − 1/e − ε).", valueName: "E"))
    var epsilon: Double = 0.1

    @Option(help: ArgumentHelp("OPIM-C precision refinement, as in `infmax seeds` (0: the paper's stopping rule).", valueName: "R"))
    var precision: Double = RISSelector.defaultPrecision

    @Option(name: .customLong("celf-runs"), help: ArgumentHelp("Monte Carlo runs per CELF marginal-gain evaluation (default: --runs).", valueName: "R"))
    var celfRuns: Int?

    @Option(name: .customLong("celf-budget"), help: ArgumentHelp("Refuse CELF when its estimated time exceeds this many seconds (unless --force).", valueName: "SECONDS"))
    var celfBudget: Double = 300

    @Flag(help: "Run CELF even when its cost estimate is above --celf-budget.")
    var force = false

    @OptionGroup var execution: ExecutionOptions

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Memory limit of IMM and OPIM-C: bytes with K/M/G suffix, or a percentage of RAM.", valueName: "SIZE"))
    var maxMemory: ByteCount = ByteCount(bytes: SystemMemory.defaultLimitBytes)

    @Flag(help: "Print the report as JSON instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Also write the rows as CSV to this file.", valueName: "FILE"))
    var csv: String?

    @Option(help: ArgumentHelp("Also draw spread and selection time versus k as an SVG file.", valueName: "FILE.svg"))
    var plot: String?

    @Flag(help: "No progress lines on standard error.")
    var quiet = false

    func validate() throws {
        _ = try Self.parseKs(ks)
        _ = try CompareAlgorithm.parseList(algorithms)
        if runs < 1 { throw ValidationError("--runs must be at least 1 (got \(runs); e.g. --runs 10000)") }
        if let celfRuns, celfRuns < 1 { throw ValidationError("--celf-runs must be at least 1 (got \(celfRuns))") }
        if !(epsilon > 0 && epsilon < 1) { throw ValidationError("--epsilon must lie strictly between 0 and 1 (got \(epsilon); e.g. --epsilon 0.1)") }
        if !(precision >= 0 && precision < 1) { throw ValidationError("--precision must be 0 (off) or a relative standard error below 1 (got \(precision); e.g. --precision 0.004)") }
        if !(celfBudget > 0) { throw ValidationError("--celf-budget must be a positive number of seconds (got \(celfBudget))") }
    }

    /// Parses `1,5,10`.
    static func parseKs(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return try parts.map { part in
            guard let k = Int(part), k >= 1 else {
                throw ValidationError("--k takes positive seed counts separated by commas (got '\(part)' in '\(text)'; e.g. --k 1,5,10,20,50)")
            }
            return k
        }
    }

    func run() throws {
        try reportingErrors {
            let loaded = try graphOptions.load(seed: execution.seed)
            let graph = loaded.graph
            let model = modelOptions.model
            let sizes = try Comparison.validatedKs(try Self.parseKs(ks), nodeCount: graph.nodeCount)
            let chosen = try CompareAlgorithm.parseList(algorithms)
            let threads = execution.resolvedThreads
            let evaluation = MonteCarloSimulator.Configuration(runs: runs, seed: execution.seed, threads: threads)
            let selectionSeed = Comparison.selectionSeed(for: execution.seed)
            let showProgress = stderrIsTerminal && !quiet

            var selectors: [any SeedSelector] = []
            for algorithm in chosen {
                switch algorithm {
                case .opimC, .imm:
                    selectors.append(RISSelector(graph: graph, model: model, algorithm: algorithm == .imm ? .imm : .opimC,
                                                 epsilon: epsilon, seed: selectionSeed, workers: threads,
                                                 memory: MemoryBudget(limitBytes: maxMemory.bytes),
                                                 precision: precision > 0 ? precision : nil))
                case .celf:
                    let line = ProgressLine("celf", enabled: showProgress)
                    let celf = CELF(graph: graph, model: model,
                                    configuration: .init(runs: celfRuns ?? runs, seed: selectionSeed, threads: threads),
                                    progress: { phase, done, total in line.update(done, of: total, unit: phase == "celf" ? "seeds" : "nodes") })
                    try checkCELFCost(celf, k: sizes.last!)
                    selectors.append(celf)
                case .degree: selectors.append(DegreeHeuristic(graph: graph))
                case .degreeDiscount: selectors.append(DegreeDiscount(graph: graph, model: model))
                case .singleDiscount: selectors.append(SingleDiscount(graph: graph))
                case .pagerank: selectors.append(PageRankHeuristic(loaded: loaded))
                case .random: selectors.append(RandomSeeds(graph: graph, seed: selectionSeed))
                }
            }

            let comparison = Comparison(graph: graph, model: model, evaluation: evaluation)
            let rows = try comparison.run(selectors, ks: sizes) { step in
                guard showProgress else { return }
                switch step {
                case .selecting(let name, let k): StandardError.write("\r\u{1B}[Kcompare: selecting with \(name), k = \(k) ...")
                case .evaluating(let name, let k): StandardError.write("\r\u{1B}[Kcompare: evaluating \(name), k = \(k) (\(runs) runs) ...")
                }
            }
            if showProgress { StandardError.write("\r\u{1B}[K") }

            let report = ComparisonReport(graphPath: graphOptions.graph, graph: graph, model: model,
                                          evaluation: evaluation, rows: rows)
            if let csv {
                try AtomicFile.write(report.csv(), to: csv)
                if !quiet { printError("wrote \(csv)") }
            }
            if let plot {
                try AtomicFile.write(report.plot().render(), to: plot)
                if !quiet { printError("wrote \(plot)") }
            }
            if json {
                print(try jsonText(report))
            } else {
                printTable(report, probabilities: graph.statistics.probabilityScheme)
            }
        }
    }

    /// Prints CELF's cost estimate and refuses a run above the budget unless forced.
    private func checkCELFCost(_ celf: CELF, k: Int) throws {
        let cost = try celf.estimateCost(k: k)
        let n = celf.graph.nodeCount
        let summary = "(\(n) + \(k) × \(Int(CELF.reevaluationsPerRound)) evaluations) × \(cost.runs) runs × "
            + "\(fixed(cost.arcsPerSingletonRun, 1)) arcs per run from one node, \(fixed(cost.arcsPerSetRun, 1)) from \(k) nodes"
        if !quiet {
            printError("celf: estimated \(Self.duration(cost.seconds)) for k = \(k): \(summary) (pilot \(Self.duration(cost.pilotSeconds)))")
        }
        if cost.seconds > celfBudget && !force {
            throw InfluenceError(.resource, "celf would take about \(Self.duration(cost.seconds)) (estimated), above --celf-budget \(Self.duration(celfBudget)) (pass --force to run it anyway, lower --celf-runs, or leave celf out of --algorithms)")
        }
    }

    private func printTable(_ r: ComparisonReport, probabilities: String) {
        print("graph      \(r.graph): \(r.nodes) nodes, \(r.arcs) arcs, \(probabilities) probabilities, \(r.model.rawValue.uppercased()) model")
        print("evaluation \(r.runs) Monte Carlo runs per seed set, seed \(r.seed); every seed set sees the same random worlds (paired)")
        print("")
        let nameWidth = max(9, r.algorithms.map(\.count).max() ?? 9)
        let header = "algorithm".padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        print("\(header)  \(Self.right("k", 4))  \(Self.right("spread", 10))  \(Self.right("± 95% CI", 9))  \(Self.right("selection", 10))")
        for k in r.ks {
            let rows = r.rows.filter { $0.k == k }
            let best = rows.map(\.spread.mean).max() ?? 0
            for row in rows {
                let name = row.algorithm.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                let mark = row.spread.mean == best ? " *" : ""
                print("\(name)  \(Self.right(String(k), 4))  \(Self.right(fixed(row.spread.mean, 1), 10))  \(Self.right(fixed(row.spread.halfWidth, 1), 9))  \(Self.right(Self.duration(row.selectionSeconds), 10))\(mark)")
            }
            if k != r.ks.last { print("") }
        }
        print("")
        print("* highest mean spread at that k. Selection time for prefix methods is the time their first k seeds took.")
    }

    static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// A duration for people: µs, ms, s, min or h.
    static func duration(_ seconds: Double) -> String {
        if seconds < 1e-3 { return "\(fixed(seconds * 1e6, 0)) µs" }
        if seconds < 1 { return "\(fixed(seconds * 1e3, 1)) ms" }
        if seconds < 120 { return "\(fixed(seconds, 2)) s" }
        if seconds < 7200 { return "\(fixed(seconds / 60, 1)) min" }
        return "\(fixed(seconds / 3600, 1)) h"
    }
}
