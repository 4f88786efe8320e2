import Foundation
import Testing

/// Runs across MPI ranks give the single-process answers, and a failure on one rank ends every
/// rank with one message. These need `mpirun` (Open MPI's `openmpi-bin`) and an `infmax` built
/// with the MPI trait, named by `INFMAX_MPI_BINARY` (`make test` builds it and sets it when
/// `mpirun` is present); they are skipped, with the reason, otherwise. The graphs are the shared
/// datasets in `../shared/graphs` (skipped with the reason when absent).
@Suite(.serialized)
struct MPIEqualityTests {
    /// The MPI build and the launcher, or why these tests cannot run here.
    static let setup: (binary: String, mpirun: String)? = {
        guard let binary = ProcessInfo.processInfo.environment["INFMAX_MPI_BINARY"],
              FileManager.default.isExecutableFile(atPath: binary) else { return nil }
        guard let mpirun = MPIRun.which("mpirun") else { return nil }
        return (binary, mpirun)
    }()

    static var skipReason: Comment {
        if ProcessInfo.processInfo.environment["INFMAX_MPI_BINARY"] == nil {
            return "INFMAX_MPI_BINARY is not set: run `make test` with Open MPI installed (it builds infmax with --traits MPI), or set it to such a binary"
        }
        return "mpirun or the MPI build of infmax is missing (apt-get install openmpi-bin libopenmpi-dev; make mpi)"
    }

    static let graphs = CLI.root + "/../shared/graphs"

    /// Graph, model and algorithm of each case (k = 10, IMM at ε = 0.5 and OPIM-C at 0.3 with its
    /// precision refinement: quick in a debug build on 4 oversubscribed ranks; Bench/bench-mpi.sh
    /// runs k = 50, ε = 0.1 on a release build).
    static let cases: [(graph: String, model: String, algorithm: String)] = [
        ("nethept.txt", "ic", "imm"), ("nethept.txt", "ic", "opim-c"),
        ("nethept.txt", "lt", "imm"), ("nethept.txt", "lt", "opim-c"),
        ("email-Enron.txt.gz", "ic", "imm"), ("email-Enron.txt.gz", "ic", "opim-c"),
        ("email-Enron.txt.gz", "lt", "imm"), ("email-Enron.txt.gz", "lt", "opim-c"),
    ]

    @Test(.enabled(if: setup != nil, skipReason), arguments: 0..<cases.count)
    func seedsAreTheSingleProcessSeedsForOneTwoAndFourRanks(_ index: Int) throws {
        let (graph, model, algorithm) = Self.cases[index]
        let path = Self.graphs + "/" + graph
        try #require(FileManager.default.fileExists(atPath: path), "\(path) is absent: the shared datasets are not on this machine")
        let setup = try #require(Self.setup)
        let epsilon = algorithm == "imm" ? "0.5" : "0.3"
        let arguments = ["seeds", path, "--k", "10", "--model", model, "--algorithm", algorithm, "--epsilon", epsilon,
                         "--evaluation-sets", "16384", "--seed", "7", "--json", "--quiet", "--threads", "1"]
        let single = try CLI.run(arguments, executable: setup.binary)
        #expect(single.status == 0, "\(single.stderr)")
        let reference = try MPIRun.comparable(single.json())
        #expect((try single.json())["distributed"] == nil)
        for ranks in [1, 2, 4] {
            let run = try MPIRun.run(ranks: ranks, setup.binary, arguments, mpirun: setup.mpirun)
            #expect(run.status == 0, "R = \(ranks): \(run.stderr)")
            let record = try run.json()
            #expect(MPIRun.same(try MPIRun.comparable(record), reference), "R = \(ranks): \(graph) \(model) \(algorithm) differs from one process")
            if ranks > 1 {
                let distributed = try #require(record["distributed"] as? [String: Any])
                #expect(distributed["ranks"] as? Int == ranks)
                #expect((distributed["perRank"] as? [Any])?.count == ranks)
            }
        }
    }

    @Test(.enabled(if: setup != nil, skipReason), arguments: ["ic", "lt"])
    func monteCarloIsBitIdenticalForOneTwoAndFourRanks(_ model: String) throws {
        let path = Self.graphs + "/nethept.txt"
        try #require(FileManager.default.fileExists(atPath: path), "\(path) is absent: the shared datasets are not on this machine")
        let setup = try #require(Self.setup)
        // IC: 4,000 runs (63 blocks, the last one short); LT: an adaptive run whose batches are
        // decided from the merged totals, with node counts.
        let extra = model == "ic" ? ["--runs", "4000"]
            : ["--runs", "500", "--until-relative-error", "0.01", "--max-runs", "20000", "--node-probabilities", "5"]
        let arguments = ["simulate", path, "--seeds", "0,1,2,3,4,5,6,7,8,9", "--model", model, "--seed", "3", "--json",
                         "--threads", "2"] + extra
        let single = try CLI.run(arguments, executable: setup.binary)
        #expect(single.status == 0, "\(single.stderr)")
        let reference = try MPIRun.comparableSimulation(single.json())
        for ranks in [1, 2, 4] {
            let run = try MPIRun.run(ranks: ranks, setup.binary, arguments, mpirun: setup.mpirun)
            #expect(run.status == 0, "R = \(ranks): \(run.stderr)")
            #expect(MPIRun.same(try MPIRun.comparableSimulation(run.json()), reference), "R = \(ranks) \(model) \(extra): the estimate differs from one process")
        }
    }

