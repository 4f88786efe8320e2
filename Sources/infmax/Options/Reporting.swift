import ArgumentParser
import CSupport
import Foundation
import InfluenceKit

/// Writes one line to standard error.
func printError(_ text: String) {
    fputs(text + "\n", ik_stderr())
}

/// Whether standard error is a terminal (progress is shown only there).
var stderrIsTerminal: Bool { ik_isatty_stderr() != 0 }

/// Runs a command body, turning library errors into one stderr line and the documented exit codes
/// (2 for usage, 1 for data and everything else).
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as InfluenceError {
        printError("error: \(error.description)")
        throw ExitCode(error.kind == .usage ? 2 : 1)
    }
}

/// JSON for the CLI: sorted keys, pretty-printed.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Formats a number with a fixed count of decimals.
func fixed(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}
