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
/// Stage 2 runs on the engine's one forward-cascade driver, `LevelCascade`, with `InviteArcRule`.
public enum InviteCascade {
    /// Spread@K for one K.
    public struct Estimate: Sendable, Equatable, Codable {
        /// The list length K.
        public var k: Int
        /// The mean number of activated non-inviters over the worlds.
        public var mean: Double
        /// sd / √worlds.
        public var standardError: Double
        /// The number of Monte Carlo worlds.
        public var worlds: Int
    }

    /// The key of world `index` of run `seed` (`InviteArcRule` hashes it with each arc number).
    /// Complexity: O(1).
    static func worldKey(seed: UInt64, index: Int) -> UInt64 {
        SplitMix64.mix(SplitMix64.mix(seed ^ 0x1CA5_CADE) &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
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

    /// Activated non-inviters after K = 1 … maxK in the world keyed by `key`, written to `result`
    /// (maxK entries). Stage 1 of each K gathers the heads of the live K-th list arcs into `seeds`
    /// (room for one per list); `LevelCascade` then runs stage 2 from them with `rule`, on marks
    /// kept across the K so the activated set only grows.
    ///
    /// Complexity: O(|inviters| + maxK · |lists| + arcs out of the activated nodes).
    static func counts(_ rule: InviteArcRule, key: UInt64, offsets: UnsafePointer<Int>, targets: UnsafePointer<UInt32>,
                       listArcs: [[Int]], inviters: [Int], maxK: Int, workspace: SimulationWorkspace,
                       seeds: UnsafeMutablePointer<UInt32>, result: UnsafeMutableBufferPointer<Int>) {
        let scratch = workspace.beginRun()
        for i in inviters { scratch.marks[i] = scratch.active }
        let randomness = RunRandomness(arcKey: key, nodeKey: 0)
        var activated = 0
        for k in 0..<maxK {
            var count = 0
            for arcs in listArcs where k < arcs.count {
                let a = arcs[k], j = Int(targets[a])
                if scratch.marks[j] != scratch.active, InviteArcRule.isLive(arc: a, key: key, threshold: rule.thresholds[a]) {
                    seeds[count] = UInt32(truncatingIfNeeded: j)
                    count &+= 1
                }
            }
            let outcome = LevelCascade.run(rule, from: UnsafeBufferPointer(start: seeds, count: count), offsets: offsets,
                                           targets: targets, scratch: scratch, maxSteps: Int.max, randomness: randomness)
            activated &+= outcome.activated
            result[k] = activated
        }
    }

    /// `CoinThreshold` of P_ij·U_j for every forward arc. Complexity: O(m).
    static func thresholds(_ graph: InviteGraph) -> [UInt64] {
        var threshold = [UInt64](repeating: 0, count: graph.arcCount)
        for u in 0..<graph.nodeCount {
            for a in graph.arcs(from: u) { threshold[a] = CoinThreshold.of(graph.invite[a] * graph.acceptance[Int(graph.outTargets[a])]) }
        }
        return threshold
    }

    /// Calls `body` with the forward CSR and a rule reading `thresholds`, as stable pointers
    /// (valid for an arc-less graph too). Complexity: O(1) besides `body`.
    static func withKernelInput<R>(_ graph: InviteGraph, _ thresholds: [UInt64],
                                   _ body: (UnsafePointer<Int>, UnsafePointer<UInt32>, InviteArcRule) -> R) -> R {
        graph.graph.withForwardCSR { offsets, targets in
            thresholds.withUnsafeBufferPointer { thresholds in
                body(offsets, targets, InviteArcRule(thresholds: thresholds.baseAddress ?? EmptyStorage.uint64))
            }
        }
    }

    /// Throws `InfluenceError(.resource)` naming `parameter` when the spread tallies of `worlds`
    /// worlds by `maxK` positions (8 bytes each) exceed `limit` (the default memory limit when
    /// nil), or overflow. Complexity: O(1).
    static func checkMemory(worlds: Int, maxK: Int, limit: Int? = nil, parameter: ParameterKey) throws(InfluenceError) {
        let (count, o1) = worlds.multipliedReportingOverflow(by: max(1, maxK))
        let (bytes, o2) = count.multipliedReportingOverflow(by: 8)
        let limit = limit ?? SystemMemory.defaultLimitBytes
        guard o1 || o2 || bytes > limit else { return }
        let needed = o1 || o2 ? "more than 2^63 bytes" : "about \(SystemMemory.describe(bytes))"
        throw InfluenceError(.resource, parameter: parameter,
            "\(worlds) worlds of K = \(maxK) need \(needed) of tallies, above the memory limit \(SystemMemory.describe(limit)) (expected fewer worlds, 1000 give about two significant digits; or a higher --max-memory)")
    }

    /// Monte Carlo Spread@K, K = 1 … maxK, over `worlds` common-random-number worlds.
    /// Complexity: O(worlds · reached arcs).
    static func monteCarlo(_ graph: InviteGraph, lists: DenseLists, maxK: Int, worlds: Int, seed: UInt64,
                           threads: Int) -> [Estimate] {
        let arcs = listArcs(graph, lists), inviters = lists.inviters
        var perWorld = [Int](repeating: 0, count: worlds * maxK)
        let workers = max(1, min(threads, worlds))
        let workspaces = (0..<workers).map { _ in SimulationWorkspace(nodeCount: graph.nodeCount) }
        let seedBuffers = (0..<workers).map { _ in UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, arcs.count)) }
        defer { for buffer in seedBuffers { buffer.deallocate() } }
        withKernelInput(graph, thresholds(graph)) { offsets, targets, rule in
            perWorld.withUnsafeMutableBufferPointer { out in
                let shared = UnsafeSharing((out, offsets, targets, seedBuffers, rule))
                Parallel.forEachTask(worlds, workers: workers, cancellable: true) { worker, w in
                    let (out, offsets, targets, seedBuffers, rule) = shared.value
                    counts(rule, key: worldKey(seed: seed, index: w), offsets: offsets, targets: targets, listArcs: arcs,
                           inviters: inviters, maxK: maxK, workspace: workspaces[worker], seeds: seedBuffers[worker],
                           result: UnsafeMutableBufferPointer(rebasing: out[(w * maxK)..<((w + 1) * maxK)]))
                }
            }
        }
        return (0..<maxK).map { k in
            var sum = 0.0, squares = 0.0
            for w in 0..<worlds { let x = Double(perWorld[w * maxK + k]); sum += x; squares += x * x }
            let mean = sum / Double(worlds)
            let variance = worlds > 1 ? max(0, (squares - sum * mean) / Double(worlds - 1)) : 0
            return Estimate(k: k + 1, mean: mean, standardError: (variance / Double(worlds)).squareRoot(), worlds: worlds)
        }
    }

