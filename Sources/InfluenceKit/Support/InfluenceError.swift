/// Errors raised by the library. Each carries enough context to print one line a user can act on:
/// `FILE:LINE: what is wrong (what was expected)`.
public struct InfluenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; the CLI maps `.usage` to exit status 2 and the rest to 1.
    public enum Kind: Sendable, Equatable {
        /// A bad argument or option value.
        case usage
        /// Bad input data: a file that does not parse or violates a model constraint.
        case data
        /// The file system refused (missing file, directory, permission).
        case io
        /// A requested run would exceed a resource limit.
        case resource
    }

    public let kind: Kind
    /// The file the problem is in, when there is one.
    public let file: String?
    /// The 1-based line in `file`, when known.
    public let line: Int?
    /// What is wrong, with what was expected in parentheses.
    public let message: String

    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        switch (file, line) {
        case let (file?, line?): return "\(file):\(line): \(message)"
        case let (file?, nil): return "\(file): \(message)"
        default: return message
        }
    }
}
