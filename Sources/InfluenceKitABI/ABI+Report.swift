import CInfluenceKit
import InfluenceKit

/// `ik_report_html`: a record's self-contained HTML page (what `infmax report` writes), as the
/// text of a result handle.
@_cdecl("ik_report_html")
public func ik_report_html(_ recordJSON: UnsafePointer<CChar>?, _ resultOut: UnsafeMutablePointer<OpaquePointer?>?,
                           _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let resultOut else { throw .argument("result", "null output pointer (expected the address of an ik_result *)") }
        resultOut.pointee = nil
        let bytes = try documentBytes(recordJSON, example: "the JSON of a record, as ik_result_json gives it")
        let html = try library { () throws(InfluenceError) in try HTMLReport.render(recordJSON: bytes, file: nil) }
        resultOut.pointee = HandleRegistry.shared.register(ResultHandle(json: html))
    }
}
