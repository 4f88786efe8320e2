import ArgumentParser
import FoundationEssentials
import InfluenceKit

extension ClosedNetworkIM.Algorithm: ExpressibleByArgument {}

struct Closed: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "closed",
        abstract: "IM in a closed social network: recommend to every user at most k friends to share with (PSNA, PVLDB 2022).",
        discussion: """
        In a closed network (WeChat-style messaging) a post reaches only the friends its author \
        shares it with. Given the campaign's seed users (--seeds-file: one label per line, or the \
        JSON `infmax seeds` writes) and k, this chooses a k-subnetwork: for every user at most k \
        out-arcs (friends to share with), so that the sum of the seeds' spreads, \
        Σ_s σ({s}) under IC on the kept arcs, is largest (Huang, Lin, Bao, Sun, "Influence \
        Maximization in Real-World Closed Social Networks", PVLDB 16(2), 2022). Any --probabilities \
        scheme works (file included); an --undirected input is two arcs with the same p \
        (trivalency draws once per edge). No arc into a seed is chosen; --compat allows them, as \
        the published code does.

        Algorithms: psna (default: the paper's method; maximum-probability-path trees from a \
        virtual root over the kept arcs and every valid arc still open (a look-ahead past the \
        frontier), critical edges inserted nodes of G_k first, then the frontier, each by path \
        probability times the expected size of what lies behind the node; a user with more \
        friends than slots keeps them for its best-scored friends; stop when the objective's \
        relative gain, estimated on --estimation-runs common worlds, falls to --min-gain; then a \
        filling pass gives every user its next best arcs; then a refinement re-scores every user's slots on the subnetwork so far \
        (the expected reach behind each friend) and tries single swaps, keeping a change only when the objective estimate, on worlds of its own, rises), greedy (the paper's edge-insertion greedy with Monte Carlo \
        gains of --greedy-runs worlds; small graphs only: its cost is estimated first and a run \
        above --greedy-budget seconds is refused unless --force), and the baselines degree, fof \
        and random, which fill every user's k slots by the friend's degree, by the friend's \
        friends-of-friends count (friends of the friend the user does not have), or at random \
        (from --seed).

        Every method's k-subnetwork is scored by the same --runs Monte Carlo worlds (common \
        random numbers; 95% intervals): the objective Σ_s σ({s}) and the union spread σ(S). The \
        baselines are scored beside the chosen method (--no-baselines skips them), and the \
        k-subnetwork of highest objective on those worlds is the one returned: the method's \
        own, or a baseline's when it scores higher (the record's `winner` says which; the \
        method's own figures stay in its row; --no-keep-best returns the method's own \
        whatever the baselines score). Prints the \
        per-seed spreads, the totals, PSNA's iterations with the objective after each, timings \
        and memory. --kept-arcs writes the kept arcs, one `user friend p` line each, atomically: \
        a graph every command reads back with --probabilities file. --output writes the JSON \
        record (`infmax report` turns it into a page; --report writes the page directly). The \
        same --seed gives the same output for any --threads. (Before 3.x, --output named the \
        kept arcs, --mc-runs the evaluation runs and --epsilon the stopping gain: those spellings \
        still work, with a note.)

        Examples:
          infmax closed soc-Slashdot0902.txt.gz --probabilities trivalency --seeds-file seeds.txt --k 20
          infmax closed hk.txt --undirected --probabilities trivalency --seeds-file seeds.json --k 5 --json
          infmax closed graph.txt --seeds-file seeds.txt --k 2 --kept-arcs arcs.tsv --output closed.json
          infmax simulate arcs.tsv --probabilities file --seeds-file seeds.txt
          infmax closed tiny.txt --probabilities file --seeds-file seeds.txt --k 1 --algorithm greedy
        """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .customLong("seeds-file"), help: ArgumentHelp("The seed users: one label per line, or the JSON of `infmax seeds`.", valueName: "FILE"))
    var seedsFile: String

    @Option(name: .customLong("k"), help: ArgumentHelp("Budget k: how many each chooser picks; here each user's friends to share with (k ≥ 1).", valueName: "K"))
    var k: Int

    @Option(help: "Method: psna (default), greedy (Monte Carlo edge insertion, small graphs), degree, fof or random (baselines).")
    var algorithm: ClosedNetworkIM.Algorithm = .psna

    @OptionGroup var modelOptions: ModelOptions

    @Option(name: .customLong("min-gain"), help: ArgumentHelp("PSNA stops inserting when the objective's relative gain falls to this, strictly between 0 and 1 (the paper's ε = 1e-4).", valueName: "G"))
    var minGain: Double?

    @Option(name: .customLong("epsilon"), help: .private)
    var legacyEpsilon: Double?

    /// The stopping gain: --min-gain, or the old --epsilon.
    var epsilon: Double { minGain ?? legacyEpsilon ?? 1e-4 }

    @Flag(help: "Allow arcs into seeds, as the published code does.")
    var compat = false

    @Option(help: ArgumentHelp("Monte Carlo runs (cascades) of the evaluation: every method is scored on the same worlds.", valueName: "R"))
    var runs: Int?

    @Option(name: .customLong("mc-runs"), help: .private)
    var legacyMcRuns: Int?

    /// The evaluation's runs: --runs, or the old --mc-runs.
    var mcRuns: Int { runs ?? legacyMcRuns ?? 10_000 }

    @Option(name: .customLong("estimation-runs"), help: ArgumentHelp("Monte Carlo worlds of PSNA's objective estimate after each iteration.", valueName: "R"))
    var estimationRuns: Int = 1_000

    @Option(name: .customLong("greedy-runs"), help: ArgumentHelp("Monte Carlo worlds per marginal gain of the greedy.", valueName: "R"))
    var greedyRuns: Int = 1_000

    @Option(name: .customLong("greedy-budget"), help: ArgumentHelp("Refuse the greedy when its cost estimate exceeds this many seconds (unless --force).", valueName: "SECONDS"))
    var greedyBudget: Double = 300

    @Flag(help: "Run the greedy even when its cost estimate is above --greedy-budget.")
    var force = false

    @Flag(name: .customLong("no-baselines"), help: "Do not score the degree, fof and random baselines beside the method.")
    var noBaselines = false

    @Flag(name: .customLong("no-keep-best"), help: "Return the method's own k-subnetwork even when a baseline scores higher on the same worlds.")
    var noKeepBest = false

    @OptionGroup var execution: ExecutionOptions

    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .customLong("kept-arcs"), help: ArgumentHelp("Write the kept arcs here, one 'user friend p' line each (atomically; - for standard output).", valueName: "FILE"))
    var keptArcs: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the JSON record to this file, which `infmax report` and `infmax run` read (atomically; - for standard output).", valueName: "FILE.json"))
    var output: String?

    @OptionGroup var reportOption: ReportOption

    /// The kept-arcs file: --kept-arcs, or --output naming a file that is not .json (its old meaning).
    var arcsPath: String? { keptArcs ?? (Deprecation.isLegacyOutput(output) ? output : nil) }

    /// The record file (--output naming a .json file or -).
    var recordPath: String? { Deprecation.isLegacyOutput(output) ? nil : output }

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1 (got \(k); each user shares with up to k friends)") }
        do { try ParameterCheck.epsilon(epsilon, example: "1e-4, the paper's") } catch { throw ValidationError("\(legacyEpsilon != nil ? "--epsilon" : "--min-gain"): \(error.message)") }
        if mcRuns < 1 { throw ValidationError("--runs must be at least 1 (got \(mcRuns); e.g. --runs 10000)") }
        if minGain != nil, legacyEpsilon != nil { throw ValidationError("--epsilon is the old spelling of --min-gain; give one") }
        if runs != nil, legacyMcRuns != nil { throw ValidationError("--mc-runs is the old spelling of --runs; give one") }
        if keptArcs != nil, Deprecation.isLegacyOutput(output) { throw ValidationError("--output names the JSON record (a .json file); the kept arcs go to --kept-arcs") }
        if estimationRuns < 1 { throw ValidationError("--estimation-runs must be at least 1 (got \(estimationRuns); e.g. --estimation-runs 1000)") }
        if greedyRuns < 1 { throw ValidationError("--greedy-runs must be at least 1 (got \(greedyRuns); e.g. --greedy-runs 1000)") }
        if !(greedyBudget > 0) { throw ValidationError("--greedy-budget must be a positive number of seconds (got \(greedyBudget))") }
    }

    func run() throws {
        try reportingErrors {
            let targets = try OutputTarget.prepare([("--kept-arcs", arcsPath), ("--output", recordPath), reportOption.output],
                                                   inputs: [graphOptions.graph, seedsFile])
            let target = targets[0]
            let entries = try SeedsInput.readFile(seedsFile)
            if entries.isEmpty { throw InfluenceError(.data, file: seedsFile, "no seed labels (expected one label per line, or the JSON of infmax seeds)") }
            let input = try graphOptions.input(seed: execution.seed)
            // The seeds file's own errors name its lines; the request then holds the labels.
            let seeds = try SeedsInput.nodes(for: entries, in: input.graph, graphName: graphOptions.graph, kind: .data)
            var request = ClosedRequest(
                seeds: seeds.map { input.graph.label(of: $0) }, k: k, algorithm: algorithm, epsilon: epsilon, compat: compat,
                evaluationRuns: mcRuns, estimationRuns: estimationRuns, greedyRuns: greedyRuns, greedyBudgetSeconds: greedyBudget,
                force: force, baselines: !noBaselines, keepBest: !noKeepBest, seed: execution.seed, threads: execution.resolvedThreads)
            request.modelSpecification = try modelOptions.specification(graphOptions, seed: execution.seed)
            let record = try request.run(on: input, context: RunContext(progress: outputOptions.progressReporter))
            let report = record.result
            let json = try jsonText(record)
            if !targets.contains(where: { $0?.isStandardOutput == true }) {
                if outputOptions.json { print(json) } else { printText(report) }
            }
            try OutputTarget.write([(target, target == nil ? [] : Array(record.arcLines().utf8)),
                                    (targets[1], recordPath == nil ? [] : Array((json + "\n").utf8)),
                                    (targets[2], try reportOption.bytes(for: record, recordFile: recordPath))])
        }
        // Old spellings are noted once the run succeeded (an error stays one line).
        let quiet = outputOptions.quiet
        if legacyEpsilon != nil { Deprecation.note("--epsilon", use: "--min-gain", quiet: quiet) }
        if legacyMcRuns != nil { Deprecation.note("--mc-runs", use: "--runs", quiet: quiet) }
        if Deprecation.isLegacyOutput(output) { Deprecation.note("--output for the kept arcs", use: "--kept-arcs (--output now writes the JSON record)", quiet: quiet) }
    }

    private func interval(_ i: ClosedNetworkReport.Interval, _ decimals: Int = 2) -> String {
        "\(fixed(i.estimate, decimals)) (95% CI \(fixed(i.low, decimals)) – \(fixed(i.high, decimals)))"
    }

    private func printText(_ r: ClosedNetworkReport) {
        let p = r.parameters
        print("\(p.algorithm)\(p.compat ? " (compat: arcs into seeds allowed)" : ""), IC, k = \(p.k), ε = \(p.epsilon), seed \(p.seed), \(p.threads) thread\(p.threads == 1 ? "" : "s")")
        print("graph     \(p.graph): \(p.nodes) nodes, \(p.arcs) arcs, \(p.probabilities) probabilities\(p.symmetrizedProbabilities ? " (one per undirected edge)" : "")")
        print("seeds     \(seedsFile): \(p.seeds) seeds")
        let s = r.result.subnetwork
        print("kept      \(s.arcs) arcs from \(s.users) users (at most \(s.maxFriends) each)\(r.filled.map { ", \($0) of them by the final filling pass" } ?? "")")
        if r.winner != r.result.name, let best = r.baselines.first(where: { $0.name == r.winner }) {
            print("returned  the \(r.winner) baseline's k-subnetwork (\(best.subnetwork.arcs) arcs): its objective \(fixed(best.objective.estimate, 2)) is above \(r.result.name)'s \(fixed(r.result.objective.estimate, 2)) on the same \(p.evaluationRuns) worlds (--no-keep-best returns \(r.result.name)'s own)")
        } else {
            print("returned  \(r.result.name)'s own k-subnetwork\(r.baselines.isEmpty ? "" : (p.keepBest ? ", at least every baseline's objective on the same worlds" : ""))")
        }
        print("")
        if let iterations = r.iterations {
            print("PSNA iterations (objective Σ_s σ({s}) estimated on \(p.estimationRuns ?? 0) common worlds; \(fixed(r.initialObjective, 2)) before any arc):")
            for i in iterations {
                print("  \(i.index): +\(i.inserted) arcs → \(i.arcs) arcs, \(i.nodes) nodes, objective \(fixed(i.objective, 3)), relative gain \(formatted("%.3g", i.relativeGain)), \(fixed(i.seconds, 3)) s")
            }
            print("")
        }
        if let f = r.refinement {
            print("PSNA refinement (estimates on \(f.worlds) worlds of its own): objective \(fixed(f.filledObjective, 3)) after filling → \(fixed(f.objective, 3)); \(f.refills) refill\(f.refills == 1 ? "" : "s") and \(f.swapsKept) of \(f.swapsTried) swaps kept")
            print("")
        }
        if let g = r.greedy {
            print("greedy    \(g.steps) insertions, \(g.evaluations) gain evaluations of \(p.greedyRuns ?? 0) worlds (estimated \(Int(g.cost.evaluations)), \(fixed(g.cost.seconds, 1)) s)")
            print("")
        }
        print("per-seed spread σ({s}) on the returned arcs (\(p.evaluationRuns) worlds):")
        for seed in r.perSeed {
            print("  \(seed.label): \(interval(seed.spread)), shares with \(seed.friends)")
        }
        print("")
        let methods = [r.result] + r.baselines
        let rows = methods.map { [$0.name, interval($0.objective), interval($0.union), fixed($0.selectionSeconds, 4)] }
        let header = ["method", "objective Σ_s σ({s})", "union σ(S)", "selection s"]
        let widths = (0..<4).map { c in (rows + [header]).map { $0[c].count }.max() ?? 0 }
        for row in [header] + rows {
            print(row.enumerated().map { c, text in text + String(repeating: " ", count: widths[c] - text.count) }.joined(separator: "  "))
        }
        print("")
        let t = r.timings
        print("time      load \(fixed(t.loadSeconds, 3)) s, selection \(fixed(t.selectionSeconds, 4)) s (CPU \(fixed(t.selectionCPUSeconds, 4)) s), evaluation \(fixed(t.evaluationSeconds, 3)) s, baselines \(fixed(t.baselineSeconds, 3)) s, total \(fixed(t.totalSeconds, 3)) s")
        print("memory    peak resident \(SystemMemory.describe(r.memory.peakResidentBytes))")
    }
}
