import CInfluenceKit
import InfluenceKit

extension ResultHandle {
    /// Encodes `record` as the records' JSON and registers it as a new result.
    static func register<T: Encodable>(_ record: T) throws(ABIFailure) -> OpaquePointer {
        let text = try library { () throws(InfluenceError) in try ReportJSON.text(record) }
        return HandleRegistry.shared.register(ResultHandle(json: text))
    }
}

@_cdecl("ik_result_json")
public func ik_result_json(_ result: OpaquePointer?, _ json: UnsafeMutablePointer<UnsafePointer<CChar>?>?,
                           _ length: UnsafeMutablePointer<Int>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let json else { throw .argument("json", "null output pointer (expected the address of a const char *)") }
        json.pointee = nil
        let r = try HandleRegistry.shared.object(result, as: ResultHandle.self, name: "result")
        json.pointee = UnsafePointer(r.bytes.baseAddress)
        length?.pointee = r.length
    }
}

@_cdecl("ik_result_free")
public func ik_result_free(_ result: OpaquePointer?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        try HandleRegistry.shared.remove(result, as: ResultHandle.self, name: "result")
    }
}

@_cdecl("ik_api_version")
public func ik_api_version() -> Int32 { IK_API_VERSION }

@_cdecl("ik_library_version")
public func ik_library_version(_ buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int,
                               _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        let room = try CArrays.length(capacity, name: "capacity")
        let version = InfluenceKitVersion.library
        guard let buffer, room > version.utf8.count else {
            throw .argument("buffer", "room for \(buffer == nil ? 0 : room) bytes (expected at least \(version.utf8.count + 1))")
        }
        ErrorRecord.copy(version, into: UnsafeMutableRawBufferPointer(start: buffer, count: room))
    }
}
