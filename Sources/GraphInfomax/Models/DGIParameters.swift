/// The learnable parameters of Deep Graph Infomax: a one-layer GCN encoder (weight, bias, PReLU
/// slope) and the bilinear discriminator (weight and scalar bias).
public struct DGIParameters<T: TrainingScalar>: Sendable, Equatable {
    /// Encoder weight W, features × dimensions.
    public var weight: Matrix<T>
    /// Encoder bias, one per dimension.
    public var bias: [T]
    /// The PReLU's shared slope (0.25 at start, as PyTorch's `PReLU`).
    public var slope: T
    /// Discriminator weight W_d, dimensions × dimensions: D(h, s) = σ(hᵀ W_d s + b_d).
    public var discriminator: Matrix<T>
    public var discriminatorBias: T

    public init(weight: Matrix<T>, bias: [T], slope: T, discriminator: Matrix<T>, discriminatorBias: T) {
        self.weight = weight
        self.bias = bias
        self.slope = slope
        self.discriminator = discriminator
        self.discriminatorBias = discriminatorBias
    }

    /// Glorot-initialised weights, zero biases, slope 0.25 (DGI's reference initialisation).
    public init(features: Int, dimensions: Int, seed: UInt64) {
        self.init(weight: Glorot.uniform(rows: features, columns: dimensions, seed: seed, stream: 1),
                  bias: [T](repeating: 0, count: dimensions), slope: 0.25,
                  discriminator: Glorot.uniform(rows: dimensions, columns: dimensions, seed: seed, stream: 2),
                  discriminatorBias: 0)
    }

    public var dimensions: Int { weight.columns }

    /// Zeros of the same shapes (a gradient accumulator).
    public func zeros() -> DGIParameters {
        DGIParameters(weight: Matrix(rows: weight.rows, columns: weight.columns), bias: [T](repeating: 0, count: bias.count),
                      slope: 0, discriminator: Matrix(rows: discriminator.rows, columns: discriminator.columns), discriminatorBias: 0)
    }

    /// Every parameter in one vector (for Adam and the gradient checks).
    public var flattened: [T] {
        weight.values + bias + [slope] + discriminator.values + [discriminatorBias]
    }

    /// The inverse of `flattened`, with `shape`'s shapes.
    public init(flattened v: [T], shape: DGIParameters) {
        var at = 0
        func take(_ n: Int) -> [T] { defer { at += n }; return Array(v[at..<at + n]) }
        let w = Matrix(rows: shape.weight.rows, columns: shape.weight.columns, values: take(shape.weight.values.count))
        let b = take(shape.bias.count)
        let a = take(1)[0]
        let wd = Matrix(rows: shape.discriminator.rows, columns: shape.discriminator.columns, values: take(shape.discriminator.values.count))
        let bd = take(1)[0]
        self.init(weight: w, bias: b, slope: a, discriminator: wd, discriminatorBias: bd)
    }
}
