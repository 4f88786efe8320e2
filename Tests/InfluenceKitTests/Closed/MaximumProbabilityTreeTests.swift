import Testing
@_spi(Kernels) @testable import InfluenceKit

@Suite("Closed: maximum-probability-path trees")
struct MaximumProbabilityTreeTests {
    /// max over simple paths from a seed to v of Π p, by depth-first enumeration.
    func bruteForce(_ problem: ClosedNetworkProblem, include: (Int) -> Bool) -> [Double] {
        let g = problem.graph
        var best = [Double](repeating: 0, count: g.nodeCount)
        var onPath = [Bool](repeating: false, count: g.nodeCount)
        func walk(_ u: Int, _ p: Double) {
            best[u] = max(best[u], p)
            onPath[u] = true
            for a in g.outOffsets[u]..<g.outOffsets[u + 1] where include(a) && !onPath[problem.head(of: a)] {
                walk(problem.head(of: a), p * problem.probabilities[a])
            }
            onPath[u] = false
        }
        for s in problem.seeds { walk(s, 1) }
        return best
    }

    @Test func dijkstraEqualsTheBruteForceMaximumProbabilityPath() throws {
        var rng = Xoshiro256StarStar(seed: 2022)
        var compared = 0
        for instance in 0..<60 {
            let n = 4 + instance % 5
            let problem = try randomClosedInstance(&rng, n: n, m: min(n * (n - 1), 6 + instance % 9), seeds: 1 + instance % 2, k: 2)
            // A random arc subset stands for the candidate graph.
            let present = (0..<problem.graph.arcCount).map { _ in rng.nextBelow(4) != 0 }
            var tree = MaximumProbabilityTree(nodeCount: n)
            tree.build(problem) { present[$0] }
            tree.computeSubtreeSizes(problem)
            let expected = bruteForce(problem) { present[$0] }
            for v in 0..<n {
                #expect(abs(tree.pathProbability(v) - expected[v]) <= 1e-12 * max(1, expected[v]), "instance \(instance) node \(v)")
                let a = tree.parentArc[v]
                if problem.isSeed[v] {
                    #expect(a == -1)
                } else if expected[v] > 0 {
                    // The critical edge realises the maximum: p_path(u) · p(u, v) = p_path(v).
                    #expect(a >= 0 && present[a] && problem.head(of: a) == v)
                    let through = tree.pathProbability(problem.tail(of: a)) * problem.probabilities[a]
                    #expect(abs(through - expected[v]) <= 1e-12)
                    compared += 1
                } else {
                    #expect(a == -1 && !tree.isReached(v))
                }
            }
            // Subtree sizes: every reached node counts once in its own and in each ancestor's.
            let reached = (0..<n).filter { tree.isReached($0) }
            let seedTotal = problem.seeds.reduce(0) { $0 + Int(tree.subtreeSize[$1]) }
            #expect(seedTotal == reached.count)
        }
        #expect(compared > 100)
    }

    @Test func reusedWorkspaceGivesTheSameTreeAsAFreshOne() throws {
        var rng = Xoshiro256StarStar(seed: 7)
        let problem = try randomClosedInstance(&rng, n: 8, m: 20, seeds: 2, k: 2)
        var reused = MaximumProbabilityTree(nodeCount: 8)
        reused.build(problem) { $0 % 2 == 0 }
        reused.build(problem) { _ in true }
        var fresh = MaximumProbabilityTree(nodeCount: 8)
        fresh.build(problem) { _ in true }
        #expect(reused.distance == fresh.distance && reused.parentArc == fresh.parentArc && reused.order == fresh.order)
    }
}
