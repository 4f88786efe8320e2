/// A progressive diffusion model bound to a graph: the model's parameters (IC probabilities, LT
/// weights, ...) computed from the graph and a parameter scheme, validated, and owned by the model.
///
/// Everything that simulates or samples takes a bound model: `MonteCarloSimulator`,
/// `RRSetSampler`, `ExactSpread`, `CELF`, the heuristics. Their hot loops are generic over the
/// model's kernels (the `Kernels` SPI below), and each model's conformance instantiates them with
/// its own concrete kernel, so every loop is specialised at compile time with no dispatch per arc.
///
/// ## Adding a model
/// A model lives in its own folder under `Models/` (see `Models/IndependentCascade/`):
/// 1. a `struct` conforming to `DiffusionModel`, built from a graph and its scheme, which
///    validates its parameters and throws `InfluenceError` naming the parameter;
/// 2. a forward arc rule (`ForwardArcRule`: does arc `a` activate its head in this run?) and
///    `runForward(_:)` handing it to `ForwardWork.run(rule:)`;
/// 3. reverse-sampling tables and kernel (`ReverseSamplingKernel`: expand one reached node of an RR
///    set), with `makeReverseTables` and `runReverse(_:tables:)`;
/// 4. its live-edge view for the exact oracle (every triggering model has one);
/// 5. one case in `DiffusionModelKind` (the name → model factory used by the CLI and JSON).
/// Nothing else changes: simulation, RR sampling, the oracle, CELF, the heuristics and the RIS
/// algorithms work with it as they are.
public protocol DiffusionModel: Sendable {
    /// The model's name in reports and on the command line (`ic`, `lt`).
    var name: String { get }
    /// The parameter scheme the model was bound with, as a user would write it (`wc`,
    /// `uniform:0.01`, `file`, `1/indeg`, ...).
    var scheme: String { get }
    /// The graph the model is bound to.
    var graph: InfluenceGraph { get }
    /// Per forward arc (u, v): the probability that u alone activates v (IC: p(u, v); LT: w(u, v)).
    /// The heuristics rank by it.
    var arcInfluence: [Float] { get }
    /// The same values in reverse-CSR order.
    var inArcInfluence: [Float] { get }
    /// The live-edge distribution of the model (Kempe, Kleinberg, Tardos 2003, Claims 2.3, 2.6),
    /// which the exact oracle enumerates.
    var liveEdges: LiveEdgeView { get }

    /// Runs forward cascade work with this model's arc rule (specialised per model).
    @_spi(Kernels) func runForward(_ work: ForwardWork)
    /// Builds the tables reverse sampling needs under this model.
    @_spi(Kernels) func makeReverseTables(method: RRSamplingMethod, costs: SubsetSamplingCosts) throws(InfluenceError) -> any ReverseSamplingTables
    /// Runs reverse-sampling work with this model's kernel over `tables` (made by this model).
    @_spi(Kernels) func runReverse(_ work: ReverseWork, tables: any ReverseSamplingTables)
}

/// How a model's random live-edge graph is drawn (the triggering-set view of a cascade): the nodes
/// active after t rounds are those within t live arcs of the seeds.
public enum LiveEdgeView: Sendable {
    /// Each arc is live independently with its probability (forward order): independent cascade.
    case independentArcs(probabilities: [Float])
    /// Each node keeps at most one in-arc, arc (u, v) with its weight (forward order) and none
    /// with 1 − Σ_u w(u, v): linear threshold.
    case singleInArc(weights: [Float])
}
