/// GRACE's symmetric InfoNCE over two views of the same nodes (Zhu et al., 2020,
/// https://arxiv.org/abs/2006.04131, eq. 1–2), with the exact gradient, in row blocks.
///
/// With u, v the unit-normalised projections of the two views and θ(a, b) = aᵀb / τ:
/// ℓ(uᵢ) = −θ(uᵢ, vᵢ) + log(Σⱼ e^θ(uᵢ, vⱼ) + Σ_{j≠i} e^θ(uᵢ, uⱼ)), every other node of both views a
/// negative; the loss is (1/2n) Σᵢ (ℓ(uᵢ) + ℓ(vᵢ)). Rows are processed `blockRows` at a time, so
/// besides the n × d inputs and gradients only two blockRows × n similarity blocks are alive:
/// memory O(n · d + blockRows · n), not O(n²).
public enum InfoNCELoss {
    /// The loss and its gradients in `u` and `v`.
    ///
    /// Complexity: O(n² · d) time (six block products per direction), split over `threads`.
    public static func symmetric<T: TrainingScalar>(_ u: Matrix<T>, _ v: Matrix<T>, temperature tau: T,
                                                    blockRows: Int = 256, threads: Int = 1) -> (loss: T, u: Matrix<T>, v: Matrix<T>) {
        precondition(u.rows == v.rows && u.columns == v.columns)
        var du = Matrix<T>(rows: u.rows, columns: u.columns), dv = du
        let one = direction(anchor: u, other: v, tau: tau, blockRows: blockRows, threads: threads, dAnchor: &du, dOther: &dv)
        let two = direction(anchor: v, other: u, tau: tau, blockRows: blockRows, threads: threads, dAnchor: &dv, dOther: &du)
        return ((one + two) / T(2 * u.rows), du, dv)
    }

    /// Σᵢ ℓ(anchorᵢ), accumulating (1/2n)-scaled gradients.
    static func direction<T: TrainingScalar>(anchor a: Matrix<T>, other b: Matrix<T>, tau: T, blockRows: Int, threads: Int,
                                             dAnchor: inout Matrix<T>, dOther: inout Matrix<T>) -> T {
        let n = a.rows, d = a.columns
        let at = a.transposed(), bt = b.transposed()
        let scale = 1 / (T(2 * n) * tau)
        var total: T = 0
        var start = 0
        while start < n {
            let end = min(n, start + max(1, blockRows))
            let rows = end - start
            let block = Matrix(rows: rows, columns: d, values: Array(a.values[start * d ..< end * d]))
            var saa = DenseProduct.product(block, at, threads: threads)
            var sab = DenseProduct.product(block, bt, threads: threads)
            for r in 0..<rows {
                let i = start + r
                var m = -T.infinity
                for j in 0..<n {
                    if j != i { m = max(m, saa.values[r * n + j] / tau) }
                    m = max(m, sab.values[r * n + j] / tau)
                }
                var z: T = 0
                for j in 0..<n {
                    let ea = j == i ? 0 : T.exponential(saa.values[r * n + j] / tau - m)
                    let eb = T.exponential(sab.values[r * n + j] / tau - m)
                    saa.values[r * n + j] = ea
                    sab.values[r * n + j] = eb
                    z += ea + eb
                }
                let positive = T.logarithm(sab.values[r * n + i]) + m
                total += m + T.logarithm(z) - positive
                // Coefficients of dℓ/dS, pre-scaled by 1/(2nτ): softmax weights, minus 1 at the positive.
                for j in 0..<n {
                    saa.values[r * n + j] = saa.values[r * n + j] / z * scale
                    sab.values[r * n + j] = (sab.values[r * n + j] / z - (j == i ? 1 : 0)) * scale
                }
            }
            // S_aa = A_I Aᵀ, S_ab = A_I Bᵀ: dA_I += M_aa A + M_ab B; dA += M_aaᵀ A_I; dB += M_abᵀ A_I.
            var rowsGradient = DenseProduct.product(saa, a, threads: threads)
            DenseProduct.multiply(sab, b, into: &rowsGradient, accumulate: true, threads: threads)
            for r in 0..<rows { for c in 0..<d { dAnchor.values[(start + r) * d + c] += rowsGradient.values[r * d + c] } }
            let toAnchor = DenseProduct.transposedProduct(saa, block, threads: threads)
            let toOther = DenseProduct.transposedProduct(sab, block, threads: threads)
            add(toAnchor, into: &dAnchor)
            add(toOther, into: &dOther)
            start = end
        }
        return total
    }

    static func add<T: TrainingScalar>(_ x: Matrix<T>, into y: inout Matrix<T>) {
        y.values.withUnsafeMutableBufferPointer { yv in
            x.values.withUnsafeBufferPointer { xv in for i in xv.indices { yv[i] += xv[i] } }
        }
    }
}
