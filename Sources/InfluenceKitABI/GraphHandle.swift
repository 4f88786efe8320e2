import InfluenceKit

/// What an `ik_graph` stands for: the loaded graph (with its igraph graph, when the load made
/// one), and what the records need to name and reproduce it — the probability scheme as given,
/// LT rescaling, the name, the load options and the load time. Immutable, so calls on one graph
/// may run on several threads at once.
final class GraphHandle: Sendable {
    let loaded: LoadedGraph
    /// The probability scheme as given (`wc`, `uniform:0.01`, `trivalency`, `file`); parsed with
    /// each run's seed, as the CLI does (so `trivalency` follows the run's seed).
    let probabilities: String
    let normalizeLT: Bool
    /// How records name the graph: the path, or the name given for arrays.
    let name: String
    /// The load options of a file (nil for arrays).
    let loadOptions: GraphLoadOptions?
    /// The graph as the use cases take it, with its provenance (content hash computed once).
    let input: GraphInput

    init(loaded: LoadedGraph, probabilities: String, normalizeLT: Bool, name: String, loadOptions: GraphLoadOptions?) {
        self.loaded = loaded
        input = GraphInput(loaded.graph, name: name, load: loadOptions, loadSeconds: loaded.seconds)
        self.probabilities = probabilities
        self.normalizeLT = normalizeLT
        self.name = name
        self.loadOptions = loadOptions
    }

    var graph: InfluenceGraph { loaded.graph }

    /// The model specification for a run with `seed`.
    func specification(model: DiffusionModelKind, seed: UInt64) throws(ABIFailure) -> ModelSpecification {
        let scheme = try library { () throws(InfluenceError) in try ProbabilityScheme.parse(probabilities, seed: seed) }
        return ModelSpecification(model: model, probabilities: scheme, normalizeLT: normalizeLT)
    }

    /// Dense node ids of `labels`, in order: an unknown label or a label given twice is an argument
    /// error naming its position in `argument`. Complexity: O(n) for the index plus O(|labels|).
    func nodes(labelled labels: [String], argument: String) throws(ABIFailure) -> [Int] {
        let found = graph.labels.nodes(exactlyLabelled: labels)
        var first: [Int: Int] = [:]
        var nodes: [Int] = []
        nodes.reserveCapacity(labels.count)
        for (i, node) in found.enumerated() {
            guard let node else {
                throw .argument(argument, "\(argument)[\(i)]: unknown label '\(labels[i])' (no node of \(name) has this label)")
            }
            if let earlier = first[node] {
                throw .argument(argument, "\(argument)[\(i)]: '\(labels[i])' is given twice (first at \(argument)[\(earlier)]; expected distinct labels)")
            }
            first[node] = i
            nodes.append(node)
        }
        return nodes
    }
}

/// What an `ik_result` stands for: a record's JSON text, NUL-terminated in memory the library
/// owns until `ik_result_free`. The bytes are written once, in `init`, and only read afterwards,
/// so sharing the handle across threads is safe.
final class ResultHandle: @unchecked Sendable {
    /// UTF-8 bytes with a final NUL.
    let bytes: UnsafeMutableBufferPointer<CChar>
    /// A row-major float32 matrix that came with the record (an embed run's embeddings), in
    /// memory the handle owns; empty for other records.
    let matrix: UnsafeMutableBufferPointer<Float>
    let rows: Int
    let columns: Int

    init(json: String, matrix values: [Float] = [], rows: Int = 0, columns: Int = 0) {
        let utf8 = Array(json.utf8)
        let storage = UnsafeMutableBufferPointer<CChar>.allocate(capacity: utf8.count + 1)
        for (i, byte) in utf8.enumerated() { storage[i] = CChar(bitPattern: byte) }
        storage[utf8.count] = 0
        bytes = storage
        let floats = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(1, values.count))
        _ = floats.initialize(from: values)
        matrix = floats
        self.rows = rows
        self.columns = columns
    }

    /// Length without the NUL.
    var length: Int { bytes.count - 1 }

    deinit { bytes.deallocate(); matrix.deallocate() }
}

/// What an `ik_cancellation` stands for: the library's `CancellationFlag`, set by `ik_cancel`
/// from any thread while a run that was given it is under way.
final class CancellationHandle: Sendable {
    let flag = CancellationFlag()
}
