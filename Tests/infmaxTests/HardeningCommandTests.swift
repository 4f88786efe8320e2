import Foundation
import Testing

/// Inputs that used to crash the CLI or slip past its checks (issue "Hardening"): each must be a
/// clear refusal, and nothing written.
@Suite struct HardeningCommandTests {
    /// `--max-memory 1e30` and `99999999T` trapped converting the size to Int; they are sizes no
    /// machine has, so the parser refuses them.
    @Test(arguments: ["1e30", "99999999T", "9e18"])
    func absurdMemorySizesAreRefused(_ size: String) throws {
        let line = try CLI.parserRefusal(["seeds", "Graphs/karate.txt", "--undirected", "--k", "2", "--max-memory", size])
        #expect(line == "error: The value '\(size)' is invalid for '--max-memory <SIZE>'")
    }

    /// The default is shown as a size, not as the type's internals.
    @Test func memoryDefaultReadsAsASize() throws {
        let help = try CLI.run(["seeds", "--help"])
        #expect(help.status == 0)
        let text = help.stdout.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        #expect(text.contains("(default: 80% of available memory: physical, ulimit, cgroup ("), "\(text)")
        #expect(!text.contains("ByteCount("))
    }

    /// NaN compares false with everything, so `exponent < 2` let it through and igraph wrote a graph.
    @Test(arguments: ["nan", "inf", "1.5"])
    func powerLawExponentsMustBeFiniteAndAtLeastTwo(_ value: String) throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let output = files.path("power-law.txt")
        let line = try CLI.parserRefusal(["generate", "power-law", "--nodes", "100", "--arcs", "300", "--exponent-in", value,
                                          "--output", output])
        #expect(line.hasPrefix("error: --exponent-out and --exponent-in must be finite numbers of at least 2"), "\(line)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// Labels a spreadsheet would run as formulas are written inert in `compare --csv`.
    @Test func csvCellsAreNotFormulas() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("formulas.txt", "=1+1 @SUM(A1)\n@SUM(A1) -3\n-3 =1+1\n")
        let csv = files.path("formulas.csv")
        let result = try CLI.run(["compare", graph, "--k", "1", "--runs", "100", "--algorithms", "degree", "--csv", csv, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 2)
        let seeds = try #require(rows.last?.split(separator: ",").last)
        #expect(seeds == "'=1+1", "\(rows)")
    }
}
