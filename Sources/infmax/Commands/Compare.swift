import ArgumentParser
import FoundationEssentials
import GraphInfomax
import InfluenceKit

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
        probability, or LT weight under --model lt), pagerank (on the reversed graph, igraph), random, \
        embedding (a ridge regressor on DGI embeddings of structural features, trained on RR-set \
        estimates of marginal gains under the seeds so far for a sample of nodes, shortlisting the \
        nodes the RR sets choose among, checked against degree; see `infmax seeds --help`).

        Prints a table (or --json); --csv writes the rows, --plot an SVG of spread and selection \
        time versus k, --output the JSON record and --report its HTML page (all atomically, \
        checked before the run, and renamed into place together at the end; `-` prints one of \
        them in place of the table). Progress over all selections and evaluations, with the time \
        left, shows on a terminal, or as timestamped lines with --progress.

        Examples:
          infmax compare Graphs/demo.txt --k 1,5,10,20,50 --plot demo.svg --report demo.html
          infmax compare email-Enron.txt.gz --model lt --runs 20000 --csv enron.csv
          infmax compare Graphs/karate.txt --undirected --k 1,2,4 --algorithms degree,celf --celf-runs 2000
        """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .customLong("k"), help: ArgumentHelp("Budget k: how many each chooser picks; here the campaign's seeds, one comparison per k, comma-separated.", valueName: "K,K,..."))
    var ks: String = "1,5,10,20,50"

    @Option(help: ArgumentHelp("Methods to compare, comma-separated: \(SelectionAlgorithm.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "A,A,..."))
    var algorithms: String = SelectionAlgorithm.compareDefaults.map(\.rawValue).joined(separator: ",")

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: ArgumentHelp("Monte Carlo runs per evaluated seed set.", valueName: "R"))
    var runs: Int = 10_000

    @OptionGroup var risOptions: RISOptions

    @Option(name: .customLong("celf-runs"), help: ArgumentHelp("Monte Carlo runs per CELF marginal-gain evaluation (default: --runs).", valueName: "R"))
    var celfRuns: Int?

    @Option(name: .customLong("celf-budget"), help: ArgumentHelp("Refuse CELF when its estimated time exceeds this many seconds (unless --force).", valueName: "SECONDS"))
    var celfBudget: Double = 300

    @Flag(help: "Run CELF even when its cost estimate is above --celf-budget.")
    var force = false

    @OptionGroup var embeddingOptions: EmbeddingSelectionOptions

    @OptionGroup var execution: ExecutionOptions

    @OptionGroup var outputOptions: OutputOptions

    @Option(help: ArgumentHelp("Also write the rows as CSV to this file (- for standard output).", valueName: "FILE"))
    var csv: String?

    @Option(help: ArgumentHelp("Also draw spread and selection time versus k as an SVG file (- for standard output).", valueName: "FILE.svg"))
    var plot: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the JSON record to this file, which `infmax report` and `infmax run` read (atomically; - for standard output).", valueName: "FILE"))
    var output: String?

    @OptionGroup var reportOption: ReportOption

    func validate() throws {
        _ = try Self.parseKs(ks)
        do { _ = try SelectionAlgorithm.parseList(algorithms) } catch { throw ValidationError("--algorithms: \(error.message)") }
        if runs < 1 { throw ValidationError("--runs must be at least 1 (got \(runs); e.g. --runs 10000)") }
        if let celfRuns, celfRuns < 1 { throw ValidationError("--celf-runs must be at least 1 (got \(celfRuns))") }
        if !(celfBudget > 0) { throw ValidationError("--celf-budget must be a positive number of seconds (got \(celfBudget))") }
    }

    /// Parses `1,5,10`.
    static func parseKs(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        return try parts.map { part in
            guard let k = Int(part), k >= 1 else {
                throw ValidationError("--k takes positive seed counts separated by commas (got '\(part)' in '\(text)'; e.g. --k 1,5,10,20,50)")
            }
            return k
        }
    }

    func run() throws {
        try reportingErrors {
            let targets = try OutputTarget.prepare([("--csv", csv), ("--plot", plot), ("--output", output), reportOption.output], inputs: [graphOptions.graph])
            let input = try graphOptions.input(seed: execution.seed)
            var request = CompareRequest(ks: try Self.parseKs(ks), algorithms: try SelectionAlgorithm.parseList(algorithms),
                                         runs: runs, celfRuns: celfRuns, celfBudgetSeconds: celfBudget, force: force,
                                         embedding: embeddingOptions.parameters, seed: execution.seed,
                                         threads: execution.resolvedThreads)
            request.modelSpecification = try modelOptions.specification(graphOptions, seed: execution.seed)
            request.ris = risOptions.parameters(memoryLimitBytes: graphOptions.maxMemory.bytes)
            let report = try request.run(on: input, context: RunContext(progress: outputOptions.progressReporter,
                                                                        learnedSelectors: EmbeddingSelectorFactory()))
            // The report is printed before the files are renamed into place, so a failing write
            // still leaves it on standard output.
            if !targets.contains(where: { $0?.isStandardOutput == true }) {
                if outputOptions.json { print(try jsonText(report)) } else { printTable(report) }
            }
            try OutputTarget.write([(targets[0], csv == nil ? [] : Array(report.csv().utf8)),
                                    (targets[1], plot == nil ? [] : Array(report.plot().render().utf8)),
                                    (targets[2], output == nil ? [] : Array((try jsonText(report) + "\n").utf8)),
                                    (targets[3], try reportOption.bytes(for: report, recordFile: output))])
            if !outputOptions.quiet {
                for path in [csv, plot, output, reportOption.report] { if let path, path != "-" { printError("wrote \(path)") } }
            }
        }
    }

    private func printTable(_ r: ComparisonRecord) {
        print("graph      \(r.graph.path): \(r.graph.nodes) nodes, \(r.graph.arcs) arcs, \(r.model.name.uppercased()) model (\(r.model.scheme))")
        print("evaluation \(r.request.runs) Monte Carlo runs per seed set, seed \(r.request.seed); every seed set sees the same random worlds (paired)")
        print("")
        let nameWidth = max(9, r.algorithms.map(\.count).max() ?? 9)
        let header = "algorithm".padded(to: nameWidth)
        print("\(header)  \(Self.right("k", 4))  \(Self.right("spread", 10))  \(Self.right("± 95% CI", 9))  \(Self.right("selection", 10))")
        for k in r.ks {
            let rows = r.rows.filter { $0.k == k }
            let best = rows.map(\.spread.estimate).max() ?? 0
            for row in rows {
                let name = row.algorithm.padded(to: nameWidth)
                let mark = row.spread.estimate == best ? " *" : ""
                print("\(name)  \(Self.right(String(k), 4))  \(Self.right(fixed(row.spread.estimate, 1), 10))  \(Self.right(fixed(row.monteCarlo.halfWidth, 1), 9))  \(Self.right(Self.duration(row.selectionSeconds), 10))\(mark)")
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
    static func duration(_ seconds: Double) -> String { CompareRequest.duration(seconds) }
}
