/// A failure reported by igraph, with the innermost message its error handler recorded.
public struct IGraphError: Error, Sendable, CustomStringConvertible {
    /// igraph's message (for readers, it usually names the line).
    public let message: String
    /// The igraph function that failed.
    public let function: String

    public var description: String { "\(function): \(message)" }
}
