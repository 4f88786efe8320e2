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

        // Train DGI on a graph with node features: one request, its record, and the embeddings beside it.
        let input = try GraphInput.load(root + "Graphs/communities/edges.txt", options: GraphLoadOptions(undirected: true))
        let run = try EmbedRequest(features: root + "Graphs/communities/features.txt", dimensions: 64, epochs: 200, seed: 1).embed(on: input)
        try run.embeddings.save(to: output)
        let loaded = try NodeEmbeddings.load(output)
        let similar = loaded.nearest(to: "0", k: 5)
        #expect(loaded == run.embeddings && loaded.count == 120 && loaded.dimensions == 64)
        #expect(run.record.training.bestLoss < run.record.training.firstLoss)
        // Node 0's nearest neighbours are mostly from its own community (nodes 0–39).
        #expect(similar.filter { Int($0.label) ?? 40 < 40 }.count >= 4, "\(similar)")

        // Score them with the linear probe (DGI's protocol).
        let probe = try ProbeRequest(labels: root + "Graphs/communities/labels.txt", train: root + "Graphs/communities/train.txt",
                                     test: root + "Graphs/communities/test.txt", restarts: 10).run(on: EmbeddingsInput(loaded))
        #expect(probe.accuracy.mean > 90, "probe \(probe.accuracy.mean)%")
        #expect(probe.accuracy.accuracies.count == 10)

        // Mutual-information estimators on a batch of critic scores.
        let gaussians = CorrelatedGaussians(dimensions: 20, mutualInformation: 2)
        let estimate = gaussians.meanEstimate(.infoNCE, batch: 64, batches: 100, seed: 1)
        #expect(estimate > 1.6 && estimate < 2.0)
    }
}
