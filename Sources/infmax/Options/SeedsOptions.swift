import ArgumentParser
import InfluenceKit

/// `--seeds a,b,c` or `--seeds-file FILE` (`-` for standard input): a seed set by node labels.
struct SeedsOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seed nodes by label, separated by commas.", valueName: "a,b,c"))
    var seeds: String?

    @Option(name: .customLong("seeds-file"), help: ArgumentHelp(
        "File of seed labels (- reads standard input): one per line, or the JSON `infmax seeds` prints ({\"seeds\": [{\"label\": …}]}, or [\"label\", …] with strings or integers).",
        valueName: "file"))
    var seedsFile: String?

    func validate() throws {
        switch (seeds, seedsFile) {
        case (nil, nil): throw ValidationError("give the seed set with --seeds a,b,c or --seeds-file FILE")
        case (_?, _?): throw ValidationError("give either --seeds or --seeds-file, not both")
        default: break
        }
    }

    /// The seeds as dense node ids of `graph`, in the order given.
    func resolve(in graph: InfluenceGraph, graphName: String) throws(InfluenceError) -> [Int] {
        if let seedsFile {
            return try SeedsInput.nodes(for: SeedsInput.readFile(seedsFile), in: graph, graphName: graphName, kind: .data)
        }
        return try SeedsInput.nodes(for: SeedsInput.parseList(seeds ?? ""), in: graph, graphName: graphName, kind: .usage)
    }
}
