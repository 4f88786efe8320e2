import Foundation
import Testing
import GraphInfomax
import InfluenceKit

/// The example of the InfluenceKit catalogue's NodeEmbeddings article
/// (Sources/InfluenceKit/InfluenceKit.docc/NodeEmbeddings.md), run as the article prints it (paths
/// made absolute, the output in a temporary file), with checks that can fail: the embeddings and
/// the seeds are the same for one thread and for two (every random choice flows from the seed),
/// the file reads back to the same embeddings, and the seeds are prefixes of each other.
///
/// `articleShowsTheTestedExample` checks that the article's example is, line for line, the block
/// between `// example` and `// end of example`: change both in the same commit.
@Suite struct DocumentationExampleTests {
    struct Outcome: Equatable {
        var embeddings: NodeEmbeddings
        var seeds: [String]
        var bestLoss: Double
        var firstLoss: Double
    }

    static func run(threads: Int, output: String) throws -> Outcome {
        let path = CLIPaths.root + "/Graphs/karate.txt"
        // example
        let graph = try GraphLoader.load(path, options: GraphLoadOptions(undirected: true)).graph

        // Structural features (degrees, reversed PageRank, two-hop reach): karate has no node attributes.
        let features = StructuralFeatures.of(graph)
        var dgi = DeepGraphInfomax(configuration: .init(dimensions: 16, maxEpochs: 100, seed: 1, threads: threads))
        try dgi.train(features: features, edges: UndirectedEdges(graph))
        let embeddings = NodeEmbeddings(graph: graph, vectors: dgi.embeddings!)
        try embeddings.save(to: output)                                   // .npy (or .tsv)
        print(dgi.report!.bestLoss, embeddings.nearest(to: "33", k: 3).map(\.label))

        // Seeds from embeddings: predicted single-node spread with a diversity penalty (no guarantee).
        let model = try DiffusionModelKind.ic.bind(to: graph)
        var configuration = EmbeddingSeedSelector.Configuration()
        configuration.dimensions = 16
        configuration.rrSets = 4_096
        configuration.trainingNodes = 34
        let selector = EmbeddingSeedSelector(model: model, configuration: configuration, seed: 1, threads: threads)
        let ranking = try selector.select(k: 3)
        print(ranking.seeds.map { graph.label(of: $0) })
        // end of example

        return Outcome(embeddings: embeddings, seeds: ranking.seeds.map { graph.label(of: $0) },
                       bestLoss: dgi.report!.bestLoss, firstLoss: dgi.report!.losses[0])
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
        let graph = try GraphLoader.load(CLIPaths.root + "/Graphs/karate.txt", options: GraphLoadOptions(undirected: true)).graph
        var configuration = EmbeddingSeedSelector.Configuration()
        configuration.dimensions = 16
        configuration.rrSets = 4_096
        configuration.trainingNodes = 34
        let selector = EmbeddingSeedSelector(model: try DiffusionModelKind.ic.bind(to: graph), configuration: configuration, seed: 1, threads: 1)
        #expect(try selector.select(k: 2).seeds.map { graph.label(of: $0) } == Array(a.seeds.prefix(2)))
    }
}
