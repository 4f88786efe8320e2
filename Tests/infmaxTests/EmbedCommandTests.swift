import Foundation
import Testing

/// `infmax embed` and `infmax probe` end to end on the bundled planted-partition graph.
@Suite struct EmbedCommandTests {
    static let dir = "Graphs/communities/"

    @Test func embedThenProbe() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let out = files.path("embed.npy")
        let embed = try CLI.run(["embed", Self.dir + "edges.txt", "--undirected", "--features", Self.dir + "features.txt",
                                 "--dim", "32", "--epochs", "150", "--seed", "3", "--output", out, "--json"])
        #expect(embed.status == 0, "\(embed.stderr)")
        let summary = try embed.json()
        let training = try #require(summary["training"] as? [String: Any])
        for key in ["epochs", "bestEpoch", "bestLoss"] { #expect(training[key] != nil, "missing \(key)") }
        let phases = try #require((summary["timings"] as? [String: Any])?["phases"] as? [[String: Any]])
        #expect(phases.contains { $0["name"] as? String == "training" && $0["seconds"] is Double })
        #expect((summary["memory"] as? [String: Any])?["peakResidentBytes"] as? Int ?? 0 > 0)
        #expect(summary["nodes"] as? Int == 120 && summary["dimensions"] as? Int == 32)
        #expect(summary["useCase"] as? String == "embed" && (summary["request"] as? [String: Any])?["output"] as? String == out)
        let probe = try CLI.run(["probe", out, "--labels", Self.dir + "labels.txt", "--train", Self.dir + "train.txt",
                                 "--test", Self.dir + "test.txt", "--restarts", "5", "--json"])
        #expect(probe.status == 0, "\(probe.stderr)")
        let record = try probe.json()
        #expect(record["useCase"] as? String == "probe" && (record["embeddings"] as? [String: Any])?["path"] as? String == out)
        let report = try #require(record["accuracy"] as? [String: Any])
        let mean = try #require(report["mean"] as? Double), sd = try #require(report["sd"] as? Double)
        // The planted communities are learned: above 90% (a random encoder's probe sits far below).
        #expect(mean > 90, "probe \(mean) ± \(sd)")
        // The summary is that of the five restarts it lists (a mean or deviation computed over
        // anything else fails): sample standard deviation, n − 1 in the denominator.
        let accuracies = try #require(report["accuracies"] as? [Double])
        #expect(accuracies.count == 5)
        let average = accuracies.reduce(0, +) / Double(accuracies.count)
        let deviation = (accuracies.map { ($0 - average) * ($0 - average) }.reduce(0, +) / Double(accuracies.count - 1)).squareRoot()
        #expect(abs(mean - average) < 1e-9 && abs(sd - deviation) < 1e-9, "\(mean) ± \(sd) against \(average) ± \(deviation)")
        // Both records rerun through `infmax run`: the same embeddings (the file rewritten with the
        // same bytes), the same accuracies.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
        let embedRecord = files.path("embed-record.json")
        let probeRecord = files.path("probe-record.json")
        try embed.stdout.write(toFile: embedRecord, atomically: true, encoding: .utf8)
        try probe.stdout.write(toFile: probeRecord, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: out)
        let rerun = try CLI.run(["run", embedRecord])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try rerun.json()["embeddingsHash"] as? String == summary["embeddingsHash"] as? String)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == bytes)
        let reprobe = try CLI.run(["run", probeRecord])
        #expect(reprobe.status == 0, "\(reprobe.stderr)")
        #expect((try reprobe.json()["accuracy"] as? [String: Any])?["accuracies"] as? [Double] == report["accuracies"] as? [Double])
    }

    @Test func tsvKeepsLabelsAndGraceRuns() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let out = files.path("grace.tsv")
        let r = try CLI.run(["embed", "Graphs/weighted.txt", "--method", "grace", "--dim", "4", "--epochs", "3", "--output", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 8 && lines.allSatisfy { $0.split(separator: "\t").count == 5 })
        #expect(lines.first?.hasPrefix("a\t") == true)
        // String labels cannot go to .npy.
        let line = try CLI.failure(["embed", "Graphs/weighted.txt", "--dim", "4", "--epochs", "2", "--output", NSTemporaryDirectory() + "x.npy"], status: 2)
        #expect(line.contains("not 0..n-1") && line.contains(".tsv"))
    }

    @Test func badInputIsOneLine() throws {
        let files = TemporaryFiles()
        defer { files.removeAll() }
        let bad = files.path("badfeatures.txt")
        try "0 1\n0 2\n999 3\n".write(toFile: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let line = try CLI.failure(["embed", Self.dir + "edges.txt", "--undirected", "--features", bad, "--output", NSTemporaryDirectory() + "y.npy"], status: 1)
        #expect(line.contains("\(bad):3: node '999' is not in the graph"))
        try CLI.parserRefusal(["embed", Self.dir + "edges.txt", "--dim", "0", "--output", "z.npy"])
        try CLI.parserRefusal(["probe", "z.npy", "--labels", "l", "--train", "t", "--test", "u", "--restarts", "0"])
        let missing = try CLI.failure(["probe", "/nonexistent.npy", "--labels", Self.dir + "labels.txt", "--train", Self.dir + "train.txt", "--test", Self.dir + "test.txt"], status: 1)
        #expect(missing.contains("/nonexistent.npy"))
    }

    @Test func embeddingSeedsInCompare() throws {
        let r = try CLI.run(["compare", "Graphs/karate.txt", "--undirected", "--k", "1,3", "--algorithms", "degree,embedding",
                             "--embedding-rr-sets", "2048", "--runs", "500", "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try r.json()["rows"] as? [[String: Any]])
        #expect(rows.contains { $0["algorithm"] as? String == "embedding" })
        let seeds = try CLI.run(["seeds", "Graphs/karate.txt", "--undirected", "--k", "3", "--algorithm", "embedding", "--embedding-rr-sets", "2048", "--json"])
        #expect(seeds.status == 0, "\(seeds.stderr)")
        let chosen = try #require(try seeds.json()["seeds"] as? [[String: Any]])
        #expect(chosen.count == 3 && Set(chosen.compactMap { $0["node"] as? Int }).count == 3)
        // The record says whether the learned seeds or degree's won the check on fresh RR sets;
        // when degree won, the seeds are degree's top 3 (karate's 33, 0, 32 by degree).
        let note = try #require(try seeds.json()["note"] as? String)
        let labels = chosen.compactMap { $0["label"] as? String }
        if note.contains("the answer is degree's seeds") { #expect(labels == ["33", "0", "32"], "\(note)") }
        else { #expect(note.contains("reach at least degree's spread at every k ≤ 3"), "\(note)") }
    }
}
