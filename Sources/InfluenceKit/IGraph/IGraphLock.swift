import CIgraph
import CSupport
import Synchronization

/// The single lock that guards every igraph call. The Debian build of igraph is not thread-safe
/// (`IGRAPH_THREAD_SAFE 0`): its error handler, RNG and attribute table are process-wide.
enum IGraphLock {
    private static let mutex = Mutex<Void>(())

    /// Runs `body` holding the igraph lock, with InfluenceKit's error handler installed and the
    /// last error cleared.
    static func run<T>(_ body: () throws(IGraphError) -> T) throws(IGraphError) -> T {
        try mutex.withLock { (_: inout Void) throws(IGraphError) -> T in
            ik_igraph_setup()
            ik_igraph_clear_error()
            return try body()
        }
    }

    /// Converts an igraph status to a thrown `IGraphError` (call inside `run`).
    static func check(_ status: igraph_error_t, _ function: String) throws(IGraphError) {
        guard status != IGRAPH_SUCCESS else { return }
        var text = String(cString: ik_igraph_last_error())
        if text.isEmpty { text = String(cString: igraph_strerror(status)) }
        ik_igraph_clear_error()
        throw IGraphError(message: text, function: function)
    }
}
