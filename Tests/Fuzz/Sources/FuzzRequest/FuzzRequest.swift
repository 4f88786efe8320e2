import FoundationEssentials
import FuzzSupport
import GraphInfomax
import InfluenceKit

/// libFuzzer entry point for request decoding as the C interface does it (`ik_run`,
/// `ik_run_document`): `RunDocument.decode` with the embedding use cases registered. A request
/// that decodes and encodes must decode again to an equal request (any request → JSON → same
/// request). A thrown `InfluenceError` is an expected result.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let document = try? RunDocument.decode(bytes, file: "fuzz", registry: .withEmbeddings) else { return 0 }
    // A value JSON cannot spell (a NaN in a Double field) may fail to encode: not a finding.
    guard let json = try? JSONEncoder().encode(document.request.anyRequest) else { return 0 }
    let text = "{\"useCase\": \"\(document.request.useCase.rawValue)\", \"request\": " + String(decoding: json, as: UTF8.self) + "}"
    do {
        let again = try RunDocument.decode(Array(text.utf8), file: "again", registry: .withEmbeddings)
        precondition(again.request == document.request, "request does not round-trip: \(text.prefix(300))")
    } catch {
        preconditionFailure("an encoded request does not decode: \(error); \(text.prefix(300))")
    }
    return 0
}
