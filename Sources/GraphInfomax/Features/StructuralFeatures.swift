import InfluenceKit

/// Identity-free node features computed from the graph alone, for graphs without node attributes
/// (nethept, email-Enron): per node, log(1 + out-degree), log(1 + in-degree), log(n · PageRank on
/// the reversed graph), log(1 + Σ out-degrees of out-neighbours) (a two-hop reach proxy), and
/// log(1 + mean in-degree of out-neighbours); each column standardised to mean 0 and variance 1.
/// No feature names a node, so two nodes with the same neighbourhood shape look alike.
public enum StructuralFeatures {
    public static let names = ["log-out-degree", "log-in-degree", "log-pagerank", "log-two-hop-out", "log-mean-neighbour-in-degree"]

    /// The features of `graph`'s nodes (n × 5, dense). Complexity: O((n + m) · 50).
    public static func of(_ graph: InfluenceGraph) -> FeatureMatrix<Float> {
        let n = graph.nodeCount
        let rank = reversedPageRank(graph)
        var x = Matrix<Float>(rows: n, columns: names.count)
        for v in 0..<n {
            var twoHop = 0, neighbourIn = 0
            for a in graph.outOffsets[v]..<graph.outOffsets[v + 1] {
                let w = Int(graph.outTargets[a])
                twoHop += graph.outDegree(w)
                neighbourIn += graph.inDegree(w)
            }
            let out = graph.outDegree(v)
            x[v, 0] = Float(log1p(Double(out)))
            x[v, 1] = Float(log1p(Double(graph.inDegree(v))))
            x[v, 2] = Float(log(max(rank[v] * Double(n), 1e-12)))
            x[v, 3] = Float(log1p(Double(twoHop)))
            x[v, 4] = Float(log1p(out > 0 ? Double(neighbourIn) / Double(out) : 0))
        }
        for j in 0..<names.count {
            var mean = 0.0, square = 0.0
            for v in 0..<n { mean += Double(x[v, j]) }
            mean /= Double(max(n, 1))
            for v in 0..<n { square += (Double(x[v, j]) - mean) * (Double(x[v, j]) - mean) }
            let sd = (square / Double(max(n, 1))).squareRoot()
            for v in 0..<n { x[v, j] = sd > 0 ? Float((Double(x[v, j]) - mean) / sd) : 0 }
        }
        return .dense(x)
    }

    /// PageRank with damping 0.85 on the reversed graph (rank flows against the arcs, towards the
    /// nodes that reach many), dangling mass spread uniformly, 50 power sweeps.
    public static func reversedPageRank(_ graph: InfluenceGraph, damping: Double = 0.85, sweeps: Int = 50) -> [Double] {
        let n = graph.nodeCount
        guard n > 0 else { return [] }
        var rank = [Double](repeating: 1 / Double(n), count: n)
        var next = rank
        for _ in 0..<sweeps {
            // On the reversed graph a node's out-arcs are its in-arcs here.
            var dangling = 0.0
            for v in 0..<n where graph.inDegree(v) == 0 { dangling += rank[v] }
            let base = (1 - damping) / Double(n) + damping * dangling / Double(n)
            for v in 0..<n {
                var sum = 0.0
                for a in graph.outOffsets[v]..<graph.outOffsets[v + 1] {
                    let w = Int(graph.outTargets[a])
                    sum += rank[w] / Double(graph.inDegree(w))
                }
                next[v] = base + damping * sum
            }
            swap(&rank, &next)
        }
        return rank
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
