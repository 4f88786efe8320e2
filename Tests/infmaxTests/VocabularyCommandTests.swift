import Foundation
import Testing

/// One CLI vocabulary: the same flag means the same thing in every command. The test walks every
/// command's help (the parser's description of each argument, and the `--help` text a user reads)
/// and fails on a drift.
@Suite struct VocabularyCommandTests {
    struct Flag { var command: String; var name: String; var help: String; var shown: Bool }

    /// Every long flag of every subcommand, from the parser's own description of the commands.
    static func flags() throws -> (commands: [String], flags: [Flag]) {
        let dump = try CLI.run(["--experimental-dump-help"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        var names: [String] = []
        var flags: [Flag] = []
        for sub in command["subcommands"] as? [[String: Any]] ?? [] {
            guard let name = sub["commandName"] as? String, name != "help" else { continue }
            names.append(name)
            for argument in sub["arguments"] as? [[String: Any]] ?? [] {
                for n in argument["names"] as? [[String: Any]] ?? [] where n["kind"] as? String == "long" {
                    flags.append(Flag(command: name, name: "--" + (n["name"] as? String ?? ""), help: argument["abstract"] as? String ?? "",
                                      shown: argument["shouldDisplay"] as? Bool ?? true))
                }
            }
        }
        return (names, flags)
    }

    /// The commands that write a record, and those that compute (random choices, threads).
    static let recordWriters: Set = ["seeds", "simulate", "run", "compare", "cim", "closed", "recommend", "embed", "probe"]
    static let computing: Set = ["seeds", "simulate", "compare", "cim", "closed", "recommend", "embed", "probe"]
    /// Old spellings: kept working (hidden) for one release.
    static let oldSpellings: Set = ["--mc-runs", "--mc-evaluation", "--mc-budget", "--worlds"]

    @Test func everyCommandSpeaksTheSameFlags() throws {
        let (commands, flags) = try Self.flags()
        #expect(commands.count >= 13, "\(commands)")
        func shown(_ command: String, _ flag: String) -> Flag? { flags.first { $0.command == command && $0.name == flag && $0.shown } }
        for command in commands {
            for flag in ["--json", "--quiet", "--progress"] {
                #expect(shown(command, flag) != nil, "\(command) lacks \(flag)")
            }
            if Self.recordWriters.contains(command) {
                let output = try #require(shown(command, "--output"), "\(command) writes a record but has no --output")
                #expect(output.help.contains("JSON record"), "\(command): --output is not the record: \(output.help)")
                #expect(shown(command, "--report") != nil, "\(command) writes a record but has no --report")
            } else if let output = shown(command, "--output") {
                // Only `report` keeps --output for its one product, the page.
                #expect(command == "report" && output.help.contains("HTML"), "\(command): --output means \(output.help)")
            }
            if Self.computing.contains(command) {
                #expect(shown(command, "--threads") != nil, "\(command) computes but has no --threads")
                #expect(shown(command, "--seed") != nil, "\(command) computes but has no --seed")
            }
        }
        // One help text per shared flag, in every command that shows it.
        for name in ["--json", "--quiet", "--progress", "--threads", "--report", "--max-memory", "--model", "--probabilities", "--undirected"] {
            let helps = Set(flags.filter { $0.name == name && $0.shown }.map(\.help))
            #expect(helps.count == 1, "\(name) has \(helps.count) meanings: \(helps)")
        }
        for flag in flags where flag.shown {
            if flag.name == "--seed" { #expect(flag.help.hasPrefix("Seed of every random choice"), "\(flag.command): --seed: \(flag.help)") }
            // One name for Monte Carlo run counts: --runs (per-step counts are --NAME-runs).
            if flag.name == "--runs" { #expect(flag.help.contains("Monte Carlo"), "\(flag.command): --runs: \(flag.help)") }
            // --k is the paper's budget k in every command: how many each chooser picks (the
            // campaign, an AP, a user, an inviter); the rest of the help names the chooser.
            if flag.name == "--k" { #expect(flag.help.hasPrefix("Budget k: how many each chooser picks; here "), "\(flag.command): --k: \(flag.help)") }
            if flag.name == "--epsilon" { #expect(flag.help.hasPrefix("ε of the target ratio "), "\(flag.command): --epsilon: \(flag.help)") }
            #expect(!Self.oldSpellings.contains(flag.name), "\(flag.command) shows the old spelling \(flag.name)")
        }
    }

    /// The `--help` a user reads lists every flag the parser shows, and the shared ones.
    @Test func everyHelpTextListsItsFlags() throws {
        let (commands, flags) = try Self.flags()
        for command in commands {
            let help = try CLI.run([command, "--help"])
            #expect(help.status == 0, "\(command)")
            // The flag list (the discussion above it may name old spellings on purpose).
            let options = try #require(help.stdout.range(of: "\nOPTIONS:\n").map { String(help.stdout[$0.upperBound...]) }, "\(command): no OPTIONS")
            for flag in flags where flag.command == command && flag.shown {
                #expect(options.contains(flag.name), "\(command) --help does not list \(flag.name)")
            }
            for flag in flags where flag.command == command && !flag.shown {
                #expect(!options.contains(flag.name + " "), "\(command) --help lists the hidden \(flag.name)")
            }
        }
    }

    /// Old spellings still work, each with one deprecation note naming its replacement; --quiet
    /// silences the note.
    @Test func oldSpellingsStillWorkWithANote() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let seeds = try files.write("seeds.txt", "0\n33\n")
        let arcs = files.path("arcs.tsv")
        let closed = try CLI.run(["closed", "Graphs/karate.txt", "--undirected", "--seeds-file", seeds, "--k", "2", "--mc-runs", "300",
                                  "--epsilon", "0.001", "--output", arcs, "--no-baselines"])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(closed.stderr.contains("note: --mc-runs is deprecated and will be removed in the next release; use --runs"), "\(closed.stderr)")
        #expect(closed.stderr.contains("note: --epsilon is deprecated"), "\(closed.stderr)")
        #expect(closed.stderr.contains("use --kept-arcs"), "\(closed.stderr)")
        let kept = try String(contentsOfFile: arcs, encoding: .utf8)
        #expect(kept.split(separator: "\n").allSatisfy { $0.split(separator: "\t").count == 3 || $0.split(separator: " ").count == 3 }, "\(kept)")
        // The same run with the new spellings writes the same arcs.
        let arcs2 = files.path("arcs2.tsv")
        let renamed = try CLI.run(["closed", "Graphs/karate.txt", "--undirected", "--seeds-file", seeds, "--k", "2", "--runs", "300",
                                   "--min-gain", "0.001", "--kept-arcs", arcs2, "--no-baselines", "--quiet"])
        #expect(renamed.status == 0 && renamed.stderr.isEmpty, "\(renamed.stderr)")
        #expect(try String(contentsOfFile: arcs2, encoding: .utf8) == kept)

        let snapshot = files.path("k.infgraph")
        let convert = try CLI.run(["convert", "Graphs/karate.txt", "--output", snapshot, "--quiet"])
        #expect(convert.status == 0 && convert.stderr.isEmpty, "\(convert.stderr)")
        #expect(FileManager.default.fileExists(atPath: snapshot))
        let generated = files.path("g.txt")
        let generate = try CLI.run(["generate", "famous:Zachary", "--output", generated])
        #expect(generate.status == 0 && generate.stderr.contains("note: --output is deprecated and will be removed in the next release; use --edge-list"), "\(generate.stderr)")
        let both = try CLI.parserRefusal(["generate", "famous:Zachary", "--output", generated, "--edge-list", generated])
        #expect(both.contains("--output is the old spelling of --edge-list"), "\(both)")
    }

    /// Progress for logs: timestamped lines with the share done and the time left; --quiet
    /// silences them. INFMAX_PROGRESS_AFTER=0 shows progress from the first step (by default a
    /// phase shows it after one second), so the test does not depend on the machine's speed.
    @Test func progressLinesForLogs() throws {
        let arguments = ["simulate", "Graphs/demo.txt", "--seeds", "0,1,2", "--runs", "200000", "--threads", "1", "--json"]
        let environment = ["INFMAX_PROGRESS=1", "INFMAX_PROGRESS_AFTER=0"]
        let logged = try CLI.run(environment + [CLI.binary] + arguments, executable: "/usr/bin/env")
        #expect(logged.status == 0, "\(logged.stderr)")
        let lines = logged.stderr.split(separator: "\n").map(String.init)
        let stamped = lines.filter { $0.firstMatch(of: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \S/) != nil }
        #expect(stamped.count == lines.count && lines.count >= 4, "\(lines)")
        #expect(lines.first?.hasSuffix(" loading Graphs/demo.txt") == true, "\(lines)")
        #expect(lines.contains { $0.firstMatch(of: /simulating: \d+\/200000 runs \(\d+%\), about (\d+ s|\d+ min \d+ s|\d+ h \d+ min) left/) != nil }, "\(lines)")
        #expect(lines.last?.firstMatch(of: /simulating: 200000 runs in \d+\.\d s$/) != nil, "\(lines)")
        let quiet = try CLI.run(environment + [CLI.binary] + arguments + ["--quiet"], executable: "/usr/bin/env")
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        // Without the variable and off a terminal, nothing but the record.
        let plain = try CLI.run(arguments)
        #expect(plain.status == 0 && plain.stderr.isEmpty, "\(plain.stderr)")
    }
}
