/// Element-wise activations and the losses built from them, each with its gradient.
///
/// All are numerically stable: the logistic function and the binary cross-entropy with logits
/// never exponentiate a positive number, and log-sum-exp subtracts the maximum first.
public enum Activations {
    /// σ(x) = 1 / (1 + e^−x), stable for large |x|.
    @inlinable public static func sigmoid<T: TrainingScalar>(_ x: T) -> T {
        if x >= 0 { return 1 / (1 + T.exponential(-x)) }
        let e = T.exponential(x)
        return e / (1 + e)
    }

    /// Binary cross-entropy of logit `x` against label `y` ∈ {0, 1}:
    /// −y·log σ(x) − (1 − y)·log(1 − σ(x)) = max(x, 0) − x·y + log(1 + e^−|x|).
    /// Its derivative in x is σ(x) − y.
    @inlinable public static func binaryCrossEntropyWithLogits<T: TrainingScalar>(_ x: T, label y: T) -> T {
        max(x, 0) - x * y + T.logarithmOnePlus(T.exponential(-abs(x)))
    }

    /// log Σ e^xᵢ over `values`, computed as m + log Σ e^(xᵢ − m) with m the maximum
    /// (−∞ for an empty input).
    public static func logSumExp<T: TrainingScalar>(_ values: UnsafeBufferPointer<T>) -> T {
        guard var m = values.first else { return -T.infinity }
        for v in values where v > m { m = v }
        if m == -T.infinity { return m }
        var sum: T = 0
        for v in values { sum += T.exponential(v - m) }
        return m + T.logarithm(sum)
    }

    /// log Σ e^xᵢ of an array.
    public static func logSumExp<T: TrainingScalar>(_ values: [T]) -> T {
        values.withUnsafeBufferPointer { logSumExp($0) }
    }

    /// PReLU with one shared slope `a`: x for x > 0, a·x otherwise (He et al. 2015).
    public static func prelu<T: TrainingScalar>(_ x: Matrix<T>, slope a: T) -> Matrix<T> {
        var y = x
        y.values.withUnsafeMutableBufferPointer { v in
            for i in v.indices where v[i] <= 0 { v[i] *= a }
        }
        return y
    }

    /// PReLU's backward pass: the input gradient, and the slope's gradient Σ dy·x over x ≤ 0.
    public static func preluBackward<T: TrainingScalar>(input x: Matrix<T>, slope a: T, outputGradient dy: Matrix<T>) -> (input: Matrix<T>, slope: T) {
        var dx = dy
        var da: T = 0
        x.values.withUnsafeBufferPointer { xv in
            dx.values.withUnsafeMutableBufferPointer { g in
                for i in g.indices where xv[i] <= 0 {
                    da += g[i] * xv[i]
                    g[i] *= a
                }
            }
        }
        return (dx, da)
    }

    /// ELU (α = 1): x for x > 0, e^x − 1 otherwise.
    public static func elu<T: TrainingScalar>(_ x: Matrix<T>) -> Matrix<T> {
        var y = x
        y.values.withUnsafeMutableBufferPointer { v in
            for i in v.indices where v[i] <= 0 { v[i] = T.exponential(v[i]) - 1 }
        }
        return y
    }

    /// ELU's backward pass: dy for x > 0, dy·e^x otherwise.
    public static func eluBackward<T: TrainingScalar>(input x: Matrix<T>, outputGradient dy: Matrix<T>) -> Matrix<T> {
        var dx = dy
        x.values.withUnsafeBufferPointer { xv in
            dx.values.withUnsafeMutableBufferPointer { g in
                for i in g.indices where xv[i] <= 0 { g[i] *= T.exponential(xv[i]) }
            }
        }
        return dx
    }

    /// Each row scaled to unit Euclidean norm (rows of zeros stay zero), and the norms.
    public static func rowNormalized<T: TrainingScalar>(_ x: Matrix<T>) -> (output: Matrix<T>, norms: [T]) {
        var y = x
        var norms = [T](repeating: 0, count: x.rows)
        let d = x.columns
        y.values.withUnsafeMutableBufferPointer { v in
            for i in 0..<x.rows {
                var s: T = 0
                for j in 0..<d { s += v[i * d + j] * v[i * d + j] }
                let norm = T.squareRoot(s)
                norms[i] = norm
                if norm > 0 { for j in 0..<d { v[i * d + j] /= norm } }
            }
        }
        return (y, norms)
    }

    /// Backward pass of `rowNormalized`: with u = z/‖z‖, dz = (du − u·(u·du)) / ‖z‖.
    public static func rowNormalizedBackward<T: TrainingScalar>(output u: Matrix<T>, norms: [T], outputGradient du: Matrix<T>) -> Matrix<T> {
        var dz = du
        let d = u.columns
        u.values.withUnsafeBufferPointer { uv in
            dz.values.withUnsafeMutableBufferPointer { g in
                for i in 0..<u.rows {
                    let norm = norms[i]
                    if norm == 0 { for j in 0..<d { g[i * d + j] = 0 }; continue }
                    var dot: T = 0
                    for j in 0..<d { dot += uv[i * d + j] * g[i * d + j] }
                    for j in 0..<d { g[i * d + j] = (g[i * d + j] - uv[i * d + j] * dot) / norm }
                }
            }
        }
        return dz
    }
}
