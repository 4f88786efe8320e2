import CInfluenceKit
import FoundationEssentials
import GraphInfomax
import InfluenceKit

/// `ik_run`: any use case's request, decoded by the library's own `Codable` request types (the
/// same documents `infmax run` reads), run on a graph handle.
@_cdecl("ik_run")
public func ik_run(_ graph: OpaquePointer?, _ requestJSON: UnsafePointer<CChar>?,
                   _ resultOut: UnsafeMutablePointer<OpaquePointer?>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    ik_run_cancellable(graph, requestJSON, nil, resultOut, error)
}

/// `ik_run_cancellable`: `ik_run` that stops, with `IK_ERROR_RESOURCE` and parameter
/// `cancelled`, soon after `ik_cancel` sets the given flag (nil: not cancellable).
@_cdecl("ik_run_cancellable")
public func ik_run_cancellable(_ graph: OpaquePointer?, _ requestJSON: UnsafePointer<CChar>?, _ cancellation: OpaquePointer?,
                               _ resultOut: UnsafeMutablePointer<OpaquePointer?>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let resultOut else { throw .argument("result", "null output pointer (expected the address of an ik_result *)") }
        resultOut.pointee = nil
        let h = try HandleRegistry.shared.object(graph, as: GraphHandle.self, name: "graph")
        let context = try runContext(cancellation)
        let bytes = try documentBytes(requestJSON, example: "{\"useCase\": \"seeds\", \"request\": {\"k\": 10}}")
        let document = try library { () throws(InfluenceError) -> RunDocument in
            var document = try RunDocument.decode(bytes, file: "request", registry: .withEmbeddings)
            document.request = try h.inheritingScheme(document.request, json: bytes)
            return document
        }
        if let embed = document.request.anyRequest as? EmbedRequest {
            // The embeddings stay with the result (ik_result_matrix), beside the record.
            let run = try library { () throws(InfluenceError) -> EmbeddingRun in
                try context.cancellable { () throws(InfluenceError) in try embed.runKeepingEmbeddings(on: h.input, context: context) }
            }
            let vectors = run.embeddings.vectors
            resultOut.pointee = try ResultHandle.register(run.record, matrix: vectors.values, rows: vectors.rows, columns: vectors.columns)
            return
        }
        let record = try library { () throws(InfluenceError) -> any UseCaseRecord in
            try document.request.run(on: h.input, context: context)
        }
        resultOut.pointee = try ResultHandle.register(record)
    }
}

/// The run context of a call given `cancellation` (an `ik_cancellation` handle, or nil).
/// - Throws: a handle failure for a value that is not a live cancellation flag.
/// - Complexity: O(1).
func runContext(_ cancellation: OpaquePointer?) throws(ABIFailure) -> RunContext {
    guard let cancellation else { return RunContext() }
    let flag = try HandleRegistry.shared.object(cancellation, as: CancellationHandle.self, name: "cancellation").flag
    return RunContext(cancellation: flag)
}

/// `ik_run_document`: a whole document — request or record — run on the input it names, loaded
/// by the library (what `infmax run FILE` does): any use case, a probe's embeddings included.
@_cdecl("ik_run_document")
public func ik_run_document(_ documentJSON: UnsafePointer<CChar>?, _ resultOut: UnsafeMutablePointer<OpaquePointer?>?,
                            _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let resultOut else { throw .argument("result", "null output pointer (expected the address of an ik_result *)") }
        resultOut.pointee = nil
        let bytes = try documentBytes(documentJSON, example: "{\"useCase\": \"seeds\", \"graph\": {\"path\": \"g.txt\"}, \"request\": {\"k\": 10}}")
        let record = try library { () throws(InfluenceError) -> any UseCaseRecord in
            try RunDocument.decode(bytes, file: "document", registry: .withEmbeddings).run().record
        }
        resultOut.pointee = try ResultHandle.register(record)
    }
}

/// The UTF-8 bytes of a request or document argument.
///
/// - Throws: an argument failure for a null pointer, showing `example`.
/// - Complexity: O(length).
func documentBytes(_ text: UnsafePointer<CChar>?, example: String) throws(ABIFailure) -> [UInt8] {
    guard let text else { throw .argument("request", "null request (expected \(example))") }
    return Array(String(cString: text).utf8)
}

extension GraphHandle {
    /// `request` with the handle's probability scheme and LT rescaling where the request's JSON
    /// does not set them (a graph loaded for the `file` scheme runs with it by default).
    /// Complexity: O(size of the JSON).
    func inheritingScheme(_ request: RunDocument.Request, json: [UInt8]) throws(InfluenceError) -> RunDocument.Request {
        let given = (try? JSONDecoder().decode(RequestKeys.self, from: Data(json)))?.keys ?? []
        var request = request
        guard var model = request.modelSpecification else { return request }
        if !given.contains("probabilities") { model.probabilities = try ProbabilityScheme.parse(probabilities, seed: request.seed) }
        if !given.contains("normalizeLT") { model.normalizeLT = normalizeLT }
        request.modelSpecification = model
        return request
    }
}

/// The keys of a document's `request` object.
private struct RequestKeys: Decodable {
    var keys: Set<String>
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
    init(from decoder: any Decoder) throws {
        let outer = try decoder.container(keyedBy: Key.self)
        guard let key = Key(stringValue: "request"), outer.contains(key) else { keys = []; return }
        keys = Set(try outer.nestedContainer(keyedBy: Key.self, forKey: key).allKeys.map(\.stringValue))
    }
}
