import InfluenceKit

/// σ(S) by the definition, sharing no code with the library's oracle: every combination of every
/// node's full distribution (no pruning, no marginalising), the nodes reachable from S over the
/// drawn arcs found by a plain search, weighted by the product of the drawn outcomes'
/// probabilities.
enum BruteForceSpread {
    /// σ(`seeds`) under `model`. Complexity: O(Π_v |outcomes of v| · (n + m)).
    static func spread(of seeds: [Int], under model: GeneralTriggeringModel) -> Double {
        let g = model.graph
        let n = g.nodeCount
        var choice = [Int](repeating: 0, count: n)
        var total = 0.0
        while true {
            var probability = 1.0
            var live = [Bool](repeating: false, count: g.arcCount)
            for v in 0..<n {
                let outcome = model.distributions[v][choice[v]]
                probability *= outcome.probability
                for a in outcome.arcs { live[a] = true }
            }
            var reached = [Bool](repeating: false, count: n)
            var stack = seeds
            for s in seeds { reached[s] = true }
            while let u = stack.popLast() {
                for a in g.outOffsets[u]..<g.outOffsets[u + 1] where live[a] && !reached[Int(g.outTargets[a])] {
                    reached[Int(g.outTargets[a])] = true
                    stack.append(Int(g.outTargets[a]))
                }
            }
            total += probability * Double(reached.filter { $0 }.count)
            // Next combination.
            var v = 0
            while v < n {
                choice[v] += 1
                if choice[v] < model.distributions[v].count { break }
                choice[v] = 0
                v += 1
            }
            if v == n { return total }
        }
    }

    /// All k-subsets of 0..<n, in lexicographic order. Complexity: O(C(n, k) · k).
    static func subsets(of n: Int, size k: Int) -> [[Int]] {
        guard k > 0 else { return [[]] }
        guard k <= n else { return [] }
        var result: [[Int]] = []
        var current = Array(0..<k)
        while true {
            result.append(current)
            var i = k - 1
            while i >= 0 && current[i] == n - k + i { i -= 1 }
            if i < 0 { return result }
            current[i] += 1
            for j in (i + 1)..<k { current[j] = current[j - 1] + 1 }
        }
    }
}
