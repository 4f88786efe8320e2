import CInfluenceKit
import InfluenceKit

/// The request keys of `ik_seeds` (interface version 1; `ik_run` takes the library's `SeedsRequest`).
private let seedKeys = ["k", "model", "algorithm", "epsilon", "delta", "ell", "precision", "sampling", "evaluation_sets",
                        "seed", "threads", "max_memory", "time_budget"]

@_cdecl("ik_seeds")
public func ik_seeds(_ graph: OpaquePointer?, _ requestJSON: UnsafePointer<CChar>?, _ resultOut: UnsafeMutablePointer<OpaquePointer?>?,
                     _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let resultOut else { throw .argument("result", "null output pointer (expected the address of an ik_result *)") }
        resultOut.pointee = nil
        let h = try HandleRegistry.shared.object(graph, as: GraphHandle.self, name: "graph")
        let r = try RequestObject(requestJSON, argument: "request", allowed: seedKeys)
        guard let k = try r.int("k") else { throw .argument("k", "request has no 'k' (expected the number of seeds, e.g. {\"k\": 10})") }
        let seed = try r.seed("seed") ?? 1
        let model = try RunOptions.model(r, graph: h, seed: seed)
        let algorithmName = try r.choice("algorithm", [SelectionAlgorithm.opimC, .imm, .hist].map(\.rawValue)) ?? "opim-c"
        let algorithm = SelectionAlgorithm(rawValue: algorithmName) ?? .opimC
        let precision = try r.double("precision") ?? RISParameters.defaultPrecision
        guard precision >= 0 else {
            throw .argument("precision", "precision \(precision) (expected 0 for the paper's stopping rule, or a choice error in (0, 1), e.g. 0.05)")
        }
        let ris = RISParameters(epsilon: try r.double("epsilon") ?? 0.1, delta: try r.double("delta"), ell: try r.double("ell") ?? 1,
                                precision: precision > 0 ? precision : nil, sampling: try RunOptions.sampling(r),
                                memoryLimitBytes: try r.int("max_memory") ?? SystemMemory.defaultLimitBytes)
        var request = SeedsRequest(k: k, algorithm: algorithm, evaluationSets: try r.int("evaluation_sets"), seed: seed,
                                   threads: try r.int("threads") ?? Parallel.processorCount)
        request.modelSpecification = model
        request.ris = ris
        request.timeBudgetSeconds = try r.double("time_budget")
        // Precision refinement is OPIM-C's; IMM's and HIST's records show none (as `infmax seeds` writes it).
        if algorithm == .imm || algorithm == .hist { request.precision = nil }
        let report = try library { () throws(InfluenceError) in try request.run(on: h.input) }
        resultOut.pointee = try ResultHandle.register(report)
    }
}

/// Keys several runs share.
enum RunOptions {
    /// The model named by `model` (default ic) with the graph's scheme.
    static func model(_ r: RequestObject, graph: GraphHandle, seed: UInt64) throws(ABIFailure) -> ModelSpecification {
        let name = try r.choice("model", DiffusionModelKind.allCases.map(\.rawValue)) ?? "ic"
        return try graph.specification(model: DiffusionModelKind(rawValue: name) ?? .ic, seed: seed)
    }

    /// `sampling`: subset (default) or plain.
    static func sampling(_ r: RequestObject) throws(ABIFailure) -> RRSamplingMethod {
        let name = try r.choice("sampling", ["subset", "plain"]) ?? "subset"
        return name == "plain" ? .plain : .subset
    }
}
