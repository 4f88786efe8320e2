import Foundation
import Testing

/// Counts so large that the run would abort allocating, or grow memory without bound, are refused
/// up front on one line (issue "Hardening").
@Suite struct ResourceBoundsCommandTests {
    /// `--runs 9223372036854775807` aborted allocating one block total per 64 runs.
    @Test func absurdRunCountsAreRefused() throws {
        let line = try CLI.failure(["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0", "--runs", "9223372036854775807"], status: 2)
        #expect(line.hasPrefix("error: --runs: 9223372036854775807 runs is more than an estimate can use (expected at most 1000000000000"), "\(line)")
        let capped = try CLI.failure(["simulate", "Graphs/karate.txt", "--undirected", "--seeds", "0", "--until-relative-error", "0.01",
                                      "--max-runs", "9223372036854775807"], status: 2)
        #expect(capped.hasPrefix("error: --max-runs: 9223372036854775807 runs is more than"), "\(capped)")
        let compared = try CLI.failure(["compare", "Graphs/karate.txt", "--undirected", "--k", "1", "--algorithms", "degree",
                                        "--runs", "9223372036854775807"], status: 2)
        #expect(compared.hasPrefix("error: --runs: 9223372036854775807 runs is more than"), "\(compared)")
    }

    /// `--evaluation-sets 100000000000` kept one count per 64 sets (gigabytes); the sets are now
    /// counted per worker, and a count no interval can use is refused.
    @Test func absurdEvaluationSetCountsAreRefused() throws {
        let line = try CLI.failure(["seeds", "Graphs/karate.txt", "--undirected", "--k", "2", "--evaluation-sets", "100000000000"], status: 2)
        #expect(line.hasPrefix("error: --evaluation-sets: 100000000000 evaluation sets (expected 1 to 10000000000"), "\(line)")
    }

    /// Each worker holds O(n) scratch: a thread count no machine has is refused by the parser.
    @Test func absurdThreadCountsAreRefused() throws {
        let line = try CLI.parserRefusal(["simulate", "Graphs/karate.txt", "--seeds", "0", "--threads", "100000000"])
        #expect(line.hasPrefix("error: --threads takes a count from 1 to 1024"), "\(line)")
    }
}

extension ResourceBoundsCommandTests {
    /// `simulate --max-memory` bounds the simulation's buffers too (per-thread scratch and node
    /// counters), not only the graph.
    /// (100,000 declared nodes and one arc: the graph fits in 5 MiB, two threads' buffers do not.)
    @Test func simulationBuffersRespectMaxMemory() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("one-arc.txt", "0 1\n")
        let fits = try CLI.run(["simulate", graph, "--nodes", "100000", "--seeds", "0", "--threads", "1", "--runs", "64",
                                "--max-memory", "5M"])
        #expect(fits.status == 0, "\(fits.stderr)")
        let line = try CLI.failure(["simulate", graph, "--nodes", "100000", "--seeds", "0", "--threads", "2", "--runs", "1000",
                                    "--node-probabilities", "3", "--max-memory", "5M"], status: 1)
        #expect(line.hasPrefix("error: simulating on 2 threads needs about"), "\(line)")
        #expect(line.hasSuffix("(expected a higher memory limit or fewer threads); see --max-memory"), "\(line)")
    }
}
