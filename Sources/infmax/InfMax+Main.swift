import ArgumentParser
import CSupport
import FoundationEssentials
import InfluenceKit
#if canImport(Glibc)
import Glibc
/// The C library's `exit` (the module name differs by platform).
private func terminate(_ status: Int32) -> Never { Glibc.exit(status) }
#elseif canImport(Darwin)
import Darwin
private func terminate(_ status: Int32) -> Never { Darwin.exit(status) }
#endif

extension InfMax {
    /// Runs the command line. Every refusal is one line on standard error, `error: …`, whether
    /// the argument parser or the library found it: usage mistakes (an unknown option, a value out
    /// of range) exit with status 2, bad data with 1. `--help` and `--version` print to standard
    /// output and exit 0. SIGINT, SIGTERM and SIGHUP remove prepared output temporaries first.
    ///
    /// Under `mpirun` (a build with the MPI trait) every rank runs this: the outcome is agreed at
    /// the end, the lowest rank that failed reports, and every rank exits with that status.
    static func main() {
        // Blocks of 128 KiB and more are mapped on their own and returned when freed. glibc would
        // otherwise raise this threshold after the first large block is freed, so the arrays of a
        // graph load and of each RR-set round, freed and reallocated, would stay in the heap and
        // in the resident memory after their use (6 MB of the peak on soc-Slashdot0902).
        ik_return_large_blocks(128 * 1024)
        // An interrupted run removes the temporaries of the outputs it prepared.
        OutputFile.removeTemporariesOnSignal()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            Ranks.communicator = try Cluster.launch()
        } catch {
            // Not yet a communicator: the launcher's rank 0 speaks for all.
            if (Cluster.launchedRanks?.rank ?? 0) == 0 { printError(errorLine(error)) }
            terminate(error.kind == .usage ? 2 : 1)
        }
        // A rank that finds, inside a collective, that a peer failed ends here (it has no error
        // of its own to report).
        Cluster.onPeerFailure = { failure in endAfterFailure(failure, outcome: nil, arguments: arguments) }
        var outcome: Error?
        do {
            var command = try parseAllowingNegativeValues(arguments)
            if Ranks.isDistributed, !(command is Seeds || command is Simulate) {
                throw ValidationError("only seeds and simulate run across MPI ranks; run \(type(of: command)._commandName) in one process")
            }
            try command.run()
        } catch {
            outcome = error
        }
        let communicator = Ranks.communicator
        if communicator.isDistributed {
            // The final agreement (unless the run already agreed on a failure on the way).
            if communicator.agreedFailure == nil {
                let failure = outcome.map { error -> InfluenceError in
                    if let error = error as? InfluenceError { return error }
                    let code = exitCode(for: error)
                    return InfluenceError(code == .validationFailure ? .usage : .data, message(for: error))
                }
                _ = try? communicator.agree(code(of: outcome) == .success ? nil : failure)
            }
            if let failure = communicator.agreedFailure {
                endAfterFailure(failure, outcome: outcome, arguments: arguments)
            }
            Cluster.finish(communicator)
            if communicator.rank != 0 { terminate(0) }
        } else {
            Cluster.finish(communicator)
        }
        guard let outcome else { return }
        if let exit = outcome as? ExitCode { Self.exit(withError: exit) }
        if Ranks.isDistributed, let error = outcome as? InfluenceError {
            if error.parameter != "peerFailure" { printError(errorLine(error)) }
            terminate(error.kind == .usage ? 2 : 1)
        }
        let code = exitCode(for: outcome)
        if code == .success { Self.exit(withError: outcome) }
        let usage = code == .validationFailure
        var text = message(for: outcome).split(whereSeparator: \.isNewline).joined(separator: "; ")
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        if usage { text += " (see '\(helpCommand(for: arguments))')" }
        printError("error: " + text)
        terminate(usage ? 2 : 1)
    }

    /// The end of a distributed run that failed, on every rank alike: the failing rank's line
    /// reaches rank 0, which prints it (once, whatever the rank count); every rank then waits for
    /// that print before any exits (so mpirun never ends rank 0 before its line is out), and
    /// each exits with the agreed status.
    static func endAfterFailure(_ failure: AgreedFailure, outcome: Error?, arguments: [String]) -> Never {
        let communicator = Ranks.communicator
        let mine = failure.rank == communicator.rank ? Array((outcome.flatMap { errorText(for: $0, arguments: arguments) } ?? "").utf8) : []
        let lines = communicator.allGather(mine)
        if communicator.rank == 0, failure.rank < lines.count, !lines[failure.rank].isEmpty {
            printError(String(decoding: lines[failure.rank], as: UTF8.self))
        }
        var printed = [0]
        communicator.minimum(&printed)
        Cluster.finish(communicator)
        terminate(failure.kind == .usage ? 2 : 1)
    }

    /// The one `error:` line an outcome prints, or nil for none (a peer's failure, a plain exit).
    static func errorText(for outcome: Error, arguments: [String]) -> String? {
        if outcome is ExitCode { return nil }
        if let error = outcome as? InfluenceError {
            return error.parameter == "peerFailure" ? nil : errorLine(error)
        }
        let code = exitCode(for: outcome)
        if code == .success { return nil }
        var text = message(for: outcome).split(whereSeparator: \.isNewline).joined(separator: "; ")
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        if code == .validationFailure { text += " (see '\(helpCommand(for: arguments))')" }
        return "error: " + text
    }

    /// The exit status an outcome maps to (success for none).
    private static func code(of outcome: Error?) -> ExitCode {
        guard let outcome else { return .success }
        if let exit = outcome as? ExitCode { return exit }
        if let error = outcome as? InfluenceError { return ExitCode(error.kind == .usage ? 2 : 1) }
        return exitCode(for: outcome)
    }

    /// Parses `arguments`, reading a negative number after an option as its value.
    ///
    /// The parser takes `-1` in `--k -1` for a short option and reports a missing value; the value
    /// is then what is wrong, so the pair is rejoined as `--k=-1` and parsed again, and the
    /// command's own check says why -1 is refused.
    static func parseAllowingNegativeValues(_ arguments: [String]) throws -> ParsableCommand {
        var arguments = arguments
        while true {
            do {
                return try parseAsRoot(arguments)
            } catch {
                guard let joined = joiningNegativeValue(named: message(for: error), in: arguments) else { throw error }
                arguments = joined
            }
        }
    }

    /// `arguments` with the option that `message` says lacks a value joined to the negative number
    /// after it, or nil when the message is not about that.
    static func joiningNegativeValue(named message: String, in arguments: [String]) -> [String]? {
        guard let match = message.firstMatch(of: /Missing value for '(--[A-Za-z0-9-]+)/) else { return nil }
        let option = String(match.1)
        guard let index = arguments.firstIndex(of: option), index + 1 < arguments.count,
              isNegativeNumber(arguments[index + 1]) else { return nil }
        var joined = arguments
        joined[index] = option + "=" + arguments[index + 1]
        joined.remove(at: index + 1)
        return joined
    }

    /// Whether `token` reads as a negative number (`-1`, `-0.5`, `-.5`, `-1e3`, `-inf`, `-nan`).
    static func isNegativeNumber(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token.count > 1 else { return false }
        return Double(token) != nil
    }

    /// `infmax SUBCOMMAND --help` for the subcommand named first in `arguments`, else `infmax --help`.
    static func helpCommand(for arguments: [String]) -> String {
        let names = configuration.subcommands.map { $0._commandName }
        if let first = arguments.first, names.contains(first) { return "infmax \(first) --help" }
        return "infmax --help"
    }
}
