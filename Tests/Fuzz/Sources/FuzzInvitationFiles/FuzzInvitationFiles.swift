import FuzzSupport
import InfluenceKit

/// libFuzzer entry point for the invitee-recommendation files. The first byte picks the reader
/// (low two bits: 0 arcs, 1 arcs + node values, 2 inviters, 3 truth pairs); the rest is the file.
/// For 1 the rest is split at the first `|`: arcs before, node values after. Files go through a
/// scratch path, so the bounded line reader runs as for a user's file. A thrown `InfluenceError`
/// is an expected result.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let mode = bytes.first else { return 0 }
    let body = Array(bytes.dropFirst())
    switch mode & 3 {
    case 0:
        let path = ScratchFile.write(body, named: "arcs.txt")
        if let graph = try? InviteGraph.load(arcs: path) { check(graph) }
    case 1:
        let cut = body.firstIndex(of: 0x7C) ?? body.count
        let arcs = ScratchFile.write(Array(body[..<cut]), named: "arcs.txt")
        let nodes = ScratchFile.write(cut < body.count ? Array(body[(cut + 1)...]) : [], named: "nodes.txt")
        if let graph = try? InviteGraph.load(arcs: arcs, nodeValues: nodes) { check(graph) }
    case 2:
        let arcs = ScratchFile.write(Array("a b 0.5\nb c 1\ncaf\u{E9} a 0.25\n".utf8), named: "arcs.txt")
        let inviters = ScratchFile.write(body, named: "inviters.txt")
        if let graph = try? InviteGraph.load(arcs: arcs) { _ = try? InviterFile.nodes(inviters, in: graph) }
    default:
        let path = ScratchFile.write(body, named: "truth.txt")
        if let truth = try? TruthPairs.read(path) {
            precondition(truth.pairCount == truth.invitees.values.reduce(0) { $0 + $1.count }, "pair count")
        }
    }
    return 0
}

/// Every label of a loaded instance maps back to its own node.
private func check(_ graph: InviteGraph) {
    let labels = graph.labels
    precondition(labels.count == graph.nodeCount, "label count")
    for v in 0..<graph.nodeCount {
        precondition(graph.node(labelled: labels[v]) == v, "label of node \(v) does not map back")
    }
}
