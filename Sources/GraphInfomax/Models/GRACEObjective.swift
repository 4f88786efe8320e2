/// One augmented view of the graph for GRACE: the propagation matrix of the edges kept and the
/// feature columns kept (1) or masked (0).
public struct GraphView<T: TrainingScalar>: Sendable {
    public let adjacency: SparseMatrix<T>
    public let featureMask: [T]

    public init(adjacency: SparseMatrix<T>, featureMask: [T]) {
        self.adjacency = adjacency
        self.featureMask = featureMask
    }
}

/// GRACE's encoder, projection head and loss with the exact gradient (Zhu, Xu, Yu, Liu, Wu, Wang;
/// ICML GRL+ workshop 2020, https://arxiv.org/abs/2006.04131).
///
/// Encoder: H₁ = PReLU(Â (X M) W₁ + b₁), H = PReLU(Â H₁ W₂ + b₂), M the view's diagonal feature
/// mask (so X M W₁ = X (M W₁): masking zeroes rows of W₁, never copies X). Head:
/// z = (ELU(H P₁ + c₁)) P₂ + c₂, unit-normalised, then `InfoNCELoss.symmetric`.
public enum GRACEObjective {
    struct Encoded<T: TrainingScalar> {
        var z1: Matrix<T>, h1: Matrix<T>, z2: Matrix<T>, h: Matrix<T>
        var q1: Matrix<T>, e: Matrix<T>, q2: Matrix<T>, u: Matrix<T>, norms: [T]
    }

    static func maskedRows<T: TrainingScalar>(_ w: Matrix<T>, _ mask: [T]) -> Matrix<T> {
        var out = w
        let c = w.columns
        for r in 0..<w.rows where mask[r] != 1 { for j in 0..<c { out.values[r * c + j] *= mask[r] } }
        return out
    }

    static func addBias<T: TrainingScalar>(_ m: inout Matrix<T>, _ b: [T]) {
        let c = m.columns
        m.values.withUnsafeMutableBufferPointer { v in for i in 0..<m.rows { for j in 0..<c { v[i * c + j] += b[j] } } }
    }

    static func columnSums<T: TrainingScalar>(_ m: Matrix<T>) -> [T] {
        var s = [T](repeating: 0, count: m.columns)
        let c = m.columns
        for i in 0..<m.rows { for j in 0..<c { s[j] += m.values[i * c + j] } }
        return s
    }

    /// The encoder's output H for a view (the embedding, on the unaugmented view).
    public static func encode<T: TrainingScalar>(_ p: GRACEParameters<T>, features x: FeatureMatrix<T>, view: GraphView<T>, threads: Int) -> Matrix<T> {
        encodeAll(p, features: x, view: view, threads: threads, head: false).h
    }

    static func encodeAll<T: TrainingScalar>(_ p: GRACEParameters<T>, features x: FeatureMatrix<T>, view: GraphView<T>,
                                             threads: Int, head: Bool = true) -> Encoded<T> {
        var z1 = view.adjacency.product(x.product(maskedRows(p.weight1, view.featureMask), threads: threads), threads: threads)
        addBias(&z1, p.bias1)
        let h1 = Activations.prelu(z1, slope: p.slope1)
        var z2 = view.adjacency.product(DenseProduct.product(h1, p.weight2, threads: threads), threads: threads)
        addBias(&z2, p.bias2)
        let h = Activations.prelu(z2, slope: p.slope2)
        guard head else { return Encoded(z1: z1, h1: h1, z2: z2, h: h, q1: h, e: h, q2: h, u: h, norms: []) }
        var q1 = DenseProduct.product(h, p.projection1, threads: threads)
        addBias(&q1, p.projectionBias1)
        let e = Activations.elu(q1)
        var q2 = DenseProduct.product(e, p.projection2, threads: threads)
        addBias(&q2, p.projectionBias2)
        let (u, norms) = Activations.rowNormalized(q2)
        return Encoded(z1: z1, h1: h1, z2: z2, h: h, q1: q1, e: e, q2: q2, u: u, norms: norms)
    }

    /// Adds view `f`'s share of the gradient, given the gradient `du` of its unit projections.
    static func backward<T: TrainingScalar>(_ p: GRACEParameters<T>, _ f: Encoded<T>, du: Matrix<T>, features x: FeatureMatrix<T>,
                                            view: GraphView<T>, threads: Int, into g: inout GRACEParameters<T>) {
        let dq2 = Activations.rowNormalizedBackward(output: f.u, norms: f.norms, outputGradient: du)
        InfoNCELoss.add(DenseProduct.transposedProduct(f.e, dq2, threads: threads), into: &g.projection2)
        for (j, s) in columnSums(dq2).enumerated() { g.projectionBias2[j] += s }
        let de = DenseProduct.productTransposed(dq2, p.projection2, threads: threads)
        let dq1 = Activations.eluBackward(input: f.q1, outputGradient: de)
        InfoNCELoss.add(DenseProduct.transposedProduct(f.h, dq1, threads: threads), into: &g.projection1)
        for (j, s) in columnSums(dq1).enumerated() { g.projectionBias1[j] += s }
        let dh = DenseProduct.productTransposed(dq1, p.projection1, threads: threads)
        let (dz2, da2) = Activations.preluBackward(input: f.z2, slope: p.slope2, outputGradient: dh)
        g.slope2 += da2
        for (j, s) in columnSums(dz2).enumerated() { g.bias2[j] += s }
        let dy2 = view.adjacency.product(dz2, threads: threads)       // Â is symmetric
        InfoNCELoss.add(DenseProduct.transposedProduct(f.h1, dy2, threads: threads), into: &g.weight2)
        let dh1 = DenseProduct.productTransposed(dy2, p.weight2, threads: threads)
        let (dz1, da1) = Activations.preluBackward(input: f.z1, slope: p.slope1, outputGradient: dh1)
        g.slope1 += da1
        for (j, s) in columnSums(dz1).enumerated() { g.bias1[j] += s }
        let dxw = view.adjacency.product(dz1, threads: threads)
        InfoNCELoss.add(maskedRows(x.transposedProduct(dxw, threads: threads), view.featureMask), into: &g.weight1)
    }

    /// The loss of two views and the gradient of every parameter.
    ///
    /// Complexity: O(n² · d) for the loss (blocked), plus the encoder's sparse and dense products.
    public static func lossAndGradient<T: TrainingScalar>(_ p: GRACEParameters<T>, features x: FeatureMatrix<T>,
                                                          views: (GraphView<T>, GraphView<T>), temperature: T,
                                                          blockRows: Int = 256, threads: Int = 1) -> (loss: T, gradient: GRACEParameters<T>) {
        let f1 = encodeAll(p, features: x, view: views.0, threads: threads)
        let f2 = encodeAll(p, features: x, view: views.1, threads: threads)
        let (loss, du1, du2) = InfoNCELoss.symmetric(f1.u, f2.u, temperature: temperature, blockRows: blockRows, threads: threads)
        var g = p.zeros()
        backward(p, f1, du: du1, features: x, view: views.0, threads: threads, into: &g)
        backward(p, f2, du: du2, features: x, view: views.1, threads: threads, into: &g)
        return (loss, g)
    }
}
