import Foundation
import Testing
import GraphInfomax
import InfluenceKit

/// The README's GraphInfomax example, statement for statement (paths made absolute, the output in
/// a temporary directory), with checks that each step gave the right answer.
@Suite struct LibraryExampleTests {
    @Test func readmeExampleRuns() throws {
        let root = CLIPaths.root + "/"
        let output = temporaryPath("communities.npy")
        defer { try? FileManager.default.removeItem(atPath: output) }

        // Train DGI on a graph with node features, save the embeddings, load them back, query them.
        let graph = try GraphLoader.load(root + "Graphs/communities/edges.txt", options: GraphLoadOptions(undirected: true)).graph
        let features = try NodeFeatureFile.read(root + "Graphs/communities/features.txt", graph: graph)
        var dgi = DeepGraphInfomax(configuration: .init(dimensions: 64, maxEpochs: 200, seed: 1))
        try dgi.train(features: features, edges: UndirectedEdges(graph))
        let embeddings = NodeEmbeddings(graph: graph, vectors: dgi.embeddings!)
        try embeddings.save(to: output)
        let loaded = try NodeEmbeddings.load(output)
        let similar = loaded.nearest(to: "0", k: 5)
        #expect(loaded == embeddings && loaded.count == 120 && loaded.dimensions == 64)
        #expect(dgi.report!.bestLoss < dgi.report!.losses[0])
        // Node 0's nearest neighbours are mostly from its own community (nodes 0–39).
        #expect(similar.filter { Int($0.label)! < 40 }.count >= 4, "\(similar)")

        // Score them with the linear probe (DGI's protocol).
        let index = loaded.rowIndex()
        let classes = try NodeLabelFile.readClasses(root + "Graphs/communities/labels.txt", rows: loaded.count) { index[String($0)] }
        let train = try NodeLabelFile.readSplit(root + "Graphs/communities/train.txt") { index[String($0)] }
        let test = try NodeLabelFile.readSplit(root + "Graphs/communities/test.txt") { index[String($0)] }
        let probe = try LinearProbe(configuration: .init(restarts: 10)).evaluate(embeddings: loaded.vectors, classes: classes, train: train, test: test)
        #expect(probe.mean > 90, "probe \(probe.mean)%")

        // Mutual-information estimators on a batch of critic scores.
        let gaussians = CorrelatedGaussians(dimensions: 20, mutualInformation: 2)
        let estimate = gaussians.meanEstimate(.infoNCE, batch: 64, batches: 100, seed: 1)
        #expect(estimate > 1.6 && estimate < 2.0)
    }
}
