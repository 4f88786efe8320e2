import ArgumentParser
import FoundationEssentials
import GraphInfomax
import InfluenceKit

/// The RIS seed-selection algorithms `infmax seeds` offers (the registry's methods with a guarantee).
enum SeedAlgorithm: String, ExpressibleByArgument, CaseIterable {
    case opimC = "opim-c"
    case imm
    case hist
    case embedding

    var registryEntry: SelectionAlgorithm {
        switch self {
        case .opimC: return .opimC
        case .imm: return .imm
        case .hist: return .hist
        case .embedding: return .embedding
        }
    }
}

struct Seeds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pick the k seeds of largest expected spread, with a guarantee (OPIM-C, IMM or HIST on RR sets).",
        discussion: """
        Draws reverse-reachable sets (subset sampling under IC, the reverse walk under LT), picks \
        seeds by greedy max coverage, and prints them in selection order with their marginal \
        gains, the spread estimated on fresh RR sets independent of those that chose the seeds \
        (with a 95% interval), the approximation guarantee reached, RR sets used, timings and \
        memory.

        OPIM-C (default) stops as soon as its instance-wise ratio reaches 1 − 1/e − ε and reports \
        the ratio of each round; IMM draws the worst-case number of sets for 1 − 1/e − ε, with the \
        final sets drawn afresh (Chen's correction). HIST (Guo, Tang, Tang, Xiao, SIGMOD 2020; \
        for large k) first picks a sentinel set of b = k/4 seeds with OPIM-C's rounds (ε/2, δ/2), \
        then draws residual RR sets that stop at the first sentinel they reach (counted as \
        covered, not stored) and picks the other k − b seeds on them, stopping when the ratio \
        measured on this instance reaches 1 − 1/e − ε (δ/2); the JSON record's `hist` object has \
        both phases. All three fail with probability at most δ (IMM: n^−ℓ).

        The same --seed gives the same seeds for any --threads, and for any number of MPI ranks: \
        with a build that has the MPI trait (make mpi), `mpirun -np R infmax seeds …` spreads the \
        RR sets over R ranks and prints rank 0's record, the same as one process's plus the rank \
        count and per-rank timings. --output writes the JSON report \
        atomically; `infmax simulate --seeds-file` reads it. It is checked before the run (a \
        missing directory, or an input given as output, fails at once); a symbolic link is \
        followed, a device or FIFO written through, and `--output -` prints the JSON in place of \
        the report.

        --algorithm embedding has no guarantee: DGI embeddings of identity-free structural \
        features (log degrees, log reversed PageRank, two-hop reach; the graph has no node \
        attributes) feed a ridge regressor of log(1 + marginal gain under the seeds chosen so \
        far), refitted before every pick on the RR-set estimates (--embedding-rr-sets) for a \
        degree-weighted sample of --embedding-training-nodes nodes; of the 64 nodes of largest \
        predicted gain × (1 − λ · largest cosine similarity to a chosen seed), λ = \
        --embedding-penalty, the RR sets take the one of largest gain. The seeds are checked \
        against degree's on fresh RR sets at every prefix and the better ranking is returned \
        (the JSON record's note says which won). Their spread is estimated on fresh RR sets.

        Examples:
          infmax seeds Graphs/demo.txt --k 10
          infmax seeds nethept.txt --k 50 --model lt --epsilon 0.1 --json
          infmax seeds graph.infgraph --k 100 --algorithm imm --output seeds.json
          infmax seeds nethept.txt --k 500 --algorithm hist
        """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(name: .customLong("k"), help: ArgumentHelp("Budget k: how many each chooser picks; here the campaign's seeds (1 ≤ k ≤ n).", valueName: "K"))
    var k: Int

    @Option(help: "Algorithm: opim-c (stops at the ratio reached on this graph), imm (worst-case sample size), hist (sentinel set, then residual RR sets; for large k), or embedding (learned scores, no guarantee).")
    var algorithm: SeedAlgorithm = .opimC

    @OptionGroup var embeddingOptions: EmbeddingSelectionOptions

    @OptionGroup var modelOptions: ModelOptions

    @OptionGroup var risOptions: RISOptions

    @OptionGroup var execution: ExecutionOptions

    @Option(name: .customLong("evaluation-sets"), help: ArgumentHelp("Fresh RR sets for the spread interval (default: enough for about 1% relative standard error at the selection's coverage, between 16,384 and 4,194,304, and no more than the selection used; drawn in tasks of 256, so rounded up).", valueName: "N"))
    var evaluationSets: Int?

    @Option(name: .customLong("time-budget"), help: ArgumentHelp("OPIM-C only: the time selection may take, in seconds (2s, 500ms, 1.5, 1m). No round starts that is expected to end after it; the last round's seeds are returned with the ratio that round proved, and progress notes show the ratio each round.", valueName: "TIME"))
    var timeBudget: TimeBudget?

    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the JSON record to this file, which `infmax report`, `infmax run` and `simulate --seeds-file` read (atomically; - for standard output).", valueName: "FILE"))
    var output: String?

    @OptionGroup var reportOption: ReportOption

    func validate() throws {
        if k < 1 { throw ValidationError("--k must be at least 1 (got \(k))") }
        if let evaluationSets, evaluationSets < 1 { throw ValidationError("--evaluation-sets must be positive (got \(evaluationSets))") }
        if risOptions.delta != nil, algorithm == .imm { throw ValidationError("--delta applies to opim-c and hist; IMM's failure probability is n^-ℓ (use --ell)") }
        if timeBudget != nil, algorithm != .opimC { throw ValidationError("--time-budget applies to opim-c, whose rounds each prove a ratio (got --algorithm \(algorithm.rawValue))") }
    }

    func run() throws {
        try reportingErrorsOnRanks {
            // Rank-local steps (the output checked on rank 0, the graph read by every rank) are
            // agreed, so a failure on one rank ends every rank with its one message.
            let (targets, input) = try Ranks.agreeing { () throws -> ([OutputTarget?], GraphInput) in
                let targets = Ranks.prints ? try OutputTarget.prepare([("--output", output), reportOption.output], inputs: [graphOptions.graph]) : [nil, nil]
                return (targets, try graphOptions.input(seed: execution.seed, reverseOnly: reverseOnlyGraph))
            }
            let target = targets[0]
            var request = try makeRequest()
            // The memory limit decides how many RR sets a round draws and whether refinement
            // goes on: every rank must decide alike, so the ranks use the smallest of their limits
            // (one rank's smaller --max-memory otherwise sent it down another path of collectives).
            if Ranks.isDistributed {
                var limit = [request.memoryLimitBytes]
                Ranks.communicator.minimum(&limit)
                request.memoryLimitBytes = limit[0]
            }
            try Ranks.checkSameRun(fingerprint(of: request, graph: input.graph))
            let report = try request.run(on: input, context: RunContext(progress: Ranks.progress(outputOptions.progressReporter),
                                                                        communicator: Ranks.communicator,
                                                                        learnedSelectors: EmbeddingSelectorFactory()))
            guard Ranks.prints else { return }
            let text = try jsonText(report)
            // The report is printed before the file is renamed into place, so a failing write
            // still leaves it on standard output.
            if target?.isStandardOutput != true {
                if outputOptions.json { print(text) } else { printText(report) }
            }
            try OutputTarget.write([(target, Array((text + "\n").utf8)), (targets[1], try reportOption.bytes(for: report, recordFile: output))])
        }
    }

    /// What every rank of a distributed run must share: the request but for its memory limit and
    /// threads, and the graph.
    private func fingerprint(of request: SeedsRequest, graph: InfluenceGraph) -> String {
        var shared = request
        shared.threads = 1
        shared.memoryLimitBytes = 0
        return "seeds \(shared) \(graph.topologyFingerprint)"
    }

    /// Whether the run reads the graph through the reverse CSR alone, so that the load may keep
    /// nothing else: OPIM-C and IMM sample RR sets, and under IC weighted cascade without merged
    /// parallel arcs no per-arc value is needed (the spread's forward Monte Carlo, when chosen,
    /// rebuilds the full graph first).
    private var reverseOnlyGraph: Bool {
        [.opimC, .imm].contains(algorithm.registryEntry) && modelOptions.model == .ic
            && graphOptions.allowsReverseOnly(seed: execution.seed)
    }

    /// The request the flags describe.
    func makeRequest() throws(InfluenceError) -> SeedsRequest {
        var request = SeedsRequest(k: k, algorithm: algorithm.registryEntry, seed: execution.seed, threads: execution.resolvedThreads)
        request.modelSpecification = try modelOptions.specification(graphOptions, seed: execution.seed)
        request.ris = risOptions.parameters(memoryLimitBytes: graphOptions.maxMemory.bytes)
        // Precision refinement is OPIM-C's; IMM's and HIST's records show none.
        if algorithm == .imm || algorithm == .hist { request.precision = nil }
        request.evaluationSets = evaluationSets
        request.timeBudgetSeconds = timeBudget?.seconds
        request.embedding = embeddingOptions.parameters
        return request
    }

    private func printText(_ r: SeedsRecord) {
        let p = r.request
        var header = "\(r.algorithm), \(r.model.name.uppercased()), k = \(p.k), ε = \(p.epsilon)"
        if let delta = r.delta { header += ", δ = \(formatted("%.3g", delta))" }
        if p.algorithm == .imm { header += ", ℓ = \(p.ell)" }
        header += ", seed \(p.seed), \(p.threads) thread\(p.threads == 1 ? "" : "s")"
        print(header)
        print("graph     \(r.graph.path): \(r.graph.nodes) nodes, \(r.graph.arcs) arcs, \(p.probabilities.recorded) probabilities")
        print("")
        print("seeds in selection order (marginal gain estimated on the selection RR sets):")
        let width = max(5, r.seeds.map(\.label.count).max() ?? 5)
        print("  rank  \("label".padded(to: width))  marginal gain")
        for (index, s) in r.seeds.enumerated() {
            let rank = String(index + 1)
            print("  \(String(repeating: " ", count: max(0, 4 - rank.count)))\(rank)  \(s.label.padded(to: width))  \(fixed(s.marginalGain ?? 0, 2))")
        }
        print("")
        let s = r.spread
        print("spread    \(fixed(s.estimate, 1)) (95% interval \(fixed(s.low, 1)) – \(fixed(s.high, 1)), standard error \(fixed(s.standardError, 1)))")
        if s.method == .monteCarlo {
            print("          estimated by \(s.samples) forward Monte Carlo cascades (cheaper here than RR sets), independent of the RR sets used to select the seeds")
        } else {
            print("          estimated on \(s.samples) fresh RR sets, independent of those used to select the seeds")
        }
        if let selectionSpread = r.selectionSpread {
            print("          (on the selection sets themselves: \(fixed(selectionSpread, 1)), biased upward)")
        }
        guard let g = r.guarantee else {
            print("guarantee none (learned scores)")
            printTimes(r)
            return
        }
        let delta = formatted("%.3g", g.failureProbability)
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
        if let h = r.hist {
            print("sentinel  \(h.sentinelSize) seeds (the first \(h.sentinelSize) above) after \(h.sentinelRounds.count) round\(h.sentinelRounds.count == 1 ? "" : "s"): ratio \(fixed(h.sentinelRatio, 4)) of the best \(p.k)-set's spread (target 1 − (1 − 1/k)^b − ε/2 = \(fixed(h.sentinelTarget, 4)))")
            print("residual  R1 \(h.selectionSetsStored) RR sets stored, \(h.selectionSetsAtSentinel) stopped at a sentinel (counted, not stored); R2 \(h.validationSetsStored) stored, \(h.validationSetsAtSentinel) stopped")
        }
        if let refinement = r.refinement {
            let measure = refinement.measure == "choice-error" ? "choice error" : "relative standard error"
            var reached = "\(measure) \(fixed(100 * refinement.reached, 2))% (target \(fixed(100 * refinement.target, 2))%)"
            if let loss = refinement.selectionLoss, let limit = refinement.selectionLossTarget {
                reached += ", expected selection loss \(fixed(100 * loss, 2))% (target \(fixed(100 * limit, 2))%)"
            }
            let short = refinement.reached > refinement.target
                || (refinement.selectionLoss ?? 0) > (refinement.selectionLossTarget ?? .infinity)
            if r.stoppedAtTimeBudget == true, short {
                print("refinement stopped by the time budget: \(reached)")
            } else if refinement.capped, let cap = refinement.cap {
                let sets = refinement.capSets.map(String.init) ?? "?"
                switch cap {
                case "memory-limit":
                    print("refinement stopped at the memory limit (growing the selection sets to \(sets) would exceed it): \(reached)")
                case "theta-max":
                    print("refinement stopped at its cap, \(sets) RR sets (the paper's θmax): \(reached)")
                default:
                    print("refinement stopped at its cap, \(sets) RR sets (IMM's sample size for this n, k, ε and δ): \(reached)")
                }
            } else {
                print("refinement \(reached) after \(refinement.rounds) refinement round\(refinement.rounds == 1 ? "" : "s")")
            }
        }
        if r.stoppedAtTimeBudget == true {
            print("time budget reached: the seeds are those of the last round that fit it, with the ratio that round proved")
        }
        if let lb = r.lowerBound {
            print("          lower bound of OPT from \(r.estimationRounds?.count ?? 0) estimation round(s): \(fixed(lb, 1))")
        }
        print("rr sets   \(r.rrSets.selection) for selection, \(r.rrSets.generated) drawn in all, \(r.rrSets.evaluation) for the spread interval")
        printTimes(r)
    }

    private func printTimes(_ r: SeedsRecord) {
        let t = r.timings
        let phases = t.phases.map { "\($0.name) \(fixed($0.seconds, 3)) s" }.joined(separator: ", ")
        print("time      load \(fixed(t.loadSeconds, 3)) s, \(phases), total \(fixed(t.totalSeconds, 3)) s")
        if let d = r.distributed {
            let perRank = d.perRank.map { "rank \($0.rank) \(fixed($0.totalSeconds, 3)) s" }.joined(separator: ", ")
            print("ranks     \(d.ranks) MPI ranks: \(perRank) (timings and memory above are rank 0's)")
        }
        let m = r.memory
        print("memory    peak resident \(SystemMemory.describe(m.peakResidentBytes)), RR sets and index at most \(SystemMemory.describe(m.peakRRSetBytes ?? 0)) (limit \(SystemMemory.describe(m.limitBytes)))")
    }
}

/// `--time-budget`: seconds, with an optional unit (`2s`, `500ms`, `1.5`, `1m`).
struct TimeBudget: ExpressibleByArgument {
    /// The budget in seconds.
    let seconds: Double

    init?(argument: String) {
        let text = argument.trimmingSpaces().lowercased()
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("min", 60), ("h", 3600)]
        var number = text, scale = 1.0
        for (suffix, factor) in units.sorted(by: { $0.0.count > $1.0.count }) where text.hasSuffix(suffix) {
            number = String(text.dropLast(suffix.count)); scale = factor
            break
        }
        guard let value = Double(number.trimmingSpaces()), value.isFinite, value > 0 else { return nil }
        seconds = value * scale
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
