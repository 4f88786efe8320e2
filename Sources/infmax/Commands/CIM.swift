import ArgumentParser
import FoundationEssentials
import InfluenceKit

extension CapacityAlgorithm: ExpressibleByArgument {}

struct CIM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cim",
        abstract: "Capacity-constrained IM: each active participant (AP) promotes to at most k of its friends (KDD 2023).",
        discussion: """
        Reads the graph and an AP file: one AP label per line, or one comma-separated AP set per \
        line (--ap-set N picks the line, --ap-sets all runs each). Lines starting with # are \
        comments. Each AP u may pick at most k seeds among its candidates C_u, its out-neighbours \
        outside the AP set, in adjacency order; a node chosen by one AP is unavailable to the \
        others. The spread is measured on P, the graph without the APs, with the model's \
        probabilities computed on the full graph (wc: 1/indeg in G): arcs into or out of an AP \
        are dead. An AP without candidates is skipped with a warning.

        Algorithms (Zhang et al., "Capacity Constrained Influence Maximization in Social \
        Networks", KDD 2023): rr-opim+ (default: round-robin greedy on RR sets of P, OPIM-style \
        bounds with the tightened upper bound), rr-opim, mg-opim (upper bound 2·Λ(S)). They stop \
        when the instance-wise ratio reaches ½ − ε (failure probability δ, default 1/n_P). \
        rr-greedy and mg-greedy take Monte Carlo marginal gains (--greedy-runs cascades on common \
        random numbers, mg-greedy lazily as CELF); their cost is estimated first and a run above \
        --greedy-budget is refused unless --force. --baselines also scores each AP's top-k free \
        candidates by out-degree in P, by PageRank and at random, on the same evaluation sets. The \
        precision refinement then keeps growing the selection sets until they estimate the \
        union's spread with relative standard error --precision (never beyond the paper's θmax nor \
        beyond the RR sets IMM would draw); \
        --precision 0 gives the paper's stopping rule. --compat reproduces the published code \
        (θ₀ divided by √χ, RR-OPIM+'s upper bound without the 2Λ term).

        The answer returned is the best measured: the algorithm's assignment, the degree, \
        PageRank and random baselines' and, where a pool of up to 32 times the selection's RR \
        sets costs little (at most 2^22 set members), the same greedy on such a fresh pool (so \
        near-ties are decided by enough sets) are all measured on the same evaluation RR sets, and the \
        largest spread wins (ties to the algorithm). The record's `winner` names it and \
        `contenders` lists every measurement; the ½ − ε guarantee certifies the algorithm's \
        own assignment, which a different winner measured above. --no-keep-best returns the \
        algorithm's own assignment.

        Prints each AP's chosen friends in order with their marginal gains, the union's spread \
        on fresh RR sets of P independent of the selection (95% interval), the guarantee reached \
        and each round's ratio, RR sets, timings and memory. In --json the picks are under \
        `assignment`: [{"ap": LABEL, "seeds": [{"label": LABEL, "marginal": X}, …]}, …]. \
        --output writes the same record atomically; `infmax simulate --seeds-file` reads its \
        seeds. The same --seed gives the same output for any --threads.

        Examples:
          infmax cim email-Enron.txt.gz --aps email-Enron-5pct.ap --k 5
          infmax cim graph.txt --aps aps.txt --k 2 --model lt --json --output cim.json
          infmax cim graph.txt --aps sets.txt --ap-sets all --k 10 --precision 0 --compat
        """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("The AP file: one AP label per line, or comma-separated AP sets, one per line.", valueName: "FILE"))
    var aps: String

    @Option(name: .customLong("ap-set"), help: ArgumentHelp("Which AP set (line) of the file to run, from 1.", valueName: "N"))
    var apSet: Int?

    @Option(name: .customLong("ap-sets"), help: ArgumentHelp("all: run every AP set of the file and report each.", valueName: "all"))
    var apSets: String?

    @Option(name: .customLong("k"), help: ArgumentHelp("Budget k: how many each chooser picks; here each AP's seeds, its capacity (k ≥ 1).", valueName: "K"))
    var k: Int

    @Option(help: "Algorithm: rr-opim+ (default), rr-opim, mg-opim (RR sets), rr-greedy or mg-greedy (Monte Carlo gains, slow).")
    var algorithm: CapacityAlgorithm = .rrOPIMPlus

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var risOptions: CapacityRISOptions

    @Flag(help: "Reproduce the published code's deviations: θ₀ divided by √χ, and RR-OPIM+'s upper bound without the 2Λ term.")
    var compat = false

    @Option(name: .customLong("evaluation-sets"), help: ArgumentHelp("Fresh RR sets of P for the spread interval (default: about 1% relative standard error, 16,384 to 4,194,304).", valueName: "N"))
    var evaluationSets: Int?

    @Flag(help: "Also score the baselines: each AP's top-k free candidates by out-degree in P, by PageRank (igraph), and at random.")
    var baselines = false

    @Flag(name: .customLong("no-keep-best"), help: "Return the algorithm's own assignment even when a baseline (or the same greedy on a larger pool) measures higher on the same RR sets.")
    var noKeepBest = false

    @Flag(name: .customLong("unconstrained-reference"), help: "Also run OPIM-C on P for k·|A| seeds ignoring the constraint (an upper reference).")
    var unconstrainedReference = false

    @Option(help: ArgumentHelp("Monte Carlo runs (cascades on P) that also measure the assignment, baselines and reference.", valueName: "R"))
    var runs: Int?

    @Option(name: .customLong("mc-evaluation"), help: .private)
    var legacyMCEvaluation: Int?

    /// The Monte Carlo evaluation's runs: --runs, or the old --mc-evaluation.
    var mcEvaluation: Int? { runs ?? legacyMCEvaluation }

    @Option(name: .customLong("greedy-runs"), help: ArgumentHelp("Monte Carlo cascades per marginal-gain evaluation of mg-greedy and rr-greedy.", valueName: "R"))
    var greedyRuns: Int?

    @Option(name: .customLong("mc-runs"), help: .private)
    var legacyMCRuns: Int?

    /// Cascades per gain: --greedy-runs, or the old --mc-runs.
    var mcRuns: Int { greedyRuns ?? legacyMCRuns ?? 10_000 }

    @Option(name: .customLong("greedy-budget"), help: ArgumentHelp("Refuse mg-greedy or rr-greedy when the cost estimate exceeds this many seconds (unless --force).", valueName: "SECONDS"))
    var greedyBudget: Double?

    @Option(name: .customLong("mc-budget"), help: .private)
    var legacyMCBudget: Double?

    /// The greedy's budget: --greedy-budget, or the old --mc-budget.
    var mcBudget: Double { greedyBudget ?? legacyMCBudget ?? 300 }

    @Flag(help: "Run mg-greedy or rr-greedy even when the cost estimate is above --greedy-budget.")
    var force = false

    @OptionGroup var execution: ExecutionOptions

    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the JSON record to this file (atomically; - for standard output).", valueName: "FILE"))
    var output: String?

    @OptionGroup var reportOption: ReportOption

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1 (got \(k); each AP picks up to k friends)") }
        if let apSet, apSet < 1 { throw ValidationError("--ap-set counts AP sets from 1 (got \(apSet))") }
        if let apSets, apSets != "all" { throw ValidationError("--ap-sets takes 'all' (got '\(apSets)'; use --ap-set N for one set)") }
        if apSet != nil, apSets != nil { throw ValidationError("--ap-set and --ap-sets all contradict each other; give one") }
        if let mcEvaluation, mcEvaluation < 1 { throw ValidationError("--runs must be at least 1 (got \(mcEvaluation); e.g. --runs 10000)") }
        if mcRuns < 1 { throw ValidationError("--greedy-runs must be at least 1 (got \(mcRuns); e.g. --greedy-runs 10000)") }
        if !(mcBudget > 0) { throw ValidationError("--greedy-budget must be a positive number of seconds (got \(mcBudget))") }
        for (new, old, both) in [("--runs", "--mc-evaluation", runs != nil && legacyMCEvaluation != nil),
                                 ("--greedy-runs", "--mc-runs", greedyRuns != nil && legacyMCRuns != nil),
                                 ("--greedy-budget", "--mc-budget", greedyBudget != nil && legacyMCBudget != nil)] where both {
            throw ValidationError("\(old) is the old spelling of \(new); give one")
        }
        if let evaluationSets, evaluationSets < 1 { throw ValidationError("--evaluation-sets must be positive (got \(evaluationSets))") }
    }

    func run() throws {
        try reportingErrors {
            let targets = try OutputTarget.prepare([("--output", output), reportOption.output], inputs: [graphOptions.graph, aps])
            let target = targets[0]
            let input = try graphOptions.input(seed: execution.seed)
            var request = CIMRequest(
                k: k, apFile: aps, apSet: apSet ?? 1, algorithm: algorithm, epsilon: risOptions.epsilon, delta: risOptions.delta,
                precision: risOptions.refinementPrecision, compat: compat, sampling: risOptions.sampling, evaluationSets: evaluationSets,
                baselines: baselines, keepBest: !noKeepBest, unconstrainedReference: unconstrainedReference, monteCarloEvaluationRuns: mcEvaluation,
                monteCarloRuns: mcRuns, monteCarloBudgetSeconds: mcBudget, force: force, seed: execution.seed,
                threads: execution.resolvedThreads, memoryLimitBytes: graphOptions.maxMemory.bytes)
            request.modelSpecification = try modelOptions.specification(graphOptions, seed: execution.seed)
            let context = RunContext(progress: outputOptions.progressReporter)
            let records = apSets == "all" ? try request.runEveryAPSet(on: input, context: context)
                                          : [try request.run(on: input, context: context)]
            let reports = records.map(\.result)
            if !outputOptions.quiet { for report in reports { for warning in report.warnings { printError("warning: \(aps): \(warning)") } } }
            let text = apSets == "all" ? try jsonText(records) : try jsonText(records[0])
            if target?.isStandardOutput != true {
                if outputOptions.json { print(text) } else {
                    for (i, report) in reports.enumerated() {
                        if i > 0 { print("") }
                        printText(report)
                    }
                }
            }
            let page = reportOption.report == nil ? [] : Array(try HTMLReport.render(recordJSON: Array(text.utf8), file: output == "-" ? nil : output).utf8)
            try OutputTarget.write([(target, Array((text + "\n").utf8)), (targets[1], page)])
        }
        // Old spellings are noted once the run succeeded (an error stays one line).
        let quiet = outputOptions.quiet
        if legacyMCEvaluation != nil { Deprecation.note("--mc-evaluation", use: "--runs", quiet: quiet) }
        if legacyMCRuns != nil { Deprecation.note("--mc-runs", use: "--greedy-runs", quiet: quiet) }
        if legacyMCBudget != nil { Deprecation.note("--mc-budget", use: "--greedy-budget", quiet: quiet) }
    }

    private func printText(_ r: CapacityConstrainedReport) {
        let p = r.parameters
        var header = "\(p.algorithm)\(p.compat ? " (compat)" : ""), \(p.model.uppercased()), k = \(p.k), ε = \(p.epsilon)"
        if let delta = p.delta { header += ", δ = \(formatted("%.3g", delta))" }
        header += ", seed \(p.seed), \(p.threads) thread\(p.threads == 1 ? "" : "s")"
        print(header)
        print("graph     \(p.graph): \(p.nodes) nodes, \(p.arcs) arcs, \(p.probabilities) probabilities")
        print("APs       \(p.apFile) set \(p.apSet): \(p.activeParticipants) APs, \(p.participants) with candidates\(p.skippedAPs.isEmpty ? "" : ", \(p.skippedAPs.count) skipped")")
        print("P         \(p.subgraphNodes) nodes, \(p.subgraphArcs) arcs (the graph without the APs)")
        print("")
        let source = r.rounds == nil ? "Monte Carlo on common random numbers" : "the selection RR sets"
        print("assignment (AP: friends in pick order, marginal gain on \(source)):")
        for a in r.assignment {
            let seeds = a.seeds.map { "\($0.label) (+\(fixed($0.marginal, 2)))" }.joined(separator: ", ")
            print("  \(a.ap): \(seeds.isEmpty ? "-" : seeds)")
        }
        print("")
        let s = r.spread
        print("spread    \(fixed(s.estimate, 1)) on P (95% interval \(fixed(s.low, 1)) – \(fixed(s.high, 1)), standard error \(fixed(s.standardError, 1))) of \(r.seeds.count) seeds")
        print("          estimated on \(s.samples) fresh RR sets of P, independent of those used to select the seeds")
        if let mc = r.monteCarloSpread {
            print("          Monte Carlo on P: \(fixed(mc.estimate, 1)) ± \(fixed(mc.standardError, 1)) (standard error, \(mc.samples) cascades)")
        }
        let g = r.guarantee
        let delta = formatted("%.3g", g.failureProbability)
        let round = r.rounds?.count ?? 0
        if !g.instanceWise {
            print("guarantee σ_P(S) ≥ ½ · OPT for greedy with exact gains (here Monte Carlo gains, \(r.parameters.monteCarloRuns ?? 0) cascades each)")
        } else {
        print("guarantee σ_P(S) ≥ \(fixed(g.approximation, 4)) · OPT with probability ≥ 1 − \(delta), measured on this instance (round \(round)); target ½ − ε = \(fixed(g.target, 4))")
        }
        if let contenders = r.contenders {
            let own = r.parameters.algorithm
            if r.winner == own {
                print("returned  \(own)'s own assignment: at least every contender's spread on the same \(r.rrSets.evaluation) RR sets")
            } else {
                print("returned  \(r.winner)'s assignment: it measured above \(own)'s on the same \(r.rrSets.evaluation) RR sets; the guarantee certifies \(own)'s, which the returned one measured above")
            }
            print("          contenders: " + contenders.map { "\($0.name) \(fixed($0.spread.estimate, 2))" }.joined(separator: ", "))
        }
        for round in r.rounds ?? [] {
            let kind = round.refinement ? " (precision refinement)" : ""
            print("          round \(round.index)\(kind): R1 \(round.rrSetsR1), R2 \(round.rrSetsR2) RR sets, σˡ = \(fixed(round.lowerBound, 1)), σᵘ = \(fixed(round.upperBound, 1)), ratio \(fixed(round.ratio, 4)), relative error \(fixed(100 * round.relativeStandardError, 2))%")
        }
        if let refinement = r.refinement {
            let reached = "relative standard error \(fixed(100 * refinement.reached, 2))% (target \(fixed(100 * refinement.target, 2))%)"
            if refinement.capped, let cap = refinement.cap {
                let sets = refinement.capSets.map(String.init) ?? "?"
                switch cap {
                case "memory-limit": print("refinement stopped at the memory limit (\(sets) RR sets): \(reached)")
                case "theta-max": print("refinement stopped at its cap, the paper's θmax (\(sets) RR sets): \(reached)")
                default: print("refinement stopped at its cap, IMM's sample size for P's assignments, ε and δ (\(sets) RR sets): \(reached)")
                }
            } else {
                print("refinement \(reached) after \(refinement.rounds) refinement round\(refinement.rounds == 1 ? "" : "s")")
            }
        }
        for b in r.baselines ?? [] {
            let mc = b.monteCarloSpread.map { ", Monte Carlo \(fixed($0.estimate, 1)) ± \(fixed($0.standardError, 1))" } ?? ""
            print("baseline  \(b.name): spread \(fixed(b.spread.estimate, 1)) (95% interval \(fixed(b.spread.low, 1)) – \(fixed(b.spread.high, 1))\(mc)), selection \(fixed(b.selectionSeconds, 3)) s")
        }
        if let u = r.reference {
            let mc = u.monteCarloSpread.map { ", Monte Carlo \(fixed($0.estimate, 1)) ± \(fixed($0.standardError, 1))" } ?? ""
            print("reference OPIM-C on P, \(u.seeds) seeds, no capacity: spread \(fixed(u.spread.estimate, 1))\(mc), selection \(fixed(u.selectionSeconds, 3)) s, \(u.rrSets) RR sets")
        }
        print("rr sets   \(r.rrSets.selection) for selection, \(r.rrSets.generated) drawn in all, \(r.rrSets.evaluation) for the spread interval")
        let t = r.timings
        print("time      load \(fixed(t.loadSeconds, 3)) s, selection \(fixed(t.selectionSeconds, 3)) s, evaluation \(fixed(t.evaluationSeconds, 3)) s, total \(fixed(t.totalSeconds, 3)) s")
        let m = r.memory
        print("memory    peak resident \(SystemMemory.describe(m.peakResidentBytes)), RR sets and index at most \(SystemMemory.describe(m.peakRRSetBytes)) (limit \(SystemMemory.describe(m.limitBytes)))")
    }
}
