import Foundation
import Testing

/// The reproductions of issue "Hardening 2": every reader through the one bounded line reader,
/// one memory budget, numbers checked where they enter. Each ran against the binary before the
/// fix and crashed (signal), hung, or gave a wrong answer; now each gives one `error:` line and a
/// non-zero exit, or the right answer.
@Suite struct Hardening2CommandTests {
    /// Runs `script` with /bin/sh (for ulimit, pipes and gzip); the infmax binary is `$B`.
    static func shell(_ script: String) throws -> CLIResult {
        try CLI.run(["-c", "B='\(CLI.binary)'; " + script], executable: "/bin/sh")
    }

    /// `A` with its combining accent, `café` in NFC and NFD: two byte strings, two labels.
    static let nfc = "caf\u{E9}", nfd = "cafe\u{301}"

    // MARK: whole-file readers without a size cap

    /// `--seeds-file /dev/zero` grew without bound, then SIGABRT.
    @Test func seedsFileFromDevZeroIsRefusedAtOnce() throws {
        let line = try CLI.failure(["simulate", "Graphs/karate.txt", "--undirected", "--seeds-file", "/dev/zero"], status: 1)
        #expect(line == "error: /dev/zero:1: binary data: byte 0x00 at line 1, column 1 (expected one label per line, or JSON with a \"seeds\" array)", "\(line)")
    }

