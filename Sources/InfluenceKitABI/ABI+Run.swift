import CInfluenceKit
import FoundationEssentials
import InfluenceKit

/// `ik_run`: any use case's request, decoded by the library's own `Codable` request types (the
/// same documents `infmax run` reads), run on a graph handle.
@_cdecl("ik_run")
public func ik_run(_ graph: OpaquePointer?, _ requestJSON: UnsafePointer<CChar>?,
                   _ resultOut: UnsafeMutablePointer<OpaquePointer?>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let resultOut else { throw .argument("result", "null output pointer (expected the address of an ik_result *)") }
        resultOut.pointee = nil
        let h = try HandleRegistry.shared.object(graph, as: GraphHandle.self, name: "graph")
        guard let requestJSON else {
            throw .argument("request", "null request (expected {\"useCase\": \"seeds\", \"request\": {\"k\": 10}})")
        }
        let bytes = Array(String(cString: requestJSON).utf8)
        let record = try library { () throws(InfluenceError) -> any UseCaseRecord in
            var document = try RunDocument.decode(bytes, file: "request")
            document.request = try h.inheritingScheme(document.request, json: bytes)
            return try document.request.run(on: h.input)
        }
        resultOut.pointee = try ResultHandle.register(record)
    }
}

extension GraphHandle {
    /// `request` with the handle's probability scheme and LT rescaling where the request's JSON
    /// does not set them (a graph loaded for the `file` scheme runs with it by default).
    /// Complexity: O(size of the JSON).
    func inheritingScheme(_ request: RunDocument.Request, json: [UInt8]) throws(InfluenceError) -> RunDocument.Request {
        let given = (try? JSONDecoder().decode(RequestKeys.self, from: Data(json)))?.keys ?? []
        func apply(_ model: inout ModelSpecification, seed: UInt64) throws(InfluenceError) {
            if !given.contains("probabilities") { model.probabilities = try ProbabilityScheme.parse(probabilities, seed: seed) }
            if !given.contains("normalizeLT") { model.normalizeLT = normalizeLT }
        }
        switch request {
        case .seeds(var r):
            try apply(&r.modelSpecification, seed: r.seed)
            return .seeds(r)
        case .simulate(var r):
            try apply(&r.modelSpecification, seed: r.seed)
            return .simulate(r)
        case .recommend, .registered:
            return request
        }
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
