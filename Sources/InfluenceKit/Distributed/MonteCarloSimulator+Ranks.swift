extension MonteCarloSimulator {
    /// `simulate(seeds:runs:countNodes:into:progress:communicator:)` over several ranks. The
    /// blocks of `runsPerTask` runs covering `runs` are split into contiguous ranges, one per rank
    /// in rank order; each rank simulates its range with the usual per-run streams and keeps each
    /// block's totals; the blocks are gathered to every rank and merged into `tally` in run order,
    /// exactly as one process merges them, and node counts (integers) are summed.
    ///
    /// - Complexity: O(|runs| / ranks · cascade cost) per rank, plus a gather of 48 bytes per block
    ///   and, with node counts, a reduction of n counts.
    func simulateAcrossRanks(seeds: [UInt32], runs: Range<Int>, countNodes: Bool, into tally: inout MonteCarloTally,
                             progress: any ProgressReporter, communicator: any Communicator) throws(InfluenceError) {
        let n = graph.nodeCount
        let perTask = Self.runsPerTask
        let firstBlock = runs.lowerBound / perTask
        let blocks = (runs.upperBound - 1) / perTask + 1 - firstBlock
        let (rank, size) = (communicator.rank, communicator.size)
        let myFirst = firstBlock + blocks * rank / size, myEnd = firstBlock + blocks * (rank + 1) / size
        let mine = Swift.max(runs.lowerBound, myFirst * perTask)..<Swift.max(Swift.max(runs.lowerBound, myFirst * perTask),
                                                                               Swift.min(runs.upperBound, myEnd * perTask))
        var failure: InfluenceError?
        do {
            try checkMemory(workers: Swift.min(configuration.threads, mine.count / perTask + 1), countNodes: countNodes)
        } catch { failure = error }
        try communicator.agree(failure)

        var kept = [MonteCarloTally]()
        var counts = countNodes ? [Int](repeating: 0, count: n) : []
        if !mine.isEmpty {
            progress.begin("simulating", total: mine.count, unit: "runs")
            let work = ForwardWork(graph: graph, job: .runs(seeds: seeds, runs: mine, countNodes: countNodes),
                                   seed: configuration.seed, threads: configuration.threads, maxSteps: configuration.maxSteps,
                                   progress: progress)
            work.keptBlocks = []
            model.runForward(work)
            progress.end()
            kept = work.keptBlocks ?? []
            if countNodes { counts = work.activationCounts }
        }
        for part in communicator.allGather(Self.encode(kept)) {
            for block in Self.decode(part) { tally.merge(block) }
        }
        if countNodes {
            communicator.sum(&counts)
            if tally.activationCounts.count != n { tally.activationCounts = [Int](repeating: 0, count: n) }
            tally.activationCounts.withUnsafeMutableBufferPointer { total in
                for v in 0..<n { total[v] &+= counts[v] }
            }
        }
    }

    /// Block totals as bytes: six little-endian 64-bit words each (runs, Σ spread, the bits of
    /// Σ squared deviations, minimum, maximum, arcs examined). Complexity: O(blocks).
    static func encode(_ blocks: [MonteCarloTally]) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(blocks.count * 48)
        for b in blocks {
            for word in [UInt64(bitPattern: Int64(b.runs)), UInt64(bitPattern: Int64(b.sum)), b.squaredDeviations.bitPattern,
                         UInt64(bitPattern: Int64(b.minimum)), UInt64(bitPattern: Int64(b.maximum)),
                         UInt64(bitPattern: Int64(b.arcsExamined))] {
                withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        return bytes
    }

    /// The blocks `encode` wrote. Complexity: O(blocks).
    static func decode(_ bytes: [UInt8]) -> [MonteCarloTally] {
        func word(_ offset: Int) -> UInt64 {
            var value: UInt64 = 0
            for i in 0..<8 { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
            return value
        }
        return stride(from: 0, to: bytes.count - bytes.count % 48, by: 48).map { o in
            var block = MonteCarloTally()
            block.runs = Int(Int64(bitPattern: word(o)))
            block.sum = Int(Int64(bitPattern: word(o + 8)))
            block.squaredDeviations = Double(bitPattern: word(o + 16))
            block.minimum = Int(Int64(bitPattern: word(o + 24)))
            block.maximum = Int(Int64(bitPattern: word(o + 32)))
            block.arcsExamined = Int(Int64(bitPattern: word(o + 40)))
            return block
        }
    }
}
