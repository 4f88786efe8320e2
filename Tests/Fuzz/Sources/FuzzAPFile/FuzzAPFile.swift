import FuzzSupport
import InfluenceKit

/// The graph AP labels are looked up in: string labels, among them NFC and NFD `café`.
let apGraph: InfluenceGraph = {
    let arcs = try! EdgeListReader.parse(Array("a b\nb c\nc a\n0 1\n1 2\ncaf\u{E9} a\ncafe\u{301} b\n".utf8),
                                         path: "graph", undirected: false, readValues: false)
    return try! InfluenceGraph(arcs: arcs, options: GraphBuildOptions(), format: "snap", source: "graph")
}()

/// libFuzzer entry point for AP files (one label per line, or comma-separated sets per line):
/// `ActiveParticipantSets.parse` on the input, then every set looked up in a small graph; each
/// set's labels must be distinct byte strings, and the set count must not exceed the data lines.
/// A thrown `InfluenceError` is an expected result.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let sets = try? ActiveParticipantSets.parse(bytes, source: "fuzz") else { return 0 }
    for (k, entry) in sets.sets.enumerated() {
        let distinct = Set(entry.labels.map { Array($0.utf8) })
        precondition(distinct.count == entry.labels.count, "set \(k + 1) repeats a label")
        precondition(!entry.labels.isEmpty && entry.labels.allSatisfy { !$0.isEmpty }, "empty set or label")
        _ = try? sets.nodes(ofSet: k + 1, in: apGraph)
    }
    return 0
}
