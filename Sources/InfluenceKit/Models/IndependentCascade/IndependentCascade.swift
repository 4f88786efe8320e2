#if canImport(Glibc)
import Glibc
#endif

/// Independent cascade (Kempe, Kleinberg, Tardos, KDD 2003, §2) bound to a graph: each newly
/// active `u` gets one chance to activate each inactive out-neighbour `v`, succeeding with the
/// arc's probability p(u, v).
///
/// The probabilities come from a `ProbabilityScheme` and are checked to lie in [0, 1]; nothing
/// else constrains them (a node's in-probabilities may sum above 1). Merged parallel arcs get
/// 1 − Π(1 − pᵢ) = −expm1(Σ log1p(−pᵢ)) over the input arcs they stand for — the chance that at
/// least one of them is live, computed in Double so that thousands of tiny probabilities keep
/// their sum — so deduplication leaves the cascade unchanged.
///
/// The kernels flip coins against `coinThresholds` (one `CoinThreshold` per arc, from the Double
/// probability), not against the Float `probabilities` the heuristics and reports read.
public struct IndependentCascade: DiffusionModel {
    public let graph: InfluenceGraph
    /// The scheme the probabilities came from.
    public let probabilityScheme: ProbabilityScheme
    /// p of each forward arc.
    public let probabilities: [Float]
    /// p of each reverse-CSR slot.
    public let inProbabilities: [Float]
    /// The `CoinThreshold` of each forward arc's probability (computed before rounding to Float).
    public let coinThresholds: [UInt64]
    /// The `CoinThreshold` of each reverse-CSR slot.
    public let inCoinThresholds: [UInt64]

    public var name: String { "ic" }
    public var scheme: String { probabilityScheme.description }
    public var arcInfluence: [Float] { probabilities }
    public var inArcInfluence: [Float] { inProbabilities }

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
        let exact: [Double]
        switch scheme {
        case .weightedCascade:
            let degree = graph.inputInDegrees()
            let inverse = degree.map { $0 == 0 ? 0 : 1 / Double($0) }
            if merged {
                exact = (0..<graph.arcCount).map { a in
                    Self.atLeastOne(inverse[Int(graph.outTargets[a])], of: graph.multiplicity(ofArc: a))
                }
            } else {
                exact = graph.perArcHead(inverse)
            }
        case .uniform(let p):
            if merged {
                exact = (0..<graph.arcCount).map { Self.atLeastOne(Double(p), of: graph.multiplicity(ofArc: $0)) }
            } else {
                exact = [Double](repeating: Double(p), count: graph.arcCount)
            }
        case .trivalency(let seed):
            var rng = Xoshiro256StarStar(seed: seed, stream: 0x7472_6976) // "triv"
            let choices: [Float] = [0.1, 0.01, 0.001]
            let input = (0..<graph.inputArcCount).map { _ in choices[Int(rng.nextBelow(3))] }
            exact = Self.merge(input, in: graph)
        case .file:
            guard let values = graph.arcValues else {
                throw InfluenceError(.usage, parameter: "probabilities",
                                     "the file scheme needs per-arc values, but the graph has none (expected an edge list of lines 'u v p' read with its values, or a snapshot converted from one with the file scheme)")
            }
            exact = Self.merge(values, in: graph)
        }
        probabilities = exact.map { Float($0) }
        inProbabilities = graph.reverseOrder(probabilities)
        coinThresholds = exact.map { CoinThreshold.of($0) }
        inCoinThresholds = graph.reverseOrder(coinThresholds)
    }

    /// −expm1(Σ log1p(−pᵢ)) = 1 − Π(1 − pᵢ) over each merged arc's input arcs, in Double (a
    /// single input arc keeps its p exactly).
    static func merge(_ input: [Float], in graph: InfluenceGraph) -> [Double] {
        guard let groups = graph.parallelArcs else { return input.map { Double($0) } }
        return (0..<graph.arcCount).map { a in
            let first = groups.offsets[a], end = groups.offsets[a + 1]
            if end - first == 1 { return Double(input[groups.inputArcs[first]]) }
            var logMiss = 0.0
            for g in first..<end { logMiss += log1p(-Double(input[groups.inputArcs[g]])) }
            return -expm1(logMiss)
        }
    }

    /// 1 − (1 − p)^k = −expm1(k · log1p(−p)), the chance that one of k arcs of probability p is
    /// live (p itself for k = 1, 1 for p = 1).
    static func atLeastOne(_ p: Double, of k: Int) -> Double {
        if k == 1 || p <= 0 || p >= 1 { return p }
        return -expm1(Double(k) * log1p(-p))
    }

    @_spi(Kernels) public func runForward(_ work: ForwardWork) {
        coinThresholds.withUnsafeBufferPointer { t in
            work.run(rule: ICArcRule(thresholds: t.baseAddress ?? EmptyStorage.uint64))
        }
    }

    @_spi(Kernels) public func makeReverseTables(method: RRSamplingMethod, costs: SubsetSamplingCosts) throws(InfluenceError) -> any ReverseSamplingTables {
        // Subset sampling packs node records; beyond their limits the plain coins serve (same distribution).
        if method == .subset && SamplingNode.packs(graph) {
            return ICReverseTables.subset(ICSubsetTables(graph: graph, inThresholds: inCoinThresholds, costs: costs))
        }
        return ICReverseTables.plain
    }

    @_spi(Kernels) public func runReverse(_ work: ReverseWork, tables: any ReverseSamplingTables) {
        guard let tables = tables as? ICReverseTables else {
            preconditionFailure("IndependentCascade.runReverse: tables made by another model")
        }
        graph.inOffsets.withUnsafeBufferPointer { offsets in
            graph.inSources.withUnsafeBufferPointer { sources in
                inCoinThresholds.withUnsafeBufferPointer { thresholds in
                    switch tables {
                    case .subset(let subset):
                        work.run(kernel: ICSubsetReverseSampling(graph: sources, thresholds, tables: subset))
                    case .plain:
                        work.run(kernel: ICReverseSampling(inOffsets: offsets, inSources: sources, inThresholds: thresholds))
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
