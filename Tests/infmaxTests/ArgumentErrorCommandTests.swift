import Foundation
import Testing

/// Argument errors are one line in the library's style, `error: …`, ending with where to read
/// more; a negative value is read as the option's value, so the message says what is wrong with
/// it instead of "Missing value" (issue "Hardening").
@Suite struct ArgumentErrorCommandTests {
    @Test(arguments: [
        (["seeds", "Graphs/karate.txt", "--k", "-1"], "error: --k must be at least 1 (got -1)", "infmax seeds --help"),
        (["seeds", "Graphs/karate.txt", "--k", "2", "--epsilon", "-0.1"],
         "error: --epsilon: ε must lie strictly between 0 and 1 (got -0.1; e.g. 0.1)", "infmax seeds --help"),
        (["seeds", "Graphs/karate.txt", "--k", "2", "--seed", "-1"], "error: The value '-1' is invalid for '--seed <seed>'", "infmax seeds --help"),
        (["simulate", "Graphs/karate.txt", "--seeds", "0", "--runs", "-5"], "error: --runs takes a positive count (e.g. --runs 10000)", "infmax simulate --help"),
        (["seeds", "Graphs/karate.txt", "--k", "2", "--kk", "3"], "error: Unknown option '--kk'. Did you mean '--k'?", "infmax seeds --help"),
        (["frobnicate"], "error: Unexpected argument 'frobnicate'", "infmax --help"),
    ])
    func argumentErrorsAreOneLine(_ arguments: [String], _ expected: String, _ help: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first == "\(expected) (see '\(help)')", "\(lines)")
    }

    /// A token with control bytes is echoed with them escaped: the line is neither cut short nor
    /// able to drive the terminal.
    @Test func controlBytesInEchoedTokensAreEscaped() throws {
        let line = try CLI.failure(["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "a\u{1}b\u{1B}[2Jc\td"], status: 2)
        #expect(line.contains("a\\x01b\\x1B[2Jc\\td"), "\(line)")
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    /// `--help` still prints the help to standard output with status 0.
    @Test func helpIsNotAnError() throws {
        let result = try CLI.run(["seeds", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: infmax seeds"))
        #expect(result.stderr.isEmpty)
    }
}
