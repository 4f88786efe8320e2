import FuzzSupport
import InfluenceKit

/// The edge-list readers under test, each behind one small function so a new reader API is a
/// one-line change here.
enum EdgeListEntry {
    /// Tokenizes `bytes` in memory and builds the compact graph, as `GraphLoader` does for an edge
    /// list with on-demand igraph construction.
    static func parseAndBuild(_ bytes: [UInt8], options: EdgeListFuzzOptions) throws(InfluenceError) -> InfluenceGraph {
        let arcs = try EdgeListReader.parse(bytes, path: "fuzz", undirected: options.undirected, readValues: options.readValues)
        return try InfluenceGraph(arcs: arcs, options: GraphBuildOptions(dedupe: options.dedupe), format: "snap", source: "fuzz")
    }

    /// Writes `bytes` to a scratch file and loads it with `GraphLoader.load` (file reading, gzip
    /// inflation for a `.gz` name, tokenizer, igraph round trip, CSR build).
    static func load(_ bytes: [UInt8], name: String, options: EdgeListFuzzOptions) throws(InfluenceError) -> InfluenceGraph {
        let path = ScratchFile.write(bytes, named: name)
        return try GraphLoader.load(path, options: options.loadOptions).graph
    }
}
