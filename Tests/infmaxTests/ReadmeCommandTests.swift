import Foundation
import Testing

/// Every `infmax` command in the README runs as written from the repository root. The commands
/// run in a scratch copy of the layout (`Graphs/` and the binary linked in, a `../shared/graphs/`
/// beside it) where small bundled graphs stand in for the large shared datasets under their
/// names (and for the 20,000-node demo graph), so the files a command writes (`seeds.json`, `enron.svg`, ...) land in the scratch
/// directory and later commands read them, in README order.
@Suite struct ReadmeCommandTests {
    /// The commands of the README's code blocks, in order.
    static func readmeCommands() throws -> [String] {
        let text = try String(contentsOfFile: CLI.root + "/README.md", encoding: .utf8)
        var inBlock = false
        var commands: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inBlock.toggle(); continue }
            if inBlock, line.hasPrefix(".build/release/infmax ") { commands.append(String(line)) }
        }
        return commands
    }

    /// The shared datasets the README names (stand-ins are gzipped where the original is).
    static let standIns = ["nethept.txt", "email-Enron.txt.gz", "soc-Slashdot0902.txt.gz"]

    /// The files of the invite benchmark (`../shared/graphs/higgs-invite/`), stood in for by `Graphs/invite/`.
    static let inviteFiles = [("invitations.tsv", "arcs.tsv"), ("acceptance.tsv", "nodes.tsv"), ("inviter-list.txt", "inviters.txt"),
                              ("held-out.tsv", "truth.tsv")]

    /// Bundled graphs too large for a debug build to run the whole tour on quickly.
    static let largeBundled = ["demo.txt"]

    @Test func everyReadmeCommandRuns() throws {
        let commands = try Self.readmeCommands()
        #expect(commands.count >= 15, "found \(commands.count) commands in README.md")
        let temporary = TemporaryFiles()
        let scratch = temporary.path("readme")
        let root = scratch + "/main", graphs = scratch + "/shared/graphs"
        let files = FileManager.default
        try? files.removeItem(atPath: scratch)
        defer { try? files.removeItem(atPath: scratch) }
        try files.createDirectory(atPath: root + "/.build/release", withIntermediateDirectories: true)
        try files.createDirectory(atPath: graphs, withIntermediateDirectories: true)
        try files.createDirectory(atPath: root + "/Graphs", withIntermediateDirectories: true)
        for name in try files.contentsOfDirectory(atPath: CLI.root + "/Graphs") where !Self.largeBundled.contains(name) {
            try files.createSymbolicLink(atPath: root + "/Graphs/" + name, withDestinationPath: CLI.root + "/Graphs/" + name)
        }
        try files.createSymbolicLink(atPath: root + "/.build/release/infmax", withDestinationPath: CLI.binary)
        // One small sparse graph stands in for every large dataset (a debug build runs the tour).
        let standIn = scratch + "/stand-in.txt"
        let made = try CLI.run(["generate", "power-law", "--nodes", "200", "--arcs", "400", "--seed", "3", "--edge-list", standIn])
        #expect(made.status == 0, "\(made.stderr)")
        for name in Self.largeBundled { try files.copyItem(atPath: standIn, toPath: root + "/Graphs/" + name) }
        for name in Self.standIns {
            let plain = graphs + "/" + (name.hasSuffix(".gz") ? String(name.dropLast(3)) : name)
            try files.copyItem(atPath: standIn, toPath: plain)
            if name.hasSuffix(".gz") {
                let gzip = try CLI.run(["-n", plain], executable: "/bin/gzip", in: scratch)
                #expect(gzip.status == 0, "\(gzip.stderr)")
            }
        }
        // The bundled invite instance (synthetic, in its layout) stands in for the Higgs invite benchmark.
        try files.createDirectory(atPath: graphs + "/higgs-invite", withIntermediateDirectories: true)
        for (bundled, name) in Self.inviteFiles {
            try files.copyItem(atPath: CLI.root + "/Graphs/invite/" + bundled, toPath: graphs + "/higgs-invite/" + name)
        }
        // The bundled planted-partition graph stands in for Cora (same file layout).
        try files.createDirectory(atPath: graphs + "/cora", withIntermediateDirectories: true)
        for name in ["edges.txt", "features.txt", "labels.txt", "train.txt", "test.txt"] {
            try files.copyItem(atPath: CLI.root + "/Graphs/communities/" + name, toPath: graphs + "/cora/" + name)
        }
        for command in commands {
            let words = command.split(separator: " ").map(String.init)
            #expect(!command.contains("'") && !command.contains("\""), "quote-free commands only: \(command)")
            let result = try CLI.run(Array(words.dropFirst()), executable: root + "/" + words[0], in: root)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            // A command that writes a file may print nothing (its note goes to standard error).
            let writesFile = ["--output", "--edge-list", "--snapshot", "--embeddings", "--lists", "--kept-arcs"].contains { command.contains($0) }
            #expect(!result.stdout.isEmpty || writesFile, "\(command) printed nothing")
        }
    }
}
