extension RRSetCollection {
    /// Builds the node → set index by a counting sort over the members, on `workers` threads
    /// (each counts, then fills, a contiguous range of sets; set ids come out increasing within
    /// each node's row, the same for any worker count).
    ///
    /// - Precondition: fewer than 2³² sets.
    /// - Complexity: O(Σ|R| + n·workers) time, 4·Σ|R| + 8·n·(workers + 1) bytes.
    public func makeInvertedIndex(workers: Int = 1) -> RRSetInvertedIndex {
        precondition(count < Int(UInt32.max), "an inverted index holds fewer than 2^32 sets")
        let n = nodeCount
        let total = memberCount
        let sets = count
        // Split the sets into ranges of about equal member counts (small pools: one range).
        let parts = max(1, min(workers, total / 100_000 + 1, sets))
        let bounds = Parallel.balancedRanges(offsets: offsets, parts: parts)

        // Per range: counts, then (after the prefix sums) write cursors.
        var cursors = [[Int]](repeating: [], count: parts)
        members.withUnsafeBufferPointer { mem in
            offsets.withUnsafeBufferPointer { off in
                let memBox = UnsafeSharing(mem), offBox = UnsafeSharing(off)
                let counts = UnsafeMutablePointer<[Int]>.allocate(capacity: parts)
                counts.initialize(repeating: [], count: parts)
                defer { counts.deinitialize(count: parts); counts.deallocate() }
                let countsBox = UnsafeSharing(counts)
                Parallel.forEachTask(parts, workers: parts) { _, p in
                    var local = [Int](repeating: 0, count: n)
                    local.withUnsafeMutableBufferPointer { c in
                        for i in offBox.value[bounds[p]]..<offBox.value[bounds[p + 1]] { c[Int(memBox.value[i])] &+= 1 }
                    }
                    countsBox.value[p] = local
                }
                for p in 0..<parts { cursors[p] = counts[p] }
            }
        }
        var nodeOffsets = [Int](repeating: 0, count: n + 1)
        var running = 0
        for v in 0..<n {
            nodeOffsets[v] = running
            for p in 0..<parts {
                let c = cursors[p][v]
                cursors[p][v] = running
                running &+= c
            }
        }
        nodeOffsets[n] = running

        let setIDs = [UInt32](unsafeUninitializedCapacity: total) { ids, initialized in
            members.withUnsafeBufferPointer { mem in
                offsets.withUnsafeBufferPointer { off in
                    let memBox = UnsafeSharing(mem), offBox = UnsafeSharing(off), idsBox = UnsafeSharing(ids)
                    cursors.withUnsafeMutableBufferPointer { all in
                        let allBox = UnsafeSharing(all)
                        Parallel.forEachTask(parts, workers: parts) { _, p in
                            allBox.value[p].withUnsafeMutableBufferPointer { cursor in
                                for j in bounds[p]..<bounds[p + 1] {
                                    let id = UInt32(truncatingIfNeeded: j)
                                    for i in offBox.value[j]..<offBox.value[j + 1] {
                                        let v = Int(memBox.value[i])
                                        let slot = cursor[v]
                                        idsBox.value[slot] = id
                                        cursor[v] = slot &+ 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            initialized = total
        }
        return RRSetInvertedIndex(nodeOffsets: nodeOffsets, setIDs: setIDs)
    }
}
