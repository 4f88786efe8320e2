import InfluenceKit

/// How one edge-list input is read, from the low four bits of its first byte (so the ASCII digits
/// `0`…`9` name the common choices and corpus files stay readable): bit 0 undirected, bit 1 read
/// the third column as probabilities, bit 2 merge parallel arcs, bit 3 go through
/// `GraphLoader.load` from a file with eager igraph construction instead of the in-memory reader.
/// The rest of the input is the file.
struct EdgeListFuzzOptions {
    var undirected: Bool
    var readValues: Bool
    var dedupe: Bool
    var throughLoader: Bool

    init(_ byte: UInt8) {
        undirected = byte & 1 != 0
        readValues = byte & 2 != 0
        dedupe = byte & 4 != 0
        throughLoader = byte & 8 != 0
    }

    /// The same choices as loader options.
    var loadOptions: GraphLoadOptions {
        GraphLoadOptions(format: .snap, undirected: undirected, readArcValues: readValues,
                         build: GraphBuildOptions(dedupe: dedupe), igraph: .eager)
    }
}
