import Testing
import GraphInfomax
import InfluenceKit

/// Every layer's and loss's analytic gradient against central finite differences in Float64 on a
/// 10-node graph: relative error below 1e-4, per parameter group.
@Suite struct GradientCheckTests {
    static let tolerance = 1e-4

    /// Checks the slice `range` of the flat gradient against finite differences.
    func check(_ name: String, analytic: [Double], at theta: [Double], range: Range<Int>, _ f: ([Double]) -> Double,
               sourceLocation: SourceLocation = #_sourceLocation) {
        var t = theta
        let numeric = range.map { i -> Double in
            let h = 1e-5
            t[i] = theta[i] + h; let up = f(t)
            t[i] = theta[i] - h; let down = f(t)
            t[i] = theta[i]
            return (up - down) / (2 * h)
        }
        let error = relativeError(Array(analytic[range]), numeric)
        #expect(error < Self.tolerance, "\(name): relative error \(error)", sourceLocation: sourceLocation)
        #expect(numeric.contains { abs($0) > 1e-8 }, "\(name): the numerical gradient vanishes, so the check proves nothing", sourceLocation: sourceLocation)
    }

    @Test func dgiEveryParameter() {
        let edges = TestGraphs.tenNodes
        let x = FeatureMatrix(sparse: TestGraphs.sparseFeatures(rows: 10, columns: 6, seed: 1).rowNormalized())
        let a: SparseMatrix<Double> = edges.normalizedAdjacency()
        let p = DGIParameters<Double>(features: 6, dimensions: 5, seed: 3)
        let perm = DeepGraphInfomax.permutation(10, seed: 4, epoch: 1)
        let (_, g) = DGIObjective.lossAndGradient(p, features: x, adjacency: a, permutation: perm)
        let theta = p.flattened, grad = g.flattened
        let f: ([Double]) -> Double = { DGIObjective.loss(DGIParameters(flattened: $0, shape: p), features: x, adjacency: a, permutation: perm) }
        var at = 0
        for (name, count) in [("GCN weight", 30), ("GCN bias", 5), ("PReLU slope", 1), ("bilinear weight", 25), ("bilinear bias", 1)] {
            check("DGI \(name)", analytic: grad, at: theta, range: at..<at + count, f)
            at += count
        }
        #expect(at == theta.count)
    }

    @Test func graceEveryParameter() {
        let edges = TestGraphs.tenNodes
        let x = FeatureMatrix<Double>.dense(TestGraphs.denseFeatures(rows: 10, columns: 6, seed: 5))
        var rng = Xoshiro256StarStar(seed: 6)
        let v1 = GraphView<Double>(adjacency: edges.dropping(rate: 0.2, using: &rng).normalizedAdjacency(), featureMask: [1, 0, 1, 1, 1, 0])
        let v2 = GraphView<Double>(adjacency: edges.dropping(rate: 0.4, using: &rng).normalizedAdjacency(), featureMask: [1, 1, 0, 1, 1, 1])
        let p = GRACEParameters<Double>(features: 6, dimensions: 3, seed: 7)
        let (_, g) = GRACEObjective.lossAndGradient(p, features: x, views: (v1, v2), temperature: 0.5, blockRows: 4)
        let theta = p.flattened, grad = g.flattened
        let f: ([Double]) -> Double = {
            GRACEObjective.lossAndGradient(GRACEParameters(flattened: $0, shape: p), features: x, views: (v1, v2), temperature: 0.5, blockRows: 4).loss
        }
        var at = 0
        for (name, count) in [("layer 1 weight", 36), ("layer 1 bias", 6), ("layer 1 slope", 1), ("layer 2 weight", 18), ("layer 2 bias", 3),
                              ("layer 2 slope", 1), ("projection 1 weight", 9), ("projection 1 bias", 3), ("projection 2 weight", 9), ("projection 2 bias", 3)] {
            check("GRACE \(name)", analytic: grad, at: theta, range: at..<at + count, f)
            at += count
        }
        #expect(at == theta.count)
    }

