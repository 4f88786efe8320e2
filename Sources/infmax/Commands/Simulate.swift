import ArgumentParser
import FoundationEssentials
import InfluenceKit

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Estimate the expected spread of a seed set by Monte Carlo simulation.",
        discussion: """
        Simulates independent cascades (ic) or linear-threshold cascades (lt) from the seed set \
        and reports the mean spread σ(S) with its standard deviation, standard error, 95% \
        confidence interval, minimum and maximum. Run i draws only from the random stream \
        (--seed, i), so the numbers are identical for any --threads, and two seed sets simulated \
        with the same --seed are compared on the same random cascades. With a build that has the \
        MPI trait (make mpi), `mpirun -np R infmax simulate …` splits the runs over R ranks and \
        prints the same estimate, bit for bit.

        --output also writes the report (JSON with --json, else the text) to a file, atomically; \
        it is checked before the run (a missing directory, or the graph or seeds file given as \
        output, fails at once), a symbolic link is followed, a device or FIFO written through, \
        and `--output -` prints the report once.

        Examples:
          infmax simulate Graphs/karate.txt --undirected --seeds 0,33 --runs 100000
          infmax simulate soc-Slashdot0902.txt.gz --seeds-file seeds.json --model lt --json
          infmax simulate Graphs/demo.txt --seeds 0,1,2 --until-relative-error 0.005
          infmax simulate graph.txt --probabilities file --seeds 0 --exact --node-probabilities 10
          infmax simulate graph.txt --seeds-file seeds.json --json --output spread.json
        """
    )

    @OptionGroup var graphOptions: GraphOptions
    @OptionGroup var seedsOptions: SeedsOptions
    @OptionGroup var modelOptions: ModelOptions
    @OptionGroup var execution: ExecutionOptions

    @Option(help: ArgumentHelp("Monte Carlo runs: simulated cascades (the first batch with --until-relative-error).", valueName: "N"))
    var runs: Int = 10_000

    @Option(name: .customLong("max-steps"), help: ArgumentHelp("Stop each cascade after T rounds (default: until no new activation).", valueName: "T"))
    var maxSteps: Int?

    @Option(name: .customLong("node-probabilities"), help: ArgumentHelp("Also list the N nodes most likely to end active, with their activation probability.", valueName: "N"))
    var nodeProbabilities: Int?

    @Option(name: .customLong("until-relative-error"), help: ArgumentHelp("Add runs until the 95% CI half-width is at most E times the mean (capped by --max-runs).", valueName: "E"))
    var untilRelativeError: Double?

    @Option(name: .customLong("max-runs"), help: ArgumentHelp("Cap on runs with --until-relative-error (default: 1000000).", valueName: "N"))
    var maxRuns: Int?

    /// The cap on adaptive runs.
    var resolvedMaxRuns: Int { maxRuns ?? 1_000_000 }

    @Flag(help: "Also compute σ(S) exactly by enumerating live-edge worlds (tiny instances only: at most 2^24 worlds).")
    var exact = false

    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the JSON record to this file, which --seeds-file and `infmax run` read back (atomically; - for standard output).", valueName: "FILE"))
    var output: String?

    @OptionGroup var reportOption: ReportOption

    func validate() throws {
        if runs < 1 { throw ValidationError("--runs takes a positive count (e.g. --runs 10000)") }
        if let maxSteps, maxSteps < 0 { throw ValidationError("--max-steps takes a count of rounds ≥ 0 (e.g. --max-steps 3)") }
        if let nodeProbabilities, nodeProbabilities < 1 { throw ValidationError("--node-probabilities takes a positive count (e.g. --node-probabilities 10)") }
        if let untilRelativeError, !(untilRelativeError > 0 && untilRelativeError < 1) {
            throw ValidationError("--until-relative-error takes a fraction between 0 and 1 (e.g. --until-relative-error 0.01)")
        }
        if let maxRuns {
            if untilRelativeError == nil { throw ValidationError("--max-runs caps --until-relative-error; give both, or use --runs alone") }
            if maxRuns < 1 { throw ValidationError("--max-runs takes a positive count (e.g. --max-runs 1000000)") }
        }
        if untilRelativeError != nil, resolvedMaxRuns < runs {
            throw ValidationError("--max-runs (\(resolvedMaxRuns)) is below --runs (\(runs)); raise --max-runs or lower --runs")
        }
    }

    func run() throws {
        try reportingErrorsOnRanks {
            // Rank-local steps (the output checked on rank 0, the graph and seeds file read by
            // every rank) are agreed, so a failure on one rank ends every rank with one message.
            let (targets, input, request) = try Ranks.agreeing {
                () throws -> ([OutputTarget?], GraphInput, SimulateRequest) in
                let targets = Ranks.prints
                    ? try OutputTarget.prepare([("--output", output), reportOption.output], inputs: [graphOptions.graph, seedsOptions.seedsFile]) : [nil, nil]
                let input = try graphOptions.input(seed: execution.seed)
                // The seeds file's own errors name its lines; the request then holds the labels.
                let seeds = try seedsOptions.resolve(in: input.graph, graphName: graphOptions.graph)
                let specification = try modelOptions.specification(graphOptions, seed: execution.seed)
                let request = SimulateRequest(
                    seeds: seeds.map { input.graph.label(of: $0) }, model: specification.model,
                    probabilities: specification.probabilities, normalizeLT: specification.normalizeLT, runs: runs,
                    seed: execution.seed, threads: execution.resolvedThreads, maxSteps: maxSteps,
                    untilRelativeError: untilRelativeError, maxRuns: untilRelativeError == nil ? nil : resolvedMaxRuns,
                    nodeProbabilities: nodeProbabilities, exact: exact && Ranks.prints, memoryLimitBytes: graphOptions.maxMemory.bytes,
                    // An `infmax cim` record is measured on P, the graph without its AP set.
                    withoutActiveParticipants: seedsOptions.seedsFile.flatMap(CIMRecordInput.excludedSet(seedsFile:)))
                return (targets, input, request)
            }
            let target = targets[0]
            var shared = request
            shared.threads = 1
            shared.exact = false
            shared.memoryLimitBytes = 0
            try Ranks.checkSameRun("simulate \(shared) \(input.graph.topologyFingerprint)")
            let communicator = Ranks.communicator
            var report = try request.run(on: input, context: RunContext(progress: Ranks.progress(outputOptions.progressReporter),
                                                                        communicator: communicator))
            if communicator.isDistributed {
                let seconds = report.timings.seconds(of: "simulation")
                report.distributed = DistributedRunRecord.gather(
                    communicator, phases: [PhaseTiming(name: "simulating", seconds: seconds, rrSets: 0)], evaluationSeconds: 0,
                    loadSeconds: 0, totalSeconds: seconds, peakRRSetBytes: 0, peakResidentBytes: SystemMemory.peakResidentBytes)
            }
            guard Ranks.prints else { return }
            let json = try jsonText(report)
            // Printed before the file is renamed into place, so a failing write still leaves the
            // report on standard output; `--output -` prints the record once. The file is always
            // the JSON record, which `--seeds-file` and `infmax run` read back.
            if target?.isStandardOutput != true { print(outputOptions.json ? json : textReport(report)) }
            try OutputTarget.write([(target, Array((json + "\n").utf8)), (targets[1], try reportOption.bytes(for: report, recordFile: output))])
        }
    }

    /// The text report, lines joined by newlines (no final newline).
    private func textReport(_ r: SimulationRecord) -> String {
        var lines: [String] = []
        func print(_ line: String) { lines.append(line) }
        let e = r.monteCarlo
        let q = r.request
        let digits = 4
        print("graph          \(r.graph.path) (\(r.graph.nodes) nodes, \(r.graph.arcs) arcs)")
        print("model          \(r.model.name) (\(r.model.scheme))\(q.maxSteps.map { ", at most \($0) rounds" } ?? "")")
        let shown = r.seeds.prefix(20).map(\.label).joined(separator: ", ")
        print("seeds          \(r.seeds.count): \(shown)\(r.seeds.count > 20 ? ", …" : "")")
        var runsLine = "runs           \(e.runs) (seed \(q.seed), \(q.threads) thread\(q.threads == 1 ? "" : "s")"
        if let target = q.untilRelativeError {
            let cap = q.resolvedMaxRuns
            let reached = e.halfWidth <= target * e.mean
            runsLine += reached ? "; CI half-width within \(fixed(target * 100, 2))% of the mean"
                                : "; stopped at --max-runs \(cap) before the CI half-width reached \(fixed(target * 100, 2))% of the mean"
        }
        print(runsLine + ")")
        print("spread         \(fixed(e.mean, digits)) ± \(fixed(e.halfWidth, digits)) (95% CI \(fixed(e.confidenceLow, digits)) … \(fixed(e.confidenceHigh, digits)))")
        print("std deviation  \(fixed(e.standardDeviation, digits))")
        print("std error      \(fixed(e.standardError, digits))")
        print("min / max      \(Int(e.min)) / \(Int(e.max))")
        if let exact = r.exact?.estimate {
            let off = e.standardError > 0 ? " (Monte Carlo off by \(fixed(abs(e.mean - exact) / e.standardError, 2)) standard errors)" : ""
            print("exact          \(fixed(exact, 6))\(off)")
        }
        let seconds = r.timings.seconds(of: "simulation")
        let arcsPerSecond = seconds > 0 ? Double(r.arcsExamined) / seconds : 0
        print("time           \(fixed(seconds, 3)) s (\(Int(r.simulationsPerSecond.rounded())) simulations/s, \(fixed(arcsPerSecond / 1e6, 1))M arcs examined/s)")
        if let d = r.distributed {
            let perRank = d.perRank.map { "rank \($0.rank) \(fixed($0.totalSeconds, 3)) s" }.joined(separator: ", ")
            print("ranks          \(d.ranks) MPI ranks: \(perRank)")
        }
        if let top = r.nodeProbabilities {
            print("most likely active nodes")
            for (i, node) in top.enumerated() { print("  \(i + 1). \(node.label)  \(fixed(node.probability, 6))") }
        }
        return lines.joined(separator: "\n")
    }
}
