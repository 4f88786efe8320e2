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
    init(seeds: [Int], graph: InfluenceGraph, model: DiffusionModelKind) throws(InfluenceError) {
        let n = graph.nodeCount
        var local = [Int](repeating: -1, count: n)
        for s in seeds {
            guard s >= 0 && s < n else {
                throw InfluenceError(.usage, "seed \(s) is not a node (expected an id in 0..<\(n))")
            }
            if local[s] < 0 { local[s] = nodes.count; nodes.append(UInt32(s)) }
        }
        seedCount = nodes.count
        let values = model == .ic ? graph.outProbabilities : graph.outWeights
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
        switch model {
        case .ic:
            bit = arcValue.map { _ in -1 }
            for (a, p) in arcValue.enumerated() where p < 1 {
                bit[a] = bitProbabilities.count
                bitProbabilities.append(p)
            }
            worlds = bitProbabilities.count >= 64 ? UInt64.max : UInt64(1) << UInt64(bitProbabilities.count)
        case .lt:
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
    func refusal(model: DiffusionModelKind) -> String {
        let limit = ExactSpread.worldLimit
        let count: String
        switch model {
        case .ic:
            let bits = bitProbabilities.count
            count = bits >= 64 ? "2^\(bits) live-edge worlds (\(bits) arcs with 0 < p < 1)"
                               : "2^\(bits) = \(UInt64(1) << UInt64(bits)) live-edge worlds (\(bits) arcs with 0 < p < 1)"
        case .lt:
            count = worlds == UInt64.max ? "more than 2^64 live-edge worlds" : "\(worlds) live-edge worlds"
        }
        return "exact spread would enumerate \(count) reachable from the seeds (limit 2^24 = \(limit)); estimate it by Monte Carlo instead"
    }
}

/// Enumerates the worlds of a `RelevantInstance` and finds the nodes each reaches.
struct WorldWalker {
    let instance: RelevantInstance
    let maxSteps: Int
    var live: [Bool]
    var mark: [UInt32]
    var epoch: UInt32 = 0
    var queue: [UInt32]

    init(instance: RelevantInstance, maxSteps: Int) {
        self.instance = instance
        self.maxSteps = maxSteps
        live = [Bool](repeating: false, count: instance.heads.count)
        mark = [UInt32](repeating: 0, count: instance.nodes.count)
        queue = [UInt32](repeating: 0, count: instance.nodes.count)
    }

    /// The graph ids reached from the seeds through live arcs within `maxSteps` rounds.
    mutating func reach() -> ArraySlice<UInt32> {
        epoch += 1
        var tail = 0
        for s in 0..<instance.seedCount { mark[s] = epoch; queue[tail] = UInt32(s); tail += 1 }
        var head = 0, step = 0
        while head < tail && step < maxSteps {
            let levelEnd = tail
            while head < levelEnd {
                let u = Int(queue[head]); head += 1
                for a in instance.offsets[u]..<instance.offsets[u + 1] where live[a] {
                    let v = instance.heads[a]
                    if mark[v] != epoch { mark[v] = epoch; queue[tail] = UInt32(v); tail += 1 }
                }
            }
            step += 1
        }
        for i in 0..<tail { queue[i] = instance.nodes[Int(queue[i])] }
        return queue[0..<tail]
    }

    /// IC: one world per subset of the uncertain arcs. P(world) is the product of two tables,
    /// over the low and the high half of the bits.
    mutating func enumerateIC(_ visit: (Double, ArraySlice<UInt32>) -> Void) {
        let p = instance.bitProbabilities
        let bits = p.count
        let lowBits = bits / 2, highBits = bits - lowBits
        func table(_ first: Int, _ count: Int) -> [Double] {
            var t = [Double](repeating: 1, count: 1 << count)
            for mask in 0..<(1 << count) {
                var product = 1.0
                for i in 0..<count { product *= (mask >> i) & 1 == 1 ? p[first + i] : 1 - p[first + i] }
                t[mask] = product
            }
            return t
        }
        let low = table(0, lowBits), high = table(lowBits, highBits)
        for a in 0..<instance.heads.count where instance.bit[a] < 0 { live[a] = true }
        for world in 0..<(1 << bits) {
            for a in 0..<instance.heads.count where instance.bit[a] >= 0 {
                live[a] = (world >> instance.bit[a]) & 1 == 1
            }
            let probability = low[world & ((1 << lowBits) - 1)] * high[world >> lowBits]
            if probability == 0 { continue }
            visit(probability, reach())
        }
    }

    /// LT: one world per combination of in-arc choices (a mixed-radix counter over the non-seed
    /// relevant nodes; digit `k` of node `v` is its `k`-th in-arc, or none when `k` is past them).
    mutating func enumerateLT(_ visit: (Double, ArraySlice<UInt32>) -> Void) {
        let count = instance.nodes.count
        let first = instance.seedCount
        var digit = [Int](repeating: 0, count: count)
        var radix = [Int](repeating: 1, count: count)
        for v in first..<count {
            radix[v] = instance.choiceOffsets[v + 1] - instance.choiceOffsets[v] + (instance.noneProbability[v] > 0 ? 1 : 0)
        }
        while true {
            var probability = 1.0
            for a in 0..<live.count { live[a] = false }
            for v in first..<count {
                let c = instance.choiceOffsets[v] + digit[v]
                if c < instance.choiceOffsets[v + 1] {
                    live[instance.choiceArcs[c]] = true
                    probability *= instance.choiceProbabilities[c]
                } else {
                    probability *= instance.noneProbability[v]
                }
            }
            if probability > 0 { visit(probability, reach()) }
            // Next combination.
            var v = first
            while v < count {
                digit[v] += 1
                if digit[v] < radix[v] { break }
                digit[v] = 0
                v += 1
            }
            if v == count { return }
        }
    }
}
