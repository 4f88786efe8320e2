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

    /// Independent arcs: one world per subset of the uncertain arcs. P(world) is the product of two tables,
    /// over the low and the high half of the bits.
    mutating func enumerateIndependentArcs(_ visit: (Double, ArraySlice<UInt32>) -> Void) {
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

    /// Triggering outcomes: one world per combination of the nodes' outcomes (a mixed-radix
    /// counter over the non-seed relevant nodes; digit `k` of node `v` is its `k`-th outcome).
    /// P(world) is the product of the chosen outcomes' probabilities, in node order.
    mutating func enumerateOutcomes(_ visit: (Double, ArraySlice<UInt32>) -> Void) {
        let count = instance.nodes.count
        let first = instance.seedCount
        var digit = [Int](repeating: 0, count: count)
        var radix = [Int](repeating: 1, count: count)
        for v in first..<count {
            radix[v] = instance.outcomeOffsets[v + 1] - instance.outcomeOffsets[v]
        }
        while true {
            var probability = 1.0
            for a in 0..<live.count { live[a] = false }
            for v in first..<count {
                let o = instance.outcomeOffsets[v] + digit[v]
                for i in instance.outcomeArcOffsets[o]..<instance.outcomeArcOffsets[o + 1] { live[instance.outcomeArcs[i]] = true }
                probability *= instance.outcomeProbabilities[o]
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
