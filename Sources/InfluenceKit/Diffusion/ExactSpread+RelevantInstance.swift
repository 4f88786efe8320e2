/// The part of a graph that can influence σ(S), renumbered densely, with the uncertain choices
/// of its live-edge worlds (see `ExactSpread`).
struct RelevantInstance {
    /// Graph ids of the relevant nodes (those reachable from S through arcs of positive value);
    /// local id `i` is `nodes[i]`, the seeds come first.
    var nodes: [UInt32] = []
    /// Number of distinct seeds (local ids `0..<seedCount`).
    var seedCount = 0
    /// Forward CSR over local ids of the relevant arcs (tail relevant, head not a seed, value > 0).
    var offsets: [Int] = [0]
    var heads: [Int] = []
    /// IC: per relevant arc, the index of its uncertain bit, or -1 when it is always live.
    var bit: [Int] = []
    /// IC: the probability of each uncertain bit.
    var bitProbabilities: [Double] = []
    /// LT: per relevant non-seed node (local id), the relevant arcs into it as choices, with the
    /// probability of each and of "none" (`noneProbability`, possibly 0: then it is not a choice).
    var choiceOffsets: [Int] = []
    var choiceArcs: [Int] = []
    var choiceProbabilities: [Double] = []
    var noneProbability: [Double] = []
    /// Live-edge worlds to enumerate (saturating).
    var worlds: UInt64 = 1

    /// Collects the relevant part. Complexity: O(n + m).
    init(seeds: [Int], graph: InfluenceGraph, liveEdges: LiveEdgeView) throws(InfluenceError) {
        let n = graph.nodeCount
        var local = [Int](repeating: -1, count: n)
        for s in seeds {
            guard s >= 0 && s < n else {
                throw InfluenceError(.usage, parameter: "seeds", "seed \(s) is not a node (expected an id in 0..<\(n))")
            }
            if local[s] < 0 { local[s] = nodes.count; nodes.append(UInt32(s)) }
        }
        seedCount = nodes.count
        let values: [Float]
        switch liveEdges {
        case .independentArcs(let probabilities): values = probabilities
        case .singleInArc(let weights): values = weights
        }
        // Relevant nodes: BFS over arcs of positive value.
        var head = 0
        while head < nodes.count {
            let u = Int(nodes[head]); head += 1
            for a in graph.outOffsets[u]..<graph.outOffsets[u + 1] where values[a] > 0 {
                let v = Int(graph.outTargets[a])
                if local[v] < 0 { local[v] = nodes.count; nodes.append(UInt32(v)) }
            }
        }
        // Relevant arcs, in local CSR.
        var arcValue: [Double] = []
        for u in nodes {
            for a in graph.outOffsets[Int(u)]..<graph.outOffsets[Int(u) + 1] where values[a] > 0 {
                let v = local[Int(graph.outTargets[a])]
                if v < seedCount { continue }
                heads.append(v)
                arcValue.append(Double(values[a]))
            }
            offsets.append(heads.count)
        }
        switch liveEdges {
        case .independentArcs:
            bit = arcValue.map { _ in -1 }
            for (a, p) in arcValue.enumerated() where p < 1 {
                bit[a] = bitProbabilities.count
                bitProbabilities.append(p)
            }
            worlds = bitProbabilities.count >= 64 ? UInt64.max : UInt64(1) << UInt64(bitProbabilities.count)
        case .singleInArc:
            // Group the relevant arcs by head: the in-arc choices of each non-seed node.
            let count = nodes.count
            var inCount = [Int](repeating: 0, count: count + 1)
            for v in heads { inCount[v + 1] += 1 }
            for i in 0..<count { inCount[i + 1] += inCount[i] }
            choiceOffsets = inCount
            choiceArcs = [Int](repeating: 0, count: heads.count)
            choiceProbabilities = [Double](repeating: 0, count: heads.count)
            var cursor = inCount
            for a in 0..<heads.count {
                let v = heads[a]
                choiceArcs[cursor[v]] = a
                choiceProbabilities[cursor[v]] = arcValue[a]
                cursor[v] += 1
            }
            noneProbability = [Double](repeating: 0, count: count)
            for v in seedCount..<count {
                var sum = 0.0
                for c in choiceOffsets[v]..<choiceOffsets[v + 1] { sum += choiceProbabilities[c] }
                // Weights within float rounding of 1 leave no "none" choice.
                let none = 1 - sum
                noneProbability[v] = none > 1e-6 ? none : 0
                let options = UInt64(choiceOffsets[v + 1] - choiceOffsets[v] + (noneProbability[v] > 0 ? 1 : 0))
                let (product, overflow) = worlds.multipliedReportingOverflow(by: options)
                worlds = overflow ? UInt64.max : product
            }
        }
    }

    /// The message refusing an instance above the limit.
    func refusal(_ liveEdges: LiveEdgeView) -> String {
        let limit = ExactSpread.worldLimit
        let count: String
        switch liveEdges {
        case .independentArcs:
            let bits = bitProbabilities.count
            count = bits >= 64 ? "2^\(bits) live-edge worlds (\(bits) arcs with 0 < p < 1)"
                               : "2^\(bits) = \(UInt64(1) << UInt64(bits)) live-edge worlds (\(bits) arcs with 0 < p < 1)"
        case .singleInArc:
            count = worlds == UInt64.max ? "more than 2^64 live-edge worlds" : "\(worlds) live-edge worlds"
        }
        return "exact spread would enumerate \(count) reachable from the seeds (limit 2^24 = \(limit)); estimate it by Monte Carlo instead"
    }
}
