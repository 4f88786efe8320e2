/// Independent cascade (Kempe, Kleinberg, Tardos, KDD 2003, §2) bound to a graph: each newly
/// active `u` gets one chance to activate each inactive out-neighbour `v`, succeeding with the
/// arc's probability p(u, v).
///
/// The probabilities come from a `ProbabilityScheme` and are checked to lie in [0, 1]; nothing
/// else constrains them (a node's in-probabilities may sum above 1). Merged parallel arcs get
/// 1 − Π(1 − pᵢ) over the input arcs they stand for — the chance that at least one of them is
/// live — so deduplication leaves the cascade unchanged.
public struct IndependentCascade: DiffusionModel {
    public let graph: InfluenceGraph
    /// The scheme the probabilities came from.
    public let probabilityScheme: ProbabilityScheme
    /// p of each forward arc.
    public let probabilities: [Float]
    /// p of each reverse-CSR slot.
    public let inProbabilities: [Float]

    public var name: String { "ic" }
    public var scheme: String { probabilityScheme.description }
    public var arcInfluence: [Float] { probabilities }
    public var inArcInfluence: [Float] { inProbabilities }
    public var liveEdges: LiveEdgeView { .independentArcs(probabilities: probabilities) }

    /// Binds IC to `graph` with probabilities from `scheme`:
    /// - `.weightedCascade`: p(u, v) = 1/indeg(v), parallel input arcs counted;
    /// - `.uniform(p)`: every input arc has p;
    /// - `.trivalency(seed)`: each input arc draws one of {0.1, 0.01, 0.001} from the seed's stream,
    ///   in input-arc order;
    /// - `.file`: the graph's arc values.
    ///
    /// - Throws: `InfluenceError(.usage)` (parameter `probabilities`) when `.file` is asked of a
    ///   graph loaded without arc values.
    /// - Complexity: O(n + m).
    public init(graph: InfluenceGraph, probabilities scheme: ProbabilityScheme = .weightedCascade) throws(InfluenceError) {
        self.graph = graph
        probabilityScheme = scheme
        let merged = graph.parallelArcs != nil
        switch scheme {
        case .weightedCascade:
            let degree = graph.inputInDegrees()
            let inverse = degree.map { $0 == 0 ? Float(0) : 1 / Float($0) }
            if merged {
                probabilities = (0..<graph.arcCount).map { a in
                    let q = 1 - 1 / Double(degree[Int(graph.outTargets[a])])
                    return Float(1 - Self.power(q, graph.multiplicity(ofArc: a)))
                }
                inProbabilities = graph.reverseOrder(probabilities)
            } else {
                probabilities = graph.perArcHead(inverse)
                inProbabilities = graph.perReverseRow(inverse)
            }
        case .uniform(let p):
            if merged {
                probabilities = (0..<graph.arcCount).map { Float(1 - Self.power(1 - Double(p), graph.multiplicity(ofArc: $0))) }
                inProbabilities = graph.reverseOrder(probabilities)
            } else {
                probabilities = [Float](repeating: p, count: graph.arcCount)
                inProbabilities = probabilities
            }
        case .trivalency(let seed):
            var rng = Xoshiro256StarStar(seed: seed, stream: 0x7472_6976) // "triv"
            let choices: [Float] = [0.1, 0.01, 0.001]
            let input = (0..<graph.inputArcCount).map { _ in choices[Int(rng.nextBelow(3))] }
            probabilities = Self.merge(input, in: graph)
            inProbabilities = graph.reverseOrder(probabilities)
        case .file:
            guard let values = graph.arcValues else {
                throw InfluenceError(.usage, parameter: "probabilities",
                                     "the file scheme needs per-arc values, but the graph has none (expected an edge list of lines 'u v p' read with its values, or a snapshot converted from one with the file scheme)")
            }
            probabilities = Self.merge(values, in: graph)
            inProbabilities = graph.reverseOrder(probabilities)
        }
    }

    /// 1 − Π(1 − pᵢ) over each merged arc's input arcs.
    static func merge(_ input: [Float], in graph: InfluenceGraph) -> [Float] {
        graph.combineParallel(input, initial: 1, { $0 * (1 - $1) }, finish: { 1 - $0 })
    }

    /// x^k by repeated squaring (exact for the small k of parallel arcs).
    static func power(_ x: Double, _ k: Int) -> Double {
        var result = 1.0, base = x, e = k
        while e > 0 { if e & 1 == 1 { result *= base }; base *= base; e >>= 1 }
        return result
    }

    @_spi(Kernels) public func runForward(_ work: ForwardWork) {
        probabilities.withUnsafeBufferPointer { p in
            work.run(rule: ICArcRule(probabilities: p.baseAddress ?? EmptyStorage.float))
        }
    }

    @_spi(Kernels) public func makeReverseTables(method: RRSamplingMethod, costs: SubsetSamplingCosts) throws(InfluenceError) -> any ReverseSamplingTables {
        // Subset sampling packs node records; beyond their limits the plain coins serve (same distribution).
        if method == .subset && SamplingNode.packs(graph) {
            return ICReverseTables.subset(ICSubsetTables(graph: graph, inProbabilities: inProbabilities, costs: costs))
        }
        return ICReverseTables.plain
    }

    @_spi(Kernels) public func runReverse(_ work: ReverseWork, tables: any ReverseSamplingTables) {
        guard let tables = tables as? ICReverseTables else {
            preconditionFailure("IndependentCascade.runReverse: tables made by another model")
        }
        graph.inOffsets.withUnsafeBufferPointer { offsets in
            graph.inSources.withUnsafeBufferPointer { sources in
                inProbabilities.withUnsafeBufferPointer { probabilities in
                    switch tables {
                    case .subset(let subset):
                        work.run(kernel: ICSubsetReverseSampling(graph: sources, probabilities, tables: subset))
                    case .plain:
                        work.run(kernel: ICReverseSampling(inOffsets: offsets, inSources: sources, inProbabilities: probabilities))
                    }
                }
            }
        }
    }
}

/// The IC sampling tables: SUBSIM's per-node tables, or none for one coin per arc.
enum ICReverseTables: ReverseSamplingTables {
    case subset(ICSubsetTables)
    case plain

    var memoryBytes: Int {
        if case .subset(let tables) = self { return tables.memoryBytes }
        return 0
    }

    var methodName: String {
        if case .subset = self { return RRSamplingMethod.subset.rawValue }
        return RRSamplingMethod.plain.rawValue
    }
}