    @Test(.enabled(if: setup != nil, skipReason))
    func aFileOnlyOneRankCannotReadEndsEveryRankWithOneMessage() throws {
        let setup = try #require(Self.setup)
        let good = CLI.root + "/Graphs/karate.txt"
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let missing = files.path("missing.txt")   // never created
        let common = ["--k", "3", "--undirected", "--json", "--quiet"]
        // Rank 0 reads the good file, rank 1 a missing one (an MPMD launch).
        let run = try MPIRun.runMPMD([[setup.binary, "seeds", good] + common, [setup.binary, "seeds", missing] + common],
                                     mpirun: setup.mpirun)
        #expect(run.status != 0)
        #expect(!run.timedOut, "the ranks hung")
        #expect(run.stdout.isEmpty, "\(run.stdout)")
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "expected one message: \(run.stderr)")
        #expect(errors.first?.contains(missing) == true, "\(run.stderr)")
    }

    @Test(.enabled(if: setup != nil, skipReason))
    func aMemoryLimitOneRankExceedsEndsEveryRankWithOneMessage() throws {
        let setup = try #require(Self.setup)
        let graph = CLI.root + "/Graphs/karate.txt"
        let common = ["seeds", graph, "--k", "3", "--undirected", "--json", "--quiet", "--epsilon", "0.1"]
        // Rank 1's limit holds the graph but not its share of the RR sets.
        let run = try MPIRun.runMPMD([[setup.binary] + common, [setup.binary] + common + ["--max-memory", "8K"]],
                                     mpirun: setup.mpirun)
        #expect(run.status != 0)
        #expect(!run.timedOut, "the ranks hung")
        #expect(run.stdout.isEmpty, "\(run.stdout)")
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "expected one message: \(run.stderr)")
        #expect(errors.first?.contains("--max-memory") == true, "\(run.stderr)")
    }

    @Test(.enabled(if: setup != nil, skipReason))
    func ranksStartedWithDifferentArgumentsStopWithOneMessage() throws {
        let setup = try #require(Self.setup)
        let graph = CLI.root + "/Graphs/karate.txt"
        let common = ["seeds", graph, "--undirected", "--json", "--quiet"]
        let run = try MPIRun.runMPMD([[setup.binary] + common + ["--k", "3"], [setup.binary] + common + ["--k", "4"]],
                                     mpirun: setup.mpirun)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(!run.timedOut, "the ranks hung")
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
        #expect(errors.count == 1, "expected one message: \(run.stderr)")
    }
}

/// `mpirun` for the tests: 4 ranks on 2 cores (oversubscribed), as root, on loopback, with a
/// timeout so that a hang fails the test instead of blocking the suite.
enum MPIRun {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any], "stdout is not a JSON object: \(stdout) \(stderr)")
        }
    }

    static let options = ["--allow-run-as-root", "--oversubscribe", "--quiet", "--mca", "btl", "self,vader,tcp",
                          "--mca", "btl_tcp_if_include", "lo"]

    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(ranks: Int, _ binary: String, _ arguments: [String], mpirun: String) throws -> Result {
        try launch(mpirun, options + ["-np", String(ranks), binary] + arguments)
    }

    /// One rank per command line (`mpirun -np 1 A : -np 1 B`).
    static func runMPMD(_ commands: [[String]], mpirun: String) throws -> Result {
        var arguments = options
        for (i, command) in commands.enumerated() {
            if i > 0 { arguments.append(":") }
            arguments += ["-np", "1"] + command
        }
        return try launch(mpirun, arguments)
    }

    private static func launch(_ mpirun: String, _ arguments: [String], timeout: Double = 300) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: mpirun)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let started = Date()
        try process.run()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        let timedOut = Date().timeIntervalSince(started) >= timeout
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), timedOut: timedOut)
    }

    /// A seeds record without what may differ between equal runs: timings, memory, thread
    /// count, the distributed section, and each round's seconds.
    static func comparable(_ record: [String: Any]) throws -> [String: Any] {
        var r = record
        for key in ["timings", "memory", "distributed"] { r.removeValue(forKey: key) }
        if var request = r["request"] as? [String: Any] {
            request.removeValue(forKey: "threads")
            r["request"] = request
        }
        if let rounds = r["rounds"] as? [[String: Any]] {
            r["rounds"] = rounds.map { round in var round = round; round.removeValue(forKey: "seconds"); return round }
        }
        return r
    }

    /// A simulate record without its timings and thread count.
    static func comparableSimulation(_ record: [String: Any]) throws -> [String: Any] {
        var r = record
        for key in ["timings", "memory", "simulationsPerSecond", "distributed"] { r.removeValue(forKey: key) }
        if var request = r["request"] as? [String: Any] {
            request.removeValue(forKey: "threads")
            r["request"] = request
        }
        return r
    }

    /// Equality of two JSON objects, numbers compared exactly.
    static func same(_ a: [String: Any], _ b: [String: Any]) -> Bool {
        NSDictionary(dictionary: a).isEqual(to: b)
    }
}
