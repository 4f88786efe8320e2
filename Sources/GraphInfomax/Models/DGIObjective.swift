/// DGI's loss and its exact gradient (Veličković et al., ICLR 2019, https://arxiv.org/abs/1809.10341).
///
/// H = PReLU(Â X W + b) on the real graph; H̃ the same on the corrupted graph, whose feature rows
/// are shuffled (X̃ = P X, so X̃ W = P (X W): the product is computed once and its rows permuted);
/// s = σ(mean of H's rows); D(h, s) = hᵀ W_d s + b_d as a logit; the loss is the mean binary
/// cross-entropy of the n real pairs (label 1) and the n corrupted pairs (label 0) — the
/// Jensen–Shannon lower bound on MI(h; s) of the paper's eq. (1).
public enum DGIObjective {
    /// What one forward pass leaves for the backward pass.
    struct Forward<T: TrainingScalar> {
        var xw: Matrix<T>
        var z: Matrix<T>, zCorrupt: Matrix<T>
        var h: Matrix<T>, hCorrupt: Matrix<T>
        var summary: [T]
        var projected: [T]
        var logits: [T], logitsCorrupt: [T]
        var loss: T
    }

    /// The encoder's output H = PReLU(Â X W + b). Complexity: O(nnz(X)·d + nnz(Â)·d).
    public static func encode<T: TrainingScalar>(_ p: DGIParameters<T>, features x: FeatureMatrix<T>,
                                                 adjacency a: SparseMatrix<T>, threads: Int) -> Matrix<T> {
        let z = propagate(x.product(p.weight, threads: threads), adjacency: a, bias: p.bias, threads: threads)
        return Activations.prelu(z, slope: p.slope)
    }

    /// Â · Y + b.
    static func propagate<T: TrainingScalar>(_ y: Matrix<T>, adjacency a: SparseMatrix<T>, bias: [T], threads: Int) -> Matrix<T> {
        var z = a.product(y, threads: threads)
        RowOps.addRowVector(bias, to: &z)
        return z
    }

    /// Rows of `y` permuted: row i of the result is row `permutation[i]` of `y`.
    static func permutedRows<T: TrainingScalar>(_ y: Matrix<T>, _ permutation: [Int]) -> Matrix<T> {
        var out = Matrix<T>(rows: y.rows, columns: y.columns)
        let d = y.columns
        y.values.withUnsafeBufferPointer { src in
            out.values.withUnsafeMutableBufferPointer { dst in
                for i in 0..<y.rows {
                    let from = permutation[i] * d
                    for j in 0..<d { dst[i * d + j] = src[from + j] }
                }
            }
        }
        return out
    }

    static func forward<T: TrainingScalar>(_ p: DGIParameters<T>, features x: FeatureMatrix<T>, adjacency a: SparseMatrix<T>,
                                           permutation: [Int], threads: Int) -> Forward<T> {
        let n = x.rows
        let xw = x.product(p.weight, threads: threads)
        let z = propagate(xw, adjacency: a, bias: p.bias, threads: threads)
        let zc = propagate(permutedRows(xw, permutation), adjacency: a, bias: p.bias, threads: threads)
        let h = Activations.prelu(z, slope: p.slope), hc = Activations.prelu(zc, slope: p.slope)
        let summary = RowOps.columnSums(h).map { Activations.sigmoid($0 / T(n)) }
        // v = W_d · s, so D(h_i, s) = h_i · v + b_d.
        let v = RowOps.matrixVector(p.discriminator, summary)
        let logits = RowOps.matrixVector(h, v).map { $0 + p.discriminatorBias }
        let logitsC = RowOps.matrixVector(hc, v).map { $0 + p.discriminatorBias }
        var loss: T = 0
        for i in 0..<n {
            loss += Activations.binaryCrossEntropyWithLogits(logits[i], label: 1)
            loss += Activations.binaryCrossEntropyWithLogits(logitsC[i], label: 0)
        }
        loss /= T(2 * n)
        return Forward(xw: xw, z: z, zCorrupt: zc, h: h, hCorrupt: hc, summary: summary, projected: v,
                       logits: logits, logitsCorrupt: logitsC, loss: loss)
    }

    /// The loss alone.
    public static func loss<T: TrainingScalar>(_ p: DGIParameters<T>, features x: FeatureMatrix<T>, adjacency a: SparseMatrix<T>,
                                               permutation: [Int], threads: Int = 1) -> T {
        forward(p, features: x, adjacency: a, permutation: permutation, threads: threads).loss
    }

    /// The loss and the gradient of every parameter.
    ///
    /// Complexity: two sparse feature products (X·W and Xᵀ·G), four Â products and O(n·d + d²).
    public static func lossAndGradient<T: TrainingScalar>(_ p: DGIParameters<T>, features x: FeatureMatrix<T>,
                                                          adjacency a: SparseMatrix<T>, permutation: [Int],
                                                          threads: Int = 1) -> (loss: T, gradient: DGIParameters<T>) {
        let f = forward(p, features: x, adjacency: a, permutation: permutation, threads: threads)
        let n = x.rows, d = p.dimensions
        var g = p.zeros()
        let scale = 1 / T(2 * n)
        // dLoss/dlogit: σ(l) − label, over 2n terms.
        let dl = f.logits.map { (Activations.sigmoid($0) - 1) * scale }
        let dlc = f.logitsCorrupt.map { Activations.sigmoid($0) * scale }
        g.discriminatorBias = dl.reduce(0, +) + dlc.reduce(0, +)
        // dv = Σ dl_i h_i + Σ dlc_i h̃_i = Hᵀ dl + H̃ᵀ dlc; dH = dl ⊗ v.
        var dv = RowOps.transposedMatrixVector(f.h, dl)
        for (j, x) in RowOps.transposedMatrixVector(f.hCorrupt, dlc).enumerated() { dv[j] += x }
        var dh = RowOps.outer(dl, f.projected)
        let dhc = RowOps.outer(dlc, f.projected)
        // v = W_d s: dW_d = dv ⊗ s, ds = W_dᵀ dv.
        g.discriminator = RowOps.outer(dv, f.summary)
        let ds = RowOps.transposedMatrixVector(p.discriminator, dv)
        // s = σ(mean H): each row of H gets ds ⊙ s(1 − s) / n.
        let dm = (0..<d).map { ds[$0] * f.summary[$0] * (1 - f.summary[$0]) / T(n) }
        RowOps.addRowVector(dm, to: &dh)
        let (dz, da1) = Activations.preluBackward(input: f.z, slope: p.slope, outputGradient: dh)
        let (dzc, da2) = Activations.preluBackward(input: f.zCorrupt, slope: p.slope, outputGradient: dhc)
        g.slope = da1 + da2
        g.bias = RowOps.columnSums(dz)
        for (j, x) in RowOps.columnSums(dzc).enumerated() { g.bias[j] += x }
        // Â is symmetric: d(XW) = Â dZ + Pᵀ (Â dZ̃).
        var dxw = a.product(dz, threads: threads)
        let back = a.product(dzc, threads: threads)
        dxw.values.withUnsafeMutableBufferPointer { dst in
            back.values.withUnsafeBufferPointer { src in
                for i in 0..<n {
                    let to = permutation[i] * d
                    for j in 0..<d { dst[to + j] += src[i * d + j] }
                }
            }
        }
        g.weight = x.transposedProduct(dxw, threads: threads)
        return (f.loss, g)
    }

}
