import InfluenceKit

/// A sparse matrix in compressed sparse rows: row `i` holds `columnIndices[offsets[i]..<offsets[i+1]]`
/// (ascending) with `values` beside them.
public struct SparseMatrix<T: TrainingScalar>: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public let offsets: [Int]
    public let columnIndices: [UInt32]
    public var values: [T]

    /// Number of stored entries.
    public var nonzeroCount: Int { columnIndices.count }

    public init(rows: Int, columns: Int, offsets: [Int], columnIndices: [UInt32], values: [T]) {
        precondition(offsets.count == rows + 1 && columnIndices.count == values.count && offsets.last == values.count)
        self.rows = rows
        self.columns = columns
        self.offsets = offsets
        self.columnIndices = columnIndices
        self.values = values
    }

    /// Builds from (row, column, value) triples; duplicates are summed. Complexity: O(nnz log nnz).
    public init(rows: Int, columns: Int, triples: [(row: Int, column: Int, value: T)]) {
        let sorted = triples.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        var offsets = [Int](repeating: 0, count: rows + 1)
        var indices: [UInt32] = [], values: [T] = []
        indices.reserveCapacity(sorted.count)
        values.reserveCapacity(sorted.count)
        var last: (Int, Int) = (-1, -1)
        for t in sorted {
            if (t.row, t.column) == last { values[values.count - 1] += t.value; continue }
            last = (t.row, t.column)
            indices.append(UInt32(t.column))
            values.append(t.value)
            offsets[t.row + 1] += 1
        }
        for i in 0..<rows { offsets[i + 1] += offsets[i] }
        self.init(rows: rows, columns: columns, offsets: offsets, columnIndices: indices, values: values)
    }

    /// The transpose (compressed sparse columns of this matrix). Complexity: O(rows + columns + nnz).
    public func transposed() -> SparseMatrix {
        var counts = [Int](repeating: 0, count: columns + 1)
        for c in columnIndices { counts[Int(c) + 1] += 1 }
        for j in 0..<columns { counts[j + 1] += counts[j] }
        var next = counts
        var indices = [UInt32](repeating: 0, count: nonzeroCount)
        var out = [T](repeating: 0, count: nonzeroCount)
        for i in 0..<rows {
            for e in offsets[i]..<offsets[i + 1] {
                let j = Int(columnIndices[e])
                indices[next[j]] = UInt32(i)
                out[next[j]] = values[e]
                next[j] += 1
            }
        }
        return SparseMatrix(rows: columns, columns: rows, offsets: counts, columnIndices: indices, values: out)
    }

    /// The dense form (tests and small inputs).
    public func dense() -> Matrix<T> {
        var m = Matrix<T>(rows: rows, columns: columns)
        for i in 0..<rows { for e in offsets[i]..<offsets[i + 1] { m[i, Int(columnIndices[e])] += values[e] } }
        return m
    }

    /// The same entries in another precision.
    public func converted<U: TrainingScalar>(to: U.Type = U.self) -> SparseMatrix<U> {
        SparseMatrix<U>(rows: rows, columns: columns, offsets: offsets, columnIndices: columnIndices, values: values.map { U($0) })
    }

    /// Each row divided by its sum (rows summing to zero are left as they are): DGI's and GCN's
    /// feature preprocessing. Complexity: O(nnz).
    public func rowNormalized() -> SparseMatrix {
        var out = values
        for i in 0..<rows {
            var sum: T = 0
            for e in offsets[i]..<offsets[i + 1] { sum += values[e] }
            if sum != 0 { for e in offsets[i]..<offsets[i + 1] { out[e] = values[e] / sum } }
        }
        return SparseMatrix(rows: rows, columns: columns, offsets: offsets, columnIndices: columnIndices, values: out)
    }

    /// `c = self · b` (or `c += self · b`), `b` dense with `columns` rows.
    ///
    /// Complexity: O(nnz · b.columns), rows split over `threads` by entry count.
    public func multiply(_ b: Matrix<T>, into c: inout Matrix<T>, accumulate: Bool = false, threads: Int = 1) {
        precondition(b.rows == columns && c.rows == rows && c.columns == b.columns)
        let d = b.columns
        let wide = d - d % 8
        offsets.withUnsafeBufferPointer { off in
            columnIndices.withUnsafeBufferPointer { idx in
                values.withUnsafeBufferPointer { val in
                    b.values.withUnsafeBufferPointer { bb in
                        c.values.withUnsafeMutableBufferPointer { cb in
                            let shared = UnsafeSharing((off, idx, val, bb.baseAddress, cb.baseAddress))
                            RowParallel.forEachBalancedRange(offsets: off, threads: nonzeroCount * d < 1 << 16 ? 1 : threads) { range in
                                let (off, idx, val, bOpt, cOpt) = shared.value
                                guard let bp = bOpt, let cp = cOpt else { return }
                                for i in range {
                                    let ci = cp + i * d
                                    if !accumulate { ci.update(repeating: 0, count: d) }
                                    for e in off[i]..<off[i + 1] {
                                        let v = val[e]
                                        let row = bp + Int(idx[e]) * d
                                        var j = 0
                                        while j < wide {
                                            let acc = UnsafeRawPointer(ci + j).loadUnaligned(as: SIMD8<T>.self)
                                                + v * UnsafeRawPointer(row + j).loadUnaligned(as: SIMD8<T>.self)
                                            UnsafeMutableRawPointer(ci + j).storeBytes(of: acc, as: SIMD8<T>.self)
                                            j += 8
                                        }
                                        while j < d { ci[j] += v * row[j]; j += 1 }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `self · b` as a new matrix.
    public func product(_ b: Matrix<T>, threads: Int = 1) -> Matrix<T> {
        var c = Matrix<T>(rows: rows, columns: b.columns)
        multiply(b, into: &c, threads: threads)
        return c
    }
}
