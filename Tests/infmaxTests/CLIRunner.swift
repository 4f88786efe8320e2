import Foundation
import RecordSchemaCheck
import Synchronization
import Testing

/// Runs the built `infmax` binary as a user would, capturing its output and exit status.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Standard output split into lines.
    var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// Standard output parsed as a JSON object.
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "stdout is not a JSON object: \(stdout)")
    }
}

enum CLI {
    /// The `infmax` binary beside the test bundle.
    static var binary: String {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("infmax").path
    }

    /// Repository root (for Graphs/ and Tests/Fixtures/).
    static var root: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Runs `executable` (default: `infmax`) with `arguments` in `directory` (default: the
    /// repository root).
    static func run(_ arguments: [String], executable: String = binary, in directory: String = root) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = CLIResult(status: process.terminationStatus,
                               stdout: String(decoding: outData, as: UTF8.self),
                               stderr: String(decoding: errData, as: UTF8.self))
        checkRecords(in: result.stdout, arguments: arguments)
        return result
    }

    /// Every record a command prints (a JSON object or array with a `useCase` key) is checked
    /// against its JSON Schema in Sources/InfluenceKit/Schemas.
    static func checkRecords(in stdout: String, arguments: [String]) {
        let trimmed = stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.first == "{" || trimmed.first == "[",
              let value = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) else { return }
        let records: [Any] = (value as? [Any]) ?? [value]
        for record in records {
            guard let object = record as? [String: Any], object["useCase"] != nil else { continue }
            let problems = RecordSchemaCheck.problems(ofRecordValue: object)
            #expect(problems.isEmpty, "\(arguments): the record does not match its schema: \(problems.prefix(5))")
        }
    }

    /// Runs a command that must fail: the documented exit status, exactly one `error: …` line on
    /// standard error (returned), nothing on standard output, no crash.
    @discardableResult
    static func failure(_ arguments: [String], status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)", sourceLocation: sourceLocation)
        #expect(!result.stderr.contains("Fatal error"), sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(arguments): expected one stderr line, got \(lines)", sourceLocation: sourceLocation)
        #expect(lines.last?.hasPrefix("error: ") == true, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        return lines.last ?? ""
    }

    /// Runs a command the argument parser refuses: exit 2, one line on standard error,
    /// `error: … (see 'infmax SUBCOMMAND --help')`, nothing on standard output. Returns the line
    /// without the help pointer.
    @discardableResult
    static func parserRefusal(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)", sourceLocation: sourceLocation)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(arguments): expected one stderr line, got \(lines)", sourceLocation: sourceLocation)
        let line = lines.first ?? ""
        #expect(line.hasPrefix("error: "), "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        let pointer = line.range(of: " (see 'infmax ", options: .backwards)
        #expect(pointer != nil && line.hasSuffix(" --help')"), "\(arguments): \(line)", sourceLocation: sourceLocation)
        return pointer.map { String(line[..<$0.lowerBound]) } ?? line
    }
}

/// Numbers the temporary files of the whole test process.
private let temporaryFileCounter = Atomic<Int>(0)

/// Temporary files of one test, named `infmax-cli-PID-TEST-N-NAME` (N counts over the process) so
/// that no two tests, no two cases of a parameterized test, and no two runs of the suite share one.
/// Call `removeAll()` in a `defer`.
final class TemporaryFiles {
    private let prefix: String
    private var paths: [String] = []

    init(_ test: String = #function) {
        let name = test.prefix { $0 != "(" }.filter { $0.isLetter || $0.isNumber }
        prefix = NSTemporaryDirectory() + "infmax-cli-\(getpid())-\(name)"
    }

    /// A fresh path ending in `name` (nothing is created).
    func path(_ name: String) -> String {
        let number = temporaryFileCounter.wrappingAdd(1, ordering: .relaxed).newValue
        let path = "\(prefix)-\(number)-\(name)"
        paths.append(path)
        return path
    }

    /// Writes `text` to a fresh path ending in `name`.
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to a fresh path ending in `name`.
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let path = path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Files in the temporary directory left by this test's paths (e.g. atomic-write leftovers:
    /// `NAME…`, or the temporaries `.NAME.infmax-tmp-PID-RANDOM`).
    func leftovers(of path: String) throws -> [String] {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())
            .filter { ($0.hasPrefix(name) && $0 != name) || $0.hasPrefix(".\(name).infmax-tmp-") }
    }

    /// Removes every path handed out (and anything starting with one of them).
    func removeAll() {
        let directory = NSTemporaryDirectory()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            for other in names where other.hasPrefix(name) || other.hasPrefix(".\(name)") { unlink(directory + other) }
        }
        paths.removeAll()
    }
}
