/// Row-wise helpers over dense matrices, on unsafe buffers (no bounds checks in the loops).
enum RowOps {
    /// m[i, :] += b for every row.
    static func addRowVector<T: TrainingScalar>(_ b: [T], to m: inout Matrix<T>) {
        let c = m.columns, rows = m.rows
        precondition(b.count == c)
        b.withUnsafeBufferPointer { bv in
            m.values.withUnsafeMutableBufferPointer { v in
                for i in 0..<rows { let r = v.baseAddress! + i * c; for j in 0..<c { r[j] += bv[j] } }
            }
        }
    }

    /// Σᵢ m[i, :].
    static func columnSums<T: TrainingScalar>(_ m: Matrix<T>) -> [T] {
        let c = m.columns, rows = m.rows
        var s = [T](repeating: 0, count: c)
        s.withUnsafeMutableBufferPointer { sv in
            m.values.withUnsafeBufferPointer { v in
                for i in 0..<rows { let r = v.baseAddress! + i * c; for j in 0..<c { sv[j] += r[j] } }
            }
        }
        return s
    }

    /// M · x.
    static func matrixVector<T: TrainingScalar>(_ m: Matrix<T>, _ x: [T]) -> [T] {
        let c = m.columns
        precondition(x.count == c)
        return m.values.withUnsafeBufferPointer { mv in
            x.withUnsafeBufferPointer { xv in
                (0..<m.rows).map { i in
                    let r = mv.baseAddress! + i * c
                    var s: T = 0
                    for j in 0..<c { s += r[j] * xv[j] }
                    return s
                }
            }
        }
    }

    /// Mᵀ · y.
    static func transposedMatrixVector<T: TrainingScalar>(_ m: Matrix<T>, _ y: [T]) -> [T] {
        let c = m.columns, rows = m.rows
        precondition(y.count == rows)
        var out = [T](repeating: 0, count: c)
        out.withUnsafeMutableBufferPointer { o in
            m.values.withUnsafeBufferPointer { mv in
                for i in 0..<rows { let r = mv.baseAddress! + i * c, a = y[i]; for j in 0..<c { o[j] += a * r[j] } }
            }
        }
        return out
    }

    /// a ⊗ b: the matrix with rows a[i] · b.
    static func outer<T: TrainingScalar>(_ a: [T], _ b: [T]) -> Matrix<T> {
        var m = Matrix<T>(rows: a.count, columns: b.count)
        let c = b.count
        m.values.withUnsafeMutableBufferPointer { v in
            b.withUnsafeBufferPointer { bv in
                for i in 0..<a.count { let r = v.baseAddress! + i * c, x = a[i]; for j in 0..<c { r[j] = x * bv[j] } }
            }
        }
        return m
    }
}
