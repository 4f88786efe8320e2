import FuzzSupport
import GraphInfomax
import InfluenceKit

/// The graph features and labels name: string labels, among them NFC and NFD `café`.
let featureGraph: InfluenceGraph = {
    let arcs = try! EdgeListReader.parse(Array("a b\nb c\nc a\n0 1\n1 2\ncaf\u{E9} a\ncafe\u{301} b\n".utf8),
                                         path: "graph", undirected: true, readValues: false)
    return try! InfluenceGraph(arcs: arcs, options: GraphBuildOptions(), format: "snap", source: "graph")
}()

/// libFuzzer entry point for node features, class labels and splits. The first byte picks the
/// reader (low three bits: 0-3 features as auto, dense, sparse, pairs; 4 classes; 5 split); the
/// rest is the file, written to a scratch path. Features must come back with one row per node,
/// at most as many columns as values given, all finite. A thrown `InfluenceError` is expected.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let mode = bytes.first else { return 0 }
    let path = ScratchFile.write(Array(bytes.dropFirst()), named: "file.txt")
    let index = featureGraph.labels.makeIndex()
    let lookup: (Substring) -> Int? = { index.node(for: String($0)) }
    switch mode & 7 {
    case 0, 1, 2, 3:
        let format = [FeatureFileFormat.auto, .dense, .sparse, .pairs][Int(mode & 3)]
        if let x = try? NodeFeatureFile.read(path, format: format, graph: featureGraph) {
            precondition(x.rows == featureGraph.nodeCount, "rows")
            precondition(x.columns <= size, "\(x.columns) columns from \(size) bytes")
        }
    case 4:
        if let classes = try? NodeLabelFile.readClasses(path, rows: featureGraph.nodeCount, node: lookup) {
            precondition(classes.count == featureGraph.nodeCount && classes.allSatisfy { $0 >= -1 }, "classes")
        }
    default:
        if let rows = try? NodeLabelFile.readSplit(path, node: lookup) {
            precondition(Set(rows).count == rows.count && rows.allSatisfy { $0 < featureGraph.nodeCount }, "split")
        }
    }
    return 0
}
