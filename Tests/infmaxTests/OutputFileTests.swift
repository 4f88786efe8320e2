import Foundation
import RecordSchemaCheck
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Output files (issue "Hardening"): `--output`, `--csv` and `--plot` are checked before the run,
/// never overwrite an input, follow links, write through devices and FIFOs, print to standard
/// output for `-`, and leave no temporary behind, even when the run is interrupted.
@Suite struct OutputFileCommandTests {
    static let karate = ["Graphs/karate.txt", "--undirected"]

    /// The file type bits of `path`, not following a final link.
    static func type(_ path: String) -> UInt32? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode & S_IFMT)
    }

    /// Starts `infmax` without waiting; its output goes nowhere.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// An output that is an input (another spelling, a hard link) is refused before the run, exit 2,
    /// naming both; the old code overwrote the graph with the report.
    @Test func anInputGivenAsOutputIsRefused() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let original = try String(contentsOfFile: CLI.root + "/Graphs/karate.txt", encoding: .utf8)
        let graph = try files.write("graph.txt", original)
        let seeds = try files.write("seeds.txt", "0\n33\n")
        let hard = files.path("hard-link.txt")
        #expect(link(graph, hard) == 0)
        let dotted = (graph as NSString).deletingLastPathComponent + "/./" + (graph as NSString).lastPathComponent
        let cases: [(arguments: [String], output: String, input: String)] = [
            (["seeds", graph, "--undirected", "--k", "2", "--output", dotted], dotted, graph),
            (["seeds", graph, "--undirected", "--k", "2", "--output", hard], hard, graph),
            (["simulate", graph, "--undirected", "--seeds-file", seeds, "--runs", "10", "--output", seeds], seeds, seeds),
            (["compare", graph, "--undirected", "--k", "1", "--runs", "10", "--algorithms", "degree", "--plot", hard], hard, graph),
        ]
        for (arguments, output, input) in cases {
            let line = try CLI.failure(arguments, status: 2)
            #expect(line == "error: \(output): is the input file \(input) (an output must not overwrite an input; choose another path)")
        }
        let snapshot = files.path("graph.infgraph"), snapshotLink = files.path("snapshot-link.infgraph")
        #expect(try CLI.run(["convert", graph, "--output", snapshot]).status == 0)
        #expect(link(snapshot, snapshotLink) == 0)
        let converted = try CLI.failure(["convert", snapshot, "--output", snapshotLink], status: 2)
        #expect(converted == "error: \(snapshotLink): is the input file \(snapshot) (an output must not overwrite an input; choose another path)")
        #expect(try String(contentsOfFile: graph, encoding: .utf8) == original)
        #expect(try String(contentsOfFile: seeds, encoding: .utf8) == "0\n33\n")
    }

    /// An unwritable output fails before any work: given a graph that does not parse, the error is
    /// about the output (the old code loaded and ran first, and failed on the graph).
    @Test func anUnwritableOutputFailsBeforeTheRun() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let bad = try files.write("bad.txt", "1 2\n3\n")
        let output = "/nonexistent/dir/x.json"
        let expected = "error: \(output): cannot write: the directory /nonexistent/dir does not exist (create it, or choose another path)"
        for arguments in [["seeds", bad, "--k", "2", "--output", output],
                          ["simulate", bad, "--seeds", "1", "--output", output],
                          ["compare", bad, "--k", "1", "--algorithms", "degree", "--csv", output],
                          ["convert", bad, "--output", "/nonexistent/dir/x.infgraph"]] {
            let line = try CLI.failure(arguments, status: 1)
            #expect(line == expected.replacingOccurrences(of: "x.json", with: (arguments.last! as NSString).lastPathComponent))
        }
        let directory = try CLI.failure(["seeds"] + Self.karate + ["--k", "2", "--output", NSTemporaryDirectory()], status: 1)
        #expect(directory.hasSuffix("cannot write: is a directory (expected a file path)"), "\(directory)")
    }

    /// `compare` checks --csv and --plot before the run: a bad --plot leaves no new --csv (the old
    /// code wrote the CSV, then failed on the plot).
    @Test func compareChecksBothOutputsFirst() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let csv = files.path("rows.csv")
        let base = ["compare"] + Self.karate + ["--k", "1", "--runs", "100", "--algorithms", "degree", "--quiet"]
        try CLI.failure(base + ["--csv", csv, "--plot", "/nonexistent/dir/plot.svg"], status: 1)
        #expect(!FileManager.default.fileExists(atPath: csv))
        #expect(try files.leftovers(of: csv).isEmpty)
        let same = try CLI.failure(base + ["--csv", csv, "--plot", csv], status: 2)
        #expect(same == "error: \(csv): names the same file as the output \(csv) (give each output its own path)")
        let plot = files.path("plot.svg")
        let both = try CLI.run(base + ["--csv", csv, "--plot", plot])
        #expect(both.status == 0, "\(both.stderr)")
        #expect(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("algorithm,k,spread"))
        #expect(try String(contentsOfFile: plot, encoding: .utf8).contains("<svg"))
        #expect(try files.leftovers(of: csv).isEmpty && files.leftovers(of: plot).isEmpty)
    }

    /// `--output /dev/null` writes through the device: it stays a character device.
    @Test func devNullStaysADevice() throws {
        let result = try CLI.run(["seeds"] + Self.karate + ["--k", "2", "--output", "/dev/null", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("seeds in selection order"))
        #expect(Self.type("/dev/null") == UInt32(S_IFCHR))
    }

    /// When the write fails at the end anyway (/dev/full), the report is still on standard output
    /// and the exit status is 1, with one error line naming the file.
    @Test func aFailedWriteStillPrintsTheDeviceReport() throws {
        let result = try CLI.run(["seeds"] + Self.karate + ["--k", "2", "--output", "/dev/full", "--quiet"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("seeds in selection order"))
        #expect(result.stderr.hasPrefix("error: /dev/full: cannot write: "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(Self.type("/dev/full") == UInt32(S_IFCHR))
    }

    /// A FIFO is opened and written, not renamed over: a reader gets the report, and the FIFO stays.
    @Test func aFIFOIsWrittenThrough() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let fifo = files.path("report.fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // Opened for reading without blocking, so the writer's open succeeds and a FIFO replaced by
        // a file (the old behaviour) cannot hang the test: read until the writer is gone and done.
        let fd = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(fd >= 0)
        defer { close(fd) }
        let process = try Self.start(["seeds"] + Self.karate + ["--k", "2", "--output", fifo, "--quiet"])
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let exited = !process.isRunning
            let count = read(fd, &buffer, buffer.count)
            if count > 0 { received += buffer[0..<count]; continue }
            if exited && (count == 0 || errno == EAGAIN) { break }
            usleep(5_000)
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(Self.type(fifo) == UInt32(S_IFIFO))
        let report = try JSONSerialization.jsonObject(with: Data(received)) as? [String: Any]
        #expect((report?["seeds"] as? [Any])?.count == 2, "\(String(decoding: received, as: UTF8.self))")
    }

    /// A symbolic link stays a link; the file it points to gets the report.
    @Test func aLinkStaysALink() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let target = try files.write("target.json", "old\n")
        let link = files.path("link.json")
        #expect(symlink(target, link) == 0)
        let result = try CLI.run(["seeds"] + Self.karate + ["--k", "2", "--output", link, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Self.type(link) == UInt32(S_IFLNK))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == result.stdout)
        #expect(try files.leftovers(of: target).isEmpty)
    }

    /// `/dev/stdout` on a pipe is written through: its link ends in `pipe:[N]`, which names no file,
    /// so only the kernel's view (a FIFO) finds it.
    @Test func devStdoutOnAPipeIsWrittenThroughLikeADevice() throws {
        let result = try CLI.run(["seeds"] + Self.karate + ["--k", "2", "--output", "/dev/stdout", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("seeds in selection order") && result.stdout.contains("\"seeds\" : ["))
    }

    /// `-` is standard output: the file's content replaces the usual report there.
    @Test func dashIsStandardOutput() throws {
        let seeds = try CLI.run(["seeds"] + Self.karate + ["--k", "2", "--output", "-"])
        #expect(seeds.status == 0, "\(seeds.stderr)")
        #expect((try seeds.json()["seeds"] as? [Any])?.count == 2)
        let generated = try CLI.run(["generate", "famous:Zachary", "--output", "-"])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.lines.first == "# infmax generate famous:Zachary --output -")
        #expect(generated.lines.count == 2 + 78 + 1)
        let csv = try CLI.run(["compare"] + Self.karate + ["--k", "1", "--runs", "100", "--algorithms", "degree", "--csv", "-"])
        #expect(csv.lines.first == "algorithm,k,spread,ci_low,ci_high,standard_error,runs,selection_seconds,seeds")
        let line = try CLI.failure(["compare"] + Self.karate + ["--k", "1", "--csv", "-", "--plot", "-"], status: 2)
        #expect(line == "error: --csv and --plot both name standard output ('-'); send at most one there")
    }

    /// `simulate --output` writes the JSON record whatever standard output shows (the text, or
    /// the same JSON with --json), and `--seeds-file` and `infmax run` read that file back.
    @Test func simulateWritesItsRecord() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        for json in [false, true] {
            let output = files.path(json ? "spread.json" : "spread-text-run.json")
            let result = try CLI.run(["simulate"] + Self.karate + ["--seeds", "0,33", "--runs", "500", "--output", output] + (json ? ["--json"] : []))
            #expect(result.status == 0, "\(result.stderr)")
            let written = try String(contentsOfFile: output, encoding: .utf8)
            #expect(written.hasPrefix("{") && RecordSchemaCheck.problems(ofRecord: written).isEmpty)
            if json { #expect(written == result.stdout) } else { #expect(result.stdout.hasPrefix("graph          Graphs/karate.txt")) }
            #expect(try files.leftovers(of: output).isEmpty)
            // The record feeds --seeds-file (the same seeds) and reruns to the same estimate.
            let again = try CLI.run(["simulate"] + Self.karate + ["--seeds-file", output, "--runs", "500", "--json"])
            #expect(again.status == 0, "\(again.stderr)")
            let seeds = (try again.json()["seeds"] as? [[String: Any]])?.compactMap { $0["label"] as? String }
            #expect(seeds == ["0", "33"])
            let rerun = try CLI.run(["run", output])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            let before = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any]
            #expect(NSDictionary(dictionary: try #require(rerun.json()["spread"] as? [String: Any]))
                        .isEqual(to: try #require(before?["spread"] as? [String: Any])))
        }
        let help = try CLI.run(["simulate", "--help"])
        #expect(help.stdout.contains("--output <FILE>"))
    }

    /// SIGTERM or SIGINT during a run removes the temporary prepared for --output, and the process
    /// dies by the signal (status 128 + N in a shell). The temporary exists from before the run,
    /// so waiting for it to appear makes the signal land mid-run every time.
    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalRemovesTheTemporary(_ signal: Int32) throws {
        let shellStatus: Int32 = signal == SIGTERM ? 143 : 130
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let output = files.path("interrupted.txt")
        let process = try Self.start(["simulate", "Graphs/demo.txt", "--seeds", "0,1,2", "--runs", "1000000000",
                                      "--threads", "1", "--output", output])
        while try files.leftovers(of: output).isEmpty && process.isRunning { usleep(5_000) }
        #expect(try !files.leftovers(of: output).isEmpty, "no temporary appeared before the run ended")
        kill(process.processIdentifier, signal)
        // A signal that never arrives must fail the test, not hang it: after a minute, stop the run.
        var polls = 0
        while process.isRunning && polls < 12_000 { usleep(5_000); polls += 1 }
        if process.isRunning {
            Issue.record("infmax ignored signal \(signal)")
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(128 + process.terminationStatus == shellStatus)
        #expect(try files.leftovers(of: output).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

/// `infmax run -`: a request written by hand on standard input, giving only what differs from
/// the defaults (load options included), runs as the same command would.
@Suite struct RunCommandStandardInputTests {
    @Test func aHandWrittenRequestOnStandardInput() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let document = #"{"useCase": "simulate", "graph": {"path": "Graphs/karate.txt", "load": {"undirected": true}}, "request": {"seeds": ["0", "33"], "runs": 800, "seed": 4, "threads": 1}}"#
        let path = try files.write("run-stdin.json", document)
        let viaRun = try CLI.run(["-c", "'\(CLI.binary)' run - < '\(path)'"], executable: "/bin/sh")
        #expect(viaRun.status == 0, "\(viaRun.stderr)")
        let direct = try CLI.run(["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0,33", "--runs", "800", "--seed", "4",
                                  "--threads", "1", "--json"])
        #expect(NSDictionary(dictionary: try #require(viaRun.json()["spread"] as? [String: Any]))
                    .isEqual(to: try #require(direct.json()["spread"] as? [String: Any])))
        // Nothing to run on: one error line, a usage exit.
        let missing = try CLI.run(["-c", "echo '{\"useCase\": \"seeds\", \"request\": {\"k\": 2}}' | '\(CLI.binary)' run -"],
                                  executable: "/bin/sh")
        #expect(missing.status == 2 && missing.stderr.hasPrefix("error: ") && missing.stderr.contains("names no input"), "\(missing.stderr)")
    }
}
