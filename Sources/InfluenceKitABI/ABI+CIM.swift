import CInfluenceKit
import InfluenceKit

/// The request keys of `ik_cim`.
private let cimKeys = ["k", "ap_file", "ap_set", "algorithm", "model", "epsilon", "delta", "precision", "compat", "sampling",
                       "evaluation_sets", "baselines", "unconstrained_reference", "mc_evaluation", "mc_runs", "mc_budget",
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
        var aps: [Int]
        if labelOffsets == nil, apCount == 0 {
            guard let apFile else {
                throw .argument("aps", "no active participants (expected AP labels, or an 'ap_file' in the request)")
            }
            aps = try library { () throws(InfluenceError) in try ActiveParticipantSets.read(apFile).nodes(ofSet: apSet ?? 1, in: h.graph) }
        } else {
            guard apFile == nil, apSet == nil else {
                throw .argument("ap_file", "AP labels and an AP file were both given (expected one of them)")
            }
            let labels = try CArrays.labels(bytes: labelBytes, byteCount: labelBytesLength, offsets: labelOffsets, count: apCount,
                                            name: "aps")
            aps = try h.nodes(labelled: labels, argument: "aps")
        }
        let precision = try r.double("precision") ?? CapacityConstrainedIM.Configuration.defaultPrecision
        guard precision >= 0, precision < 1 else {
            throw .argument("precision", "precision \(precision) (expected 0 for the paper's stopping rule, or a relative standard error in (0, 1))")
        }
        let algorithmName = try r.choice("algorithm", CapacityAlgorithm.allCases.map(\.rawValue)) ?? CapacityAlgorithm.rrOPIMPlus.rawValue
        let algorithm = CapacityAlgorithm(rawValue: algorithmName) ?? .rrOPIMPlus
        let baselines = try r.bool("baselines") ?? false
        // null: no budget (the CLI's --force); absent: the CLI's default of 300 s.
        let budget: Double? = r.isNull("mc_budget") ? nil : try r.double("mc_budget") ?? 300
        let configuration = CapacityConstrainedIM.Configuration(
            k: k, algorithm: algorithm, epsilon: try r.double("epsilon") ?? 0.1, delta: try r.double("delta"),
            precision: precision > 0 ? precision : nil, compat: try r.bool("compat") ?? false, seed: seed,
            threads: try r.int("threads") ?? Parallel.processorCount, sampling: try RunOptions.sampling(r),
            memoryLimitBytes: try r.int("max_memory") ?? SystemMemory.defaultLimitBytes,
            evaluationSets: try r.int("evaluation_sets"), monteCarloRuns: try r.int("mc_runs") ?? 10_000,
            monteCarloBudgetSeconds: budget, baselines: baselines ? CapacityBaseline.allCases : [],
            unconstrainedReference: try r.bool("unconstrained_reference") ?? false,
            monteCarloEvaluationRuns: try r.int("mc_evaluation"))
        try CIMChecks.validate(configuration)
        let report = try library { () throws(InfluenceError) in
            let model = try specification.bind(to: h.graph)
            let pageRank = baselines ? try PageRankHeuristic(loaded: h.loaded).scores() : nil
            var run = try CapacityConstrainedIM(model: model, activeParticipants: aps, configuration: configuration)
            let provenance = CapacityConstrainedIM.Provenance(
                graph: h.name, apFile: apFile ?? "aps", apSet: apSet ?? 1, probabilities: h.probabilities,
                normalizeLT: h.normalizeLT, loadSeconds: h.loaded.seconds)
            return try run.run(provenance: provenance, pageRank: pageRank)
        }
        resultOut.pointee = try ResultHandle.register(report)
    }
}

/// The checks `infmax cim` makes before a run, for the values the library takes on trust.
enum CIMChecks {
    static func validate(_ c: CapacityConstrainedIM.Configuration) throws(ABIFailure) {
        if c.k < 1 { throw .argument("k", "k = \(c.k) (expected at least 1: each AP picks up to k friends)") }
        if !(c.epsilon > 0 && c.epsilon < 0.5) {
            throw .argument("epsilon", "ε = \(c.epsilon) (expected strictly between 0 and 0.5: the target ratio is ½ − ε)")
        }
        if let d = c.delta, !(d > 0 && d < 1) { throw .argument("delta", "δ = \(d) (expected strictly between 0 and 1)") }
        if c.monteCarloRuns < 1 { throw .argument("mc_runs", "mc_runs = \(c.monteCarloRuns) (expected at least 1)") }
        if let runs = c.monteCarloEvaluationRuns, runs < 1 { throw .argument("mc_evaluation", "mc_evaluation = \(runs) (expected at least 1)") }
        if let budget = c.monteCarloBudgetSeconds, !(budget > 0) {
            throw .argument("mc_budget", "mc_budget = \(budget) (expected a positive number of seconds, or null for no budget)")
        }
        if let sets = c.evaluationSets, sets < 1 { throw .argument("evaluation_sets", "evaluation_sets = \(sets) (expected at least 1)") }
    }
}
