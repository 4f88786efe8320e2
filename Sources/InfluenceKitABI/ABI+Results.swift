import CInfluenceKit
import InfluenceKit

extension ResultHandle {
    /// Encodes `record` as the records' JSON and registers it as a new result.
    static func register<T: Encodable>(_ record: T, matrix: [Float] = [], rows: Int = 0, columns: Int = 0) throws(ABIFailure) -> OpaquePointer {
        let text = try library { () throws(InfluenceError) in try ReportJSON.text(record) }
        return HandleRegistry.shared.register(ResultHandle(json: text, matrix: matrix, rows: rows, columns: columns))
    }
}

@_cdecl("ik_result_matrix")
public func ik_result_matrix(_ result: OpaquePointer?, _ data: UnsafeMutablePointer<UnsafePointer<Float>?>?,
                             _ rows: UnsafeMutablePointer<Int64>?, _ columns: UnsafeMutablePointer<Int64>?,
                             _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let data else { throw .argument("data", "null output pointer (expected the address of a const float *)") }
        data.pointee = nil
        let r = try HandleRegistry.shared.object(result, as: ResultHandle.self, name: "result")
        data.pointee = r.rows * r.columns > 0 ? UnsafePointer(r.matrix.baseAddress) : nil
        rows?.pointee = Int64(r.rows)
        columns?.pointee = Int64(r.columns)
    }
}

@_cdecl("ik_cancellation_new")
public func ik_cancellation_new(_ out: UnsafeMutablePointer<OpaquePointer?>?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        guard let out else { throw .argument("cancellation", "null output pointer (expected the address of an ik_cancellation *)") }
        out.pointee = HandleRegistry.shared.register(CancellationHandle())
    }
}

@_cdecl("ik_cancel")
public func ik_cancel(_ cancellation: OpaquePointer?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        try HandleRegistry.shared.object(cancellation, as: CancellationHandle.self, name: "cancellation").flag.cancel()
    }
}

@_cdecl("ik_cancellation_free")
public func ik_cancellation_free(_ cancellation: OpaquePointer?, _ error: UnsafeMutablePointer<ik_error>?) -> ik_status {
    entryPoint(error) { () throws(ABIFailure) in
        try HandleRegistry.shared.remove(cancellation, as: CancellationHandle.self, name: "cancellation")
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
