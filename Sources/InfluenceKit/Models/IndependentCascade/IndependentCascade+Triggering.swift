extension IndependentCascade {
    /// IC's arcs are live independently, each with its probability p(u, v): the IC-only variants
    /// accept the model, and the exact oracle enumerates arcs.
    public var independentArcProbabilities: [Float]? { probabilities }

    /// IC's triggering distribution on `inArcs`: every arc independently, so one outcome per
    /// subset of the uncertain arcs (0 < p < 1), in increasing order of the subset's bit mask over
    /// those arcs, with the arcs of p = 1 in every outcome and those of p = 0 in none.
    ///
    /// - Returns: nil when 2^(uncertain arcs) exceeds `limit`.
    /// - Complexity: O(2^u · |inArcs|) for u uncertain arcs.
    public func triggeringAlternatives(of node: Int, among inArcs: [Int], limit: Int) -> [TriggeringAlternative]? {
        let probabilities = self.probabilities
        let uncertain = inArcs.filter { probabilities[$0] > 0 && probabilities[$0] < 1 }
        guard uncertain.count < 62, 1 << uncertain.count <= limit else { return nil }
        var outcomes: [TriggeringAlternative] = []
        outcomes.reserveCapacity(1 << uncertain.count)
        for mask in 0..<(1 << uncertain.count) {
            var live: [Int] = []
            var probability = 1.0
            var bit = 0
            for arc in inArcs {
                let p = Double(probabilities[arc])
                if p >= 1 { live.append(arc); continue }
                if p <= 0 { continue }
                if (mask >> bit) & 1 == 1 { live.append(arc); probability *= p } else { probability *= 1 - p }
                bit += 1
            }
            outcomes.append(TriggeringAlternative(liveArcs: live, probability: probability))
        }
        return outcomes
    }

    /// IC on `subgraph` with each kept arc's probability (the file scheme on a `value` column of
    /// those probabilities, so the coins are those of a graph loaded with them).
    ///
    /// - Complexity: O(n + m) of the subgraph.
    public func restricted(to subgraph: InfluenceGraph, originalArcs: [Int]) throws(InfluenceError) -> any DiffusionModel {
        let values = ValueColumn(name: ValueColumns.value, scope: .arc, values: originalArcs.map { probabilities[$0] })
        return try IndependentCascade(graph: subgraph.adding(values), probabilities: .file)
    }
}
