/// A progressive diffusion model bound to a graph: the model's parameters (IC probabilities, LT
/// weights, ...) computed from the graph and a parameter scheme, validated, and owned by the model.
///
/// Everything that simulates, samples or scores takes a bound model — `MonteCarloSimulator`,
/// `RRSetSampler`, `ExactSpread`, `CELF`, `RISSelector` (IMM, OPIM-C), the heuristics and the
/// variants — and asks it what it needs; none of them knows which model it holds. Their hot
/// loops are generic over the model's kernels (the `Kernels` SPI), and each conformance
/// instantiates them with its own concrete kernel, so inside InfluenceKit every loop is
/// specialised at compile time with no dispatch per arc.
///
/// Every model here is a *triggering model* (Kempe, Kleinberg, Tardos, "Maximizing the Spread of
/// Influence through a Social Network", KDD 2003, §4): each node `v` independently draws a set of
/// its in-arcs from a distribution of its own, and `v` becomes active one round after the tail of
/// one of its drawn arcs does. Simulation draws those sets lazily forward, RR sampling draws them
/// backward from a random root, and the exact oracle enumerates them.
///
/// ## Adding a model
/// A model is one folder under `Models/` (see `Models/LinearThreshold/`) plus one case in
/// `DiffusionModelKind` (the name → model factory that the CLI and JSON requests use). The folder
/// holds:
/// 1. a `struct` conforming to `DiffusionModel`, built from an `InfluenceGraph` and the model's
///    parameter scheme: it reads the value columns it needs by name (`graph.columns`), validates
///    its parameters and throws `InfluenceError` naming the parameter, and keeps its per-arc
///    arrays;
/// 2. `name`, `scheme`, `graph`, and `arcInfluence`/`inArcInfluence`: per arc, the probability
///    that the arc's tail alone activates its head (the arc's marginal chance of being drawn),
///    positive exactly for the arcs that can be drawn;
/// 3. `triggeringAlternatives(of:among:limit:)`: a node's triggering distribution restricted to
///    the in-arcs the exact oracle asks about, as a list of (live in-arcs, probability);
/// 4. the forward kernel: a `ForwardArcRule` (given arc `a` out of a node that just became
///    active, does its head become active now?) handed to the work in `runForward(_:)`;
/// 5. the reverse kernel: `ReverseSamplingTables` built in `makeReverseTables(method:costs:)`
///    and a `ReverseSamplingKernel` (draw one reached node's triggering set, append the tails not
///    yet in the RR set) handed to the work in `runReverse(_:tables:)`;
/// 6. optionally, `independentArcProbabilities` (only when arcs are live independently: the
///    IC-only variants — closed networks — accept the model then), and
///    `restricted(to:originalArcs:)` (the same model on a subgraph, which capacity-constrained IM
///    needs).
///
/// Nothing else changes: Monte Carlo simulation, RR sampling, the exact oracle, CELF, the
/// heuristics, IMM and OPIM-C work with the new model as they are. The kernel protocols and the
/// work they are handed are `@_spi(Kernels) public`, so a model can also live in another module:
/// such a model has no factory case (the CLI cannot name it) and is handed, bound, to the library's
/// entries (`MonteCarloSimulator`, `ExactSpread`, `RRSetSampler`, `RISSelector`, `CELF`). The
/// `TriggeringModelTests` test target defines `GeneralTriggeringModel` (per-node distributions
/// over in-neighbour subsets) that way and checks simulation, the oracle, RR sets and OPIM-C on it
/// — the worked example of this list.
public protocol DiffusionModel: Sendable {
    /// The model's name in reports and on the command line (`ic`, `lt`).
    var name: String { get }
    /// The parameter scheme the model was bound with, as a user would write it (`wc`,
    /// `uniform:0.01`, `file`, `1/indeg`, ...).
    var scheme: String { get }
    /// The graph the model is bound to.
    var graph: InfluenceGraph { get }
    /// Per forward arc (u, v): the probability that u alone activates v (IC: p(u, v); LT: w(u, v);
    /// a triggering model: the chance that the arc is in v's triggering set). Positive exactly
    /// for the arcs that can be live: the exact oracle prunes the others. The heuristics rank by it.
    var arcInfluence: [Float] { get }
    /// The same values in reverse-CSR order.
    var inArcInfluence: [Float] { get }

