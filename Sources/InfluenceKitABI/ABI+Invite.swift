import CInfluenceKit
import InfluenceKit

/// What an `ik_invite_graph` stands for: a loaded invitation graph with its inviters and
/// provenance, as `RecommendRequest` runs on it. Immutable, so calls may share it across threads.
final class InviteHandle: Sendable {
    let input: InviteInput
    init(input: InviteInput) { self.input = input }
}

/// The option keys of `ik_invite_graph_load`.
private let inviteLoadKeys = ["inviters"]

@_cdecl("ik_invite_graph_load")
public func ik_invite_graph_load(_ arcsPath: UnsafePointer<CChar>?, _ nodeValuesPath: UnsafePointer<CChar>?,
                                 _ optionsJSON: UnsafePointer<CChar>?, _ graphOut: UnsafeMutablePointer<OpaquePointer?>?,
                                 _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let graphOut else { throw .argument("graph", "null output pointer (expected the address of an ik_invite_graph *)") }
        graphOut.pointee = nil
        let arcs = try CArrays.string(arcsPath, name: "arcs_path")
        let nodeValues = nodeValuesPath == nil ? nil : try CArrays.string(nodeValuesPath, name: "node_values_path")
        let o = try RequestObject(optionsJSON, argument: "options", allowed: inviteLoadKeys)
        let inviters = try o.string("inviters")
        let input = try library { () throws(InfluenceError) in
            try InviteInput.load(arcs: arcs, nodeValues: nodeValues, inviters: inviters)
        }
        graphOut.pointee = HandleRegistry.shared.register(InviteHandle(input: input))
    }
}

@_cdecl("ik_invite_graph_free")
public func ik_invite_graph_free(_ graph: OpaquePointer?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        try HandleRegistry.shared.remove(graph, as: InviteHandle.self, name: "graph")
    }
}

@_cdecl("ik_invite_graph_counts")
public func ik_invite_graph_counts(_ graph: OpaquePointer?, _ nodes: UnsafeMutablePointer<Int64>?, _ arcs: UnsafeMutablePointer<Int64>?,
                                   _ inviters: UnsafeMutablePointer<Int64>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        let p = try HandleRegistry.shared.object(graph, as: InviteHandle.self, name: "graph").input.provenance
        nodes?.pointee = Int64(p.nodes)
        arcs?.pointee = Int64(p.arcs)
        inviters?.pointee = Int64(p.inviters ?? 0)
    }
}

@_cdecl("ik_invite_run")
public func ik_invite_run(_ graph: OpaquePointer?, _ requestJSON: UnsafePointer<CChar>?,
                          _ resultOut: UnsafeMutablePointer<OpaquePointer?>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    ik_invite_run_cancellable(graph, requestJSON, nil, resultOut, error)
}

/// `ik_invite_run_cancellable`: `ik_invite_run` that stops soon after `ik_cancel` sets the
/// given flag (nil: not cancellable).
@_cdecl("ik_invite_run_cancellable")
public func ik_invite_run_cancellable(_ graph: OpaquePointer?, _ requestJSON: UnsafePointer<CChar>?, _ cancellation: OpaquePointer?,
                                      _ resultOut: UnsafeMutablePointer<OpaquePointer?>?,
                                      _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let resultOut else { throw .argument("result", "null output pointer (expected the address of an ik_result *)") }
        resultOut.pointee = nil
        let h = try HandleRegistry.shared.object(graph, as: InviteHandle.self, name: "graph")
        let context = try runContext(cancellation)
        let bytes = try documentBytes(requestJSON, example: "{\"useCase\": \"recommend\", \"request\": {\"k\": 5}}")
        let record = try library { () throws(InfluenceError) -> any UseCaseRecord in
            let document = try RunDocument.decode(bytes, file: "request", registry: .withEmbeddings)
            return try document.request.run(on: h.input, context: context)
        }
        resultOut.pointee = try ResultHandle.register(record)
    }
}
