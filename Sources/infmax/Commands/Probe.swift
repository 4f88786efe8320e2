import ArgumentParser
import Foundation
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

    @Option(help: "Seed of the initialisations.")
    var seed: UInt64 = 1

    @Flag(help: "Print the report as JSON (mean and sd in percent, and every restart's accuracy).")
    var json = false

    func validate() throws {
        if restarts < 1 { throw ValidationError("--restarts must be at least 1 (got \(restarts); e.g. --restarts 50)") }
        if epochs < 1 { throw ValidationError("--epochs must be at least 1 (got \(epochs))") }
    }

    func run() throws {
        try reportingErrors {
            let input = try EmbeddingsInput.load(embeddings)
            let request = ProbeRequest(labels: labels, train: train, test: test, restarts: restarts, epochs: epochs, seed: seed)
            let record = try request.run(on: input)
            let report = record.accuracy
            if json {
                print(try jsonText(record))
            } else {
                print("linear probe: \(report.trainNodes) train, \(report.testNodes) test nodes, \(report.classes) classes, \(report.dimensions) dimensions")
                print("accuracy  \(fixed(report.mean, 2)) ± \(fixed(report.sd, 2))% over \(report.restarts) restart\(report.restarts == 1 ? "" : "s")")
            }
        }
    }
}
