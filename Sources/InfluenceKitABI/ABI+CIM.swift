import CInfluenceKit
import InfluenceKit

/// The request keys of `ik_cim`.
private let cimKeys = ["k", "ap_file", "ap_set", "algorithm", "model", "epsilon", "delta", "precision", "compat", "sampling",
                       "evaluation_sets", "baselines", "keep_best", "unconstrained_reference", "mc_evaluation", "mc_runs", "mc_budget",
                       "seed", "threads", "max_memory"]

@_cdecl("ik_cim")
public func ik_cim(_ graph: OpaquePointer?, _ labelBytes: UnsafePointer<CChar>?, _ labelBytesLength: Int,
                   _ labelOffsets: UnsafePointer<Int64>?, _ apCount: Int, _ requestJSON: UnsafePointer<CChar>?,
                   _ resultOut: UnsafeMutablePointer<OpaquePointer?>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let resultOut else { throw .argument("result", "null output pointer (expected the address of an ik_result *)") }
        resultOut.pointee = nil
        let h = try HandleRegistry.shared.object(graph, as: GraphHandle.self, name: "graph")
        let r = try RequestObject(requestJSON, argument: "request", allowed: cimKeys)
        guard let k = try r.int("k") else { throw .argument("k", "request has no 'k' (expected each AP's capacity, e.g. {\"k\": 2})") }
        let seed = try r.seed("seed") ?? 1
        let specification = try RunOptions.model(r, graph: h, seed: seed)
        let apFile = try r.string("ap_file")
        let apSet = try r.int("ap_set")
        var labels: [String]?
        if labelOffsets == nil, apCount == 0 {
            guard apFile != nil else {
                throw .argument("aps", "no active participants (expected AP labels, or an 'ap_file' in the request)")
            }
        } else {
            guard apFile == nil, apSet == nil else {
                throw .argument("ap_file", "AP labels and an AP file were both given (expected one of them)")
            }
            let given = try CArrays.labels(bytes: labelBytes, byteCount: labelBytesLength, offsets: labelOffsets, count: apCount,
                                           name: "aps")
            // Checked here for the C interface's message on an unknown or repeated label.
            labels = try h.nodes(labelled: given, argument: "aps").map { h.graph.label(of: $0) }
        }
        let precision = try r.double("precision") ?? CapacityConstrainedIM.Configuration.defaultPrecision
        guard precision >= 0, precision < 1 else {
            throw .argument("precision", "precision \(precision) (expected 0 for the paper's stopping rule, or a relative standard error in (0, 1))")
        }
        let algorithmName = try r.choice("algorithm", CapacityAlgorithm.allCases.map(\.rawValue)) ?? CapacityAlgorithm.rrOPIMPlus.rawValue
        // null: no budget (the CLI's --force); absent: the CLI's default of 300 s.
        let noBudget = r.isNull("mc_budget")
        var request = CIMRequest(
            k: k, apFile: apFile, apSet: apSet ?? 1, activeParticipants: labels,
            algorithm: CapacityAlgorithm(rawValue: algorithmName) ?? .rrOPIMPlus, epsilon: try r.double("epsilon") ?? 0.1,
            delta: try r.double("delta"), precision: precision > 0 ? precision : nil, compat: try r.bool("compat") ?? false,
            sampling: try RunOptions.sampling(r), evaluationSets: try r.int("evaluation_sets"),
            baselines: try r.bool("baselines") ?? false, keepBest: try r.bool("keep_best") ?? true, unconstrainedReference: try r.bool("unconstrained_reference") ?? false,
            monteCarloEvaluationRuns: try r.int("mc_evaluation"), monteCarloRuns: try r.int("mc_runs") ?? 10_000,
            monteCarloBudgetSeconds: noBudget ? 300 : try r.double("mc_budget") ?? 300, force: noBudget, seed: seed,
            threads: try r.int("threads") ?? Parallel.processorCount,
            memoryLimitBytes: try r.int("max_memory") ?? SystemMemory.defaultLimitBytes)
        request.modelSpecification = specification
        let record = try library { () throws(InfluenceError) in try request.run(on: h.input) }
        resultOut.pointee = try ResultHandle.register(record)
    }
}