    @Test func infoNCEInBlocksMatchesTheDirectSum() {
        let u = Activations.rowNormalized(TestGraphs.denseFeatures(rows: 10, columns: 4, seed: 8)).output
        let v = Activations.rowNormalized(TestGraphs.denseFeatures(rows: 10, columns: 4, seed: 9)).output
        let tau = 0.7
        // The definition, term by term.
        func direct(_ a: Matrix<Double>, _ b: Matrix<Double>) -> Double {
            var total = 0.0
            for i in 0..<10 {
                var terms: [Double] = []
                var positive = 0.0
                for j in 0..<10 {
                    var sab = 0.0, saa = 0.0
                    for c in 0..<4 { sab += a[i, c] * b[j, c]; saa += a[i, c] * a[j, c] }
                    terms.append(sab / tau)
                    if j != i { terms.append(saa / tau) } else { positive = sab / tau }
                }
                total += Activations.logSumExp(terms) - positive
            }
            return total
        }
        let expected = (direct(u, v) + direct(v, u)) / 20
        for block in [1, 3, 10, 64] {
            let r = InfoNCELoss.symmetric(u, v, temperature: tau, blockRows: block)
            #expect(abs(r.loss - expected) < 1e-12, "block \(block): \(r.loss) vs \(expected)")
        }
        let r = InfoNCELoss.symmetric(u, v, temperature: tau, blockRows: 3)
        let theta = u.values + v.values
        let f: ([Double]) -> Double = {
            InfoNCELoss.symmetric(Matrix(rows: 10, columns: 4, values: Array($0[0..<40])),
                                  Matrix(rows: 10, columns: 4, values: Array($0[40...])), temperature: tau, blockRows: 3).loss
        }
        check("InfoNCE first view", analytic: r.u.values + r.v.values, at: theta, range: 0..<40, f)
        check("InfoNCE second view", analytic: r.u.values + r.v.values, at: theta, range: 40..<80, f)
    }

    /// L = Σ R ⊙ layer(x) for a fixed random R, so dL/dlayer = R.
    func checkLayer(_ name: String, _ layer: (Matrix<Double>) -> Matrix<Double>, backward: (Matrix<Double>, Matrix<Double>) -> Matrix<Double>) {
        let x = TestGraphs.denseFeatures(rows: 10, columns: 3, seed: 10)
        let r = TestGraphs.denseFeatures(rows: 10, columns: 3, seed: 11)
        let dx = backward(x, r)
        let f: ([Double]) -> Double = { t in
            let y = layer(Matrix(rows: 10, columns: 3, values: t))
            return zip(y.values, r.values).map { $0 * $1 }.reduce(0, +)
        }
        check(name, analytic: dx.values, at: x.values, range: 0..<30, f)
    }

    @Test func elementwiseLayers() {
        checkLayer("PReLU input", { Activations.prelu($0, slope: 0.3) },
                   backward: { Activations.preluBackward(input: $0, slope: 0.3, outputGradient: $1).input })
        checkLayer("ELU", { Activations.elu($0) }, backward: { Activations.eluBackward(input: $0, outputGradient: $1) })
        checkLayer("row normalisation", { Activations.rowNormalized($0).output }, backward: { x, r in
            let (u, norms) = Activations.rowNormalized(x)
            return Activations.rowNormalizedBackward(output: u, norms: norms, outputGradient: r)
        })
        // The PReLU slope.
        let x = TestGraphs.denseFeatures(rows: 10, columns: 3, seed: 12), r = TestGraphs.denseFeatures(rows: 10, columns: 3, seed: 13)
        let da = Activations.preluBackward(input: x, slope: 0.3, outputGradient: r).slope
        let f: ([Double]) -> Double = { a in zip(Activations.prelu(x, slope: a[0]).values, r.values).map { $0 * $1 }.reduce(0, +) }
        check("PReLU slope", analytic: [da], at: [0.3], range: 0..<1, f)
    }

    @Test func scalarLossesAndLogSumExp() {
        // d/dx BCE(x, y) = σ(x) − y; d/dxᵢ logsumexp = softmaxᵢ.
        for (x, y) in [(-3.0, 1.0), (0.4, 0.0), (2.5, 1.0), (-0.7, 0.0)] {
            let numeric = numericalGradient([x]) { Activations.binaryCrossEntropyWithLogits($0[0], label: y) }[0]
            #expect(abs(numeric - (Activations.sigmoid(x) - y)) < 1e-8)
        }
        let v = [0.3, -1.2, 2.0, 0.0, 700.0]
        #expect(abs(Activations.logSumExp(v) - 700) < 1e-9, "stable for large inputs")
        let w = [0.3, -1.2, 2.0, 0.0]
        let lse = Activations.logSumExp(w)
        let softmax = w.map { Double.exponential($0 - lse) }
        #expect(relativeError(softmax, numericalGradient(w) { Activations.logSumExp($0) }) < 1e-8)
        #expect(Activations.binaryCrossEntropyWithLogits(-800.0, label: 1) > 799, "no overflow")
    }

    @Test func probeCrossEntropy() {
        let x = TestGraphs.denseFeatures(rows: 10, columns: 4, seed: 14)
        let y = [0, 1, 2, 0, 1, 2, 0, 1, 2, 2]
        let w = TestGraphs.denseFeatures(rows: 4, columns: 3, seed: 15)
        let b = [0.1, -0.2, 0.3]
        let r = LinearProbe.crossEntropy(x, y, weight: w, bias: b)
        let f: ([Double]) -> Double = { t in
            LinearProbe.crossEntropy(x, y, weight: Matrix(rows: 4, columns: 3, values: Array(t[0..<12])), bias: Array(t[12...])).loss
        }
        check("probe weight", analytic: r.weight.values + r.bias, at: w.values + b, range: 0..<12, f)
        check("probe bias", analytic: r.weight.values + r.bias, at: w.values + b, range: 12..<15, f)
    }
}