    /// The triggering distribution of `node` restricted to `inArcs`: the distinct outcomes of
    /// "which of these in-arcs are in the node's triggering set", each with its probability (the
    /// other in-arcs marginalised out), in an order fixed by the model. Outcomes of probability 0
    /// may be left out; the probabilities sum to 1 up to rounding.
    ///
    /// The exact oracle calls it once per relevant node and multiplies the numbers of outcomes,
    /// so a model should return as few as it can (IC: one per subset of the uncertain arcs; LT:
    /// one per arc and "none").
    ///
    /// - Parameters:
    ///   - node: a node of `graph`.
    ///   - inArcs: forward arcs into `node`, each once (the oracle passes those whose tail can be
    ///     reached from the seeds).
    ///   - limit: the most outcomes the caller will take.
    /// - Returns: the outcomes, each listing its live arcs as a subset of `inArcs` in their order;
    ///   nil when there would be more than `limit`.
    /// - Complexity: O(outcomes × |inArcs|) at most.
    func triggeringAlternatives(of node: Int, among inArcs: [Int], limit: Int) -> [TriggeringAlternative]?

    /// Per forward arc, its probability of being live when every arc is live independently of the
    /// others (independent cascade); nil for a model whose arcs are not independent. Variants
    /// defined under IC only ask for it (see `independentArcs(for:)`), and the exact oracle then
    /// enumerates arcs rather than nodes. Defaults to nil.
    var independentArcProbabilities: [Float]? { get }

    /// The same model on a subgraph of its graph: `subgraph`'s forward arc `a` is this model's
    /// forward arc `originalArcs[a]`, and each node's triggering set keeps only the arcs the
    /// subgraph has. `subgraph` carries no `value` column (the result may add one). The default
    /// refuses (capacity-constrained IM needs it).
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `model`) when the model cannot be restricted;
    ///   what binding the model to the subgraph throws.
    /// - Complexity: O(n + m) of the subgraph.
    func restricted(to subgraph: InfluenceGraph, originalArcs: [Int]) throws(InfluenceError) -> any DiffusionModel

    /// Runs forward cascade work with this model's arc rule (specialised per model): call
    /// `work.run(rule:)` with the model's `ForwardArcRule`.
    @_spi(Kernels) func runForward(_ work: ForwardWork)
    /// Builds the tables reverse sampling needs under this model (`method` and `costs` choose
    /// among a model's ways of drawing; a model with one way may ignore them).
    @_spi(Kernels) func makeReverseTables(method: RRSamplingMethod, costs: SubsetSamplingCosts) throws(InfluenceError) -> any ReverseSamplingTables
    /// Runs reverse-sampling work with this model's kernel over `tables` (made by this model):
    /// call `work.run(kernel:)` with the model's `ReverseSamplingKernel`.
    @_spi(Kernels) func runReverse(_ work: ReverseWork, tables: any ReverseSamplingTables)
}

extension DiffusionModel {
    /// Not an independent-arc model unless it says so.
    public var independentArcProbabilities: [Float]? { nil }

    /// Refuses: the model does not say how to restrict itself to a subgraph.
    public func restricted(to subgraph: InfluenceGraph, originalArcs: [Int]) throws(InfluenceError) -> any DiffusionModel {
        throw InfluenceError(.usage, parameter: "model",
                             "the \(name) model cannot be restricted to a subgraph (expected ic, lt, or a model that implements restricted(to:originalArcs:))")
    }

    /// The arcs' independent probabilities, for a variant defined under independent cascade only:
    /// the one place that refuses other models.
    ///
    /// - Parameter variant: what needs them, as the message's subject (`closed networks`).
    /// - Throws: `InfluenceError(.usage)` (parameter `model`) when the model's arcs are not
    ///   independent.
    /// - Complexity: O(1).
    public func independentArcs(for variant: String) throws(InfluenceError) -> [Float] {
        guard let probabilities = independentArcProbabilities else {
            throw InfluenceError(.usage, parameter: "model", "\(variant) are defined under the independent cascade model (got \(name); expected ic)")
        }
        return probabilities
    }
}
