/// Errors raised by the library. Each carries enough context to print one line a user can act on:
/// `FILE:LINE: what is wrong (what was expected)`.
///
/// The library never names a command-line flag: an error about a parameter carries the
/// parameter's name (`k`, `epsilon`, `memoryLimit`, ...) in `parameter`, and a front end maps it
/// to its own spelling (the CLI to `--k`, `--epsilon`, `--max-memory`).
public struct InfluenceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; the CLI maps `.usage` to exit status 2 and the rest to 1.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// A bad argument or option value.
        case usage
        /// Bad input data: a file that does not parse or violates a model constraint.
        case data
        /// The file system refused (missing file, directory, permission).
        case io
        /// A requested run would exceed a resource limit.
        case resource
    }

    /// What kind of failure this is.
    public let kind: Kind
    /// The file the problem is in, when there is one.
    public let file: String?
    /// The 1-based line in `file`, when known.
    public let line: Int?
    /// The library parameter the problem is about (`k`, `epsilon`, `delta`, `ell`, `precision`,
    /// `memoryLimit`, `runs`, `maxSteps`, `seeds`, `threads`, `evaluationSets`, `probabilities`,
    /// `normalizeLT`, ...), when there is one.
    public let parameter: ParameterKey?
    /// What is wrong, with what was expected in parentheses.
    public let message: String

    /// An error of `kind` with `message` (what is wrong, with what was expected in parentheses),
    /// and the file, line and parameter when there are. Complexity: O(1).
    public init(_ kind: Kind, file: String? = nil, line: Int? = nil, parameter: ParameterKey? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.parameter = parameter
        self.message = message
    }

    /// `FILE:LINE: message` on one line: control characters in the file name or the message (an
    /// echoed token may hold a NUL or an escape sequence) are written as visible escapes.
    public var description: String {
        let text: String
        switch (file, line) {
        case let (file?, line?): text = "\(file):\(line): \(message)"
        case let (file?, nil): text = "\(file): \(message)"
        default: text = message
        }
        return ControlCharacters.escaped(text)
    }
}
