import ArgumentParser
import FoundationEssentials
import CSupport
import GraphInfomax
import InfluenceKit

extension EmbeddingMethod: ExpressibleByArgument {}
extension FeatureFileFormat: ExpressibleByArgument {}

struct Embed: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Learn node embeddings by maximizing mutual information (DGI or GRACE), with no deep-learning framework.",
        discussion: """
        dgi (default): Deep Graph Infomax (Veličković et al., ICLR 2019). Features are row-normalised, \
        encoded by a one-layer GCN with PReLU (Â = D^-½(A + I)D^-½, self-loops added), and a bilinear \
        discriminator learns to tell each node's embedding with the graph summary from one computed on \
        row-shuffled features; Adam at --lr 0.001, stopping after --patience 20 epochs without a lower \
        loss and keeping the best parameters.

        grace: GRACE (Zhu et al. 2020). Two views by edge dropping and feature masking, a two-layer \
        GCN and a projection head; the symmetric InfoNCE loss at temperature --tau with every other \
        node of both views as negatives, computed in row blocks (memory O(n·d)); --epochs epochs.

        The graph is taken as undirected. Without --features the nodes get identity-free structural \
        features (degree, PageRank, two-hop reach); with --features a file of 'node f1 f2 …' (dense), \
        'node index:value …' (sparse) or 'node index' per nonzero (pairs, as the Planetoid files in \
        shared/graphs/cora) rows, the node named by its label in the graph file. Nodes missing from \
        the file get zero features.

        --embeddings emb.tsv writes 'label<TAB>v1<TAB>…' per node; --embeddings emb.npy writes a \
        float32 NumPy array whose row i is the node labelled i (labels must be 0..n-1; use --nodes \
        N for isolated nodes). Written atomically. Progress (epochs, loss, time left) is shown on \
        a terminal; --json prints epochs, best loss, time and peak memory; --output writes that \
        JSON record and --report its HTML page. The same --seed gives the same embeddings for a \
        given --threads. (--output naming a .npy or .tsv file is the old spelling of \
        --embeddings; it still works, with a note.)

        Examples:
          infmax embed cora/edges.txt --undirected --features cora/features.txt --embeddings cora.npy
          infmax probe cora.npy --labels cora/labels.txt --train cora/train.txt --test cora/test.txt
          infmax embed citeseer/edges.txt --nodes 3327 --features citeseer/features.txt --embeddings citeseer.npy
          infmax embed Graphs/karate.txt --method grace --dim 16 --epochs 50 --embeddings karate.tsv --json
        """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: ArgumentHelp("Node features file (default: structural features from the graph).", valueName: "F"))
    var features: String?

    @Option(name: .customLong("feature-format"), help: "How --features spells rows: auto, dense, sparse, pairs.")
    var featureFormat: FeatureFileFormat = .auto

    @Option(help: "Objective: dgi (node–graph MI) or grace (two-view InfoNCE).")
    var method: EmbeddingMethod = .dgi

    @Option(help: ArgumentHelp("Embedding dimensions (default: 512 for dgi, 128 for grace).", valueName: "D"))
    var dim: Int?

    @Option(help: ArgumentHelp("Most epochs (dgi default 10000, stopping early by --patience; grace default 200).", valueName: "N"))
    var epochs: Int?

    @Option(help: ArgumentHelp("dgi: epochs without a lower loss before stopping.", valueName: "N"))
    var patience: Int = 20

    @Option(help: ArgumentHelp("Adam learning rate (default: 0.001 for dgi, 0.0005 for grace).", valueName: "RATE"))
    var lr: Double?

    @Option(help: ArgumentHelp("grace: InfoNCE temperature τ.", valueName: "TAU"))
    var tau: Double = 0.5

    @Option(name: .customLong("drop-edges"), help: ArgumentHelp("grace: edge-dropping rates of the two views.", valueName: "P1,P2"))
    var dropEdges: String = "0.2,0.4"

    @Option(name: .customLong("mask-features"), help: ArgumentHelp("grace: feature-masking rates of the two views.", valueName: "P1,P2"))
    var maskFeatures: String = "0.3,0.4"

    @OptionGroup var execution: ExecutionOptions

    @Option(help: ArgumentHelp("Embedding file: .npy (NumPy float32) or .tsv (label first); - for standard output (TSV).", valueName: "FILE"))
    var embeddings: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the JSON record to this file, which `infmax report` and `infmax run` read (atomically; - for standard output).", valueName: "FILE.json"))
    var output: String?

    @OptionGroup var reportOption: ReportOption

    /// The embeddings file: --embeddings, or --output naming a file that is not .json (its old meaning).
    var embeddingsPath: String { embeddings ?? (Deprecation.isLegacyOutput(output) ? output ?? "" : "") }

    /// The record file (--output naming a .json file or -).
    var recordPath: String? { Deprecation.isLegacyOutput(output) ? nil : output }

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let dim, dim < 1 || dim > 65_536 { throw ValidationError("--dim takes 1 to 65536 dimensions (got \(dim); e.g. --dim 512)") }
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1 (got \(epochs))") }
        if patience < 1 { throw ValidationError("--patience must be at least 1 (got \(patience))") }
        if let lr, !(lr > 0) || !lr.isFinite { throw ValidationError("--lr must be a positive number (got \(lr); e.g. --lr 0.001)") }
        if !(tau > 0) || !tau.isFinite { throw ValidationError("--tau must be a positive number (got \(tau); e.g. --tau 0.5)") }
        _ = try Self.rates(dropEdges, flag: "--drop-edges")
        _ = try Self.rates(maskFeatures, flag: "--mask-features")
        if embeddings != nil, Deprecation.isLegacyOutput(output) { throw ValidationError("--output names the JSON record (a .json file); the embeddings go to --embeddings") }
        if embeddingsPath.isEmpty { throw ValidationError("give the embeddings file with --embeddings FILE (.npy or .tsv; - prints TSV)") }
    }

    static func rates(_ text: String, flag: String) throws -> (Double, Double) {
        let parts = text.split(separator: ",").map { Double($0.trimmingSpaces()) }
        guard parts.count == 2, let a = parts[0], let b = parts[1], (0..<1).contains(a), (0..<1).contains(b) else {
            throw ValidationError("\(flag) takes two rates in [0, 1) separated by a comma (got '\(text)'; e.g. \(flag) 0.2,0.4)")
        }
        return (a, b)
    }

    func run() throws {
        // Training allocates the same few n × d arrays every epoch: keep freed blocks in the heap
        // instead of returning them to the kernel and faulting zeroed pages back in each time.
        ik_keep_freed_memory()
        let output = embeddingsPath
        try reportingErrors {
            let targets = try OutputTarget.prepare([("--embeddings", output), ("--output", recordPath), reportOption.output], inputs: [graphOptions.graph, features])
            let target = targets[0]
            let input = try graphOptions.input(seed: execution.seed)
            let (e1, e2) = try Self.rates(dropEdges, flag: "--drop-edges")
            let (m1, m2) = try Self.rates(maskFeatures, flag: "--mask-features")
            let request = EmbedRequest(
                features: features, featureFormat: featureFormat, method: method, dimensions: dim, epochs: epochs, patience: patience,
                learningRate: lr, temperature: tau, edgeDropRates: [e1, e2], featureMaskRates: [m1, m2],
                output: output == "-" ? nil : output, seed: execution.seed, threads: execution.resolvedThreads)
            try EmbedRequest.checkOutput(output, for: input.graph)
            let progress = outputOptions.progressReporter
            let run = try request.embed(on: input, context: RunContext(progress: progress)) { _, loss in
                progress.detail("loss \(formatted("%.5f", loss))")
            }
            let bytes = try run.embeddings.fileBytes(for: output == "-" ? "-.tsv" : output)
            let r = run.record
            let json = try jsonText(r)
            try OutputTarget.write([(target, bytes), (targets[1], recordPath == nil ? [] : Array((json + "\n").utf8)),
                                    (targets[2], try reportOption.bytes(for: r, recordFile: recordPath))])
            if targets.contains(where: { $0?.isStandardOutput == true }) { return }
            if outputOptions.json {
                print(json)
            } else {
                let threads = r.request.threads
                print("\(r.method): \(r.nodes) nodes, \(r.edges) edges, \(r.features.columns) features → \(r.dimensions) dimensions")
                print("epochs    \(r.training.epochs) (best loss \(formatted("%.5f", r.training.bestLoss)) at epoch \(r.training.bestEpoch), kept)")
                print("time      training \(fixed(r.timings.seconds(of: "training"), 2)) s, total \(fixed(r.timings.totalSeconds, 2)) s on \(threads) thread\(threads == 1 ? "" : "s")")
                print("memory    peak resident \(SystemMemory.describe(r.memory.peakResidentBytes))")
                print("wrote     \(output)")
            }
        }
        // Old spellings are noted once the run succeeded (an error stays one line).
        if Deprecation.isLegacyOutput(self.output) { Deprecation.note("--output for the embeddings", use: "--embeddings (--output now writes the JSON record)", quiet: outputOptions.quiet) }
    }
}
