extension InfluenceGraph {
    /// Builds the compact graph from parsed arcs: forward CSR by a stable counting sort (arcs keep
    /// their input order within a row), parallel arcs counted (or merged), probabilities and LT
    /// weights assigned, then the reverse CSR.
    ///
    /// - Parameter source: the file name used in error messages.
    /// - Complexity: O(n + m).
    public init(arcs: ArcList, options: GraphBuildOptions, format: String, source: String) throws(InfluenceError) {
        let n = arcs.nodeCount
        let m0 = arcs.count
        if case .file = options.probabilities, arcs.values == nil {
            throw InfluenceError(.usage, file: source, "--probabilities file needs a third column of probabilities (expected lines 'u v p')")
        }
        // Forward CSR, stable by input order.
        var offsets = [Int](repeating: 0, count: n + 1)
        var targets = [UInt32](repeating: 0, count: m0)
        var values: [Float]? = arcs.values == nil ? nil : [Float](repeating: 0, count: m0)
        arcs.sources.withUnsafeBufferPointer { src in
            offsets.withUnsafeMutableBufferPointer { off in
                for s in src { off[Int(s) + 1] += 1 }
                for i in 0..<n { off[i + 1] += off[i] }
            }
        }
        do {
            var cursor = offsets
            arcs.sources.withUnsafeBufferPointer { src in
                arcs.targets.withUnsafeBufferPointer { dst in
                    cursor.withUnsafeMutableBufferPointer { cur in
                        targets.withUnsafeMutableBufferPointer { tgt in
                            if let given = arcs.values {
                                given.withUnsafeBufferPointer { val in
                                    values!.withUnsafeMutableBufferPointer { out in
                                        for a in 0..<m0 {
                                            let s = Int(src[a]); let slot = cur[s]; cur[s] = slot + 1
                                            tgt[slot] = dst[a]; out[slot] = val[a]
                                        }
                                    }
                                }
                            } else {
                                for a in 0..<m0 {
                                    let s = Int(src[a]); let slot = cur[s]; cur[s] = slot + 1
                                    tgt[slot] = dst[a]
                                }
                            }
                        }
                    }
                }
            }
        }
        // Parallel arcs: an epoch-stamped mark per head, one epoch per row.
        var parallel = 0
        var ltWeights: [Float]? = values // LT weights from the file before merging
        do {
            var stamp = [UInt32](repeating: UInt32.max, count: n)
            var position = [Int](repeating: 0, count: options.dedupe ? n : 0)
            var write = 0
            for u in 0..<n {
                let begin = offsets[u], end = offsets[u + 1]
                offsets[u] = write
                for a in begin..<end {
                    let v = Int(targets[a])
                    if stamp[v] == UInt32(truncatingIfNeeded: u) {
                        parallel += 1
                        if options.dedupe {
                            if values != nil {
                                let k = position[v]
                                values![k] = 1 - (1 - values![k]) * (1 - values![a])
                                ltWeights![k] += ltWeights![a]
                            }
                            continue
                        }
                    }
                    stamp[v] = UInt32(truncatingIfNeeded: u)
                    if options.dedupe {
                        position[v] = write
                        targets[write] = targets[a]
                        if values != nil { values![write] = values![a]; ltWeights![write] = ltWeights![a] }
                    }
                    write += 1
                }
            }
            offsets[n] = write
            if options.dedupe {
                targets.removeSubrange(write...)
                values?.removeSubrange(write...)
                ltWeights?.removeSubrange(write...)
            }
        }
        let m = targets.count

        // In-degrees (for wc and default LT weights).
        var inDegree = [Int](repeating: 0, count: n)
        for t in targets { inDegree[Int(t)] += 1 }

        // IC probabilities.
        var probabilities = [Float](repeating: 0, count: m)
        switch options.probabilities {
        case .weightedCascade:
            for a in 0..<m { probabilities[a] = 1 / Float(inDegree[Int(targets[a])]) }
        case .uniform(let p):
            for a in 0..<m { probabilities[a] = p }
        case .trivalency(let seed):
            var rng = Xoshiro256StarStar(seed: seed, stream: 0x7472_6976) // "triv"
            let choices: [Float] = [0.1, 0.01, 0.001]
            for a in 0..<m { probabilities[a] = choices[Int(rng.nextBelow(3))] }
        case .file:
            guard let given = values else { fatalError("unreachable: checked above") }
            for a in 0..<m {
                let p = given[a]
                guard p >= 0, p <= 1 else {
                    throw InfluenceError(.data, file: source, "an arc has probability \(p) (expected a number in [0, 1])")
                }
                probabilities[a] = p
            }
        }

        // LT weights.
        var weights = [Float](repeating: 0, count: m)
        if case .file = options.probabilities, let given = ltWeights {
            var sum = [Double](repeating: 0, count: n)
            for a in 0..<m { sum[Int(targets[a])] += Double(given[a]) }
            for v in 0..<n where sum[v] > 1 + 1e-5 && !options.normalizeLT {
                let shown = (sum[v] * 1e6).rounded() / 1e6
                throw InfluenceError(.data, file: source,
                    "node '\(arcs.labels.label(of: v))' has LT in-weights summing to \(shown) (expected at most 1; pass --normalize-lt to rescale them)")
            }
            for a in 0..<m {
                let v = Int(targets[a])
                weights[a] = (options.normalizeLT && sum[v] > 1) ? Float(Double(given[a]) / sum[v]) : given[a]
            }
        } else {
            for a in 0..<m { weights[a] = 1 / Float(inDegree[Int(targets[a])]) }
        }

        // Reverse CSR by counting sort over forward rows (sources come out increasing).
        var inOffsets = [Int](repeating: 0, count: n + 1)
        for v in 0..<n { inOffsets[v + 1] = inOffsets[v] + inDegree[v] }
        var inSources = [UInt32](repeating: 0, count: m)
        var inProbabilities = [Float](repeating: 0, count: m)
        var inWeights = [Float](repeating: 0, count: m)
        do {
            var cursor = inOffsets
            offsets.withUnsafeBufferPointer { off in
                targets.withUnsafeBufferPointer { tgt in
                    probabilities.withUnsafeBufferPointer { prob in
                        weights.withUnsafeBufferPointer { wt in
                            cursor.withUnsafeMutableBufferPointer { cur in
                                inSources.withUnsafeMutableBufferPointer { isrc in
                                    inProbabilities.withUnsafeMutableBufferPointer { iprob in
                                        inWeights.withUnsafeMutableBufferPointer { iwt in
                                            for u in 0..<n {
                                                for a in off[u]..<off[u + 1] {
                                                    let v = Int(tgt[a]); let slot = cur[v]; cur[v] = slot + 1
                                                    isrc[slot] = UInt32(truncatingIfNeeded: u)
                                                    iprob[slot] = prob[a]
                                                    iwt[slot] = wt[a]
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let statistics = GraphLoadStatistics(
            format: format, undirectedInput: arcs.undirected, selfLoopsDropped: arcs.selfLoopsDropped,
            parallelArcs: parallel, parallelArcsMerged: options.dedupe,
            probabilityScheme: options.probabilities.description)
        try self.init(nodeCount: n, outOffsets: offsets, outTargets: targets, outProbabilities: probabilities,
                      outWeights: weights, inOffsets: inOffsets, inSources: inSources,
                      inProbabilities: inProbabilities, inWeights: inWeights, labels: arcs.labels,
                      statistics: statistics, validate: false)
    }
}
