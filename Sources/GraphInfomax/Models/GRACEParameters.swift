/// GRACE's learnable parameters: a two-layer GCN encoder (f → 2d → d, PReLU after each layer,
/// one slope per layer) and a projection head (d → d, ELU, d → d).
public struct GRACEParameters<T: TrainingScalar>: Sendable, Equatable {
    public var weight1: Matrix<T>, bias1: [T], slope1: T
    public var weight2: Matrix<T>, bias2: [T], slope2: T
    public var projection1: Matrix<T>, projectionBias1: [T]
    public var projection2: Matrix<T>, projectionBias2: [T]

    /// Glorot weights (one stream each), zero biases, slopes 0.25.
    public init(features: Int, dimensions d: Int, seed: UInt64) {
        weight1 = Glorot.uniform(rows: features, columns: 2 * d, seed: seed, stream: 11)
        bias1 = [T](repeating: 0, count: 2 * d)
        slope1 = 0.25
        weight2 = Glorot.uniform(rows: 2 * d, columns: d, seed: seed, stream: 12)
        bias2 = [T](repeating: 0, count: d)
        slope2 = 0.25
        projection1 = Glorot.uniform(rows: d, columns: d, seed: seed, stream: 13)
        projectionBias1 = [T](repeating: 0, count: d)
        projection2 = Glorot.uniform(rows: d, columns: d, seed: seed, stream: 14)
        projectionBias2 = [T](repeating: 0, count: d)
    }

    public var dimensions: Int { weight2.columns }

    /// Every parameter in one vector.
    public var flattened: [T] {
        weight1.values + bias1 + [slope1] + weight2.values + bias2 + [slope2]
            + projection1.values + projectionBias1 + projection2.values + projectionBias2
    }

    /// The inverse of `flattened`, with `shape`'s shapes.
    public init(flattened v: [T], shape s: GRACEParameters) {
        var at = 0
        func take(_ n: Int) -> [T] { defer { at += n }; return Array(v[at..<at + n]) }
        func matrix(_ m: Matrix<T>) -> Matrix<T> { Matrix(rows: m.rows, columns: m.columns, values: take(m.values.count)) }
        weight1 = matrix(s.weight1); bias1 = take(s.bias1.count); slope1 = take(1)[0]
        weight2 = matrix(s.weight2); bias2 = take(s.bias2.count); slope2 = take(1)[0]
        projection1 = matrix(s.projection1); projectionBias1 = take(s.projectionBias1.count)
        projection2 = matrix(s.projection2); projectionBias2 = take(s.projectionBias2.count)
    }

    /// Zeros of the same shapes.
    public func zeros() -> GRACEParameters {
        GRACEParameters(flattened: [T](repeating: 0, count: flattened.count), shape: self)
    }
}
