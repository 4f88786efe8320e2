import Testing
import GraphInfomax

/// The estimators on correlated Gaussians with known MI (d = 20, batch 64, the analytic critic),
/// averaged over 400 batches: at 2 nats InfoNCE shows its log-N bias and the others are close to
/// the truth; at 10 nats InfoNCE saturates just under log 64 = 4.16.
@Suite struct MutualInformationEstimatorTests {
    static let batch = 64, batches = 400

    @Test func knownMutualInformationOfTwoNats() {
        let g = CorrelatedGaussians(dimensions: 20, mutualInformation: 2)
        #expect(abs(g.mutualInformation - 2) < 1e-12)
        let expected: [(MutualInformationEstimator, Double)] = [(.infoNCE, 1.82), (.nwj, 2.01), (.dv, 2.01), (.smile(clip: 5), 2.03)]
        for (estimator, target) in expected {
            let estimate = g.meanEstimate(estimator, batch: Self.batch, batches: Self.batches, seed: 1)
            #expect(abs(estimate - target) < 0.1, "\(estimator): \(estimate), expected \(target) ± 0.1")
        }
    }

    @Test func infoNCENeverExceedsLogBatchAndSaturates() {
        let logN = Double.logarithm(Double(Self.batch))
        for nats in [2.0, 10.0] {
            let g = CorrelatedGaussians(dimensions: 20, mutualInformation: nats)
            var rng = Xoshiro(seed: 2)
            for _ in 0..<50 {
                let (x, y) = g.sample(Self.batch, using: &rng)
                let value = MutualInformationEstimator.infoNCE.estimate(scores: g.analyticScores(x: x, y: y, batch: Self.batch), batch: Self.batch)
                #expect(value <= logN + 1e-12, "InfoNCE \(value) above log 64 at MI \(nats)")
            }
        }
        let high = CorrelatedGaussians(dimensions: 20, mutualInformation: 10)
        let estimate = high.meanEstimate(.infoNCE, batch: Self.batch, batches: 100, seed: 3)
        #expect(estimate > logN - 0.1 && estimate <= logN, "InfoNCE at MI 10: \(estimate), log 64 = \(logN)")
        // The unbounded estimators see far more than log N there.
        #expect(high.meanEstimate(.smile(clip: 5), batch: Self.batch, batches: 100, seed: 3) > logN + 1)
    }
}

import InfluenceKit
typealias Xoshiro = Xoshiro256StarStar
