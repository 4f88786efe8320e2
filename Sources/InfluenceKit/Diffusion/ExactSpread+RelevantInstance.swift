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
    /// Independent arcs (the model has `independentArcProbabilities`): the worlds are the
    /// subsets of the uncertain arcs. Otherwise: the combinations of the nodes' triggering outcomes.
    var independentArcs = false
    /// Independent arcs: per relevant arc, the index of its uncertain bit, or -1 when it is always live.
    var bit: [Int] = []
    /// Independent arcs: the probability of each uncertain bit.
    var bitProbabilities: [Double] = []
    /// Triggering outcomes: those of local node `v` are `outcomeOffsets[v]..<outcomeOffsets[v + 1]`
    /// (none for seeds); outcome `o` makes relevant arcs `outcomeArcs[outcomeArcOffsets[o]..<outcomeArcOffsets[o + 1]]`
    /// live and has probability `outcomeProbabilities[o]` (> 0).
    var outcomeOffsets: [Int] = []
    var outcomeArcOffsets: [Int] = [0]
    var outcomeArcs: [Int] = []
    var outcomeProbabilities: [Double] = []
    /// Live-edge worlds to enumerate (saturating).
    var worlds: UInt64 = 1

    /// Collects the relevant part, asking `model` for its arcs' influence (which arcs can be live)
    /// and either its independent arc probabilities or its nodes' triggering outcomes.
    ///
    /// Complexity: O(n + m), plus the outcomes the model lists.
    init(seeds: [Int], model: any DiffusionModel) throws(InfluenceError) {
        let graph = model.graph
        let n = graph.nodeCount
        var local = [Int](repeating: -1, count: n)
        for s in seeds {
            guard s >= 0 && s < n else {
                throw InfluenceError(.usage, parameter: "seeds", "seed \(s) is not a node (expected an id in 0..<\(n))")
            }
            if local[s] < 0 { local[s] = nodes.count; nodes.append(UInt32(s)) }
        }
        seedCount = nodes.count
        let independent = model.independentArcProbabilities
        let values = independent ?? model.arcInfluence
        // Relevant nodes: BFS over arcs of positive value.
        var head = 0
        while head < nodes.count {
            let u = Int(nodes[head]); head += 1
            for a in graph.outOffsets[u]..<graph.outOffsets[u + 1] where values[a] > 0 {
                let v = Int(graph.outTargets[a])
                if local[v] < 0 { local[v] = nodes.count; nodes.append(UInt32(v)) }
            }
        }
        // Relevant arcs, in local CSR, with the forward arc each stands for.
        var forwardArc: [Int] = []
        for u in nodes {
            for a in graph.outOffsets[Int(u)]..<graph.outOffsets[Int(u) + 1] where values[a] > 0 {
                let v = local[Int(graph.outTargets[a])]
                if v < seedCount { continue }
                heads.append(v)
                forwardArc.append(a)
            }
            offsets.append(heads.count)
        }
        if let independent {
            independentArcs = true
            bit = forwardArc.map { _ in -1 }
            for (a, forward) in forwardArc.enumerated() where independent[forward] < 1 {
                bit[a] = bitProbabilities.count
                bitProbabilities.append(Double(independent[forward]))
            }
            worlds = bitProbabilities.count >= 64 ? UInt64.max : UInt64(1) << UInt64(bitProbabilities.count)
        } else {
            collectOutcomes(model: model, forwardArc: forwardArc)
        }
    }

    /// Asks the model for each non-seed relevant node's outcomes over its relevant in-arcs
    /// (grouped by head in the order of the local CSR) and counts the worlds.
    private mutating func collectOutcomes(model: any DiffusionModel, forwardArc: [Int]) {
        let count = nodes.count
        var inOffsets = [Int](repeating: 0, count: count + 1)
        for v in heads { inOffsets[v + 1] += 1 }
        for i in 0..<count { inOffsets[i + 1] += inOffsets[i] }
        var inArcs = [Int](repeating: 0, count: heads.count)
        var cursor = inOffsets
        for a in 0..<heads.count {
            inArcs[cursor[heads[a]]] = a
            cursor[heads[a]] += 1
        }
        outcomeOffsets = [Int](repeating: 0, count: count + 1)
        var localOf: [Int: Int] = [:]
        for v in seedCount..<count {
            let relevant = inArcs[inOffsets[v]..<inOffsets[v + 1]]
            let forward = relevant.map { forwardArc[$0] }
            localOf.removeAll(keepingCapacity: true)
            for a in relevant { localOf[forwardArc[a]] = a }
            guard let outcomes = model.triggeringAlternatives(of: Int(nodes[v]), among: forward, limit: ExactSpread.worldLimit) else {
                // Too many outcomes for one node: the instance is refused, whatever the others.
                worlds = UInt64.max
                outcomeOffsets[v + 1] = outcomeProbabilities.count
                return
            }
            for outcome in outcomes where outcome.probability > 0 {
                for arc in outcome.liveArcs {
                    guard let a = localOf[arc] else {
                        preconditionFailure("\(model.name).triggeringAlternatives: arc \(arc) was not asked about")
                    }
                    outcomeArcs.append(a)
                }
                outcomeArcOffsets.append(outcomeArcs.count)
                outcomeProbabilities.append(outcome.probability)
            }
            outcomeOffsets[v + 1] = outcomeProbabilities.count
            let options = outcomeOffsets[v + 1] - outcomeOffsets[v]
            precondition(options > 0, "\(model.name).triggeringAlternatives: node \(nodes[v]) has no outcome of positive probability")
            let (product, overflow) = worlds.multipliedReportingOverflow(by: UInt64(options))
            worlds = overflow ? UInt64.max : product
        }
    }

    /// The message refusing an instance above the limit.
    func refusal() -> String {
        let limit = ExactSpread.worldLimit
        let count: String
        if independentArcs {
            let bits = bitProbabilities.count
            count = bits >= 64 ? "2^\(bits) live-edge worlds (\(bits) arcs with 0 < p < 1)"
                               : "2^\(bits) = \(UInt64(1) << UInt64(bits)) live-edge worlds (\(bits) arcs with 0 < p < 1)"
        } else {
            count = worlds == UInt64.max ? "more than 2^64 live-edge worlds" : "\(worlds) live-edge worlds"
        }
        return "exact spread would enumerate \(count) reachable from the seeds (limit 2^24 = \(limit)); estimate it by Monte Carlo instead"
    }
}
