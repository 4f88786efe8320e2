import ArgumentParser
import InfluenceKit

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Save a loaded graph as an .infgraph snapshot that every command loads without parsing.",
        discussion: """
        The snapshot keeps both CSRs, the arc values of the input (with --probabilities file), \
        merged parallel arcs and the original labels, with a checksum; it is written atomically. \
        Loading options (--undirected, --dedupe, ...) are applied now and fixed in the snapshot; \
        models and their schemes are chosen when the snapshot is used, as for any graph.

        Example:
          infmax convert soc-Slashdot0902.txt.gz --output slashdot.infgraph
          infmax info slashdot.infgraph
        """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Seed for random probability schemes (trivalency).")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the snapshot.", valueName: "file.infgraph"))
    var output: String

    func validate() throws {
        guard output.hasSuffix(".infgraph") else {
            throw ValidationError("--output must name a .infgraph file (e.g. --output graph.infgraph)")
        }
    }

    func run() throws {
        try reportingErrors {
            // A snapshot holds no model parameters: only the file scheme (keep the arc values) matters.
            let scheme = try graphOptions.scheme(seed: seed)
            if case .file = scheme {} else if graphOptions.probabilities != nil {
                throw InfluenceError(.usage, parameter: "probabilities",
                    "a snapshot stores no probabilities (choose the scheme when using the snapshot; 'file' here keeps the third column for later)")
            }
            if graphOptions.normalizeLT {
                throw InfluenceError(.usage, parameter: "normalizeLT",
                    "a snapshot stores no LT weights (pass --normalize-lt when using the snapshot with --model lt)")
            }
            // Checked before loading; the snapshot writer creates its own temporary at the end.
            try OutputFile.check(output, distinctFrom: [graphOptions.graph])
            let loaded = try graphOptions.load(seed: seed)
            if loaded.graph.ltWeights != nil {
                throw InfluenceError(.usage, file: graphOptions.graph, parameter: "probabilities",
                    "the edge list gives LT weights apart from the probabilities, and a snapshot stores one value per arc (expected one value column; convert a copy with the column to keep)")
            }
            try GraphSnapshot.write(loaded.graph, to: output)
            let values = loaded.graph.arcValues == nil ? "no arc values" : "arc values kept"
            print("wrote \(output): \(loaded.graph.nodeCount) nodes, \(loaded.graph.arcCount) arcs, \(values)")
        }
    }
}