    /// A small gzip file inflating far past the memory limit, given as an AP file, was inflated
    /// whole; now the text read is bounded by a quarter of --max-memory.
    @Test func gzipBombAsAPFileStopsAtTheLimit() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let bomb = files.path("aps.gz")
        // 48 MiB of "0,33" lines, about 100 KiB compressed.
        let made = try Self.shell("yes '0,33' | head -c 50331648 | gzip -1 > '\(bomb)'")
        #expect(made.status == 0, "\(made.stderr)")
        let line = try CLI.failure(["cim", "Graphs/karate.txt", "--undirected", "--aps", bomb, "--k", "2", "--max-memory", "64M"], status: 1)
        #expect(line.hasPrefix("error: \(bomb): the file holds more than 16.0 MiB of text"), "\(line)")
    }

    /// `info /dev/zero --format gml` read zeros until a 34.5 GB allocation aborted.
    @Test func wholeFileFormatFromDevZeroIsRefusedAtOnce() throws {
        let line = try CLI.failure(["info", "/dev/zero", "--format", "gml"], status: 1)
        #expect(line.hasPrefix("error: /dev/zero:1: binary data: byte 0x00 at line 1, column 1 (expected GML text)"), "\(line)")
    }

    // MARK: one memory budget

    /// The default limit follows `ulimit -v`: 80% of 2,000,000 KiB is 1.53 GiB (the machine has
    /// more physical memory, and no cgroup limit below that is assumed: the test skips itself when
    /// the default without ulimit is already smaller).
    @Test func defaultLimitFollowsUlimit() throws {
        let plain = try CLI.run(["seeds", "--help"])
        let limited = try Self.shell("ulimit -v 2000000 && exec \"$B\" seeds --help")
        #expect(limited.status == 0, "\(limited.stderr)")
        let flat = limited.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let unlimited = plain.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !unlimited.contains("cgroup (1.") && !unlimited.contains("MiB))") else { return }
        #expect(flat.contains("80% of available memory: physical, ulimit, cgroup (1.53 GiB)"), "\(flat)")
        #expect(!unlimited.contains("(1.53 GiB)"))
    }

    /// Under `ulimit -v`, a gzip bomb given to `info` aborted on an allocation above the process
    /// limit: the default limit ignored it. Now the reader stops at 80% of it.
    @Test func gzipBombUnderUlimitIsRefused() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let bomb = files.path("bomb.gz")
        let made = try Self.shell("yes '1 2' | head -c 268435456 | gzip -1 > '\(bomb)'")
        #expect(made.status == 0, "\(made.stderr)")
        let result = try Self.shell("ulimit -v 1500000 && exec \"$B\" info '\(bomb)'")
        #expect(result.status == 1, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("error: \(bomb): the graph needs about"), "\(result.stderr)")
        #expect(lines.first?.contains("but the memory limit is 1.14 GiB") == true, "\(result.stderr)")
    }

    /// `embed` sized its weights by the largest feature index: `0 1073741823` asked for 8.6 GB.
    /// Features are the indices present: three here (0, 3 and 1073741823).
    @Test func featureIndicesSizeNothing() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let features = try files.write("f.txt", "0 1073741823\n1 0\n1 3\n")
        let output = files.path("e.npy")
        let result = try CLI.run(["embed", "Graphs/communities/edges.txt", "--undirected", "--features", features, "--dim", "8",
                                  "--epochs", "2", "--output", output, "--json", "--max-memory", "256M"])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try result.json()
        let columns = (record["features"] as? [String: Any])?["columns"] as? Int
        #expect(columns == 3, "\(record["features"] ?? "none")")
    }

    /// `embed --nodes 50000000` asked for 102 GB; now the estimate is checked first.
    @Test func embedNodesAreCheckedAgainstTheLimit() throws {
        let line = try CLI.failure(["embed", "Graphs/karate.txt", "--undirected", "--nodes", "2000000", "--output", "/dev/null",
                                    "--max-memory", "2G"], status: 1)
        #expect(line.contains("--nodes"), "\(line)")
        #expect(line.contains("memory limit"), "\(line)")
    }

    /// `closed --runs 100000000000` (then spelled --mc-runs) passed the run bound and aborted on 87.5 GB of tallies.
    @Test func closedRunCountIsCheckedAgainstTheLimit() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let seeds = try files.write("seeds.txt", "0\n")
        let line = try CLI.failure(["closed", "Graphs/karate.txt", "--undirected", "--seeds-file", seeds, "--k", "2",
                                    "--runs", "100000000000"], status: 1)
        #expect(line.hasPrefix("error: 100000000000 Monte Carlo runs of 1 seed need about "), "\(line)")
        #expect(line.hasSuffix("; see --runs"), "\(line)")
        // Beyond the bound of every run count: refused as usage, naming the flag.
        let bound = try CLI.failure(["closed", "Graphs/karate.txt", "--undirected", "--seeds-file", seeds, "--k", "2",
                                     "--greedy-runs", "2000000000000"], status: 2)
        #expect(bound.hasPrefix("error: --greedy-runs: 2000000000000 runs is more than an estimate can use"), "\(bound)")
    }

    /// `recommend --evaluate … --runs 9223372036854775807` (then spelled --worlds) was a SIGSEGV.
    @Test func recommendWorldsAreBounded() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let arcs = try files.write("arcs.tsv", "a\tb\t0.5\nb\tc\t0.5\na\tc\t0.2\n")
        let inviters = try files.write("inviters.txt", "a\n")
        let truth = try files.write("truth.tsv", "a\tc\n")
        let line = try CLI.failure(["recommend", arcs, "--inviters", inviters, "--k", "1", "--evaluate", truth,
                                    "--runs", "9223372036854775807"], status: 2)
        #expect(line.hasPrefix("error: --runs: "), "\(line)")
        // Within the run bound, the tallies (worlds × K) are checked against --max-memory.
        let tallies = try CLI.failure(["recommend", arcs, "--inviters", inviters, "--k", "1", "--evaluate", truth,
                                       "--runs", "100000000", "--max-memory", "64M"], status: 1)
        #expect(tallies.hasPrefix("error: 100000000 worlds of K = 1 need about 762.9 MiB of tallies, above the memory limit 64.0 MiB"), "\(tallies)")
        #expect(tallies.hasSuffix("; see --runs"), "\(tallies)")
    }

    /// `recommend --sets-per-node 7000000` on the bundled instance (3.76·10^9 RR sets, under the
    /// 2^32 bound) aborted on its allocation under `ulimit -v 4000000` (SIGABRT); the pool is now
    /// sized by a one-set-per-node pilot and checked against the limit before it is drawn. An r
    /// that fits still runs.
    @Test func recommendSetsPerNodeAreCheckedAgainstTheLimit() throws {
        let g = "Graphs/invite/"
        let base = ["recommend", g + "invitations.tsv", "--node-values", g + "acceptance.tsv", "--inviters", g + "inviter-list.txt", "--k", "3", "--quiet"]
        let line = try CLI.failure(base + ["--sets-per-node", "200000", "--max-memory", "64M"], status: 1)
        #expect(line.hasPrefix("error: r = 200000 gives 107400000 RR sets of about "), "\(line)")
        #expect(line.contains("above the memory limit 64.0 MiB") && line.hasSuffix("; see --sets-per-node"), "\(line)")
        let fits = try CLI.run(base + ["--sets-per-node", "64", "--max-memory", "64M", "--json"])
        #expect(fits.status == 0, "\(fits.stderr)")
    }

    // MARK: .npy and probe

    /// Writes a `.npy` with `header` (the dictionary) and `data`.
    static func npy(_ header: String, data: [UInt8]) -> [UInt8] {
        var text = header
        while (10 + text.utf8.count + 1) % 64 != 0 { text += " " }
        text += "\n"
        let length = UInt16(text.utf8.count)
        return [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0, UInt8(length & 0xFF), UInt8(length >> 8)] + Array(text.utf8) + data
    }

    /// A 128-byte `.npy` declaring shape (2^61, 1) of `<f8` trapped probe (rows·cols·width).
    @Test func npyShapeOverflowIsAnError() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let emb = try files.write("e.npy", bytes: Self.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2305843009213693952, 1), }",
                                                           data: [UInt8](repeating: 0, count: 64)))
        let labels = try files.write("l.txt", "0 0\n")
        let split = try files.write("s.txt", "0\n")
        let line = try CLI.failure(["probe", emb, "--labels", labels, "--train", split, "--test", split], status: 1)
        #expect(line.contains("shape (2305843009213693952, 1) overflows"), "\(line)")
    }

    /// A `.npy` name on /dev/zero was read whole (without end); the magic is checked first.
    @Test func npyFromDevZeroIsRefusedAtOnce() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let emb = files.path("zero.npy")
        try FileManager.default.createSymbolicLink(atPath: emb, withDestinationPath: "/dev/zero")
        let labels = try files.write("l.txt", "0 0\n")
        let line = try CLI.failure(["probe", emb, "--labels", labels, "--train", labels, "--test", labels], status: 1)
        #expect(line.hasPrefix("error: \(emb): not a .npy file: no \\x93NUMPY magic"), "\(line)")
    }

    /// NaN in a `.npy` gave chance accuracy and exit 0.
    @Test func npyNaNIsAnError() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        var data: [UInt8] = []
        for v: Float in [0, 1, .nan, 2] { let b = v.bitPattern; data += [UInt8(b & 0xFF), UInt8((b >> 8) & 0xFF), UInt8((b >> 16) & 0xFF), UInt8(b >> 24)] }
        let emb = try files.write("e.npy", bytes: Self.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", data: data))
        let labels = try files.write("l.txt", "0 0\n1 1\n")
        let split = try files.write("s.txt", "0\n1\n")
        let line = try CLI.failure(["probe", emb, "--labels", labels, "--train", split, "--test", split], status: 1)
        #expect(line.contains("value at row 1, column 0 is nan"), "\(line)")
    }

    /// The header is parsed: a shape hidden in a string value is not a shape.
    @Test func npyHeaderIsParsedNotSearched() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let emb = try files.write("e.npy", bytes: Self.npy("{'descr': '<f4', 'fortran_order': False, 'x': \"'shape': (1, 1)\", 'shape': (1, 1), }",
                                                           data: [0, 0, 0, 0]))
        let labels = try files.write("l.txt", "0 0\n")
        let split = try files.write("s.txt", "0\n")
        let line = try CLI.failure(["probe", emb, "--labels", labels, "--train", split, "--test", split], status: 1)
        #expect(line.contains("unknown key 'x'"), "\(line)")
    }

    /// One class labelled 1048575 made probe train 2^20 classes for half an hour; classes are
    /// those present now (2).
    @Test func probeClassesAreThosePresent() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let emb = try files.write("e.tsv", "a\t1\t0\nb\t0\t1\nc\t1\t0.1\nd\t0.1\t1\n")
        let labels = try files.write("l.txt", "a 0\nb 1048575\nc 0\nd 1048575\n")
        let train = try files.write("train.txt", "a\nb\n")
        let test = try files.write("test.txt", "c\nd\n")
        let result = try CLI.run(["probe", emb, "--labels", labels, "--train", train, "--test", test, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let accuracy = try result.json()["accuracy"] as? [String: Any]
        #expect(accuracy?["classes"] as? Int == 2, "\(accuracy ?? [:])")
    }

    // MARK: byte-exact labels and line endings

    /// CRLF, CR-only and BOM AP files were refused; each now reads as the LF file does.
    @Test(arguments: ["\r\n", "\r", "bom"])
    func apFilesTakeEveryLineEnding(_ ending: String) throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let reference = try files.write("a-lf", "0,33\n1,2,3,32\n")
        let text = ending == "bom" ? "\u{FEFF}0,33\n1,2,3,32\n" : "0,33\(ending)1,2,3,32\(ending)"
        let variant = try files.write("a", text)
        let arguments = { (aps: String) in ["cim", "Graphs/karate.txt", "--undirected", "--aps", aps, "--ap-set", "2", "--k", "2", "--json"] }
        let expected = try CLI.run(arguments(reference))
        let got = try CLI.run(arguments(variant))
        #expect(expected.status == 0 && got.status == 0, "\(got.stderr)")
        let strip = { (s: String) in s.replacingOccurrences(of: reference, with: "F").replacingOccurrences(of: variant, with: "F") }
        // Everything but timings and memory: the AP set, the seeds, the spreads.
        func scrub(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !["seconds", "peakResidentBytes", "timings", "memory"].contains($0.key) && !$0.key.hasSuffix("Seconds") }
                    .mapValues(scrub)
            }
            if let array = value as? [Any] { return array.map(scrub) }
            return value
        }
        let fields = { (r: CLIResult) throws -> [String: Any] in
            scrub(try JSONSerialization.jsonObject(with: Data(strip(r.stdout).utf8))) as? [String: Any] ?? [:]
        }
        #expect(!(try fields(expected)).isEmpty)
        #expect(NSDictionary(dictionary: try fields(expected)).isEqual(to: try fields(got)), "\(got.stdout)")
    }

    /// An AP file naming `café` in NFC and in NFD names two nodes (it merged them into one).
    @Test func apLabelsAreByteExact() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("g.txt", "\(Self.nfc) x\n\(Self.nfd) x\nx y\ny z\n")
        let aps = try files.write("aps.txt", "\(Self.nfc)\n\(Self.nfd)\n")
        let result = try CLI.run(["cim", graph, "--aps", aps, "--k", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(text.contains("\"activeParticipants\" : 2") || text.contains("\"activeParticipants\": 2"), "\(text)")
    }

    /// recommend merged NFC and NFD `café` into one user (then refused the arcs as repeated)
    /// and mapped the bytes FF and FE to one user; now two users, and FF is refused with its line.
    @Test func recommendLabelsAreByteExact() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let arcs = try files.write("arcs.tsv", "\(Self.nfc)\tbob\t0.5\n\(Self.nfd)\tbob\t0.5\n")
        let inviters = try files.write("inviters.txt", "\(Self.nfc)\n\(Self.nfd)\n")
        let result = try CLI.run(["recommend", arcs, "--inviters", inviters, "--k", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(Self.nfc) && result.stdout.contains(Self.nfd))
        let binary = try files.write("bin.tsv", bytes: Array("a\tb\t0.5\n".utf8) + [0xFF] + Array("\tb\t0.5\n".utf8) + [0xFE] + Array("\tb\t0.5\n".utf8))
        let line = try CLI.failure(["recommend", binary, "--inviters", inviters, "--k", "1"], status: 1)
        #expect(line.hasPrefix("error: \(binary):2: bytes that are not valid UTF-8 at line 2"), "\(line)")
    }

    /// probe's TSV reader merged NFC and NFD `café` ("already has a row"); two rows now.
    @Test func probeTSVLabelsAreByteExact() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let emb = try files.write("e.tsv", "\(Self.nfc)\t1\t0\n\(Self.nfd)\t0\t1\nx\t1\t0.1\ny\t0.1\t1\n")
        let labels = try files.write("l.txt", "\(Self.nfc) 0\n\(Self.nfd) 1\nx 0\ny 1\n")
        let train = try files.write("train.txt", "\(Self.nfc)\n\(Self.nfd)\n")
        let test = try files.write("test.txt", "x\ny\n")
        let result = try CLI.run(["probe", emb, "--labels", labels, "--train", train, "--test", test, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let accuracy = try result.json()["accuracy"] as? [String: Any]
        #expect(accuracy?["trainNodes"] as? Int == 2 && accuracy?["classes"] as? Int == 2, "\(accuracy ?? [:])")
    }

    // MARK: embed's feature files

    /// A dense file with a repeated node was read as pairs (6 features instead of 2): now an
    /// error naming both lines; a CR-only file was one row: now a row per line.
    @Test func featureDetectionIsNotFooled() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let repeated = try files.write("dense.txt", "0 1 5\n1 0 1\n0 1 1\n")
        let line = try CLI.failure(["embed", "Graphs/karate.txt", "--undirected", "--features", repeated, "--output", files.path("e.tsv")],
                                   status: 1)
        #expect(line.hasPrefix("error: \(repeated):3: node '0' also has a row on line 1"), "\(line)")
        let crOnly = try files.write("cr.txt", "0 0.5 1\r1 1 0\r2 0 0.25\r")
        let result = try CLI.run(["embed", "Graphs/karate.txt", "--undirected", "--features", crOnly, "--dim", "4", "--epochs", "2",
                                  "--output", files.path("e2.tsv"), "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let columns = (try result.json()["features"] as? [String: Any])?["columns"] as? Int
        #expect(columns == 2)
    }
}
