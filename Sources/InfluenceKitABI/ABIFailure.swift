import CInfluenceKit
import InfluenceKit

/// A failure of a C entry point: the status it returns and what it writes into the caller's
/// `ik_error`. Library errors keep their file, line and parameter; checks of the C arguments
/// themselves (null pointers, sizes, UTF-8, JSON) are argument errors naming the argument.
struct ABIFailure: Error {
    var status: ik_status
    var error: InfluenceError

    init(_ status: ik_status, parameter: String? = nil, _ message: String) {
        self.status = status
        error = InfluenceError(status == IK_ERROR_DATA ? .data : .usage, parameter: parameter.map(ParameterKey.init(rawValue:)), message)
    }

    init(_ error: InfluenceError) {
        self.error = error
        switch error.kind {
        case .usage: status = IK_ERROR_ARGUMENT
        case .data: status = IK_ERROR_DATA
        case .io: status = IK_ERROR_IO
        case .resource: status = IK_ERROR_RESOURCE
        }
    }

    /// A bad argument of the C call.
    static func argument(_ name: String, _ message: String) -> ABIFailure {
        ABIFailure(IK_ERROR_ARGUMENT, parameter: name, "\(name): \(message)")
    }

    /// A pointer that is not a live handle of the expected kind.
    static func handle(_ name: String, _ message: String) -> ABIFailure {
        ABIFailure(IK_ERROR_HANDLE, parameter: name, "\(name): \(message)")
    }
}

/// Runs the body of a C entry point: returns `IK_OK`, or the failure's status after filling
/// `errorOut` (when not null). Every entry point goes through here, so none returns without a status.
func entryPoint(_ errorOut: UnsafeMutablePointer<ik_error>?, _ body: () throws(ABIFailure) -> Void) -> ik_status {
    do {
        try body()
        if let errorOut { ErrorRecord.clear(errorOut) }
        return IK_OK
    } catch {
        if let errorOut { ErrorRecord.fill(errorOut, with: error) }
        return error.status
    }
}

/// Runs library work, turning its `InfluenceError` into an `ABIFailure`.
@inline(__always)
func library<T>(_ body: () throws(InfluenceError) -> T) throws(ABIFailure) -> T {
    do { return try body() } catch { throw ABIFailure(error) }
}
