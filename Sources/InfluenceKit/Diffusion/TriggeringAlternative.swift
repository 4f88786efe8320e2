/// One outcome of a node's triggering distribution, restricted to some of its in-arcs (see
/// `DiffusionModel.triggeringAlternatives(of:among:limit:)`): these arcs are live together, and
/// the others asked about are not, with probability `probability`.
public struct TriggeringAlternative: Sendable, Equatable {
    /// The live forward arcs, a subset of the arcs asked about, in their order.
    public var liveArcs: [Int]
    /// The probability of exactly this outcome, in [0, 1].
    public var probability: Double

    /// The outcome where `liveArcs` are live, with `probability`. Complexity: O(1).
    public init(liveArcs: [Int], probability: Double) {
        self.liveArcs = liveArcs
        self.probability = probability
    }
}
