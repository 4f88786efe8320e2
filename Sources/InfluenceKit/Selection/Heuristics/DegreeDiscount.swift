/// Degree discount (Chen, Wang, Yang, "Efficient influence maximization in social networks",
/// KDD 2009, Algorithm 4 "DegreeDiscountIC", https://doi.org/10.1145/1557019.1557047), with each
/// arc's own probability p(u, v): its IC probability, or its LT weight when built for LT (the
/// chance that u alone activates v in either model).
///
/// For a chosen set S and an unchosen node v let
/// - a_v = Σ_{u ∈ S, u→v} p(u, v), the (first-order) chance that a seed already activates v;
/// - b_v = Σ_{w ∈ out(v), w ∉ S} p(v, w), the expected number of unchosen out-neighbours v reaches.
///
/// The score of v is its expected one-hop gain, linearised as in the paper's derivation:
/// `score(v) = (1 − a_v)(1 + b_v) − 1`. With one probability p everywhere and an undirected graph,
/// a_v = t_v·p and b_v = (d_v − t_v)·p, so `score(v) = p · dd_v` with the paper's
/// dd_v = d_v − 2t_v − (d_v − t_v)·t_v·p: the same order as the paper's algorithm.
///
/// Each round takes the best unchosen node (ties: smaller id); choosing u raises a_v of its
/// out-neighbours and lowers b_x of its in-neighbours.
///
/// Complexity: O(n + m_out) to start, O((deg(u)) log n) per choice; O(n) memory.
public struct DegreeDiscount: SeedSelector {
    /// The bound model whose `arcInfluence` is p(u, v) (IC probabilities or LT weights).
    public let model: any DiffusionModel
    /// The graph the model is bound to.
    public var graph: InfluenceGraph { model.graph }
    public var name: String { "degree-discount" }
    public var nestedPrefixes: Bool { true }

    /// A selector for `model`. Complexity: O(1).
    public init(model: any DiffusionModel) {
        self.model = model
    }

    /// The state the scores are computed from.
    struct State {
        var a: [Double]
        var b: [Double]
        var chosen: [Bool]
        /// p of each forward arc and of each reverse arc.
        let outP: [Float]
        let inP: [Float]

        init(_ graph: InfluenceGraph, model: any DiffusionModel) {
            let n = graph.nodeCount
            outP = model.arcInfluence
            inP = model.inArcInfluence
            a = [Double](repeating: 0, count: n)
            b = [Double](repeating: 0, count: n)
            chosen = [Bool](repeating: false, count: n)
            for v in 0..<n {
                var sum = 0.0
                for arc in graph.outOffsets[v]..<graph.outOffsets[v + 1] { sum += Double(outP[arc]) }
                b[v] = sum
            }
        }

        @inline(__always)
        func score(_ v: Int) -> Double { (1 - a[v]) * (1 + b[v]) - 1 }

        /// Marks `u` chosen and updates its neighbours; `touched(node)` sees every changed node.
        mutating func choose(_ u: Int, in graph: InfluenceGraph, touched: (Int) -> Void) {
            chosen[u] = true
            for arc in graph.outOffsets[u]..<graph.outOffsets[u + 1] {
                let v = Int(graph.outTargets[arc])
                if chosen[v] { continue }
                a[v] += Double(outP[arc])
                touched(v)
            }
            for arc in graph.inOffsets[u]..<graph.inOffsets[u + 1] {
                let x = Int(graph.inSources[arc])
                if chosen[x] { continue }
                b[x] -= Double(inP[arc])
                touched(x)
            }
        }
    }

    /// Every node's score after `seeds` have been chosen (chosen nodes score −∞), computed afresh.
    /// Shows what the selection ranks by at each step.
    ///
    /// Complexity: O(n + m).
    public func scores(after seeds: [Int]) -> [Double] {
        var state = State(graph, model: model)
        for u in seeds where !state.chosen[u] { state.choose(u, in: graph) { _ in } }
        return (0..<graph.nodeCount).map { state.chosen[$0] ? -.infinity : state.score($0) }
    }

    public func select(k: Int) throws(InfluenceError) -> SeedRanking {
        try validate(k: k, nodeCount: graph.nodeCount)
        let watch = Stopwatch()
        var state = State(graph, model: model)
        var current = (0..<graph.nodeCount).map { state.score($0) }
        var heap = ScoreHeap(current)
        var seeds: [Int] = [], elapsed: [Double] = []
        seeds.reserveCapacity(k)
        while seeds.count < k, let u = heap.popCurrent(current: current, chosen: state.chosen) {
            seeds.append(u)
            elapsed.append(watch.seconds)
            var changed: [Int] = []
            state.choose(u, in: graph) { changed.append($0) }
            for v in changed {
                let s = state.score(v)
                if s != current[v] { current[v] = s; heap.push(v, s) }
            }
        }
        return SeedRanking(seeds: seeds, seconds: watch.seconds, elapsed: elapsed)
    }
}
