/// The two-stage invite/accept cascade that scores invitee lists (the benchmark's Spread@K):
/// every arc i→j is live with probability P_ij·U_j. The inviters are seeds and are not counted.
/// Stage 1: invitee j on inviter i's top-K list is activated when arc i→j is live. Stage 2:
/// independent cascade from the activated nodes over live arcs whose tail is not an inviter.
/// Spread@K = E[number of activated non-inviters].
///
/// Monte Carlo uses common random numbers: the coin of arc a in world w is a hash of
/// (seed, w, a), so every method and every K is scored on the same worlds (their differences
/// carry far less noise than independent runs), and the result is the same for any thread count.
/// K = 1 … maxK share one pass per world: the lists are prefixes, so the activated set only grows.
public enum InviteCascade {
    /// Spread@K for one K.
    public struct Estimate: Sendable, Equatable, Codable {
        /// The list length K.
        public var k: Int
        /// Mean number of accepted users over the worlds (Spread@K).
        public var mean: Double
        /// sd / √worlds.
        public var standardError: Double
        /// Monte Carlo worlds behind the mean.
        public var worlds: Int
    }

    /// Which arcs are live in one world.
    protocol World {
        func isLive(_ arc: Int) -> Bool
    }

    /// The world `index` of run `seed`: coins hashed from (seed, index, arc).
    struct HashedWorld: World {
        let key: UInt64
        let threshold: UnsafeBufferPointer<UInt64>
        init(seed: UInt64, index: Int, threshold: UnsafeBufferPointer<UInt64>) {
            key = SplitMix64.mix(SplitMix64.mix(seed ^ 0x1CA5_CADE) &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
            self.threshold = threshold
        }
        @inline(__always) func isLive(_ arc: Int) -> Bool {
            CoinThreshold.isLive(SplitMix64.mix(key ^ (UInt64(arc) &* 0xD1B5_4A32_D192_ED03)), threshold[arc])
        }
    }

    /// A world given by the live-arc bit mask of the exact enumeration.
    struct MaskWorld: World {
        let live: [Bool]
        func isLive(_ arc: Int) -> Bool { live[arc] }
    }

    /// The inviters' arcs to their list entries (forward arc numbers), list by list.
    static func listArcs(_ graph: InviteGraph, _ lists: DenseLists) -> [[Int]] {
        lists.inviters.indices.map { t in
            let i = lists.inviters[t], row = graph.arcs(from: i)
            return lists.invitees[t].map { j in
                var low = row.lowerBound, high = row.upperBound
                while low < high {
                    let mid = (low + high) / 2
                    if Int(graph.outTargets[mid]) < j { low = mid + 1 } else { high = mid }
                }
                precondition(low < row.upperBound && Int(graph.outTargets[low]) == j, "list entry is not an out-neighbour")
                return low
            }
        }
    }

    /// Activated non-inviters after K = 1 … maxK in `world`. `visited` and `queue` are scratch.
    static func counts<W: World>(_ graph: InviteGraph, world: W, listArcs: [[Int]], isInviter: [Bool], maxK: Int,
                                 visited: PinnedMarks, queue: inout [Int]) -> [Int] {
        let epoch = visited.nextEpoch()
        queue.removeAll(keepingCapacity: true)
        var head = 0
        var result: [Int] = []
        result.reserveCapacity(maxK)
        for k in 0..<maxK {
            for arcs in listArcs where k < arcs.count {
                let a = arcs[k], j = Int(graph.outTargets[a])
                if isInviter[j] || visited.isStamped(j, epoch) { continue }
                if world.isLive(a) { visited.stamp(j, epoch); queue.append(j) }
            }
            while head < queue.count {
                let x = queue[head]; head += 1
                for a in graph.outOffsets[x]..<graph.outOffsets[x + 1] {
                    let y = Int(graph.outTargets[a])
                    if isInviter[y] || visited.isStamped(y, epoch) { continue }
                    if world.isLive(a) { visited.stamp(y, epoch); queue.append(y) }
                }
            }
            result.append(queue.count)
        }
        return result
    }

