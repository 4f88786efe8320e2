import ArgumentParser
import InfluenceKit

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Save a loaded graph as an .infgraph snapshot that every command loads without parsing.",
        discussion: """
        The snapshot keeps both CSRs, the value columns of the input (with --probabilities file: \
        the third column, and a fourth or a header's weight column), \
        merged parallel arcs and the original labels, with a checksum; it is written atomically. \
        Loading options (--undirected, --dedupe, ...) are applied now and fixed in the snapshot; \
        models and their schemes are chosen when the snapshot is used, as for any graph.

        --json prints what was written (path, nodes, arcs, value columns); --quiet leaves the \
        summary line out. (--output is the old spelling of --snapshot; it still works, with a \
        note.)

        Example:
          infmax convert soc-Slashdot0902.txt.gz --snapshot slashdot.infgraph
          infmax info slashdot.infgraph
        """
    )

    @OptionGroup var graphOptions: GraphOptions

    @Option(help: "Seed of every random choice (here: random probability schemes such as trivalency); the same seed gives the same result.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Where to write the snapshot.", valueName: "file.infgraph"))
    var snapshot: String?

    @Option(name: [.customLong("output"), .customShort("o")], help: .private)
    var legacyOutput: String?

    @OptionGroup var outputOptions: OutputOptions

    /// The snapshot's path: --snapshot, or the old --output.
    var output: String { snapshot ?? legacyOutput ?? "" }

    func validate() throws {
        if snapshot != nil, legacyOutput != nil { throw ValidationError("--output is the old spelling of --snapshot; give one") }
        if output.isEmpty { throw ValidationError("give the snapshot file with --snapshot FILE.infgraph") }
        let flag = snapshot == nil ? "--output" : "--snapshot"
        guard output.hasSuffix(".infgraph") else {
            throw ValidationError("\(flag) must name a .infgraph file (e.g. \(flag) graph.infgraph)")
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
                    "a snapshot stores the file's value columns, not rescaled LT weights (pass --normalize-lt when using the snapshot with --model lt)")
            }
            // Checked before loading; the snapshot writer creates its own temporary at the end.
            try OutputFile.check(output, distinctFrom: [graphOptions.graph])
            let loaded = try graphOptions.load(seed: seed)
            try GraphSnapshot.write(loaded.graph, to: output)
            let names = loaded.graph.columns.all.map(\.name)
            let values = names.isEmpty ? "no arc values" : names == [ValueColumns.value] ? "arc values kept"
                : "value columns kept (\(names.joined(separator: ", ")))"
            if outputOptions.json {
                struct Written: Encodable { var snapshot: String; var nodes: Int; var arcs: Int; var valueColumns: [String]; var loadSeconds: Double }
                print(try jsonText(Written(snapshot: output, nodes: loaded.graph.nodeCount, arcs: loaded.graph.arcCount, valueColumns: names, loadSeconds: loaded.seconds)))
            } else if !outputOptions.quiet {
                print("wrote \(output): \(loaded.graph.nodeCount) nodes, \(loaded.graph.arcCount) arcs, \(values)")
            }
        }
        // Old spellings are noted once the run succeeded (an error stays one line).
        if legacyOutput != nil { Deprecation.note("--output", use: "--snapshot", quiet: outputOptions.quiet) }
    }
}
