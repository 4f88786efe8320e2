import InfluenceKit

/// Dense matrix products over row-major matrices with a register-blocked SIMD kernel.
///
/// The kernel holds a 4 × 16 tile of C in eight `SIMD8` accumulators and streams one row of B per
/// step of the inner dimension, so each B load feeds four rows. Rows of C are split over threads
/// in fixed ranges: each entry is summed in the same order for every thread count.
///
/// Why not a BLAS: the product that dominates DGI on bag-of-words data is sparse × dense
/// (`SparseMatrix`), and the dense ones (GRACE's second layer and similarity blocks, the probe)
/// run at the rate `Bench/bench-embed.sh` reports for this kernel; keeping it in Swift keeps the
/// package free of a system library that CI machines may not have.
public enum DenseProduct {
    /// `c = a · b` (or `c += a · b` when `accumulate`). `a` is m × k, `b` k × n, `c` m × n.
    ///
    /// Complexity: O(m · k · n), split over `threads`.
    public static func multiply<T: TrainingScalar>(_ a: Matrix<T>, _ b: Matrix<T>, into c: inout Matrix<T>,
                                                   accumulate: Bool = false, threads: Int = 1) {
        precondition(a.columns == b.rows && c.rows == a.rows && c.columns == b.columns,
                     "shapes \(a.rows)×\(a.columns) · \(b.rows)×\(b.columns) → \(c.rows)×\(c.columns)")
        let m = a.rows, k = a.columns, n = b.columns
        a.values.withUnsafeBufferPointer { ab in
            b.values.withUnsafeBufferPointer { bb in
                c.values.withUnsafeMutableBufferPointer { cb in
                    let shared = UnsafeSharing((ab.baseAddress, bb.baseAddress, cb.baseAddress))
                    RowParallel.forEachRange(m, threads: m * k * n < 1 << 16 ? 1 : threads, grain: 4) { rows in
                        guard let ap = shared.value.0, let bp = shared.value.1, let cp = shared.value.2 else { return }
                        kernel(ap, bp, cp, rows: rows, k: k, n: n, accumulate: accumulate)
                    }
                }
            }
        }
    }

    /// `a · b` as a new matrix.
    public static func product<T: TrainingScalar>(_ a: Matrix<T>, _ b: Matrix<T>, threads: Int = 1) -> Matrix<T> {
        var c = Matrix<T>(rows: a.rows, columns: b.columns)
        multiply(a, b, into: &c, threads: threads)
        return c
    }

    /// `aᵀ · b` as a new matrix (`a` is m × k, `b` m × n, the result k × n), through an explicit
    /// transpose of `a` (O(m · k), small next to the product).
    public static func transposedProduct<T: TrainingScalar>(_ a: Matrix<T>, _ b: Matrix<T>, threads: Int = 1) -> Matrix<T> {
        product(a.transposed(), b, threads: threads)
    }

    /// `a · bᵀ` as a new matrix (`a` is m × k, `b` n × k, the result m × n).
    public static func productTransposed<T: TrainingScalar>(_ a: Matrix<T>, _ b: Matrix<T>, threads: Int = 1) -> Matrix<T> {
        product(a, b.transposed(), threads: threads)
    }

    @inline(__always)
    private static func load<T: TrainingScalar>(_ p: UnsafePointer<T>) -> SIMD8<T> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<T>.self)
    }

    @inline(__always)
    private static func store<T: TrainingScalar>(_ v: SIMD8<T>, _ p: UnsafeMutablePointer<T>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<T>.self)
    }

    /// Rows `rows` of C from A (·, k) and B (k, n).
    private static func kernel<T: TrainingScalar>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>, _ c: UnsafeMutablePointer<T>,
                                                  rows: Range<Int>, k: Int, n: Int, accumulate: Bool) {
        let wide = n - n % 16
        var i = rows.lowerBound
        while i + 4 <= rows.upperBound {
            let a0 = a + i * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k
            var j = 0
            while j < wide {
                var c00 = SIMD8<T>(), c01 = SIMD8<T>(), c10 = SIMD8<T>(), c11 = SIMD8<T>()
                var c20 = SIMD8<T>(), c21 = SIMD8<T>(), c30 = SIMD8<T>(), c31 = SIMD8<T>()
                var bp = b + j
                for p in 0..<k {
                    let b0 = load(bp), b1 = load(bp + 8)
                    let x0 = a0[p], x1 = a1[p], x2 = a2[p], x3 = a3[p]
                    c00 += x0 * b0; c01 += x0 * b1
                    c10 += x1 * b0; c11 += x1 * b1
                    c20 += x2 * b0; c21 += x2 * b1
                    c30 += x3 * b0; c31 += x3 * b1
                    bp += n
                }
                let r0 = c + i * n + j, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n
                if accumulate {
                    c00 += load(r0); c01 += load(r0 + 8); c10 += load(r1); c11 += load(r1 + 8)
                    c20 += load(r2); c21 += load(r2 + 8); c30 += load(r3); c31 += load(r3 + 8)
                }
                store(c00, r0); store(c01, r0 + 8); store(c10, r1); store(c11, r1 + 8)
                store(c20, r2); store(c21, r2 + 8); store(c30, r3); store(c31, r3 + 8)
                j += 16
            }
            for r in 0..<4 { tail(a + (i + r) * k, b, c + (i + r) * n, from: wide, k: k, n: n, accumulate: accumulate) }
            i += 4
        }
        while i < rows.upperBound {
            let ai = a + i * k, ci = c + i * n
            var j = 0
            while j < wide {
                var c0 = SIMD8<T>(), c1 = SIMD8<T>()
                var bp = b + j
                for p in 0..<k {
                    let x = ai[p]
                    c0 += x * load(bp); c1 += x * load(bp + 8)
                    bp += n
                }
                if accumulate { c0 += load(ci + j); c1 += load(ci + j + 8) }
                store(c0, ci + j); store(c1, ci + j + 8)
                j += 16
            }
            tail(ai, b, ci, from: wide, k: k, n: n, accumulate: accumulate)
            i += 1
        }
    }

    /// Columns `from..<n` of one row of C, scalar.
    @inline(__always)
    private static func tail<T: TrainingScalar>(_ ai: UnsafePointer<T>, _ b: UnsafePointer<T>, _ ci: UnsafeMutablePointer<T>,
                                                from: Int, k: Int, n: Int, accumulate: Bool) {
        guard from < n else { return }
        for j in from..<n {
            var sum: T = 0
            var bp = b + j
            for p in 0..<k { sum += ai[p] * bp.pointee; bp += n }
            ci[j] = accumulate ? ci[j] + sum : sum
        }
    }
}
