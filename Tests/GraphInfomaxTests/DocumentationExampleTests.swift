import Foundation
import Testing
import GraphInfomax
import InfluenceKit

/// The example of the InfluenceKit catalogue's NodeEmbeddings article
/// (Sources/InfluenceKit/InfluenceKit.docc/NodeEmbeddings.md), run as the article prints it (paths
/// made absolute, the output in a temporary file), with checks that can fail: the embeddings and
/// the seeds are the same for one thread and for two (every random choice flows from the seed),
/// the file reads back to the same embeddings (the record's hash is theirs), and the seeds are
/// prefixes of each other.
///
/// `articleShowsTheTestedExample` checks that the article's example is, line for line, the block
/// between `// example` and `// end of example`: change both in the same commit.
@Suite struct DocumentationExampleTests {
    struct Outcome: Equatable {
        var embeddings: NodeEmbeddings
        var hash: String
        var seeds: [String]
        var bestLoss: Double
        var firstLoss: Double
    }

    static func run(threads: Int, output: String) throws -> Outcome {
        let path = CLIPaths.root + "/Graphs/karate.txt"
        // example
        let input = try GraphInput.load(path, options: GraphLoadOptions(undirected: true))

        // DGI on structural features (degrees, reversed PageRank, two-hop reach): karate has no node attributes.
        let run = try EmbedRequest(dimensions: 16, epochs: 100, seed: 1, threads: threads).embed(on: input)
        try run.embeddings.save(to: output)                               // .npy (or .tsv)
        print(run.record.training.bestLoss, run.record.embeddingsHash, run.embeddings.nearest(to: "33", k: 3).map(\.label))

        // Seeds from embeddings: learned marginal gains, checked against degree (no guarantee).
        let embedding = EmbeddingSelectionParameters(dimensions: 16, rrSets: 4_096, trainingNodes: 34)
        let learned = RunContext(learnedSelectors: EmbeddingSelectorFactory())
        let seeds = try SeedsRequest(k: 3, algorithm: .embedding, embedding: embedding, seed: 1, threads: threads)
            .run(on: input, context: learned)
        print(seeds.seedLabels, seeds.spread.estimate)
        // end of example

        #expect(run.record.embeddingsHash == run.embeddings.contentHash)
        #expect(seeds.guarantee == nil && seeds.spread.method == .rrSets)
        return Outcome(embeddings: run.embeddings, hash: run.record.embeddingsHash, seeds: seeds.seedLabels,
                       bestLoss: run.record.training.bestLoss, firstLoss: run.record.training.firstLoss)
    }

    /// The article's Swift block (less its imports and its input lines, `let path = "…", …`) is the
    /// block `run(threads:output:)` runs, line for line.
    @Test func articleShowsTheTestedExample() throws {
        func normalised(_ lines: [Substring]) -> [String] {
            lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { line in
                !line.isEmpty && !line.hasPrefix("import ")
                    && line.range(of: #"^let \w+ = ("[^"]*"|\d+)(, \w+ = ("[^"]*"|\d+))*$"#, options: .regularExpression) == nil
            }
        }
        let markdown = try String(contentsOfFile: CLIPaths.root + "/Sources/InfluenceKit/InfluenceKit.docc/NodeEmbeddings.md", encoding: .utf8)
        let block = try #require(markdown.components(separatedBy: "```swift\n").dropFirst()
            .map { $0.components(separatedBy: "```")[0] }.first { $0.contains("import InfluenceKit") })
        let source = try String(contentsOfFile: #filePath, encoding: .utf8)
        let open = try #require(source.range(of: "// example\n"))
        let close = try #require(source[open.upperBound...].range(of: "// end of example"))
        #expect(normalised(block.split(separator: "\n", omittingEmptySubsequences: false))
                    == normalised(source[open.upperBound..<close.lowerBound].split(separator: "\n", omittingEmptySubsequences: false)))
    }

    @Test func nodeEmbeddings() throws {
        let one = temporaryPath("doc-example-1.npy"), two = temporaryPath("doc-example-2.npy")
        defer { for path in [one, two] { try? FileManager.default.removeItem(atPath: path) } }
        let a = try Self.run(threads: 1, output: one)
        let b = try Self.run(threads: 2, output: two)
        #expect(a == b, "the same seed gives the same embeddings and seeds for any thread count")
        #expect(a.embeddings.count == 34 && a.embeddings.dimensions == 16)
        #expect(try NodeEmbeddings.load(one) == a.embeddings)
        #expect(a.bestLoss < a.firstLoss, "training lowered the loss")
        #expect(a.seeds.count == 3 && Set(a.seeds).count == 3)

        // The selector's answer for k' < k is the prefix of its answer for k.
        let input = try GraphInput.load(CLIPaths.root + "/Graphs/karate.txt", options: GraphLoadOptions(undirected: true))
        let embedding = EmbeddingSelectionParameters(dimensions: 16, rrSets: 4_096, trainingNodes: 34)
        let firstTwo = try SeedsRequest(k: 2, algorithm: .embedding, embedding: embedding, seed: 1, threads: 1)
            .run(on: input, context: RunContext(learnedSelectors: EmbeddingSelectorFactory()))
        #expect(firstTwo.seedLabels == Array(a.seeds.prefix(2)))
    }
}
