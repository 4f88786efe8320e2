import InfluenceKit

/// Glorot (Xavier) uniform initialisation (Glorot & Bengio, AISTATS 2010): entries uniform in
/// ±√(6 / (fan_in + fan_out)), drawn from xoshiro256** keyed by (seed, stream) so every weight
/// matrix of a model has its own reproducible stream.
public enum Glorot {
    public static func uniform<T: TrainingScalar>(rows: Int, columns: Int, seed: UInt64, stream: UInt64) -> Matrix<T> {
        var rng = Xoshiro256StarStar(seed: seed, stream: stream)
        let bound = (6.0 / Double(rows + columns)).squareRoot()
        var m = Matrix<T>(rows: rows, columns: columns)
        m.values.withUnsafeMutableBufferPointer { v in
            for i in v.indices { v[i] = T((2 * rng.nextUnitDouble() - 1) * bound) }
        }
        return m
    }
}
