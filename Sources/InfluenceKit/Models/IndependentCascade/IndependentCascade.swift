import Synchronization
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
///
/// The four per-arc arrays (24 bytes an arc) are made on first use. Under weighted cascade
/// without merged arcs every in-arc of a node has the same probability, so the model keeps one
/// threshold per node and RR-set sampling with subset sampling never makes them: `seeds` then holds
/// no per-arc value beyond the graph's own arrays.
public struct IndependentCascade: DiffusionModel {
    public let graph: InfluenceGraph
    /// The scheme the probabilities came from.
    public let probabilityScheme: ProbabilityScheme
    /// The per-arc values, made on first use.
    let arcValues: ICArcValues
    /// Under weighted cascade without merged arcs: the `CoinThreshold` of each node's in-arcs
    /// (all equal), which the sampling tables are built from; nil otherwise.
    let nodeThresholds: [UInt64]?

    /// p of each forward arc (made on first use).
    public var probabilities: [Float] { arcValues.values.probabilities }
    /// p of each reverse-CSR slot (made on first use).
    public var inProbabilities: [Float] { arcValues.values.inProbabilities }
    /// The `CoinThreshold` of each forward arc's probability (computed before rounding to Float;
    /// made on first use).
    public var coinThresholds: [UInt64] { arcValues.values.coinThresholds }
    /// The `CoinThreshold` of each reverse-CSR slot (made on first use).
    public var inCoinThresholds: [UInt64] { arcValues.values.inCoinThresholds }
    /// Whether the per-arc arrays were made (they hold 24 bytes an arc). Complexity: O(1).
    public var holdsArcValues: Bool { arcValues.isMade }

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
        if case .weightedCascade = scheme, !merged {
            // p = 1/indeg(head): one value per node, laid out per arc when asked (forward: by
            // head, reverse: row by row), the same numbers as the general path below.
            var perNodeFloat = [Float](repeating: 0, count: graph.nodeCount)
            var perNodeThreshold = [UInt64](repeating: 0, count: graph.nodeCount)
            for v in 0..<graph.nodeCount {
                let d = graph.inOffsets[v + 1] - graph.inOffsets[v]
                let p = d == 0 ? 0 : 1 / Double(d)
                perNodeFloat[v] = Float(p)
                perNodeThreshold[v] = CoinThreshold.of(p)
            }
            nodeThresholds = perNodeThreshold
            arcValues = ICArcValues { [perNodeFloat, perNodeThreshold] in
                ICArcValues.Values(probabilities: graph.perArcHead(perNodeFloat), inProbabilities: Self.rows(perNodeFloat, of: graph),
                                   coinThresholds: graph.perArcHead(perNodeThreshold),
                                   inCoinThresholds: Self.rows(perNodeThreshold, of: graph))
            }
            return
        }
        nodeThresholds = nil
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
        let probabilities = exact.map { Float($0) }, coinThresholds = exact.map { CoinThreshold.of($0) }
        let values = ICArcValues.Values(probabilities: probabilities, inProbabilities: graph.reverseOrder(probabilities),
                                        coinThresholds: coinThresholds, inCoinThresholds: graph.reverseOrder(coinThresholds))
        arcValues = ICArcValues { values }
    }

    /// Each node's value repeated over its reverse-CSR row (m values in reverse-slot order).
    static func rows<T>(_ perNode: [T], of graph: InfluenceGraph) -> [T] {
        guard graph.arcCount > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: graph.arcCount) { buffer, initialized in
            for v in 0..<graph.nodeCount {
                let start = graph.inOffsets[v], end = graph.inOffsets[v + 1]
                if end > start { (buffer.baseAddress! + start).initialize(repeating: perNode[v], count: end - start) }
            }
            initialized = graph.arcCount
        }
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
            if let nodeThresholds {
                return ICReverseTables.subset(ICSubsetTables(graph: graph, nodeThresholds: nodeThresholds, costs: costs))
            }
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
                switch tables {
                case .subset(let subset) where !subset.readsArcThresholds:
                    // Only per-node parameters are read: the per-arc thresholds are not made.
                    work.run(kernel: ICSubsetReverseSampling(graph: sources, UnsafeBufferPointer(start: nil, count: 0), tables: subset))
                case .subset(let subset):
                    inCoinThresholds.withUnsafeBufferPointer { thresholds in
                        work.run(kernel: ICSubsetReverseSampling(graph: sources, thresholds, tables: subset))
                    }
                case .plain:
                    inCoinThresholds.withUnsafeBufferPointer { thresholds in
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

/// The per-arc arrays of a bound IC model, made once, on first use, by whichever thread asks first.
final class ICArcValues: Sendable {
    struct Values: Sendable {
        var probabilities: [Float]
        var inProbabilities: [Float]
        var coinThresholds: [UInt64]
        var inCoinThresholds: [UInt64]
    }

    private let make: @Sendable () -> Values
    private let state = Mutex<Values?>(nil)

    init(_ make: @escaping @Sendable () -> Values) { self.make = make }

    /// The arrays, made now when they were not yet. Complexity: O(m) the first time, O(1) after.
    var values: Values {
        state.withLock { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }

    /// Whether the arrays were made. Complexity: O(1).
    var isMade: Bool { state.withLock { $0 != nil } }
}