    /// Marks of the inviters of `lists`.
    static func inviterMarks(_ graph: InviteGraph, _ lists: DenseLists) -> [Bool] {
        var marks = [Bool](repeating: false, count: graph.nodeCount)
        for i in lists.inviters { marks[i] = true }
        return marks
    }

    /// Monte Carlo Spread@K, K = 1 … maxK, over `worlds` common-random-number worlds.
    /// Complexity: O(worlds · reached arcs).
    static func monteCarlo(_ graph: InviteGraph, lists: DenseLists, maxK: Int, worlds: Int, seed: UInt64,
                           threads: Int) -> [Estimate] {
        let arcs = listArcs(graph, lists), isInviter = inviterMarks(graph, lists)
        var threshold = [UInt64](repeating: 0, count: graph.arcCount)
        for u in 0..<graph.nodeCount {
            for a in graph.arcs(from: u) { threshold[a] = CoinThreshold.of(graph.invite[a] * graph.acceptance[Int(graph.outTargets[a])]) }
        }
        var perWorld = [[Int]](repeating: [], count: worlds)
        let workers = max(1, min(threads, worlds))
        let marks = (0..<workers).map { _ in PinnedMarks(count: graph.nodeCount) }
        threshold.withUnsafeBufferPointer { threshold in
            perWorld.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out, threshold = threshold
                var queues = [[Int]](repeating: [], count: workers)
                queues.withUnsafeMutableBufferPointer { queues in
                    nonisolated(unsafe) let queues = queues
                    Parallel.forEachTask(worlds, workers: workers) { worker, w in
                        out[w] = counts(graph, world: HashedWorld(seed: seed, index: w, threshold: threshold), listArcs: arcs,
                                        isInviter: isInviter, maxK: maxK, visited: marks[worker], queue: &queues[worker])
                    }
                }
            }
        }
        return (0..<maxK).map { k in
            var sum = 0.0, squares = 0.0
            for w in 0..<worlds { let x = Double(perWorld[w][k]); sum += x; squares += x * x }
            let mean = sum / Double(worlds)
            let variance = worlds > 1 ? max(0, (squares - sum * mean) / Double(worlds - 1)) : 0
            return Estimate(k: k + 1, mean: mean, standardError: (variance / Double(worlds)).squareRoot(), worlds: worlds)
        }
    }

    /// The exact Spread@K by enumerating every live-arc world (tests; at most 24 uncertain arcs).
    ///
    /// - Throws: `InfluenceError(.resource)` when more than 24 arcs have 0 < P·U < 1.
    /// - Complexity: O(2^u · m), u the uncertain arcs.
    static func exact(_ graph: InviteGraph, lists: DenseLists, maxK: Int) throws(InfluenceError) -> [Double] {
        let arcs = listArcs(graph, lists), isInviter = inviterMarks(graph, lists)
        var live = [Bool](repeating: false, count: graph.arcCount), p = [Double](repeating: 0, count: graph.arcCount)
        var uncertain: [Int] = []
        for u in 0..<graph.nodeCount {
            for a in graph.arcs(from: u) {
                p[a] = graph.invite[a] * graph.acceptance[Int(graph.outTargets[a])]
                if p[a] >= 1 { live[a] = true } else if p[a] > 0 { uncertain.append(a) }
            }
        }
        guard uncertain.count <= 24 else {
            throw InfluenceError(.resource, "\(uncertain.count) uncertain arcs (exact enumeration takes at most 24)")
        }
        var total = [Double](repeating: 0, count: maxK)
        let marks = PinnedMarks(count: graph.nodeCount)
        var queue: [Int] = []
        for mask in 0..<(1 << uncertain.count) {
            var weight = 1.0
            for (b, a) in uncertain.enumerated() {
                let on = mask >> b & 1 == 1
                live[a] = on
                weight *= on ? p[a] : 1 - p[a]
            }
            let c = counts(graph, world: MaskWorld(live: live), listArcs: arcs, isInviter: isInviter, maxK: maxK, visited: marks, queue: &queue)
            for k in 0..<maxK { total[k] += weight * Double(c[k]) }
        }
        return total
    }
}
