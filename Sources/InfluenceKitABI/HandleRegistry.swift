import Synchronization

/// The live handles of the C interface. A handle is an opaque token, not an address: tokens are
/// drawn from a counter and never reused, and the object behind one is found only through this
/// table. So a freed handle, a handle of the other kind, or any other pointer value is refused with
/// `IK_ERROR_HANDLE` instead of being dereferenced — a double free or a stale handle cannot crash
/// the caller's process.
final class HandleRegistry: Sendable {
    /// The one table of the process.
    static let shared = HandleRegistry()

    private struct State {
        var next: UInt = 0x1000
        var objects: [UInt: any AnyObject & Sendable] = [:]
    }

    private let state = Mutex(State())

    /// Registers `object` and returns its new token (never 0, never a previous token).
    /// Complexity: O(1) amortised.
    func register(_ object: any AnyObject & Sendable) -> OpaquePointer {
        let token = state.withLock { s -> UInt in
            // Tokens step by 16 so that they look like aligned pointers to tools, never repeat,
            // and stay far from 0.
            s.next &+= 16
            if s.next == 0 { s.next = 0x1000 }
            s.objects[s.next] = object
            return s.next
        }
        return OpaquePointer(bitPattern: token)!
    }

    /// The live object of type `T` behind `pointer`; `name` is the argument in error messages.
    /// Complexity: O(1).
    func object<T: AnyObject & Sendable>(_ pointer: OpaquePointer?, as type: T.Type, name: String) throws(ABIFailure) -> T {
        try lookup(pointer, as: type, name: name, removing: false)
    }

    /// Removes the object of type `T` behind `pointer` from the table, in the same critical
    /// section as the lookup (so of two racing frees, exactly one succeeds). The object is
    /// released when the last running call that holds it returns. Complexity: O(1).
    func remove<T: AnyObject & Sendable>(_ pointer: OpaquePointer?, as type: T.Type, name: String) throws(ABIFailure) {
        _ = try lookup(pointer, as: type, name: name, removing: true)
    }

    private enum Lookup: Sendable { case found(any AnyObject & Sendable), missing, otherKind }

    private func lookup<T: AnyObject & Sendable>(_ pointer: OpaquePointer?, as type: T.Type, name: String,
                                      removing: Bool) throws(ABIFailure) -> T {
        guard let pointer else { throw .handle(name, "null handle (expected a \(Self.kindName(T.self)) from this library)") }
        let key = UInt(bitPattern: pointer)
        let outcome = state.withLock { s -> Lookup in
            guard let found = s.objects[key] else { return .missing }
            guard found is T else { return .otherKind }
            if removing { s.objects.removeValue(forKey: key) }
            return .found(found)
        }
        switch outcome {
        case .found(let object): return object as! T
        case .missing: throw .handle(name, "not a live handle (freed already, or never returned by this library)")
        case .otherKind: throw .handle(name, "a handle of another kind (expected a \(Self.kindName(T.self)))")
        }
    }

    /// Live handles (for tests of leaks). Complexity: O(1).
    var count: Int { state.withLock { $0.objects.count } }

    private static func kindName(_ type: AnyObject.Type) -> String {
        if type == GraphHandle.self { return "graph (ik_graph)" }
        if type == InviteHandle.self { return "invitation graph (ik_invite_graph)" }
        if type == CancellationHandle.self { return "cancellation flag (ik_cancellation)" }
        return "result (ik_result)"
    }
}
