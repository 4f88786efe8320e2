/// The library parameter an `InfluenceError` is about: a request's field name (`k`, `epsilon`,
/// `memoryLimit`, ...). Front ends map it to their own spelling — the CLI to a flag, the Python
/// package to a keyword — instead of parsing messages.
///
/// Written as a string literal where an error is thrown (`parameter: "k"`); the common keys
/// are also static members (`.k`, `.epsilon`).
public struct ParameterKey: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The key as requests spell it.
    public let rawValue: String

    /// Complexity: O(1).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Complexity: O(1).
    public init(stringLiteral value: String) { rawValue = value }

    /// The key as requests spell it. Complexity: O(1).
    public var description: String { rawValue }

    /// Seeds to pick, or a capacity per user.
    public static let k: ParameterKey = "k"
    /// ε of a ratio or a stopping rule.
    public static let epsilon: ParameterKey = "epsilon"
    /// A failure probability.
    public static let delta: ParameterKey = "delta"
    /// The memory limit.
    public static let memoryLimit: ParameterKey = "memoryLimit"
    /// Monte Carlo runs.
    public static let runs: ParameterKey = "runs"
    /// Worker threads.
    public static let threads: ParameterKey = "threads"
    /// A seed set.
    public static let seeds: ParameterKey = "seeds"
    /// A probability scheme.
    public static let probabilities: ParameterKey = "probabilities"
    /// An algorithm's name.
    public static let algorithm: ParameterKey = "algorithm"
}

/// Whether an optional key spells `name` (so that tests and front ends can compare with a
/// string). Complexity: O(|name|).
public func == (key: ParameterKey?, name: String) -> Bool { key?.rawValue == name }
