// Load throughput: parses each input to a ready InfluenceGraph (the whole path: read, tokenize,
// igraph build and export, CSR) and reads its .infgraph snapshot; prints CSV rows.
//
// usage: BenchLoad [--repeat R] FILE...
import BenchSupport
import InfluenceKit
#if canImport(Glibc)
import Glibc
#endif


var arguments = Array(CommandLine.arguments.dropFirst())
var repeats = 3
if let i = arguments.firstIndex(of: "--repeat"), i + 1 < arguments.count, let r = Int(arguments[i + 1]) {
    repeats = r
    arguments.removeSubrange(i...(i + 1))
}
guard !arguments.isEmpty else {
    StandardError.write("usage: BenchLoad [--repeat R] FILE...\n")
    exit(2)
}

for path in arguments {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    do {
        var best = Double.infinity
        var graph: InfluenceGraph?
        for _ in 0..<repeats {
            var loaded: LoadedGraph?
            let t = try seconds { loaded = try GraphLoader.load(path) }
            graph = loaded!.graph
            best = min(best, t)
            StandardError.write("  stages (default, igraph on demand): " + loaded!.stages.map { "\($0.stage) \(Int($0.seconds * 1000)) ms" }.joined(separator: ", ") + "\n")
        }
        let g = graph!
        // Tokenizer alone (file already in memory), to show where the time goes.
        let bytes = try FileContents.read(path)
        var parseBest = Double.infinity
        for _ in 0..<repeats {
            parseBest = min(parseBest, try seconds { _ = try EdgeListReader.parse(bytes, path: path, undirected: false, readValues: false) })
        }
        let snapshot = "/tmp/bench-load-\(getpid()).infgraph"
        try GraphSnapshot.write(g, to: snapshot)
        defer { unlink(snapshot) }
        var snapBest = Double.infinity
        for _ in 0..<max(repeats, 5) {
            snapBest = min(snapBest, try seconds { _ = try GraphLoader.load(snapshot) })
        }
        var deferredBest = Double.infinity
        for _ in 0..<repeats {
            var loaded: LoadedGraph?
            let t = try seconds { loaded = try GraphLoader.load(path, options: GraphLoadOptions(igraph: .eager)) }
            deferredBest = min(deferredBest, t)
            StandardError.write("  stages (igraph eager): " + loaded!.stages.map { "\($0.stage) \(Int($0.seconds * 1000)) ms" }.joined(separator: ", ") + "\n")
        }
        let arcs = Double(g.arcCount)
        // The default load builds no igraph graph (it is made when an igraph algorithm asks).
        print("load,\(name),text_arcs_per_second_igraph_eager,\(Int(arcs / deferredBest)),,,arcs/s,1")
        print("load,\(name),text_arcs_per_second,\(Int(arcs / best)),,,arcs/s,1")
        print("load,\(name),text_load_seconds,\(best),,,s,0")
        print("load,\(name),tokenize_arcs_per_second,\(Int(arcs / parseBest)),,,arcs/s,1")
        print("load,\(name),snapshot_load_ms,\(snapBest * 1000),,,ms,0")
        StandardError.write("\(name): \(g.nodeCount) nodes, \(g.arcCount) arcs; text \(best) s (\(Int(arcs / best / 1e3))k arcs/s), tokenize only \(parseBest) s, snapshot \(snapBest * 1000) ms\n")
    } catch {
        StandardError.write("error: \(error)\n")
        exit(1)
    }
}
