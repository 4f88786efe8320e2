/// Draws reverse-reachable sets on a graph under one bound diffusion model.
///
/// RR set `j` of a pool always comes from the random stream derived from `(seed, pool id, task
/// ⌊j / setsPerTask⌋)`, and pools grow in whole tasks, so a pool's content is the same whatever
/// the thread count and however it was grown. Workers draw tasks dynamically into their own
/// buffers, which are appended to the flat pool in task order.
///
/// The model supplies the sampling kernel: under IC the default `.subset` method draws each
/// node's live in-arcs by subset sampling (Guo, Tang, Tang, Xiao, "Influence Maximization
/// Revisited: Efficient Sampling with Bound Tightened", SIGMOD 2020); `.plain` flips one coin per
/// in-arc; both draw the same distribution. Under LT the reverse walk takes at most one in-arc
/// per node (Tang, Shi, Xiao, SIGMOD 2015).
public struct RRSetSampler: Sendable {
    /// RR sets per task: the unit of parallel work and of pool growth.
    public static let setsPerTask = 256

    /// The bound model sets are drawn under.
    public let model: any DiffusionModel
    /// The arc-drawing method (models with a single method ignore it).
    public let method: RRSamplingMethod
    /// The model's sampling tables.
    let tables: any ReverseSamplingTables
    /// Sets a task draws at once (see `SamplingWorkspace`): one when the graph's sampling data
    /// (16-byte node records and 4-byte arc sources) fit in about 1 MiB of cache, where
    /// interleaving only adds bookkeeping; eight otherwise, where it hides cache misses. Fixed by
    /// the graph, never by the thread count.
    let lanes: Int

    /// The graph sets are drawn on.
    public var graph: InfluenceGraph { model.graph }

    /// A sampler for `model`; the model's sampling tables are built here.
    ///
    /// - Throws: `InfluenceError(.resource)` when the graph is beyond what the model's tables
    ///   hold (for the packed tables: 2³² arcs, in-degrees of 2²⁹).
    /// - Complexity: O(n + m) (O(m log d) for IC subset sampling when some node has unequal
    ///   in-arc probabilities).
    public init(model: any DiffusionModel, method: RRSamplingMethod = .subset) throws(InfluenceError) {
        try self.init(model: model, method: method, costs: .measured)
    }

    /// As above, with the cost model that picks each node's subset-sampling method exposed
    /// (tests force one method wherever it applies) and the lane count.
    init(model: any DiffusionModel, method: RRSamplingMethod, costs: SubsetSamplingCosts, lanes: Int? = nil) throws(InfluenceError) {
        self.model = model
        self.method = method
        tables = try model.makeReverseTables(method: method, costs: costs)
        let graph = model.graph
        self.lanes = lanes ?? (graph.nodeCount * 16 + graph.arcCount * 4 <= 1 << 20 ? 1 : SamplingWorkspace.maxLanes)
    }

    /// Bytes held by the sampler's own tables (the graph and model not counted).
    public var tableBytes: Int { tables.memoryBytes }

    /// How this sampler draws sets (`subset`, `plain` under IC; `reverse-walk` under LT).
    public var methodName: String { tables.methodName }

    /// `count` rounded up to whole tasks. Complexity: O(1).
    public static func roundedToTasks(_ count: Int) -> Int {
        (count + setsPerTask - 1) / setsPerTask * setsPerTask
    }

    /// Runs `work` with the model's kernel (specialised per model).
    func dispatch(_ work: ReverseWork) {
        model.runReverse(work, tables: tables)
    }

    /// The random stream of task `task` of pool `poolID`.
    @inline(__always)
    static func stream(pool poolID: UInt64, task: Int) -> UInt64 {
        (poolID << 44) ^ UInt64(task)
    }
}

/// How IC in-arcs are drawn for RR sets.
public enum RRSamplingMethod: String, Sendable, Codable, CaseIterable {
    /// Geometric skips, binomial counts and buckets (SUBSIM).
    case subset
    /// One coin per in-arc.
    case plain
}

/// A model's reverse-sampling tables, built once per sampler (`Kernels` SPI).
@_spi(Kernels) public protocol ReverseSamplingTables: Sendable {
    /// Bytes held.
    var memoryBytes: Int { get }
    /// How sets are drawn with these tables (`subset`, `plain`, `reverse-walk`), for reports.
    var methodName: String { get }
}
