/// Linear threshold (Kempe, Kleinberg, Tardos, KDD 2003, §2) bound to a graph: each node `v` draws
/// a threshold θ_v uniformly from (0, 1] and activates once the weights of its active
/// in-neighbours sum to at least θ_v.
///
/// The weights come from an `LTWeightScheme` and are validated here, when the model is bound:
/// each node's in-weights must sum to at most 1 (within 10⁻⁵, Float rounding), or be rescaled.
/// Merged parallel arcs get the sum of their input arcs' weights, so deduplication leaves the
/// cascade unchanged.
public struct LinearThreshold: DiffusionModel {
    public let graph: InfluenceGraph
    /// The scheme the weights came from.
    public let weightScheme: LTWeightScheme
    /// w of each forward arc.
    public let weights: [Float]
    /// w of each reverse-CSR slot.
    public let inWeights: [Float]

    /// How far above 1 a node's in-weights may sum before it is an error (Float rounding).
    public static let sumTolerance = 1e-5

    public var name: String { "lt" }
    public var scheme: String { weightScheme.description }
    public var arcInfluence: [Float] { weights }
    public var inArcInfluence: [Float] { inWeights }

    /// Binds LT to `graph` with weights from `scheme`.
    ///
    /// - Throws: `InfluenceError(.data)` (parameter `normalizeLT`) naming the first node whose
    ///   in-weights sum above 1, with the sum; `InfluenceError(.usage)` (parameter
    ///   `probabilities`) for `.file` on a graph without arc values.
    /// - Complexity: O(n + m).
    public init(graph: InfluenceGraph, weights scheme: LTWeightScheme = .inverseInDegree) throws(InfluenceError) {
        self.graph = graph
        weightScheme = scheme
        switch scheme {
        case .inverseInDegree:
            let degree = graph.inputInDegrees()
            let inverse = degree.map { $0 == 0 ? Float(0) : 1 / Float($0) }
            if graph.parallelArcs != nil {
                weights = (0..<graph.arcCount).map { a in
                    Float(Double(graph.multiplicity(ofArc: a)) / Double(degree[Int(graph.outTargets[a])]))
                }
                inWeights = graph.reverseOrder(weights)
            } else {
                weights = graph.perArcHead(inverse)
                inWeights = graph.perReverseRow(inverse)
            }
        case .file(let rescale):
            guard let values = graph.columns.arc(ValueColumns.weight) ?? graph.arcValues else {
                throw InfluenceError(.usage, parameter: "probabilities",
                                     "the file scheme needs per-arc values, but the graph has none (expected an edge list of lines 'u v w' read with its values, or a snapshot converted from one with the file scheme)")
            }
            // Merged weights and each node's sum stay in Double until the weights are stored.
            var merged = graph.combineParallelInDouble(values, initial: 0, { $0 + $1 })
            var sum = [Double](repeating: 0, count: graph.nodeCount)
            for a in 0..<graph.arcCount { sum[Int(graph.outTargets[a])] += merged[a] }
            if !rescale, let v = sum.indices.first(where: { sum[$0] > 1 + Self.sumTolerance }) {
                let shown = (sum[v] * 1e6).rounded() / 1e6
                throw InfluenceError(.data, parameter: "normalizeLT",
                    "node '\(graph.label(of: v))' has LT in-weights summing to \(shown) (expected at most 1, or rescaled to sum to 1)")
            }
            if rescale {
                for a in 0..<graph.arcCount where sum[Int(graph.outTargets[a])] > 1 {
                    merged[a] /= sum[Int(graph.outTargets[a])]
                }
            }
            weights = merged.map { Float($0) }
            inWeights = graph.reverseOrder(weights)
        }
    }

    @_spi(Kernels) public func runForward(_ work: ForwardWork) {
        weights.withUnsafeBufferPointer { w in
            work.run(rule: LTArcRule(weights: w.baseAddress ?? EmptyStorage.float))
        }
    }

    @_spi(Kernels) public func makeReverseTables(method: RRSamplingMethod, costs: SubsetSamplingCosts) throws(InfluenceError) -> any ReverseSamplingTables {
        guard SamplingNode.packs(graph) else {
            throw InfluenceError(.resource, parameter: "graph",
                                 "LT sampling handles graphs of fewer than 2^32 arcs and in-degrees below 2^29 (this graph has \(graph.arcCount) arcs)")
        }
        return LTTables(graph: graph, inWeights: inWeights)
    }

    @_spi(Kernels) public func runReverse(_ work: ReverseWork, tables: any ReverseSamplingTables) {
        guard let tables = tables as? LTTables else {
            preconditionFailure("LinearThreshold.runReverse: tables made by another model")
        }
        graph.inSources.withUnsafeBufferPointer { sources in
            work.run(kernel: LTReverseSampling(graph: sources, tables: tables))
        }
    }
}
