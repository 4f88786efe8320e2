import CInfluenceKit
import InfluenceKit

/// The request keys of `ik_simulate` (interface version 1; `ik_run` takes the library's `SimulateRequest`).
private let simulateKeys = ["runs", "seed", "threads", "model", "max_steps", "until_relative_error", "max_runs",
                            "node_probabilities", "exact", "max_memory"]

@_cdecl("ik_simulate")
public func ik_simulate(_ graph: OpaquePointer?, _ labelBytes: UnsafePointer<CChar>?, _ labelBytesLength: Int,
                        _ labelOffsets: UnsafePointer<Int64>?, _ seedCount: Int, _ requestJSON: UnsafePointer<CChar>?,
                        _ resultOut: UnsafeMutablePointer<OpaquePointer?>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let resultOut else { throw .argument("result", "null output pointer (expected the address of an ik_result *)") }
        resultOut.pointee = nil
        let h = try HandleRegistry.shared.object(graph, as: GraphHandle.self, name: "graph")
        let labels = try CArrays.labels(bytes: labelBytes, byteCount: labelBytesLength, offsets: labelOffsets, count: seedCount,
                                        name: "seeds")
        let r = try RequestObject(requestJSON, argument: "request", allowed: simulateKeys)
        let seed = try r.seed("seed") ?? 1
        let specification = try RunOptions.model(r, graph: h, seed: seed)
        let seeds = try h.nodes(labelled: labels, argument: "seeds")
        var request = SimulateRequest(
            seeds: seeds.map { h.graph.label(of: $0) }, runs: try r.int("runs") ?? 10_000, seed: seed,
            threads: try r.int("threads") ?? Parallel.processorCount,
            maxSteps: try r.int("max_steps"), untilRelativeError: try r.double("until_relative_error"),
            maxRuns: try r.int("max_runs"), nodeProbabilities: try r.int("node_probabilities"),
            exact: try r.bool("exact") ?? false, memoryLimitBytes: try r.int("max_memory") ?? SystemMemory.defaultLimitBytes)
        request.modelSpecification = specification
        let report = try library { () throws(InfluenceError) in try request.run(on: h.input) }
        resultOut.pointee = try ResultHandle.register(report)
    }
}
