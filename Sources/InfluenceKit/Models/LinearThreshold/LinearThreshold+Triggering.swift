extension LinearThreshold {
    /// The weights within Float rounding of 1 leave no "none" outcome: a node's "none" below this
    /// is dropped from its triggering distribution.
    static let noneThreshold = 1e-6

    /// LT's triggering distribution on `inArcs` (Kempe, Kleinberg, Tardos, KDD 2003, Claim 2.6):
    /// at most one in-arc, arc `a` with probability w(a), in the order of `inArcs` (arcs of weight
    /// 0 left out), then none with 1 − Σ w over `inArcs` (in-arcs not asked about merge into it),
    /// left out at or below 10⁻⁶.
    ///
    /// - Returns: nil when the outcomes exceed `limit`.
    /// - Complexity: O(|inArcs|).
    public func triggeringAlternatives(of node: Int, among inArcs: [Int], limit: Int) -> [TriggeringAlternative]? {
        var outcomes: [TriggeringAlternative] = []
        outcomes.reserveCapacity(inArcs.count + 1)
        var sum = 0.0
        for arc in inArcs where weights[arc] > 0 {
            let w = Double(weights[arc])
            outcomes.append(TriggeringAlternative(liveArcs: [arc], probability: w))
            sum += w
        }
        let none = 1 - sum
        if none > Self.noneThreshold { outcomes.append(TriggeringAlternative(liveArcs: [], probability: none)) }
        return outcomes.count <= limit ? outcomes : nil
    }

    /// LT on `subgraph` with each kept arc's weight (the file scheme on a `value` column of those
    /// weights; a node's kept weights still sum to at most 1).
    ///
    /// - Complexity: O(n + m) of the subgraph.
    public func restricted(to subgraph: InfluenceGraph, originalArcs: [Int]) throws(InfluenceError) -> any DiffusionModel {
        let values = ValueColumn(name: ValueColumns.value, scope: .arc, values: originalArcs.map { weights[$0] })
        return try LinearThreshold(graph: subgraph.adding(values), weights: .file(rescale: false))
    }
}
