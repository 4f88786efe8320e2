/// Node features as a model's first layer sees them: sparse (bag-of-words data such as Cora's,
/// where X·W costs nnz·d instead of n·f·d) or dense. The sparse form keeps its transpose, so the
/// weight gradient Xᵀ·G is a row-parallel sparse product too (deterministic for any thread count).
public enum FeatureMatrix<T: TrainingScalar>: Sendable {
    case sparse(SparseMatrix<T>, transpose: SparseMatrix<T>)
    case dense(Matrix<T>)

    public init(sparse: SparseMatrix<T>) { self = .sparse(sparse, transpose: sparse.transposed()) }

    public var rows: Int {
        switch self {
        case .sparse(let x, _): return x.rows
        case .dense(let x): return x.rows
        }
    }

    public var columns: Int {
        switch self {
        case .sparse(let x, _): return x.columns
        case .dense(let x): return x.columns
        }
    }

    /// X · W. Complexity: O(nnz · d) sparse, O(n · f · d) dense.
    public func product(_ w: Matrix<T>, threads: Int) -> Matrix<T> {
        switch self {
        case .sparse(let x, _): return x.product(w, threads: threads)
        case .dense(let x): return DenseProduct.product(x, w, threads: threads)
        }
    }

    /// Xᵀ · G. Complexity: as `product`.
    public func transposedProduct(_ g: Matrix<T>, threads: Int) -> Matrix<T> {
        switch self {
        case .sparse(_, let xt): return xt.product(g, threads: threads)
        case .dense(let x): return DenseProduct.transposedProduct(x, g, threads: threads)
        }
    }

    /// The same features in another precision.
    public func converted<U: TrainingScalar>(to: U.Type = U.self) -> FeatureMatrix<U> {
        switch self {
        case .sparse(let x, let xt): return .sparse(x.converted(), transpose: xt.converted())
        case .dense(let x): return .dense(x.converted())
        }
    }

    /// Each row divided by its sum (zero rows stay zero).
    public func rowNormalized() -> FeatureMatrix {
        switch self {
        case .sparse(let x, _): return FeatureMatrix(sparse: x.rowNormalized())
        case .dense(var x):
            let d = x.columns
            for i in 0..<x.rows {
                var sum: T = 0
                for j in 0..<d { sum += x.values[i * d + j] }
                if sum != 0 { for j in 0..<d { x.values[i * d + j] /= sum } }
            }
            return .dense(x)
        }
    }
}
