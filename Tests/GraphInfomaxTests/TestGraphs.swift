import GraphInfomax
import InfluenceKit

/// Small graphs and features the suites share, all from fixed seeds.
enum TestGraphs {
    /// A 10-node graph: a ring with two chords.
    static let tenNodes = UndirectedEdges(nodeCount: 10, pairs: (0..<10).map { ($0, ($0 + 1) % 10) } + [(0, 5), (2, 7)])

    /// Features of `rows` × `columns` uniform in [−1, 1).
    static func denseFeatures(rows: Int, columns: Int, seed: UInt64) -> Matrix<Double> {
        var rng = Xoshiro256StarStar(seed: seed, stream: 99)
        return Matrix(rows: rows, columns: columns, values: (0..<rows * columns).map { _ in 2 * rng.nextUnitDouble() - 1 })
    }

    /// Sparse nonnegative features: each node has about a third of the columns set.
    static func sparseFeatures(rows: Int, columns: Int, seed: UInt64) -> SparseMatrix<Double> {
        var rng = Xoshiro256StarStar(seed: seed, stream: 98)
        var triples: [(row: Int, column: Int, value: Double)] = []
        for i in 0..<rows {
            for j in 0..<columns where rng.nextUnitDouble() < 0.35 { triples.append((i, j, 0.5 + rng.nextUnitDouble())) }
            triples.append((i, i % columns, 1))
        }
        return SparseMatrix(rows: rows, columns: columns, triples: triples)
    }

    /// Two communities of `size` nodes: dense inside (p = 0.4), one bridge edge between them.
    static func twoCommunities(size: Int, seed: UInt64) -> (edges: UndirectedEdges, community: [Int]) {
        var rng = Xoshiro256StarStar(seed: seed, stream: 97)
        var pairs: [(Int, Int)] = []
        for c in 0..<2 {
            for i in 0..<size { for j in (i + 1)..<size where rng.nextUnitDouble() < 0.4 { pairs.append((c * size + i, c * size + j)) } }
        }
        pairs.append((0, size))
        return (UndirectedEdges(nodeCount: 2 * size, pairs: pairs), (0..<2 * size).map { $0 < size ? 0 : 1 })
    }
}

/// ‖a − b‖ / max(‖a‖, ‖b‖), 0 when both vanish.
func relativeError(_ a: [Double], _ b: [Double]) -> Double {
    precondition(a.count == b.count)
    var diff = 0.0, na = 0.0, nb = 0.0
    for i in a.indices { diff += (a[i] - b[i]) * (a[i] - b[i]); na += a[i] * a[i]; nb += b[i] * b[i] }
    let scale = max(na, nb).squareRoot()
    return scale == 0 ? 0 : diff.squareRoot() / scale
}

/// Central differences (f(θ + h eᵢ) − f(θ − h eᵢ)) / 2h of `f` at `theta`.
func numericalGradient(_ theta: [Double], h: Double = 1e-5, _ f: ([Double]) -> Double) -> [Double] {
    var t = theta
    return theta.indices.map { i in
        t[i] = theta[i] + h
        let up = f(t)
        t[i] = theta[i] - h
        let down = f(t)
        t[i] = theta[i]
        return (up - down) / (2 * h)
    }
}
