import InfluenceKit

/// Where one output of a command goes: standard output for `-`, else a file prepared before the
/// run (`OutputFile`: checked, its temporary created, renamed into place at the end).
enum OutputTarget {
    case standardOutput
    case file(OutputFile)

    var isStandardOutput: Bool {
        if case .standardOutput = self { return true }
        return false
    }

    /// Prepares the outputs of a command before any work, in order: `(flag, path)` pairs, nil
    /// paths skipped (their slot is nil). At most one may be `-`; none may be an input or the
    /// same file as another.
    static func prepare(_ outputs: [(flag: String, path: String?)], inputs: [String?]) throws(InfluenceError) -> [OutputTarget?] {
        let toStdout = outputs.filter { $0.path == "-" }.map(\.flag)
        if toStdout.count > 1 {
            throw InfluenceError(.usage, "\(toStdout.joined(separator: " and ")) both name standard output ('-'); send at most one there")
        }
        let paths = outputs.compactMap { $0.path }.filter { $0 != "-" }
        var files = try OutputFile.prepare(paths, distinctFrom: inputs.compactMap { $0 })[...]
        return outputs.map { output in
            guard let path = output.path else { return nil }
            if path == "-" { return .standardOutput }
            return .file(files.removeFirst())
        }
    }

    /// Writes the outputs: files staged together, then renamed (`OutputFile.write`); the one sent to
    /// standard output is printed as is.
    static func write(_ contents: [(target: OutputTarget?, bytes: [UInt8])]) throws(InfluenceError) {
        var files: [(file: OutputFile, bytes: [UInt8])] = []
        for (target, bytes) in contents {
            switch target {
            case .standardOutput?: print(String(decoding: bytes, as: UTF8.self), terminator: "")
            case .file(let file)?: files.append((file, bytes))
            case nil: break
            }
        }
        try OutputFile.write(files)
    }
}
