import Foundation
import InfluenceKit
import Testing

/// `infmax convert` and the snapshots it writes: loading options are fixed in the snapshot, model
/// schemes are chosen when it is used.
@Suite(.serialized) struct ConvertCommandTests {
    /// Node d's in-values sum to 1.5.
    static let heavyText = "a d 0.5\nb d 0.5\nc d 0.5\n"

    static func exact(_ result: CLIResult) -> String? {
        result.lines.first { $0.hasPrefix("exact          ") }.map { String($0.dropFirst(15).prefix { $0 != " " }) }
    }

    @Test func convertThenInfoFromSnapshot() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let output = files.path("karate.infgraph")
        let made = try CLI.run(["convert", "Graphs/karate.txt", "--undirected", "--snapshot", output])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == "wrote \(output): 34 nodes, 156 arcs, no arc values\n")
        #expect(made.stderr.isEmpty)
        #expect(try files.leftovers(of: output).isEmpty)
        let info = try CLI.run(["info", output, "--json"])
        #expect(info.status == 0, "\(info.stderr)")
        let summary = try #require(try info.json()["summary"] as? [String: Any])
        #expect(summary["nodes"] as? Int == 34)
        #expect(summary["arcs"] as? Int == 156)
        #expect(summary["directed"] as? Bool == false)
    }

    /// Snapshots store no probabilities: a scheme given when the snapshot is used applies as for
    /// any graph, while --undirected and --dedupe (which change the arcs) stay refused.
    @Test func schemesApplyToSnapshotsButArcOptionsDoNot() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let snapshot = files.path("karate.infgraph")
        #expect(try CLI.run(["convert", "Graphs/karate.txt", "--undirected", "--snapshot", snapshot]).status == 0)

        let seeds = try CLI.run(["seeds", snapshot, "--k", "2", "--probabilities", "uniform:0.1", "--json"])
        #expect(seeds.status == 0, "\(seeds.stderr)")
        let record = try seeds.json()
        let request = try #require(record["request"] as? [String: Any]), graph = try #require(record["graph"] as? [String: Any])
        #expect(request["probabilities"] as? String == "uniform:0.1")
        #expect((record["model"] as? [String: Any])?["scheme"] as? String == "uniform:0.1")
        #expect(graph["nodes"] as? Int == 34 && graph["arcs"] as? Int == 156)
        // The same scheme on the text graph gives the same seeds.
        let text = try CLI.run(["seeds", "Graphs/karate.txt", "--undirected", "--k", "2", "--probabilities", "uniform:0.1", "--json"])
        #expect((try text.json()["seeds"] as? [[String: Any]])?.compactMap { $0["label"] as? String }
                == (try seeds.json()["seeds"] as? [[String: Any]])?.compactMap { $0["label"] as? String })

        let info = try CLI.run(["info", snapshot, "--probabilities", "uniform:0.1"])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.lines.contains("probabilities    uniform:0.1: min 0.1000  mean 0.1000  max 0.1000"))

        for flag in ["--undirected", "--dedupe"] {
            for command in [["seeds", snapshot, "--k", "2"], ["info", snapshot], ["simulate", snapshot, "--seeds", "0"]] {
                let line = try CLI.failure(command + [flag], status: 2)
                #expect(line == "error: \(snapshot): a snapshot's arcs are fixed (pass --undirected and --dedupe to 'infmax convert' instead)", "\(command) \(flag)")
            }
        }

        // Without arc values, the file scheme has nothing to read.
        let file = try CLI.failure(["simulate", snapshot, "--probabilities", "file", "--seeds", "0", "--runs", "10"], status: 2)
        #expect(file.hasPrefix("error: --probabilities: the file scheme needs per-arc values, but the graph has none"))
    }

    /// Converted with --probabilities file, the snapshot keeps the arc values: the file scheme
    /// works on it, IC accepts in-sums above 1, LT refuses them unless rescaled.
    @Test func snapshotKeepsArcValuesForTheFileScheme() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("heavy.txt", Self.heavyText)
        let snapshot = files.path("heavy.infgraph")
        let made = try CLI.run(["convert", graph, "--probabilities", "file", "--snapshot", snapshot])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == "wrote \(snapshot): 4 nodes, 3 arcs, arc values kept\n")

        let ic = try CLI.run(["simulate", snapshot, "--probabilities", "file", "--seeds", "a,b", "--exact", "--runs", "100"])
        #expect(ic.status == 0, "\(ic.stderr)")
        #expect(ic.lines.contains("model          ic (file)"))
        #expect(Self.exact(ic) == "2.750000")

        let lt = try CLI.failure(["simulate", snapshot, "--probabilities", "file", "--model", "lt", "--seeds", "a", "--runs", "10"], status: 1)
        #expect(lt == "error: node 'd' has LT in-weights summing to 1.5 (expected at most 1, or rescaled to sum to 1); --normalize-lt rescales them")
        let rescaled = try CLI.run(["simulate", snapshot, "--probabilities", "file", "--model", "lt", "--normalize-lt",
                                    "--seeds", "a", "--exact", "--runs", "100"])
        #expect(rescaled.status == 0, "\(rescaled.stderr)")
        #expect(Self.exact(rescaled) == "1.333333")

        let info = try CLI.run(["info", snapshot, "--probabilities", "file"])
        #expect(info.lines.contains("probabilities    file: min 0.5000  mean 0.5000  max 0.5000"))
        #expect(info.lines.contains("LT weights       file: not valid LT weights: node 'd' has LT in-weights summing to 1.5 (expected at most 1, or rescaled to sum to 1) (--normalize-lt rescales them)"))
        // The other schemes ignore the stored values.
        let wc = try CLI.run(["simulate", snapshot, "--seeds", "a", "--exact", "--runs", "100"])
        #expect(wc.status == 0, "\(wc.stderr)")
        #expect(Self.exact(wc) == "1.333333")
    }

    /// A snapshot of a deduplicated graph keeps the merged arcs: the cascade is that of the input.
    @Test func dedupedSnapshotKeepsTheCascade() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("parallel.txt", "0 1\n0 1\n2 1\n")
        let snapshot = files.path("parallel.infgraph")
        let made = try CLI.run(["convert", graph, "--dedupe", "--snapshot", snapshot])
        #expect(made.stdout == "wrote \(snapshot): 3 nodes, 2 arcs, no arc values\n")
        for model in ["ic", "lt"] {
            let fromText = try CLI.run(["simulate", graph, "--model", model, "--seeds", "0", "--exact", "--runs", "10"])
            let fromSnapshot = try CLI.run(["simulate", snapshot, "--model", model, "--seeds", "0", "--exact", "--runs", "10"])
            #expect(fromSnapshot.status == 0, "\(fromSnapshot.stderr)")
            #expect(Self.exact(fromText) == Self.exact(fromSnapshot), "\(model)")
            #expect(Self.exact(fromSnapshot) == (model == "ic" ? "1.555556" : "1.666667"))
        }
        let info = try CLI.run(["info", snapshot])
        #expect(info.lines.contains("parallel arcs    1 (merged)"))
    }

    /// A snapshot stores no model parameters: a scheme other than file, or --normalize-lt, would
    /// have no effect, so it is refused rather than silently ignored.
    @Test func schemesThatASnapshotCannotKeepAreRefused() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let snapshot = files.path("refused.infgraph")
        let uniform = try CLI.failure(["convert", "Graphs/karate.txt", "--probabilities", "uniform:0.2", "--snapshot", snapshot], status: 2)
        #expect(uniform == "error: --probabilities: a snapshot stores no probabilities (choose the scheme when using the snapshot; 'file' here keeps the third column for later)")
        let rescale = try CLI.failure(["convert", "Graphs/karate.txt", "--normalize-lt", "--snapshot", snapshot], status: 2)
        #expect(rescale == "error: --normalize-lt: a snapshot stores the file's value columns, not rescaled LT weights (pass --normalize-lt when using the snapshot with --model lt)")
        #expect(!FileManager.default.fileExists(atPath: snapshot))
    }

    /// The same input converts to the same bytes in every process (the statistics JSON has sorted
    /// keys; Swift's hashing, and so unsorted key order, differs per process).
    @Test func convertingTwiceGivesTheSameBytes() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("labelled.txt", "alice bob 0.5\nbob carol 0.25\nalice bob 0.125\ncarol alice 1\n")
        var outputs: [[UInt8]] = []
        for i in 0..<4 {
            let snapshot = files.path("same-\(i).infgraph")
            let made = try CLI.run(["convert", graph, "--dedupe", "--probabilities", "file", "--snapshot", snapshot])
            #expect(made.status == 0, "\(made.stderr)")
            outputs.append(Array(try Data(contentsOf: URL(fileURLWithPath: snapshot))))
        }
        #expect(outputs.allSatisfy { $0 == outputs[0] }, "snapshots of one input differ between runs")
    }

    /// A snapshot forged with a valid checksum: NaN values are refused when it is loaded, and
    /// in-weights above 1 when it is used with --model lt (IC takes them).
    @Test func forgedSnapshotsAreRefused() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let graph = try files.write("light.txt", "a d 0.5\nb d 0.4\n")
        let snapshot = files.path("light.infgraph")
        #expect(try CLI.run(["convert", graph, "--probabilities", "file", "--snapshot", snapshot]).status == 0)
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: snapshot)))
        // Two arcs, three nodes: values follow the offsets (8 × 4) and targets (4 × 2).
        let values = GraphSnapshot.headerSize + 8 * 4 + 4 * 2
        func forged(_ second: Float, _ name: String) throws -> String {
            var copy = bytes
            withUnsafeBytes(of: second.bitPattern.littleEndian) { copy.replaceSubrange(values + 4..<values + 8, with: $0) }
            let sum = copy.withUnsafeBytes { GraphSnapshot.checksum(of: $0) }
            withUnsafeBytes(of: sum.littleEndian) { copy.replaceSubrange(GraphSnapshot.checksumRange, with: $0) }
            return try files.write(name, bytes: copy)
        }
        let heavy = try forged(0.6, "heavy.infgraph")
        let ic = try CLI.run(["simulate", heavy, "--probabilities", "file", "--seeds", "a,b", "--exact", "--runs", "10"])
        #expect(ic.status == 0, "\(ic.stderr)")
        #expect(Self.exact(ic) == "2.800000")
        let lt = try CLI.failure(["simulate", heavy, "--probabilities", "file", "--model", "lt", "--seeds", "a", "--runs", "10"], status: 1)
        #expect(lt == "error: node 'd' has LT in-weights summing to 1.1 (expected at most 1, or rescaled to sum to 1); --normalize-lt rescales them")

        let nan = try forged(.nan, "nan.infgraph")
        for command in [["info", nan], ["simulate", nan, "--seeds", "a", "--runs", "10"]] {
            let line = try CLI.failure(command, status: 1)
            #expect(line == "error: \(nan): snapshot holds an inconsistent graph: arc value nan outside [0, 1]; rebuild it with 'infmax convert'", "\(command)")
        }
    }

    @Test func outputMustBeAnInfgraph() throws {
        let line = try CLI.parserRefusal(["convert", "Graphs/karate.txt", "--output", "karate.bin"])
        #expect(line == "error: --output must name a .infgraph file (e.g. --output graph.infgraph)")
    }
}
