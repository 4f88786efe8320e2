import Testing
import GraphInfomax
import InfluenceKit

@Suite struct KernelTests {
    func naive(_ a: Matrix<Double>, _ b: Matrix<Double>) -> Matrix<Double> {
        var c = Matrix<Double>(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows { for j in 0..<b.columns { var s = 0.0; for p in 0..<a.columns { s += a[i, p] * b[p, j] }; c[i, j] = s } }
        return c
    }

    @Test func denseProductMatchesTheDefinitionOnAwkwardShapes() {
        for (m, k, n) in [(1, 1, 1), (5, 7, 3), (9, 13, 17), (4, 16, 16), (33, 20, 40)] {
            let a = TestGraphs.denseFeatures(rows: m, columns: k, seed: UInt64(m)), b = TestGraphs.denseFeatures(rows: k, columns: n, seed: UInt64(n))
            let c = DenseProduct.product(a, b, threads: 2)
            #expect(relativeError(c.values, naive(a, b).values) < 1e-13, "\(m)×\(k)·\(k)×\(n)")
            #expect(relativeError(DenseProduct.transposedProduct(a.transposed(), b).values, c.values) < 1e-13)
            var acc = c
            DenseProduct.multiply(a, b, into: &acc, accumulate: true)
            #expect(relativeError(acc.values, c.values.map { 2 * $0 }) < 1e-13)
        }
    }

    @Test func sparseProductsMatchDense() {
        let s = TestGraphs.sparseFeatures(rows: 23, columns: 11, seed: 3)
        let b = TestGraphs.denseFeatures(rows: 11, columns: 19, seed: 4)
        #expect(relativeError(s.product(b, threads: 2).values, naive(s.dense(), b).values) < 1e-13)
        let g = TestGraphs.denseFeatures(rows: 23, columns: 19, seed: 5)
        let x = FeatureMatrix(sparse: s)
        #expect(relativeError(x.transposedProduct(g, threads: 2).values, naive(s.dense().transposed(), g).values) < 1e-13)
    }

    @Test func normalizedAdjacencyOfAPath() {
        // Path 0 - 1 - 2 with self-loops: degrees 2, 3, 2.
        let a: SparseMatrix<Double> = UndirectedEdges(nodeCount: 3, pairs: [(0, 1), (1, 2), (1, 0), (2, 2)]).normalizedAdjacency()
        let d = a.dense()
        #expect(abs(d[0, 0] - 0.5) < 1e-15 && abs(d[1, 1] - 1.0 / 3) < 1e-15)
        #expect(abs(d[0, 1] - 1 / 6.0.squareRoot()) < 1e-15 && abs(d[1, 0] - d[0, 1]) < 1e-15)
        #expect(d[0, 2] == 0 && abs(d[2, 2] - 0.5) < 1e-15)
        #expect(a.nonzeroCount == 7, "one self-loop per node, the repeated and looping input edges dropped")
    }

    @Test func adamFirstStepMovesByTheLearningRate() {
        var adam = Adam<Double>(parameterCount: 2, learningRate: 0.1)
        var p = [1.0, -2.0]
        adam.update(&p, gradient: [3.0, -0.5])
        // Bias-corrected m̂ = g, v̂ = g²: the step is lr · g / (|g| + ε).
        #expect(abs(p[0] - 0.9) < 1e-7 && abs(p[1] + 1.9) < 1e-7)
    }

    @Test func glorotBoundsAndReproducibility() {
        let w: Matrix<Double> = Glorot.uniform(rows: 30, columns: 20, seed: 1, stream: 2)
        let bound = (6.0 / 50).squareRoot()
        #expect(w.values.allSatisfy { abs($0) <= bound })
        #expect(w.values.map { $0 * $0 }.reduce(0, +) / 600 > bound * bound / 3 * 0.8, "spread over the whole interval")
        #expect(w == Glorot.uniform(rows: 30, columns: 20, seed: 1, stream: 2))
        #expect(w != Glorot.uniform(rows: 30, columns: 20, seed: 2, stream: 2))
    }
}
