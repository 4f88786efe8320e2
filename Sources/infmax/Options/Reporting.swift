import ArgumentParser
import FoundationEssentials
import InfluenceKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one line to standard error, control characters escaped (a token echoed from a file or
/// the command line may hold a NUL, a newline or an escape sequence).
func printError(_ text: String) {
    StandardError.write(ControlCharacters.escaped(text) + "\n")
}

/// The command-line flag of each library parameter that errors name.
let flagOfParameter: [String: String] = [
    "k": "--k", "epsilon": "--epsilon", "delta": "--delta", "ell": "--ell", "precision": "--precision",
    "memoryLimit": "--max-memory", "runs": "--runs", "maxSteps": "--max-steps", "seeds": "--seeds",
    "threads": "--threads", "evaluationSets": "--evaluation-sets", "timeBudgetSeconds": "--time-budget", "probabilities": "--probabilities",
    "normalizeLT": "--normalize-lt", "untilRelativeError": "--until-relative-error", "maxRuns": "--max-runs",
    "algorithms": "--algorithms", "algorithm": "--algorithm", "format": "--format",
    "nodeCount": "--nodes", "nodeFile": "--node-file",
    "apSet": "--ap-set", "activeParticipants": "--aps", "monteCarloBudget": "--greedy-budget",
    "greedyBudget": "--greedy-budget", "evaluationRuns": "--runs", "estimationRuns": "--estimation-runs",
    "greedyRuns": "--greedy-runs", "model": "--model", "celfRuns": "--celf-runs", "celfBudget": "--celf-budget",
    "embeddingDimensions": "--embedding-dim", "embeddingRRSets": "--embedding-rr-sets",
    "embeddingTrainingNodes": "--embedding-training-nodes", "embeddingPenalty": "--embedding-penalty",
    "setsPerNode": "--sets-per-node", "capacity": "--capacity", "tradeOff": "--trade-off", "topC": "--top-c",
    "worlds": "--runs", "frontier": "--frontier", "dimensions": "--dim", "epochs": "--epochs", "patience": "--patience",
    "learningRate": "--lr", "temperature": "--tau", "restarts": "--restarts",
]

/// What to tell a user about a data or resource error that a flag can address.
let hintOfParameter: [String: String] = [
    "memoryLimit": "see --max-memory, --epsilon and --k",
    "normalizeLT": "--normalize-lt rescales them",
    "probabilities": "--probabilities file reads the third column as probabilities",
    "monteCarloBudget": "raise --greedy-budget, lower --greedy-runs, pass --force, or use --algorithm rr-opim+",
    "greedyBudget": "raise --greedy-budget, lower --greedy-runs, pass --force, or use --algorithm psna",
    "celfBudget": "pass --force to run it anyway, raise --celf-budget, lower --celf-runs, or leave celf out of --algorithms",
]

/// An error as the CLI prints it, on one line. A usage error about a parameter names the flag
/// at fault first (`error: --k: k must be at least 1 (got 0)`); a data or resource error that a
/// flag can address ends with what to do (`...; raise --max-memory, ...`).
func errorLine(_ error: InfluenceError) -> String {
    guard let parameter = error.parameter?.rawValue, let flag = flagOfParameter[parameter] else {
        return "error: \(error.description)"
    }
    if error.kind == .usage { return "error: \(flag): \(error.description)" }
    return "error: \(error.description); \(hint(for: error, parameter: parameter, flag: flag))"
}

/// What to do about a data or resource error on `parameter`. A memory refusal outside the RIS
/// algorithms (simulation threads, a graph too large to load) has only --max-memory to turn.
private func hint(for error: InfluenceError, parameter: String, flag: String) -> String {
    if parameter == "memoryLimit", !error.message.contains("epsilon") { return "see --max-memory" }
    return hintOfParameter[parameter] ?? "see \(flag)"
}

/// Runs a command body, turning library errors into one stderr line and the documented exit codes
/// (2 for usage, 1 for data and everything else).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as InfluenceError {
        printError(errorLine(error))
        throw ExitCode(error.kind == .usage ? 2 : 1)
    }
}

/// JSON for the CLI: the library's record spelling (sorted keys, pretty-printed), so the C
/// interface prints the same bytes.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    try ReportJSON.text(value)
}

/// Formats a number with a fixed count of decimals.
func fixed(_ value: Double, _ decimals: Int) -> String {
    formatted("%.\(decimals)f", value)
}

/// `value` printed by the C format `spec` (one floating-point conversion, such as `%.3g`), as
/// `String(format:)` would, without linking the whole of Foundation (its CoreFoundation and ICU
/// start-up cost several MB of resident memory in every run).
func formatted(_ spec: String, _ value: Double) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    let written = withVaList([value]) { args in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, spec, args) }
    }
    if written >= buffer.count {
        buffer = [CChar](repeating: 0, count: Int(written) + 1)
        _ = withVaList([value]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, spec, args) }
        }
    }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

extension StringProtocol {
    /// The text without leading and trailing tabs and space separators (Unicode category Zs), the
    /// set Foundation's `CharacterSet.whitespaces` names.
    func trimmingSpaces() -> String {
        func isSpace(_ c: Character) -> Bool {
            c == "\t" || c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .spaceSeparator }
        }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// The text cut or padded with spaces to `width` characters (table columns).
    func padded(to width: Int) -> String {
        count >= width ? String(prefix(width)) : String(self) + String(repeating: " ", count: width - count)
    }
}

/// Old flag spellings, kept for one release: each prints a note naming its replacement.
enum Deprecation {
    /// `note: OLD is deprecated …; use NEW`, unless quiet.
    static func note(_ old: String, use new: String, quiet: Bool) {
        if !quiet { printError("note: \(old) is deprecated and will be removed in the next release; use \(new)") }
    }

    /// Whether `--output PATH` has its old meaning in a command whose --output now writes the
    /// JSON record: a path that is neither `-` nor a `.json` file.
    static func isLegacyOutput(_ path: String?) -> Bool {
        guard let path else { return false }
        return path != "-" && !path.lowercased().hasSuffix(".json")
    }
}
