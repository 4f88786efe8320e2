import Testing
import GraphInfomax
import InfluenceKit
import Foundation

/// DGI end to end on a tiny synthetic graph of two communities whose features carry only a weak
/// signal (one coordinate shifted by ±0.5 under unit noise, so one node's features alone are
/// about 69% predictive): the trained embeddings separate the communities for a linear probe; the
/// same seed gives the same embeddings on 1 and 2 threads.
@Suite struct DGITrainingTests {
    static func noiseFeatures(_ n: Int) -> FeatureMatrix<Float> {
        .dense(TestGraphs.denseFeatures(rows: n, columns: 8, seed: 21).converted(to: Float.self))
    }

    static func weakFeatures(_ community: [Int]) -> FeatureMatrix<Float> {
        var x = TestGraphs.denseFeatures(rows: community.count, columns: 8, seed: 22)
        var rng = Xoshiro256StarStar(seed: 23)
        for i in 0..<community.count {
            // Unit-variance noise (Box–Muller) plus ±0.5 on coordinate 0.
            for j in 0..<8 {
                let u = (Double(rng.next() >> 11) + 0.5) * 0x1p-53, v = Double(rng.next() >> 11) * 0x1p-53
                x[i, j] = (-2 * Double.logarithm(u)).squareRoot() * cos(2 * Double.pi * v)
            }
            x[i, 0] += community[i] == 0 ? 0.5 : -0.5
        }
        return .dense(x.converted(to: Float.self))
    }

    @Test func separatesTwoCommunities() throws {
        let (edges, community) = TestGraphs.twoCommunities(size: 30, seed: 1)
        var dgi = DeepGraphInfomax(configuration: .init(dimensions: 16, learningRate: 0.01, maxEpochs: 100, seed: 2, normalizeFeatures: false))
        try dgi.train(features: Self.weakFeatures(community), edges: edges)
        let report = try #require(dgi.report)
        #expect(report.bestLoss < report.losses[0] * 0.8, "the loss fell: \(report.losses.first!) → \(report.bestLoss)")
        let train = [0, 1, 2, 3, 30, 31, 32, 33]
        let test = Array(4..<30) + Array(34..<60)
        let probe = try LinearProbe(configuration: .init(restarts: 5)).evaluate(embeddings: dgi.embeddings!, classes: community, train: train, test: test)
        #expect(probe.mean >= 95, "probe accuracy \(probe.mean)%")
    }

    @Test func sameSeedSameEmbeddingsForAnyThreadCount() throws {
        let (edges, _) = TestGraphs.twoCommunities(size: 40, seed: 3)
        var one = DeepGraphInfomax(configuration: .init(dimensions: 48, maxEpochs: 5, seed: 4, threads: 1))
        var two = DeepGraphInfomax(configuration: .init(dimensions: 48, maxEpochs: 5, seed: 4, threads: 2))
        try one.train(features: Self.noiseFeatures(80), edges: edges)
        try two.train(features: Self.noiseFeatures(80), edges: edges)
        #expect(one.embeddings == two.embeddings)
        var other = DeepGraphInfomax(configuration: .init(dimensions: 48, maxEpochs: 5, seed: 5, threads: 1))
        try other.train(features: Self.noiseFeatures(80), edges: edges)
        #expect(other.embeddings != one.embeddings)
    }

    @Test func graceTrainsAndLowersItsLoss() throws {
        let (edges, community) = TestGraphs.twoCommunities(size: 20, seed: 5)
        var grace = GRACE(configuration: .init(dimensions: 16, learningRate: 0.01, epochs: 60, blockRows: 7, seed: 6, normalizeFeatures: false))
        try grace.train(features: Self.noiseFeatures(40), edges: edges)
        let report = try #require(grace.report)
        #expect(report.bestLoss < report.losses[0], "\(report.losses.first!) → \(report.bestLoss)")
        let probe = try LinearProbe(configuration: .init(restarts: 3)).evaluate(embeddings: grace.embeddings!, classes: community,
                                                                               train: [0, 1, 20, 21], test: Array(2..<20) + Array(22..<40))
        #expect(probe.mean >= 90, "probe accuracy \(probe.mean)%")
    }

    @Test func rejectsBadConfiguration() {
        let (edges, _) = TestGraphs.twoCommunities(size: 5, seed: 1)
        var dgi = DeepGraphInfomax(configuration: .init(dimensions: 0))
        #expect(throws: InfluenceError.self) { try dgi.train(features: Self.noiseFeatures(10), edges: edges) }
        var wrongRows = DeepGraphInfomax(configuration: .init(dimensions: 4))
        #expect(throws: InfluenceError.self) { try wrongRows.train(features: Self.noiseFeatures(9), edges: edges) }
    }
}
