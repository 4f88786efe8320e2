import ArgumentParser
import FoundationEssentials
import InfluenceKit

extension RecommendationAlgorithm: ExpressibleByArgument {}

struct Recommend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Invitee recommendation: each inviter's top-K friends to invite, balancing willingness and spread (HeteroIR, HeteroIM; CIKM 2025).",
        discussion: """
        Reads arcs `inviter invitee P` (P: the probability that the inviter sends the invitation; \
        tab- or space-separated, a header row names the columns), a node file `node U` (U: the \
        probability that the invitee accepts; 1 for nodes it omits) and the inviters, one label a \
        line. Each inviter's candidates are its out-neighbours.

        Algorithms ("Heterogeneous Influence Maximization in User Recommendation", CIKM 2025): \
        hetero-im (default: r RR sets rooted at every non-inviter over the arcs between \
        non-inviters, live with probability P·U — the reach of the evaluated invite/accept \
        cascade; lazy greedy over (inviter, invitee) pairs of the estimated Spread@K with each \
        pair's P·U taken in expectation, in rounds: round c lets each inviter hold c pairs, so the \
        first c invitees of every list are the greedy's answer for K = c (with --capacity, one \
        pass at cap K); a list is its pairs in pick order, scored by the estimated marginal \
        spread when taken), hetero-ir (P·U·(1 + HeteroInf), HeteroInf(j) the sum of the --top-c \
        largest P·U over j's out-arcs), and the baselines p, pu, degree (invitee out-degree), \
        random. --sets-per-node auto (the default) picks r as the largest power of two whose RR sets \
        are expected to hold at most 2^26 members (256 MiB), from the mean size of one set per \
        node (reported; more sets give better lists, see Bench/results/recommend.md). --capacity C lets at most C inviters be \
        recommended the same invitee (pairs taken by score across inviters). --trade-off λ ranks \
        by HeteroIR^(1 − λ) · HeteroIM^λ, both divided by their largest value per inviter (a \
        geometric blend: λ = 0 is HeteroIR, λ = 1 HeteroIM).

        --evaluate truth.tsv (`inviter invitee`, held-out invitations) prints Recall@K and NDCG@K \
        for K = 1..k and Spread@K of the two-stage cascade (invitees on the lists accept over live \
        arcs, then spread over live arcs not leaving an inviter; --runs Monte Carlo worlds on \
        common random numbers, ± standard error) for the chosen method and every other one. \
        --frontier adds the trade-off at λ = 0, 0.1, …, 1 and --plot draws Recall@K and Spread@K \
        against λ. --lists writes the lists as TSV (`inviter invitee rank score`, \
        rank 1 first); without it (or --output, --json) the lists go to standard output. --output \
        writes the JSON record (`infmax report` turns it into a page; --report writes the page). \
        The same --seed gives the same lists for any --threads. (--output naming a file that is \
        not .json, and --worlds, are the old spellings of --lists and --runs; they still work, \
        with a note.)

        Examples:
          infmax recommend arcs.tsv --node-values nodes.tsv --inviters inviters.txt --k 5 --lists lists.tsv
          infmax recommend arcs.tsv --node-values nodes.tsv --inviters inviters.txt --k 5 --evaluate truth.tsv
          infmax recommend arcs.tsv --node-values nodes.tsv --inviters inviters.txt --k 5 --evaluate truth.tsv --frontier --plot frontier.svg
          infmax recommend arcs.tsv --inviters inviters.txt --k 3 --algorithm hetero-ir --capacity 2 --json
        """
    )

    @Argument(help: ArgumentHelp("Arcs file: inviter, invitee, P per line (header row optional; .gz read).", valueName: "arcs"))
    var arcs: String

    @Option(name: .customLong("node-values"), help: ArgumentHelp("Node file: node and U (acceptance probability) per line; omitted nodes accept with probability 1.", valueName: "FILE"))
    var nodeValues: String?

    @Option(help: ArgumentHelp("Inviters, one label per line.", valueName: "FILE"))
    var inviters: String

    @Option(name: .customLong("k"), help: ArgumentHelp("Budget k: how many each chooser picks; here each inviter's invitees, the list length K (K ≥ 1).", valueName: "K"))
    var k: Int

    @Option(help: "Ranking: hetero-im (default), hetero-ir, p, pu, degree, random.")
    var algorithm: RecommendationAlgorithm = .heteroIM

    @Option(name: .customLong("sets-per-node"), help: ArgumentHelp("RR sets rooted at every non-inviter for HeteroIM: a count, or auto (default: the largest power of two whose pool holds at most 2^26 members, from the mean size of the first set per node; 32 on the Higgs invite benchmark).", valueName: "r"))
    var setsPerNode: String = "auto"

    @Option(help: ArgumentHelp("At most C inviters may be recommended the same invitee.", valueName: "C"))
    var capacity: Int?

    @Option(name: .customLong("trade-off"), help: ArgumentHelp("Blend: HeteroIR^(1 − λ) · HeteroIM^λ, each normalised per inviter; λ in [0, 1] (0: hetero-ir, 1: hetero-im).", valueName: "λ"))
    var tradeOff: Double?

    @Option(name: .customLong("top-c"), help: ArgumentHelp("HeteroIR's c: out-arcs summed in HeteroInf.", valueName: "c"))
    var topC: Int = HeteroIR.defaultTopC

    @Option(name: .customLong("evaluate"), help: ArgumentHelp("Held-out invitations (inviter invitee per line): score every method's lists.", valueName: "truth.tsv"))
    var evaluate: String?

    @Option(help: ArgumentHelp("Monte Carlo runs (worlds) for Spread@K, shared by every method.", valueName: "R"))
    var runs: Int?

    @Option(name: .customLong("worlds"), help: .private)
    var legacyWorlds: Int?

    /// Spread@K's worlds: --runs, or the old --worlds.
    var worlds: Int { runs ?? legacyWorlds ?? InviteeRecommender.defaultWorlds }

    @Option(name: .customLong("evaluation-seed"), help: ArgumentHelp("Seed of the Monte Carlo worlds (shared by every method).", valueName: "S"))
    var evaluationSeed: UInt64 = InviteeRecommender.defaultEvaluationSeed

    @Option(name: .customLong("max-memory"), help: ArgumentHelp("Memory limit: bytes with K/M/G/T suffix, or a percentage of RAM; a run that would exceed it stops with a message.", valueName: "SIZE"))
    var maxMemory: ByteCount = ByteCount(bytes: SystemMemory.defaultLimitBytes)

    @Flag(help: "With --evaluate: also score the trade-off at λ = 0, 0.1, …, 1.")
    var frontier = false

    @Option(help: ArgumentHelp("With --frontier: an SVG of Recall@K and Spread@K against λ.", valueName: "FILE"))
    var plot: String?

    @Option(help: ArgumentHelp("With --evaluate: the table as CSV (method, lambda, k, recall, ndcg, spread, spread_se).", valueName: "FILE"))
    var csv: String?

    @OptionGroup var execution: ExecutionOptions

    @OptionGroup var outputOptions: OutputOptions

    @Option(help: ArgumentHelp("Write the lists here as TSV (atomically; - for standard output).", valueName: "FILE"))
    var lists: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the JSON record to this file, which `infmax report` and `infmax run` read (atomically; - for standard output).", valueName: "FILE.json"))
    var output: String?

    @OptionGroup var reportOption: ReportOption

    /// The lists file: --lists, or --output naming a file that is not .json (its old meaning).
    var listsPath: String? { lists ?? (Deprecation.isLegacyOutput(output) ? output : nil) }

    /// The record file (--output naming a .json file or -).
    var recordPath: String? { Deprecation.isLegacyOutput(output) ? nil : output }

    /// r asked for (nil: auto).
    var requestedSetsPerNode: Int? { Int(setsPerNode) }

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1 (got \(k); each inviter gets up to K invitees)") }
        if setsPerNode != "auto" {
            guard let r = Int(setsPerNode), r >= 1 else {
                throw ValidationError("--sets-per-node takes a count of at least 1 or 'auto' (got '\(setsPerNode)'; e.g. --sets-per-node 16)")
            }
            _ = r
        }
        if let capacity, capacity < 1 { throw ValidationError("--capacity must be at least 1 (got \(capacity); it caps the inviters per invitee)") }
        if let tradeOff, !(tradeOff >= 0 && tradeOff <= 1) {
            throw ValidationError("--trade-off takes λ in [0, 1] (got \(tradeOff); 0 ranks as hetero-ir, 1 as hetero-im)")
        }
        if tradeOff != nil, algorithm != .heteroIM, algorithm != .heteroIR {
            throw ValidationError("--trade-off blends hetero-ir and hetero-im; it does not apply to --algorithm \(algorithm.rawValue)")
        }
        if topC < 1 { throw ValidationError("--top-c must be at least 1 (got \(topC))") }
        if worlds < 1 { throw ValidationError("--runs must be at least 1 (got \(worlds); e.g. --runs 1000)") }
        if runs != nil, legacyWorlds != nil { throw ValidationError("--worlds is the old spelling of --runs; give one") }
        if lists != nil, Deprecation.isLegacyOutput(output) { throw ValidationError("--output names the JSON record (a .json file); the lists go to --lists") }
        if frontier, evaluate == nil { throw ValidationError("--frontier needs --evaluate truth.tsv (it scores each λ against the truth)") }
        if plot != nil, !frontier { throw ValidationError("--plot draws the frontier; add --frontier (and --evaluate truth.tsv)") }
        if csv != nil, evaluate == nil { throw ValidationError("--csv writes the evaluation table; add --evaluate truth.tsv") }
    }

    func run() throws {
        try reportingErrors {
            let targets = try OutputTarget.prepare([("--lists", listsPath), ("--csv", csv), ("--plot", plot), ("--output", recordPath), reportOption.output],
                                                   inputs: [arcs, nodeValues, inviters, evaluate])
            let input = try InviteInput.load(arcs: arcs, nodeValues: nodeValues, inviters: inviters)
            let request = RecommendRequest(
                k: k, algorithm: algorithm, setsPerNode: requestedSetsPerNode, capacity: capacity, tradeOff: tradeOff, topC: topC,
                truth: evaluate, worlds: worlds, evaluationSeed: evaluationSeed, frontier: frontier, seed: execution.seed,
                threads: execution.resolvedThreads, memoryLimitBytes: maxMemory.bytes)
            let record = try request.run(on: input, context: RunContext(progress: outputOptions.progressReporter))
            if !outputOptions.quiet { for w in record.warnings { printError("warning: \(w)") } }
            let tsv = record.listsTSV
            let json = try jsonText(record)
            let printsFile = targets.contains { $0?.isStandardOutput == true }
            if outputOptions.json {
                if !printsFile { print(json) }
            } else if evaluate != nil || listsPath != nil || recordPath != nil {
                if !printsFile { printText(record) }
            } else {
                print(tsv, terminator: "")
            }
            var files: [(target: OutputTarget?, bytes: [UInt8])] = [(targets[0], listsPath == nil ? [] : Array(tsv.utf8))]
            files.append((targets[1], csv == nil ? [] : Array(record.evaluationCSV.utf8)))
            files.append((targets[2], plot == nil ? [] : Array(record.frontierPlot.render().utf8)))
            files.append((targets[3], recordPath == nil ? [] : Array((json + "\n").utf8)))
            files.append((targets[4], try reportOption.bytes(for: record, recordFile: recordPath)))
            try OutputTarget.write(files)
            if !outputOptions.quiet { for path in [listsPath, csv, plot, recordPath, reportOption.report] { if let path, path != "-" { printError("wrote \(path)") } } }
        }
        // Old spellings are noted once the run succeeded (an error stays one line).
        let quiet = outputOptions.quiet
        if legacyWorlds != nil { Deprecation.note("--worlds", use: "--runs", quiet: quiet) }
        if Deprecation.isLegacyOutput(output) { Deprecation.note("--output for the lists", use: "--lists (--output now writes the JSON record)", quiet: quiet) }
    }

    private func printText(_ r: RecommendRecord) {
        let q = r.request
        var header = "\(r.method), K = \(q.k)"
        if let s = r.setsPerNode { header += ", r = \(s) RR sets per node" }
        if let c = q.capacity { header += ", capacity \(c)" }
        header += ", seed \(q.seed), \(q.threads) thread\(q.threads == 1 ? "" : "s")"
        print(header)
        let g = r.graph
        print("graph      \(g.arcsFile): \(g.nodes) nodes, \(g.arcs) arcs\(g.nodeValuesFile.map { ", U from \($0)" } ?? ", U = 1")")
        print("inviters   \(g.invitersFile ?? "request"): \(r.inviters)")
        if let c = r.calibration {
            print("r          auto: \(c.setsPerNode) (mean RR-set size \(fixed(c.pilotMeanSetSize, 2)) at r = 1; r · n · size ≤ \(c.memberBudget) members\(c.capped ? "; capped at \(SetsPerNodeCalibration.maximum)" : ""))")
        }
        if let sets = r.rrSets { print("rr sets    \(sets), mean size \(fixed(r.meanRRSetSize ?? 0, 2))") }
        if let e = r.evaluation {
            print("")
            print("evaluation against \(e.truth) (\(e.evaluatedInviters ?? 0) inviters); Spread@K: \(e.worlds) Monte Carlo worlds, common random numbers (seed \(e.evaluationSeed)), ± standard error")
            printTable(e.methods)
            if let f = e.frontier {
                print("")
                print("trade-off frontier: HeteroIR^(1 − λ) · HeteroIM^λ, each normalised per inviter")
                printTable(f)
            }
        }
        let t = r.timings
        let evaluation = t.phases.contains { $0.name == "evaluation" } ? ", evaluation \(fixed(t.seconds(of: "evaluation"), 3)) s" : ""
        print("")
        print("time       load \(fixed(t.loadSeconds, 3)) s, HeteroInf \(fixed(t.seconds(of: "heteroInf"), 3)) s, RR sampling \(fixed(t.seconds(of: "sampling"), 3)) s, lists \(fixed(t.seconds(of: "lists"), 3)) s\(evaluation), total \(fixed(t.totalSeconds, 3)) s")
    }

    private func printTable(_ rows: [RecommendRecord.MethodScores]) {
        let width = max(8, rows.map(\.method.count).max() ?? 8)
        func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s : s + String(repeating: " ", count: w - s.count) }
        func left(_ s: String, _ w: Int) -> String { s.count >= w ? s : String(repeating: " ", count: w - s.count) + s }
        var head = pad("method", width)
        for kk in 1...k { head += "  " + left("R@\(kk)", 6) + " " + left("N@\(kk)", 6) + " " + left("Spread@\(kk)", 14) }
        print(head)
        for row in rows {
            var line = pad(row.method, width)
            for c in 0..<k {
                let spread = fixed(row.spread[c].estimate, 1) + "±" + fixed(row.spread[c].standardError, 1)
                line += "  " + left(row.recall.map { fixed($0[c], 4) } ?? "-", 6) + " " + left(row.ndcg.map { fixed($0[c], 4) } ?? "-", 6) + " " + left(spread, 14)
            }
            print(line)
        }
    }
}
