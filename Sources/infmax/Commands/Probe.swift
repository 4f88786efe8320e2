import ArgumentParser
import FoundationEssentials
import GraphInfomax
import InfluenceKit

struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score node embeddings by a linear probe: logistic regression on the train nodes, accuracy on the test nodes.",
        discussion: """
        The linear evaluation of Deep Graph Infomax: a multinomial logistic regression on the frozen \
        embeddings, Glorot start, Adam at 0.01 with no weight decay, 100 full-batch epochs on the \
        train nodes; accuracy on the test nodes. Repeated --restarts times from different starts \
        (all from --seed) and reported as mean ± sample standard deviation, in percent.

        EMB is a .npy (row i is node i) or a TSV with the node label first, as `infmax embed` writes. \
        --labels has 'node class' lines (classes are integers from 0; a negative class means none); \
        --train and --test list one node per line. Nodes are named as in the embedding.

        Examples:
          infmax probe cora.npy --labels cora/labels.txt --train cora/train.txt --test cora/test.txt
          infmax probe karate.tsv --labels karate-labels.txt --train train.txt --test test.txt --restarts 10 --json
          infmax probe cora.npy --labels cora/labels.txt --train cora/train.txt --test cora/test.txt --report probe.html

        --output writes the JSON record (what --json prints), --report its HTML page. Progress \
        (restarts, time left) shows on a terminal. The restarts run in parallel on --threads \
        workers; each draws its start from its own stream of --seed, so the accuracies are the same \
        for any --threads.
        """
    )

    @Argument(help: ArgumentHelp("Embedding file (.npy or TSV).", valueName: "EMB"))
    var embeddings: String

    @Option(help: ArgumentHelp("Class of each node: 'node class' per line.", valueName: "L"))
    var labels: String

    @Option(help: ArgumentHelp("Train nodes, one per line.", valueName: "T"))
    var train: String

    @Option(help: ArgumentHelp("Test nodes, one per line.", valueName: "U"))
    var test: String

    @Option(help: ArgumentHelp("Initialisations to average over.", valueName: "R"))
    var restarts: Int = 50

    @Option(help: ArgumentHelp("Adam epochs per restart.", valueName: "N"))
    var epochs: Int = 100

    @OptionGroup var execution: ExecutionOptions

    @OptionGroup var outputOptions: OutputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Also write the JSON record to this file, which `infmax report` and `infmax run` read (atomically; - for standard output).", valueName: "FILE.json"))
    var output: String?

    @OptionGroup var reportOption: ReportOption

    func validate() throws {
        if restarts < 1 { throw ValidationError("--restarts must be at least 1 (got \(restarts); e.g. --restarts 50)") }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1 (got \(epochs))") }
    }

    func run() throws {
        try reportingErrors {
            let targets = try OutputTarget.prepare([("--output", output), reportOption.output], inputs: [embeddings, labels, train, test])
            let input = try EmbeddingsInput.load(embeddings)
            let request = ProbeRequest(labels: labels, train: train, test: test, restarts: restarts, epochs: epochs, seed: execution.seed, threads: execution.resolvedThreads)
            let record = try request.run(on: input, context: RunContext(progress: outputOptions.progressReporter))
            let report = record.accuracy
            let json = try jsonText(record)
            try OutputTarget.write([(targets[0], Array((json + "\n").utf8)), (targets[1], try reportOption.bytes(for: record, recordFile: output))])
            if targets[0]?.isStandardOutput == true { return }
            if outputOptions.json {
                print(json)
            } else {
                print("linear probe: \(report.trainNodes) train, \(report.testNodes) test nodes, \(report.classes) classes, \(report.dimensions) dimensions")
                print("accuracy  \(fixed(report.mean, 2)) ± \(fixed(report.sd, 2))% over \(report.restarts) restart\(report.restarts == 1 ? "" : "s")")
            }
        }
    }
}
