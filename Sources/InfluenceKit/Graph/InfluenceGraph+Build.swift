extension InfluenceGraph {
    /// Builds the compact graph from parsed arcs: forward CSR by a stable counting sort (arcs keep
    /// their input order within a row), parallel arcs counted (or merged), probabilities and LT
    /// weights assigned, then the reverse CSR.
    ///
    /// With weighted-cascade probabilities (and default LT weights) every in-arc of `v` carries
    /// 1/indeg(v), so the reverse rows are filled sequentially and the LT weight arrays share the
    /// probability arrays' storage.
    ///
    /// - Parameter source: the file name used in error messages.
    /// - Complexity: O(n + m).
    public init(arcs: ArcList, options: GraphBuildOptions, format: String, source: String) throws(InfluenceError) {
        let n = arcs.nodeCount
        let fromFile: Bool
        if case .file = options.probabilities { fromFile = true } else { fromFile = false }
        if fromFile, arcs.values == nil {
            throw InfluenceError(.usage, file: source, "--probabilities file needs a third column of probabilities (expected lines 'u v p')")
        }
        // Forward CSR, stable by input order.
        var offsets = CSRConstruction.offsets(keys: arcs.sources, nodeCount: n)
        var (targets, values) = CSRConstruction.scatter(keys: arcs.sources, payload: arcs.targets,
                                                        values: fromFile ? arcs.values : nil, offsets: offsets)
        let parallel: Int
        var inDegree: [Int]
        (parallel, inDegree) = CSRConstruction.parallelArcsAndInDegrees(offsets: offsets, targets: targets, nodeCount: n)
        var ltFromFile: [Float]? = values
        if options.dedupe, parallel > 0 {
            CSRConstruction.mergeParallelArcs(offsets: &offsets, targets: &targets, values: &values, ltWeights: &ltFromFile, nodeCount: n)
            inDegree = CSRConstruction.parallelArcsAndInDegrees(offsets: offsets, targets: targets, nodeCount: n).inDegree
        }
        let m = targets.count
        var inOffsets = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { inOffsets[v + 1] = inOffsets[v] &+ inDegree[v] }
        let inverseInDegree = inDegree.map { $0 == 0 ? Float(0) : 1 / Float($0) }

        // IC probabilities, forward order.
        var probabilities: [Float]
        switch options.probabilities {
        case .weightedCascade:
            probabilities = Self.perTarget(inverseInDegree, targets)
        case .uniform(let p):
            probabilities = [Float](repeating: p, count: m)
        case .trivalency(let seed):
            var rng = Xoshiro256StarStar(seed: seed, stream: 0x7472_6976) // "triv"
            let choices: [Float] = [0.1, 0.01, 0.001]
            probabilities = (0..<m).map { _ in choices[Int(rng.nextBelow(3))] }
        case .file:
            probabilities = values!
            if let bad = probabilities.first(where: { !($0 >= 0 && $0 <= 1) }) {
                throw InfluenceError(.data, file: source, "an arc has probability \(bad) (expected a number in [0, 1])")
            }
        }

        // LT weights, forward order.
        var weights: [Float]
        var weightsAreWC = false
        if fromFile, let given = ltFromFile {
            var sum = [Double](repeating: 0, count: n)
            for a in 0..<m { sum[Int(targets[a])] += Double(given[a]) }
            if !options.normalizeLT, let v = sum.indices.first(where: { sum[$0] > 1 + 1e-5 }) {
                let shown = (sum[v] * 1e6).rounded() / 1e6
                throw InfluenceError(.data, file: source,
                    "node '\(arcs.labels.label(of: v))' has LT in-weights summing to \(shown) (expected at most 1; pass --normalize-lt to rescale them)")
            }
            weights = given
            if options.normalizeLT {
                for a in 0..<m where sum[Int(targets[a])] > 1 { weights[a] = Float(Double(given[a]) / sum[Int(targets[a])]) }
            }
        } else if case .weightedCascade = options.probabilities {
            weights = probabilities // shares storage
            weightsAreWC = true
        } else {
            weights = Self.perTarget(inverseInDegree, targets)
            weightsAreWC = true
        }

        // Reverse CSR.
        let inSources: [UInt32], inProbabilities: [Float], inWeights: [Float]
        var isUniform = false
        if case .uniform = options.probabilities { isUniform = true }
        let wcProbabilities: Bool
        if case .weightedCascade = options.probabilities { wcProbabilities = true } else { wcProbabilities = false }
        let needPermutation = !(wcProbabilities || isUniform) || !weightsAreWC
        let reversed = CSRConstruction.reverse(offsets: offsets, targets: targets, inOffsets: inOffsets, nodeCount: n,
                                               needPermutation: needPermutation)
        inSources = reversed.sources
        let inWC = weightsAreWC || wcProbabilities ? Self.perRow(inverseInDegree, inOffsets) : []
        if wcProbabilities { inProbabilities = inWC }
        else if case .uniform(let p) = options.probabilities { inProbabilities = [Float](repeating: p, count: m) }
        else { inProbabilities = CSRConstruction.gather(probabilities, by: reversed.forwardArc) }
        inWeights = weightsAreWC ? inWC : CSRConstruction.gather(weights, by: reversed.forwardArc)
        let statistics = GraphLoadStatistics(
            format: format, undirectedInput: arcs.undirected, selfLoopsDropped: arcs.selfLoopsDropped,
            parallelArcs: parallel, parallelArcsMerged: options.dedupe,
            probabilityScheme: options.probabilities.description)
        try self.init(nodeCount: n, outOffsets: offsets, outTargets: targets, outProbabilities: probabilities,
                      outWeights: weights, inOffsets: inOffsets, inSources: inSources,
                      inProbabilities: inProbabilities, inWeights: inWeights, labels: arcs.labels,
                      statistics: statistics, validate: false)
    }

    /// `table[targets[a]]` for every arc. Complexity: O(m).
    private static func perTarget(_ table: [Float], _ targets: [UInt32]) -> [Float] {
        [Float](unsafeUninitializedCapacity: targets.count) { out, initialized in
            table.withUnsafeBufferPointer { t in
                targets.withUnsafeBufferPointer { tgt in
                    for a in 0..<tgt.count { out[a] = t[Int(tgt[a])] }
                }
            }
            initialized = targets.count
        }
    }

    /// `table[v]` repeated over each reverse row `v`. Complexity: O(n + m).
    private static func perRow(_ table: [Float], _ inOffsets: [Int]) -> [Float] {
        let m = inOffsets.last ?? 0
        return [Float](unsafeUninitializedCapacity: m) { out, initialized in
            table.withUnsafeBufferPointer { t in
                inOffsets.withUnsafeBufferPointer { off in
                    for v in 0..<t.count {
                        let value = t[v]
                        for slot in off[v]..<off[v + 1] { out[slot] = value }
                    }
                }
            }
            initialized = m
        }
    }
}
