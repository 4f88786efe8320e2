/// Draws reverse-reachable sets on a graph under one diffusion model.
///
/// RR set `j` of a pool always comes from the random stream derived from `(seed, pool id, task
/// ⌊j / setsPerTask⌋)`, and pools grow in whole tasks, so a pool's content is the same whatever
/// the thread count and however it was grown. Workers draw tasks dynamically into their own
/// buffers, which are appended to the flat pool in task order.
///
/// Under IC the default `.subset` method draws each node's live in-arcs by subset sampling
/// (Guo, Tang, Tang, Xiao, "Influence Maximization Revisited: Efficient Sampling with Bound
/// Tightened", SIGMOD 2020); `.plain` flips one coin per in-arc. Both draw the same distribution.
/// Under LT the reverse walk takes at most one in-arc per node (Tang, Shi, Xiao, SIGMOD 2015).
public struct RRSetSampler: Sendable {
    /// How IC in-arcs are drawn.
    public enum Method: String, Sendable, Codable, CaseIterable {
        /// Geometric skips and buckets (SUBSIM).
        case subset
        /// One coin per in-arc.
        case plain
    }

    /// RR sets per task: the unit of parallel work and of pool growth.
    public static let setsPerTask = 256


    /// The graph sets are drawn on.
    public let graph: InfluenceGraph
    /// The diffusion model.
    public let model: DiffusionModelKind
    /// The IC arc-drawing method (ignored under LT).
    public let method: Method

    let icSubset: ICSubsetTables?
    let lt: LTTables?
    /// Sets a task draws at once (see `SamplingWorkspace`): one when the graph's sampling data
    /// (16-byte node records and 4-byte arc sources) fit in about 1 MiB of cache, where
    /// interleaving only adds bookkeeping; eight otherwise, where it hides cache misses. Fixed by
    /// the graph, never by the thread count.
    let lanes: Int

    /// A sampler for `graph` under `model`; tables for subset sampling or the LT walk are built
    /// here.
    ///
    /// Complexity: O(n + m) (O(m log d) when some node has unequal in-arc probabilities).
    public init(graph: InfluenceGraph, model: DiffusionModelKind, method: Method = .subset) {
        self.init(graph: graph, model: model, method: method, costs: .measured)
    }

    /// As above, with the cost model that picks each node's subset-sampling method exposed
    /// (tests force one method wherever it applies).
    init(graph: InfluenceGraph, model: DiffusionModelKind, method: Method, costs: ICSubsetTables.Costs, lanes: Int? = nil) {
        self.graph = graph
        self.model = model
        self.method = method
        let packable = graph.arcCount < SamplingNode.arcLimit
            && (0..<graph.nodeCount).allSatisfy { graph.inDegree($0) <= SamplingNode.degreeLimit }
        icSubset = (model == .ic && method == .subset && packable) ? ICSubsetTables(graph: graph, costs: costs) : nil
        precondition(model != .lt || packable, "LT sampling handles graphs of fewer than 2^32 arcs and in-degrees below 2^29")
        lt = model == .lt ? LTTables(graph: graph) : nil
        self.lanes = lanes ?? (graph.nodeCount * 16 + graph.arcCount * 4 <= 1 << 20 ? 1 : SamplingWorkspace.maxLanes)
    }

    /// Bytes held by the sampler's own tables (the graph not counted).
    public var tableBytes: Int { (icSubset?.memoryBytes ?? 0) + (lt?.memoryBytes ?? 0) }

    /// `count` rounded up to whole tasks. Complexity: O(1).
    public static func roundedToTasks(_ count: Int) -> Int {
        (count + setsPerTask - 1) / setsPerTask * setsPerTask
    }

    /// Runs `operation` with this sampler's model, specialised on the model type.
    func dispatch<Operation: SamplingOperation>(_ operation: Operation) -> Operation.Result {
        graph.inOffsets.withUnsafeBufferPointer { offsets in
            graph.inSources.withUnsafeBufferPointer { sources in
                switch model {
                case .lt:
                    return operation.run(LTReverseSampling(graph: sources, tables: lt!))
                case .ic:
                    return graph.inProbabilities.withUnsafeBufferPointer { probabilities in
                        if let icSubset {
                            return operation.run(ICSubsetReverseSampling(graph: sources, probabilities, tables: icSubset))
                        }
                        return operation.run(ICReverseSampling(inOffsets: offsets, inSources: sources, inProbabilities: probabilities))
                    }
                }
            }
        }
    }

    /// The random stream of task `task` of pool `poolID`.
    @inline(__always)
    static func stream(pool poolID: UInt64, task: Int) -> UInt64 {
        (poolID << 44) ^ UInt64(task)
    }
}

/// Work that needs the concrete sampling model (a generic method, so it specialises).
protocol SamplingOperation {
    associatedtype Result
    func run<Model: ReverseSamplingModel>(_ model: Model) -> Result
}
