/// A dense row-major matrix: `values[row * columns + column]`.
///
/// A plain struct of one flat array, so it is `Sendable` and copies on write; the kernels read
/// and write it through unsafe buffer pointers.
public struct Matrix<T: TrainingScalar>: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public var values: [T]

    /// A `rows × columns` matrix of zeros.
    public init(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0)
        self.rows = rows
        self.columns = columns
        values = [T](repeating: 0, count: rows * columns)
    }

    /// A matrix from row-major values (`values.count == rows * columns`).
    public init(rows: Int, columns: Int, values: [T]) {
        precondition(values.count == rows * columns, "\(values.count) values for a \(rows) × \(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    @inlinable public subscript(row: Int, column: Int) -> T {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// Row `row` as an array. Complexity: O(columns).
    public func row(_ row: Int) -> [T] { Array(values[row * columns ..< (row + 1) * columns]) }

    /// The transpose. Complexity: O(rows · columns), in cache-friendly tiles.
    public func transposed() -> Matrix {
        var out = Matrix(rows: columns, columns: rows)
        let tile = 32
        values.withUnsafeBufferPointer { a in
            out.values.withUnsafeMutableBufferPointer { b in
                var i0 = 0
                while i0 < rows {
                    let i1 = min(rows, i0 + tile)
                    var j0 = 0
                    while j0 < columns {
                        let j1 = min(columns, j0 + tile)
                        for i in i0..<i1 { for j in j0..<j1 { b[j * rows + i] = a[i * columns + j] } }
                        j0 = j1
                    }
                    i0 = i1
                }
            }
        }
        return out
    }

    /// The same values in another precision.
    public func converted<U: TrainingScalar>(to: U.Type = U.self) -> Matrix<U> {
        Matrix<U>(rows: rows, columns: columns, values: values.map { U($0) })
    }

    /// Sets every entry to zero, keeping the storage.
    public mutating func zero() {
        values.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
}
