@_spi(Kernels) import InfluenceKit

/// The general triggering model (Kempe, Kleinberg, Tardos, KDD 2003, §4), defined outside
/// InfluenceKit through its public API and the `Kernels` SPI only: each node `v` draws one of a
/// list of in-arc subsets (its triggering set) with given probabilities, and becomes active one
/// round after the tail of one of its drawn arcs does.
///
/// Everything `DiffusionModel` asks for is here and in `GeneralTriggeringModel+Kernels.swift`:
/// the arc influence (each arc's marginal chance of being drawn), the triggering outcomes the exact
/// oracle enumerates, a forward arc rule and a reverse-sampling kernel. No file of the library
/// knows this type.
struct GeneralTriggeringModel: DiffusionModel {
    /// One outcome of a node's distribution: these forward arcs (into the node) are its
    /// triggering set, with this probability.
    struct Outcome: Sendable, Equatable {
        var arcs: [Int]
        var probability: Double
    }

    let graph: InfluenceGraph
    /// Per node, its distribution (a node without in-arcs has the one outcome "no arc").
    let distributions: [[Outcome]]
    let arcInfluence: [Float]
    let inArcInfluence: [Float]

    // Kernel tables, flat: node v's outcomes are outcomeOffsets[v]..<outcomeOffsets[v + 1]; outcome
    // o's set is the bit mask `masks[o]` over v's reverse-CSR row, and `cumulative[o]` is the sum
    // of the probabilities of v's outcomes up to o.
    let outcomeOffsets: [Int]
    let masks: [UInt64]
    let cumulative: [Double]
    /// Per forward arc, its position in its head's reverse-CSR row.
    let rowPosition: [Int]

    var name: String { "triggering" }
    var scheme: String { "per-node outcomes" }

    /// Binds the model to `graph`.
    ///
    /// - Precondition: `distributions` has one entry per node; every outcome lists in-arcs of its
    ///   node, each once; probabilities are ≥ 0 and sum to 1 (within 1e-9); in-degrees ≤ 64.
    init(graph: InfluenceGraph, distributions: [[Outcome]]) {
        precondition(distributions.count == graph.nodeCount)
        self.graph = graph
        self.distributions = distributions
        var rowPosition = [Int](repeating: 0, count: graph.arcCount)
        for v in 0..<graph.nodeCount {
            precondition(graph.inDegree(v) <= 64)
            for slot in graph.inOffsets[v]..<graph.inOffsets[v + 1] { rowPosition[graph.inArcs[slot]] = slot - graph.inOffsets[v] }
        }
        var influence = [Double](repeating: 0, count: graph.arcCount)
        var offsets = [0], masks: [UInt64] = [], cumulative: [Double] = []
        for (v, outcomes) in distributions.enumerated() {
            precondition(!outcomes.isEmpty && abs(outcomes.reduce(0) { $0 + $1.probability } - 1) < 1e-9)
            var running = 0.0
            for outcome in outcomes {
                precondition(outcome.probability >= 0)
                var mask: UInt64 = 0
                for a in outcome.arcs {
                    precondition(Int(graph.outTargets[a]) == v && mask & (1 << rowPosition[a]) == 0)
                    mask |= 1 << rowPosition[a]
                    influence[a] += outcome.probability
                }
                running += outcome.probability
                masks.append(mask)
                cumulative.append(running)
            }
            offsets.append(masks.count)
        }
        arcInfluence = influence.map { Float($0) }
        inArcInfluence = graph.inArcs.map { Float(influence[$0]) }
        outcomeOffsets = offsets
        self.masks = masks
        self.cumulative = cumulative
        self.rowPosition = rowPosition
    }

    /// The node's outcomes seen through `inArcs`: each outcome's set intersected with them,
    /// outcomes with the same intersection merged (probabilities added, in outcome order).
    func triggeringAlternatives(of node: Int, among inArcs: [Int], limit: Int) -> [TriggeringAlternative]? {
        var merged: [TriggeringAlternative] = []
        for outcome in distributions[node] {
            let live = inArcs.filter { outcome.arcs.contains($0) }
            if let i = merged.firstIndex(where: { $0.liveArcs == live }) {
                merged[i].probability += outcome.probability
            } else {
                merged.append(TriggeringAlternative(liveArcs: live, probability: outcome.probability))
            }
        }
        return merged.count <= limit ? merged : nil
    }
}