    /// The exact Spread@K by enumerating every live-arc world (tests; at most 24 uncertain arcs):
    /// each world fixes every arc's threshold to `CoinThreshold.always` or 0 and runs the same
    /// cascade as `monteCarlo`.
    ///
    /// - Throws: `InfluenceError(.resource)` when more than 24 arcs have 0 < P·U < 1.
    /// - Complexity: O(2^u · m), u the uncertain arcs.
    static func exact(_ graph: InviteGraph, lists: DenseLists, maxK: Int) throws(InfluenceError) -> [Double] {
        let arcs = listArcs(graph, lists)
        var live = [UInt64](repeating: 0, count: graph.arcCount), p = [Double](repeating: 0, count: graph.arcCount)
        var uncertain: [Int] = []
        for u in 0..<graph.nodeCount {
            for a in graph.arcs(from: u) {
                p[a] = graph.invite[a] * graph.acceptance[Int(graph.outTargets[a])]
                if p[a] >= 1 { live[a] = CoinThreshold.always } else if p[a] > 0 { uncertain.append(a) }
            }
        }
        guard uncertain.count <= 24 else {
            throw InfluenceError(.resource, "\(uncertain.count) uncertain arcs (exact enumeration takes at most 24)")
        }
        var total = [Double](repeating: 0, count: maxK)
        let workspace = SimulationWorkspace(nodeCount: graph.nodeCount)
        let seeds = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, arcs.count))
        defer { seeds.deallocate() }
        var c = [Int](repeating: 0, count: maxK)
        for mask in 0..<(1 << uncertain.count) {
            var weight = 1.0
            for (b, a) in uncertain.enumerated() {
                let on = mask >> b & 1 == 1
                live[a] = on ? CoinThreshold.always : 0
                weight *= on ? p[a] : 1 - p[a]
            }
            withKernelInput(graph, live) { offsets, targets, rule in
                c.withUnsafeMutableBufferPointer { c in
                    counts(rule, key: 0, offsets: offsets, targets: targets, listArcs: arcs, inviters: lists.inviters, maxK: maxK,
                           workspace: workspace, seeds: seeds, result: c)
                }
            }
            for k in 0..<maxK { total[k] += weight * Double(c[k]) }
        }
        return total
    }
}
